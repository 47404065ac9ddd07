divert(-1)
# feature/local_procmail.m4 -- deliver local mail with procmail.
# Arguments: path (default PROCMAIL_MAILER_PATH), argv, mailer flags.
define(`LOCAL_MAILER_PATH', ifelse(_ARG_, `', ifdef(`PROCMAIL_MAILER_PATH', `PROCMAIL_MAILER_PATH', `/usr/local/bin/procmail'), `_ARG_'))
define(`LOCAL_MAILER_ARGS', ifelse(_ARG2_, `', `ifdef(`LOCAL_MAILER_ARGS', `defn(`LOCAL_MAILER_ARGS')', ``procmail -Y -a $h -d $u'')', `_ARG2_'))
define(`LOCAL_MAILER_FLAGS', ifelse(_ARG3_, `', `SPfhn9', `_ARG3_'))
divert(0)dnl
