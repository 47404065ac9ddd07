divert(-1)
# feature/drac.m4 -- relaying for clients whose address the DRAC daemon
# wrote to its map after a POP/IMAP login.  Argument: the map (default
# hash /etc/mail/drac).
define(`_DRAC_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`drac', `_ARG_'))
divert(0)dnl
