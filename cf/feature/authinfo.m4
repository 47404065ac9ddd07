divert(-1)
# feature/authinfo.m4 -- separate authinfo map for SMTP AUTH client data.
define(`_AUTHINFO_TABLE_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`authinfo',
	_ARG_, `LDAP', `_CF_LDAP_MAP_(`authinfo')', `_ARG_'))
divert(0)dnl
