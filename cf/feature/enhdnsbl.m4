divert(-1)
# feature/enhdnsbl.m4 -- like dnsbl; arguments: zone, reject message, `t'
# for temporary failures, then the lookup results that count as listed
# (default: any 127.x address).
define(`_EDNSBL_ADD_', `define(`_EDNSBL_LIST_', 1)_BL_APPEND_(`_EDNSBL_ENTRY_($@)')')
_EDNSBL_ADD_(ifelse(_ARG_, `', `_CF_FATAL_(`missing argument for FEATURE(`enhdnsbl')')', `defn(`_ARG_')'), defn(`_ARG2_'), defn(`_ARG3_'), defn(`_ARG4_'), defn(`_ARG5_'), defn(`_ARG6_'), defn(`_ARG7_'), defn(`_ARG8_'))
divert(0)dnl
