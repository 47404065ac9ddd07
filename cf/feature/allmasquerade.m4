divert(-1)
# feature/allmasquerade.m4 -- masquerade recipient headers as well.
define(`_ALL_MASQUERADE_', 1)
divert(0)dnl
