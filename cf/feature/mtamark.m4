divert(-1)
# feature/mtamark.m4 -- MTAMark (experimental): check_relay refuses a client
# whose address has the TXT record 0 under _perm._smtp._srv (a record of 1
# marks an MTA; no record lets it pass).  Arguments: the refusal text
# (default "550 Rejected: " <address> " not listed as MTA"), what to do
# when the lookup fails for the moment (empty: pass as TMPOK; t: a 451
# error naming the record; else that error text), the record name instead
# of _perm._smtp._srv.  MTAMARK_TO is the DNS timeout (5 s).
define(`_MTAMARK_', 1)
define(`_MTAMARK_RR_', ifelse(defn(`_ARG3_'), `', `_perm._smtp._srv', defn(`_ARG3_')))
define(`_MTAMARK_MSG_', ifelse(defn(`_ARG_'), `',
	`"550 Rejected: " $`'&{client_addr} " not listed as MTA"', defn(`_ARG_')))
ifelse(defn(`_ARG2_'), `', `',
	defn(`_ARG2_'), `t', `define(`_MTAMARK_TMP_MSG_', `"451 Temporary lookup failure of " '_MTAMARK_RR_`.$`'&{client_addr}')',
	`define(`_MTAMARK_TMP_MSG_', defn(`_ARG2_'))')
divert(0)dnl
