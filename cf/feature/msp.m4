divert(-1)
# feature/msp.m4 -- the configuration of the mail submission program
# (submit.cf): no daemon, its own queue (/var/spool/clientmqueue), run as
# smmsp, and every local address handed over SMTP to the MTA.
# Arguments: the MTA host (default [localhost]; brackets skip MX lookups),
# then `MSA' for port 587 or a port number.
define(`_MSP_', 1)
define(`_MTA_HOST_', ifelse(_ARG_, `', `[localhost]', `_ARG_'))
define(`_MSP_PORT_', ifelse(_ARG2_, `MSA', `587', `_ARG2_'))
define(`_MSP_SET_', `ifdef(`$1', `', `define(`$1', `$2')')')
_MSP_SET_(`MSP_QUEUE_DIR', `/var/spool/clientmqueue')
define(`QUEUE_DIR', defn(`MSP_QUEUE_DIR'))
_MSP_SET_(`confDELIVERY_MODE', `i')
_MSP_SET_(`confQUEUE_FILE_MODE', `0660')
_MSP_SET_(`confUSE_MSP', `True')
_MSP_SET_(`confPRIVACY_FLAGS', `goaway,noetrn,restrictqrun')
_MSP_SET_(`confRUN_AS_USER', `smmsp')
_MSP_SET_(`confTRUSTED_USER', `smmsp')
_MSP_SET_(`confDONT_PROBE_INTERFACES', `True')
_MSP_SET_(`STATUS_FILE', defn(`MSP_QUEUE_DIR')`/sm-client.st')
_MSP_SET_(`confPID_FILE', defn(`MSP_QUEUE_DIR')`/sm-client.pid')
define(`confFORWARD_PATH', `')
define(`ALIAS_FILE', `_CF_NONE_')
_MSP_SET_(`confDAEMON_OPTIONS_MSP_', `Name=NoMTA, Addr=127.0.0.1, M=E')
define(`_NO_DEFAULT_MSA_', 1)
DAEMON_OPTIONS(defn(`confDAEMON_OPTIONS_MSP_'))
# the local mailer talks SMTP to the MTA; ruleset 5 sends every address there
define(`LOCAL_MAILER_PATH', `[IPC]')
define(`LOCAL_MAILER_FLAGS', `lmDFMuXkw5')
define(`LOCAL_MAILER_ARGS', ifelse(_MSP_PORT_, `', `TCP $h', `TCP $h '_MSP_PORT_))
define(`LOCAL_MAILER_EOL', `\r\n')
define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `SMTP')
define(`_MSP_LOCAL_', 1)
# so does the prog mailer
define(`LOCAL_SHELL_PATH', `[IPC]')
define(`LOCAL_SHELL_FLAGS', `lmDFMuXk5')
define(`LOCAL_SHELL_ARGS', defn(`LOCAL_MAILER_ARGS'))
# the SMTP mailers add k and 5 (relay k) to whatever flags the .mc gives them
MODIFY_MAILER_FLAGS(`SMTP', `+k5')MODIFY_MAILER_FLAGS(`ESMTP', `+k5')dnl
MODIFY_MAILER_FLAGS(`SMTP8', `+k5')MODIFY_MAILER_FLAGS(`DSMTP', `+k5')dnl
MODIFY_MAILER_FLAGS(`RELAY', `+k')
ifelse(_MSP_PORT_, `', `', `_MSP_SET_(`RELAY_MAILER_ARGS', `TCP $h '_MSP_PORT_)')
undefine(`_MSP_SET_')
# it brings MAILER(`local') and MAILER(`smtp') along: a FEATURE after it comes after MAILERs
define(`_MAILERS_SEEN_', `FEATURE(`msp'), which brings MAILER(`local') and MAILER(`smtp')')
divert(0)dnl
