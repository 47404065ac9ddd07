divert(-1)
# feature/bcc.m4 -- extra blind copies (option AddBcc): sendmail asks
# ruleset bcc about each recipient; a recipient whose domain is listed
# gets a copy sent to it on the host $A.  Arguments: the map (default hash
# /etc/mail/bcctable; `access' uses bcc:domain entries of the access map),
# the host for the copies ($A), the address the copy goes to instead of the
# recipient, and a canonicalRcpt map that the copy's address must be in
# (its value is the address used).
ifelse(_ARG_, `access', `ifdef(`_ACCESS_TABLE_', `',
	`_CF_FATAL_(`FEATURE(`bcc', `access') requires FEATURE(`access_db')')')define(`_BCC_ACCESS_', 1)define(`_BCC_TABLE_', `')',
	`define(`_BCC_TABLE_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`bcctable', `_ARG_'))')
ifelse(_ARG2_, `', `', `define(`_BCC_HOST_', defn(`_ARG2_'))')
ifelse(_ARG3_, `', `', `define(`_BCC_RESULT_', defn(`_ARG3_'))')
ifelse(_ARG4_, `', `', `define(`_BCC_CANON_', defn(`_ARG4_'))')
ifdef(`confADD_BCC', `', `define(`confADD_BCC', `true')')
divert(0)dnl
