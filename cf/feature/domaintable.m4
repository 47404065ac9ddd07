divert(-1)
# feature/domaintable.m4 -- rewrite old domain names to new ones through the domaintable map.
define(`_DOMAIN_TABLE_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`domaintable',
	_ARG_, `LDAP', `_CF_LDAP_MAP_(`domain')', `_ARG_'))
divert(0)dnl
