divert(-1)
# ostype/solaris8.m4 -- Solaris 8 and later: /usr/lib/mail.local.
define(`confEBINDIR', `/usr/lib')
ifdef(`LOCAL_MAILER_PATH', `', `define(`LOCAL_MAILER_PATH', `/usr/lib/mail.local')')
ifdef(`LOCAL_MAILER_FLAGS', `', `define(`LOCAL_MAILER_FLAGS', `fSmn9')')
ifdef(`LOCAL_MAILER_ARGS', `', `define(`LOCAL_MAILER_ARGS', `mail.local -d $u')')
divert(0)dnl
