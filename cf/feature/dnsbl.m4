divert(-1)
# feature/dnsbl.m4 -- reject clients listed in a DNS block list.
# Arguments: zone, reject message, `t' to refuse temporarily when the
# lookup fails.  May be used several times; the lists are tried in order,
# enhdnsbl ones among them in the order the FEATUREs came.
define(`_DNSBL_ADD_', `define(`_DNSBL_LIST_', 1)_BL_APPEND_(`_DNSBL_ENTRY_(`$1', `$2', `$3')')')
_DNSBL_ADD_(ifelse(_ARG_, `', `_CF_FATAL_(`missing argument for FEATURE(`dnsbl')')', `defn(`_ARG_')'), defn(`_ARG2_'), defn(`_ARG3_'))
divert(0)dnl
