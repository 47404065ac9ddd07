divert(-1)
# feature/relay_entire_domain.m4 -- relay for every host in our domain (class m).
define(`_RELAY_ENTIRE_DOMAIN_', 1)
divert(0)dnl
