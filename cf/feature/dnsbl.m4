divert(-1)
# feature/dnsbl.m4 -- reject clients listed in a DNS block list.
# Arguments: zone, reject message, temp-fail behaviour.
define(`_DNSBL_LIST_', ifdef(`_DNSBL_LIST_', `defn(`_DNSBL_LIST_')')`_DNSBL_ENTRY_(`'_ARG_`', `'_ARG2_`', `'_ARG3_`')')
divert(0)dnl
