divert(-1)
# feature/bitdomain.m4 -- BITNET hosts (host.BITNET) that have an Internet
# domain name are rewritten to it through the bitdomain map (key: the host).
define(`_BITDOMAIN_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`bitdomain',
	_ARG_, `LDAP', `_CF_LDAP_MAP_(`bitdomain')', `_ARG_'))
divert(0)dnl
