divert(-1)
# feature/access_db.m4 -- policy lookups (Connect:, From:, To: ...) in the access map.
# Arguments: map spec, then options skip, lookupdotdomain, relaytofulladdress.
define(`_ACCESS_TABLE_', ifelse(_ARG_, `', `hash -T<TMPF> -o '_CF_SETTINGS_`access', `_ARG_'))
define(`_ACCESS_ARGS_', ` '_ARG2_` '_ARG3_` '_ARG4_` ')
divert(0)dnl
