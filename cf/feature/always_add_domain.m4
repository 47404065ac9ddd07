divert(-1)
# feature/always_add_domain.m4 -- add this host's name to unqualified local addresses, also for local delivery.
define(`_ALWAYS_ADD_DOMAIN_', 1)
divert(0)dnl
