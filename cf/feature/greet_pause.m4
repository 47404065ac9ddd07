divert(-1)
# feature/greet_pause.m4 -- wait before the greeting; argument: default
# milliseconds.  GreetPause: entries of the access map override it, when
# FEATURE(`access_db') comes first.
define(`_GREET_PAUSE_', ifelse(_ARG_, `', `0', _ARG_))
ifdef(`_ACCESS_TABLE_', `define(`_GREET_PAUSE_ACC_', 1)',
	`define(`_GREET_PAUSE_ACC_', 0)_CF_WARN_(`FEATURE(`greet_pause') before FEATURE(`access_db'): greet_pause will not use access_db')')
divert(0)dnl
