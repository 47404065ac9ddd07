divert(-1)
# feature/badmx.m4 -- reject sender domains whose MX is a bad address.
define(`_BADMX_CHK_', 1)
divert(0)dnl
