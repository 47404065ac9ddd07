divert(-1)
# feature/dnsbl.m4 -- reject clients listed in a DNS block list.
# Arguments: zone, reject message, `t' to refuse temporarily when the
# lookup fails.  May be used several times; the lists are tried in order.
define(`_DNSBL_ADD_', `define(`_DNSBL_LIST_', ifdef(`_DNSBL_LIST_', `defn(`_DNSBL_LIST_')')`_DNSBL_ENTRY_(`$1', `$2', `$3')')')
_DNSBL_ADD_(ifelse(_ARG_, `', `_CF_FATAL_(`missing argument for FEATURE(`dnsbl')')', `defn(`_ARG_')'), defn(`_ARG2_'), defn(`_ARG3_'))
divert(0)dnl
