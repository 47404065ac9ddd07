divert(-1)
# feature/redirect.m4 -- user@host.REDIRECT rejects with "User has moved" (use in aliases).
define(`_REDIRECT_', 1)
divert(0)dnl
