divert(-1)
# feature/local_lmtp.m4 -- deliver local mail through LMTP (mail.local -l).
# Arguments: the program (default mail.local in confEBINDIR, which the
# OSTYPE sets, else /usr/libexec), its argv (default mail.local -l).
define(`LOCAL_MAILER_PATH', ifelse(_ARG_, `', ifdef(`confEBINDIR', `confEBINDIR', `/usr/libexec')`/mail.local', `_ARG_'))
define(`LOCAL_MAILER_FLAGS', `PSXmnz9')
define(`LOCAL_MAILER_ARGS', ifelse(_ARG2_, `', `mail.local -l', `_ARG2_'))
define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `SMTP')
define(`_LOCAL_LMTP_', 1)
divert(0)dnl
