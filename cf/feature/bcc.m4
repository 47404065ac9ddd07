divert(-1)
# feature/bcc.m4 -- extra blind copies: the bcctable map names, for a
# recipient domain (or .parent domain, or a local name), an address that
# gets a copy (option AddBcc).  Argument: the map (default hash
# /etc/mail/bcctable).
define(`_BCC_TABLE_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`bcctable', `_ARG_'))
ifdef(`confADD_BCC', `', `define(`confADD_BCC', `true')')
divert(0)dnl
