divert(-1)
# feature/ldap_routing.m4 -- recipients of the LDAPROUTE_DOMAIN domains (and
# of LDAPROUTE_EQUIVALENT ones, looked up as user@$M) are routed by two
# lookups of user@domain: mailRoutingAddress (a new address) and mailHost
# (the host that gets the mail).  Arguments: the mailHost map, the
# mailRoutingAddress map (both default to LDAP queries), what to do with a
# user found in neither (passthru, the default: deliver as addressed;
# bounce: refuse the recipient; sendertoo: refuse the sender as well),
# +detail (strip: look up user@domain if user+detail@domain is not found;
# preserve: the same and keep +detail on the new address), anything in the
# fifth argument skips the @domain lookup, and the sixth says what a
# temporary lookup failure does (queue, the default, or tempfail: refuse
# the SMTP recipient with 451).
define(`_LDAP_MH_SPEC_', ifelse(_ARG_, `',
	`ldap -1 -T<TMPF> -v mailHost -k (&(objectClass=inetLocalMailRecipient)(mailLocalAddress=%0))', `_ARG_'))
define(`_LDAP_MRA_SPEC_', ifelse(_ARG2_, `',
	`ldap -1 -T<TMPF> -v mailRoutingAddress -k (&(objectClass=inetLocalMailRecipient)(mailLocalAddress=%0))', `_ARG2_'))
define(`_LDAP_ROUTING_', ifelse(_ARG3_, `', `passthru', _ARG3_, `passthru', `passthru',
	_ARG3_, `sendertoo', `sendertoo', `bounce'))
define(`_LDAP_DETAIL_', ifelse(_ARG4_, `strip', `strip', _ARG4_, `preserve', `preserve', `'))
ifelse(_ARG_, `', `define(`_LDAP_DEFAULT_MAPS_', 1)', _ARG2_, `', `define(`_LDAP_DEFAULT_MAPS_', 1)')
ifelse(_ARG5_, `', `', `define(`_LDAP_NODOMAIN_', 1)')
ifelse(_ARG6_, `tempfail', `define(`_LDAP_TEMPFAIL_', 1)')
divert(0)dnl
