divert(-1)
# feature/local_no_masquerade.m4 -- do not masquerade mail to local users.
define(`_LOCAL_NO_MASQUERADE_', 1)
divert(0)dnl
