divert(-1)
# feature/uucpdomain.m4 -- UUCP hosts (host.UUCP, host!user) that have an
# Internet domain name are rewritten to it through the uudomain map.
define(`_UUDOMAIN_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`uudomain', `_ARG_'))
divert(0)dnl
