divert(-1)
# feature/nullclient.m4 -- send all mail to one hub; no local delivery.
# Argument: the hub host (becomes $S and the masquerade name $M).
ifelse(_ARG_, `', `_CF_FATAL_(`FEATURE(nullclient) needs the hub host name')')
define(`SMART_HOST', _ARG_)
define(`_NULL_CLIENT_ONLY_', 1)
define(`_MAIL_HUB_', _ARG_)
define(`_MASQUERADE_AS_', _ARG_)
define(`confFORWARD_PATH', `')
divert(0)dnl
