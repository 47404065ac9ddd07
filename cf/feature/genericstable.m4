divert(-1)
# feature/genericstable.m4 -- rewrite outgoing sender addresses through the generics map.
define(`_GENERICS_TABLE_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`genericstable', `_ARG_'))
divert(0)dnl
