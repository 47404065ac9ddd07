divert(-1)
# domain/debian-mta.m4 -- site defaults of Debian's sendmail MTA (used with
# OSTYPE(`debian')): shorter SMTP timeouts, no ident lookups beyond 5s,
# a greeting that says unsolicited mail is refused, NUL bytes rejected, the
# host status directory (a .mc may undefine it again).  Features such as
# use_cw_file or access_db are left to the .mc itself.
define(`confFORWARD_PATH', `$z/.forward.$w:$z/.forward')
define(`confMAX_HOP', `100')
define(`confMAX_DAEMON_CHILDREN', `0')
define(`confMAX_RUNNERS_PER_QUEUE', `5')
define(`confME_TOO', `True')
dnl a lone quote character needs other m4 quotes for a moment
changequote([, ])define([confMUST_QUOTE_CHARS], [.'])changequote(`, ')
define(`confREJECT_NUL', `true')
define(`confRRT_IMPLIES_DSN', `False')
define(`confSAFE_FILE_ENV', `/')
define(`confBIND_OPTS', `+WorkAroundBrokenAAAA')
define(`confTO_IDENT', `5s')
define(`confTO_COMMAND', `5m')
define(`confTO_DATAINIT', `2m')
define(`confTO_ICONNECT', `2m')
define(`confTO_MAIL', `2m')
define(`confTO_QUIT', `2m')
define(`confTO_RSET', `1m')
define(`confSMTP_LOGIN_MSG', `$j Sendmail $v/$Z; $b; (No UCE/UBE) $?{client_addr}logging access from: ${client_name}(${client_resolve})-$_$.')
define(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
divert(0)dnl
