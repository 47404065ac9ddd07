divert(-1)
# feature/canonify_hosts.m4 -- canonify hosts in class Canonify without a lookup.
define(`_CANONIFY_HOSTS_', 1)
divert(0)dnl
