divert(-1)
# feature/nullclient.m4 -- send all non-local mail to one hub and
# masquerade every sender (envelope and headers) as the hub.
# Argument: the hub host (becomes $S, $H and the masquerade name $M).
ifelse(_ARG_, `', `_CF_FATAL_(`FEATURE(nullclient) needs the hub host name')')
define(`SMART_HOST', _ARG_)
define(`_NULL_CLIENT_ONLY_', 1)
define(`_NULL_HUB_', _ARG_)
define(`_MASQUERADE_AS_', _ARG_)
define(`_MASQUERADE_ENVELOPE_', 1)
define(`_ALL_MASQUERADE_', 1)
# senders are shown as their address only; no local delivery, so no
# .forward files either
define(`confFROM_HEADER', `<$g>')
define(`confFORWARD_PATH', `')
# it brings MAILER(`local') and MAILER(`smtp') along: a FEATURE after it comes after MAILERs
define(`_MAILERS_SEEN_', `FEATURE(`nullclient'), which brings MAILER(`local') and MAILER(`smtp')')
divert(0)dnl
