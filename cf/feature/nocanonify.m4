divert(-1)
# feature/nocanonify.m4 -- do not look host names up, except those in
# CANONIFY_DOMAIN(_FILE); names with a dot are taken as canonical.
# Argument canonify_hosts: bare host names (no dot) are still looked up.
define(`_NO_CANONIFY_', 1)
ifelse(_ARG_, `canonify_hosts', `define(`_CANONIFY_HOSTS_', 1)')
divert(0)dnl
