divert(-1)
# feature/drac.m4 -- relaying for clients whose address the DRAC daemon
# wrote to its map after a POP/IMAP login.  Argument: the map (default
# btree -o /etc/mail/dracd).
define(`_DRAC_', ifelse(_ARG_, `', `btree -o '_CF_SETTINGS_`dracd', `_ARG_'))
divert(0)dnl
