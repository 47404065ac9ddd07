divert(-1)
# feature/prefixmod.m4 -- modifiers in access map values.
define(`_PREFIX_MOD_', `_ARG_')
divert(0)dnl
