divert(-1)
# feature/lookupdotdomain.m4 -- also look up .domain in the access map.
define(`_LOOKUPDOTDOMAIN_', 1)
divert(0)dnl
