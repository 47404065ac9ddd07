divert(-1)
# feature/enhdnsbl.m4 -- like dnsbl, with the result values that count.
define(`_EDNSBL_LIST_', ifdef(`_EDNSBL_LIST_', `defn(`_EDNSBL_LIST_')')`_EDNSBL_ENTRY_(`'_ARG_`', `'_ARG2_`', `'_ARG3_`', `'_ARG4_`')')
divert(0)dnl
