divert(-1)
# feature/canonify_hosts.m4 -- with nocanonify: still look up bare host
# names (same as FEATURE(`nocanonify', `canonify_hosts')).
define(`_CANONIFY_HOSTS_', 1)
divert(0)dnl
