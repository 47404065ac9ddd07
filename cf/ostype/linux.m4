divert(-1)
# ostype/linux.m4 -- Linux: procmail is the local delivery agent.
define(`_OSTYPE_FILE_', `linux')
define(`confEBINDIR', `/usr/sbin')
ifdef(`LOCAL_MAILER_PATH', `', `define(`LOCAL_MAILER_PATH', `/usr/bin/procmail')')
ifdef(`LOCAL_MAILER_FLAGS', `', `define(`LOCAL_MAILER_FLAGS', `SPfhn9')')
ifdef(`LOCAL_MAILER_ARGS', `', `define(`LOCAL_MAILER_ARGS', `procmail -a $h -d $u')')
ifdef(`PROCMAIL_MAILER_PATH', `', `define(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')')
divert(0)dnl
