divert(-1)
# feature/compat_check.m4 -- check sender/recipient pairs in the access map.
define(`_COMPAT_CHECK_', 1)
divert(0)dnl
