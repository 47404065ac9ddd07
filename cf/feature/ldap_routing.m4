divert(-1)
# feature/ldap_routing.m4 -- route by LDAP lookups (mailHost/mailRoutingAddress).
define(`_LDAP_ROUTING_', `_ARG_')
divert(0)dnl
