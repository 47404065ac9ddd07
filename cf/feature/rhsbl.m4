divert(-1)
# feature/rhsbl.m4 -- refuse senders whose domain is listed in a DNS block
# list of domains ("right-hand side" lists).  Checked with the client
# (check_relay), so it sees the sender only with delay_checks.  Arguments:
# the zone, the reject text, and `t' (or a text of its own) to refuse
# temporarily when the lookup fails.  May be used several times; the
# access map entries rhs:domain or rhs:user@domain with OK or RELAY exempt
# a sender.  Needs FEATURE(`access_db').  The lookups go through the host
# map, or through the dnsbl map (a DNS A lookup, quiet when it fails) when
# FEATURE(`dnsbl') is used anywhere in the .mc, as with sendmail's package.
ifelse(defn(`_ARG_'), `', `_CF_FATAL_(`missing argument for FEATURE(`rhsbl')')')
ifdef(`_ACCESS_TABLE_', `', `_CF_FATAL_(`FEATURE(`rhsbl') requires FEATURE(`access_db')')')
define(`_RHSBL_USED_', 1)
define(`_RHSBL_ADD_', `_BL_APPEND_(`_RHSBL_ENTRY_(`$1', `$2', `$3')')')
_RHSBL_ADD_(defn(`_ARG_'), defn(`_ARG2_'), defn(`_ARG3_'))
divert(0)dnl
