divert(-1)
# feature/access_db.m4 -- policy lookups (Connect:, From:, To: ...) in the access map.
# Arguments: map spec, then any of the options skip (SKIP ends a host/domain
# or address search as "not listed"), lookupdotdomain (also try .domain)
# and relaytofulladdress (To:user@domain RELAY).
define(`_ACCESS_TABLE_', ifelse(_ARG_, `', `hash -T<TMPF> '_CF_SETTINGS_`access', `_ARG_'))
define(`_ACCESS_ARGS_', ` '_ARG2_` '_ARG3_` '_ARG4_` ')
ifelse(index(_ACCESS_ARGS_, ` skip '), -1, `', `define(`_ACCESS_SKIP_', 1)')
ifelse(index(_ACCESS_ARGS_, ` lookupdotdomain '), -1, `', `define(`_LOOKUPDOTDOMAIN_', 1)')
ifelse(index(_ACCESS_ARGS_, ` relaytofulladdress '), -1, `', `define(`_RELAY_FULL_ADDR_', 1)')
divert(0)dnl
