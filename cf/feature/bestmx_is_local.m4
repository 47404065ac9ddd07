divert(-1)
# feature/bestmx_is_local.m4 -- treat domains whose best MX is us as local.
define(`_BESTMX_IS_LOCAL_', `_ARG_')
divert(0)dnl
