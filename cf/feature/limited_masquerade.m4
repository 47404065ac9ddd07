divert(-1)
# feature/limited_masquerade.m4 -- masquerade only MASQUERADE_DOMAIN hosts, not class w.
define(`_LIMITED_MASQUERADE_', 1)
divert(0)dnl
