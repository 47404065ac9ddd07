divert(-1)
# feature/nopercenthack.m4 -- `%' in a local part is no route (user%host).
# Argument: reject (refuse to relay such recipients) or nospecial (a plain
# character).
ifelse(_ARG_, `reject', `', _ARG_, `nospecial', `',
	`_CF_FATAL_(`FEATURE(`nopercenthack') needs the argument reject or nospecial')')
define(`_NO_PERCENTHACK_', _ARG_)
divert(0)dnl
