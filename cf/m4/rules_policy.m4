divert(-1)
dnl # rules_policy.m4 -- the SMTP policy rulesets sendmail calls by name:
dnl # check_relay (connection), check_mail (MAIL FROM), check_rcpt (RCPT TO),
dnl # with the access map lookups (SearchList and the per-key-type rulesets
dnl # D domain, A address, F full address, U user@).  Each Local_check_*
dnl # is the administrator's hook (LOCAL_RULESETS) and runs first.
define(`_ACC_', ifdef(`_ACCESS_TABLE_', 1, 0))
dnl # relay_hosts_only: To: and Connect: entries name one host (E, the key
dnl # alone), not a domain with its subdomains (D, which also applies
dnl # lookupdotdomain)
define(`_HOST_OR_DOMAIN_', ifdef(`_RELAY_HOSTS_ONLY_', `E', `D'))
dnl # access_db skip: a SKIP value ends the search as "not listed"
define(`_ACC_SKIP_RULE_', `ifdef(`_ACCESS_SKIP_', `R< SKIP > < $`'+ > < $`'* > < $`'+ > < $`'* >	$`'@ < $`'2 > < $`'4 >
')')
dnl # with delay_checks the relay and sender checks run from check_rcpt, so
dnl # sendmail must not find check_relay/check_mail under their own names
define(`_CHK_', `ifdef(`_DELAY_CHECKS_', `Delayed_$1', `check_$1')')
dnl # use_client_ptr: the Connect: lookups take the name the client's
dnl # address maps to (${client_ptr}), even one that does not map back
define(`_CLIENT_NAME_', ifdef(`_USE_CLIENT_PTR_', `$&{client_ptr}', `$&{client_name}'))
dnl # what a map lookup that failed for the moment (-T<TMPF>) answers
define(`_TMPF_ERR_', `$`'# error $`'@ 4.3.0 $: "451 Temporary system failure. Please try again later."')
divert(0)dnl
##################################################################
###  canonical address for the policy checks                   ###
##################################################################
SCanonAddr
R$*			$: $>canonify $1
R$*			$@ $>Parse0 $1

SParseRecipient
R$*			$: $>CanonAddr $1
R$+ < @ $+ . >		$: $1 < @ $2 >
R$* < @ $* > $*		$@ $1 < @ $2 > $3

##################################################################
###  check_relay: the connecting client                        ###
##################################################################
SLocal_check_relay
S`'_CHK_(`relay')
R$*			$: $1 $| $>Local_check_relay $1
R$* $| $* $| $# $*	$# $3
ifdef(`_RATE_CONTROL_', `ifelse(_CTL_NOW_(`RATE'), 1, `', `R$* $| $* $| $*		$: $1 $| $2 $| $>RateControl dummy
R$* $| $* $| $# $*	$# $3
')')dnl
ifdef(`_CONN_CONTROL_', `ifelse(_CTL_NOW_(`CONN'), 1, `', `R$* $| $* $| $*		$: $1 $| $2 $| $>ConnControl dummy
R$* $| $* $| $# $*	$# $3
')')dnl
R$* $| $* $| $*		$@ $>Basic_check_relay $1 $| $2

SBasic_check_relay
R$*			$: $&{client_addr}
R$@			$@ OK
R127.0.0.1		$@ RELAY
dnl the client name (and its parent domains) first, then the address
ifelse(_ACC_, 1, `R$+			$: < $1 > $| $>D < _CLIENT_NAME_ > < ? > < +Connect > < >
R< $+ > $| < ? > $*	$: $>A < $1 > < ? > < +Connect > < >
R< $+ > $| $*		$: $2
R< ? > $*		$: < ? >
R< $* <TMPF> > $*	_TMPF_ERR_
R< OK > $*		$@ OK
R< RELAY > $*		$@ RELAY
R< REJECT > $*		$# error ifdef(`confREJECT_MSG', `$: confREJECT_MSG', `$@ 5.7.1 $: "550 Access denied"')
R< DISCARD > $*		$# discard $: discard
R< QUARANTINE : $+ > $*	$# error $@ quarantine $: $1
R< ERROR : $-.$-.$- : $+ > $*	$# error $@ $1.$2.$3 $: $4
R< ERROR : $+ > $*	$# error $: $1
R< ? >			$: $&{client_addr}
R< $* > $*		$@ $1
')dnl
ifdef(`_MTAMARK_', `# mtamark: the TXT record _MTAMARK_RR_.<reversed address>.in-addr.arpa
# of the client says 1 (an MTA) or 0 (none: refused)
R$*			$: $&{client_addr}
R$-.$-.$-.$-		$: < ? > $(mtamark _MTAMARK_RR_.$4.$3.$2.$1.in-addr.arpa. $: OK $)
R< ? > 1 .		$: OKSOFAR
R< ? > 0 .		$# error $@ 5.7.1 $: _MTAMARK_MSG_
R< ? > $+ <TMP>		ifdef(`_MTAMARK_TMP_MSG_', `$`'# error $`'@ 4.4.3 $: _MTAMARK_TMP_MSG_', `$: TMPOK')
')dnl
_CF_DNSBL_RULES_`'dnl
ifdef(`_REQUIRE_RDNS_', `R$*			$: < $&{client_resolve} >
R< FAIL >		$# error $@ 5.7.1 $: "550 Fix reverse DNS for " $&{client_addr}
R< TEMP >		$# error $@ 4.1.8 $: "451 Client host name lookup failed temporarily"
R< FORGED >		$# error $@ 5.7.1 $: "550 Client host name does not map to its address " $&{client_addr}
')dnl
# a block list that let the client pass says how: OKSOFAR, or TMPOK when its
# lookup failed; an enhdnsbl answer that is none of its codes is returned
# as sendmail's package returns it
ROKSOFAR		$@ OKSOFAR
R< ? > $*		$@ < ? > $1
RTMPOK			$@ TMPOK
R$*			$@ OK

##################################################################
###  check_mail: the envelope sender                           ###
##################################################################
SLocal_check_mail
S`'_CHK_(`mail')
R$*			$: $1 $| $>Local_check_mail $1
R$* $| $# $*		$# $2
R$* $| $*		$@ $>Basic_check_mail $1

SBasic_check_mail
R$*			$: $1 $| $>tls_client $&{verify} $| MAIL
R$* $| $# $+		$# $2
R$* $| $*		$: $1
R< >			$@ < OK >
R<>			$@ < OK >
R$*			$: < A > $>CanonAddr $1
R< A > $+ < @ $+ >	$: $1 < @ $2 > $| < $2 >
R< A > < @ $* >		$: < @ $1 >
R< A > $+		$: $1 $| < >
R< A > $*		$: $1
R$* $| < $+ . >		$: $1 $| < $2 >
ifelse(_ACC_, 1, `R$+ < @ $+ > $| < $+ >	$: $1 < @ $2 > $| $>SearchList < +From > $| < F : $1 @ $3 > < U : $1 @ > < D : $3 > < >
R$+ $| < >		$: $1 $| $>SearchList < +From > $| < U : $1 @ > < >
R$* $| < REJECT >	$# error ifdef(`confREJECT_MSG', `$: confREJECT_MSG', `$@ 5.7.1 $: "550 Access denied"')
R$* $| < DISCARD >	$# discard $: discard
R$* $| < OK >		$# OK
R$* $| < RELAY >	$# RELAY
R$* $| < QUARANTINE : $+ >	$# error $@ quarantine $: $2
R$* $| < ERROR : $-.$-.$- : $+ >	$# error $@ $2.$3.$4 $: $5
R$* $| < ERROR : $+ >	$# error $: $2
R$* $| < TMPF >		$# error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R$* $| < ? >		$: $1
R$* $| < $+ >		$# error $: $2
')dnl
R$* $| $*		$: $1
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `', `# a remote client must give a domain
R$*			$: $1 $| < $&{client_addr} >
R$* < @ $+ > $* $| < $* >	$: $1 < @ $2 > $3
ifelse(_ACC_, 1, `# with the access map a local client (no address) passes with < OKR >
R$* $| < >		$@ < OKR >', `R$* $| < >		$: $1')
R$* $| < $+ >		$# error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
')dnl
ifdef(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `',
`R$+ < @ $+ >		$: $1 < @ $2 > $| $(resolve $2 $: <PERM> $)
R$* $| <PERM>		$# error $@ 5.1.8 $: "553 Domain of sender address " $&f " does not exist"
R$* $| $* <TEMP>	$# error $@ 4.1.8 $: "451 Domain of sender address " $&f " does not resolve"
R$* $| $*		$: $1
')dnl
R$+ < @ $+ . >		$: $1 < @ $2 >
ifdef(`_BADMX_CHK_', `R$+ < @ $+ >		$: $1 < @ $2 > $| $>Bad_mx $2
R$* $| $# $*		$# $2
R$* $| $*		$@ $1 $| $2
')dnl
R$+ < @ $+ >		$@ @ $1 < @ $2 >
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `# an accepted unqualified sender comes back marked as the qualified ones
R$+			$@ @ $1
')dnl
R$*			$@ $1
ifdef(`_BADMX_CHK_', `
dnl # Bad_mx: every mail exchanger of the sender domain (the domain itself
dnl # when it has no MX) must be a host name, neither an address nor the null
dnl # MX ".", and none of their addresses may match the FEATURE(badmx)
dnl # pattern.  Workspace: < MX > < domain > < :to check: > < :checked: >;
dnl # each pass moves the names from the third to the fourth part through a
dnl # map, then the fourth becomes the third for the next pass.
SBad_mx
R$+ .			$1
R$+			$: < MX > < $1 > < : $(badmx_mxlist $1 $) : > < : >
R< MX > < $+ > < : $* <TEMP> : > $*	$# error $@ 4.1.2 $: "450 MX lookup failure for " $1
R< MX > < $+ > < : $+ : $* > < : $* >	< MX > < $1 > < : $3 > < : $4 $(badmx_name $2 $) : >
R< MX > < $+ > < $* > < $* <BADMX> $* >	$# error $@ 5.1.2 $: "550 Illegal MX record for host " $1
R< MX > < $+ > < $* > < $* >	$: < MX > < $1 > < $3 > < $2 >
R< MX > < $+ > < : $+ : $* > < : $* >	< MX > < $1 > < : $3 > < : $4 $(badmx_addr $2 $) : >
R< MX > < $+ > < $* > < $* >	$: < MX > < $1 > < $3 > < $2 >
R< MX > < $+ > < : $+ : $* > < : $* >	< MX > < $1 > < : $3 > < : $4 $(badmx_ip $2 $) : >
R< MX > < $+ > < $* > < $* <BADMXIP> $* >	$# error $@ 5.1.2 $: "550 Invalid MX record for host " $1
')dnl

##################################################################
###  check_rcpt: the envelope recipient                        ###
##################################################################
SLocal_check_rcpt
S`'_CHK_(`rcpt')
R$*			$: $1 $| $>Local_check_rcpt $1
R$* $| $# $*		$# $2
R$* $| $*		$@ $>Basic_check_rcpt $1

SBasic_check_rcpt
R< >			$# error $@ nouser $: "553 User address required"
R$@			$# error $@ nouser $: "553 User address required"
ifdef(`_PROMISCUOUS_RELAY_', `# promiscuous_relay: every recipient is accepted
R$*			$: $1 $| $>ParseRecipient $1
R$* $| $+ < @ $+ >	$@ $1 $| @ $2 < @ $3 >
R$* $| $+		$@ $1 $| @ $2
R$* $| $*		$@ $1 $| $2
')dnl
ifdef(`_PROMISCUOUS_RELAY_', `', `R$*			$: $1 $| $>Rcpt_ok $1
R$* $| $# $*		$# $2
R$* $| RELAY		$@ RELAY
ifdef(`_CLS_TrustAuthMech_', `# clients authenticated with a trusted mechanism may relay
R$* $| $*		$: $1 $| $&{auth_type}
R$* $| $={TrustAuthMech}	$# RELAY
')dnl
R$* $| $*		$: $>Relay_ok $1
R$# $*			$# $1
RRELAY			$@ RELAY
ifdef(`_RELAY_MAIL_FROM_', `define(`_RELAY_FROM_', 1)')ifdef(`_RELAY_LOCAL_FROM_', `define(`_RELAY_FROM_', 1)')dnl
ifdef(`_RELAY_FROM_', `# relay_mail_from, relay_local_from: the envelope sender may open the relay
R$*			$: $>Sender_relays
RRELAY			$@ RELAY
')dnl
# say why when the client name could not be checked
R$*			$: $&{client_resolve}
RTEMP			$# error $@ 4.4.0 $: "450 Relaying temporarily denied. Cannot resolve PTR record for " $&{client_addr}
RFORGED			$# error $@ 5.7.1 $: "550 Relaying denied. IP name possibly forged " $&{client_name}
RFAIL			$# error $@ 5.7.1 $: "550 Relaying denied. IP name lookup failed " $&{client_name}
ifdef(`_BLOCK_BAD_HELO_', `# block_bad_helo: the HELO name must be qualified and not one of ours
dnl # (not for authenticated clients, those in class R, and sendmail -bs)
R$*			$: $&{auth_authen} $| $&{client_addr} $| < $&s >
R$+ $| $* $| $*		$: OK
R$| $=R $* $| $*	$: OK
R$| 0 $| $*		$: OK
R$| $* $| < $=w >	$# error $@ 5.7.1 $: "550 bogus HELO name used: " $&s
R$| $* $| < $+ . $+ >	$: OK
R$| $* $| < $* >	$# error $@ 5.7.1 $: "550 bogus HELO name used: " $&s
')dnl
ifdef(`confRELAY_MSG', `R$*			$# error $@ 5.7.1 $: confRELAY_MSG
', `ifdef(`_CLS_TrustAuthMech_', `R$*			$# error $@ 5.7.1 $: "550 Relaying denied. Proper authentication required."
', `R$*			$# error $@ 5.7.1 $: "550 Relaying denied"
')')dnl
')dnl

dnl # Rcpt_ok: RELAY if the recipient is ours (or one we relay to),
dnl # an error triple if the access map refuses it, else the address
SRcpt_ok
R$*			$: $>ParseRecipient $1
ifdef(`_BESTMX_IS_LOCAL_', `# bestmx_is_local: a host whose best MX is ours counts as ours
ifdef(`_BESTMX_LIMITED_', `R$* < @ $* $=B > $*	$: $1 < @ $2 $3 > $4 $| $(bestmx $2 $3 $: @ $)',
`R$* < @ $* > $*		$: $1 < @ $2 > $3 $| $(bestmx $2 $: @ $)')
R$* $| $=w .		$: < BESTMX $2 > $1
R$* $| $*		$: $1
R< BESTMX $+ > $* $=O $* < @ $* > $*	$@ $>Rcpt_ok $2 $3 $4
R< BESTMX $+ > $* < @ $* > $*	$: $2 < @ $1 > $4
')dnl
ifelse(_ACC_, 1, `ifdef(`_BLOCKLIST_RCPT_', `R$+ < @ $+ >		$: $1 < @ $2 > $|
R$+ < @ $=w > $|	$: $1 < @ $2 > $| < U : $1 @ >
R$+ < @ $+ > $| $*	$: $1 < @ $2 > $| $>SearchList < +To > $| < F : $1 @ $2 > $3 < D : $2 > < >
')dnl
R$* $| < REJECT >	$# error $@ 5.2.1 $: ifdef(`confRCPTREJ_MSG', `confRCPTREJ_MSG', `"550 Mailbox disabled for this recipient"')
R$* $| < DISCARD >	$# discard $: discard
R$* $| < QUARANTINE : $+ >	$# error $@ quarantine $: $2
R$* $| < ERROR : $-.$-.$- : $+ >	$# error $@ $2.$3.$4 $: $5
R$* $| < ERROR : $+ >	$# error $: $2
R$* $| < $* >		$: $1
R$*			$: $1 $| $>RelayTLS
R$* $| OK		$@ RELAY
R$* $| $*		$: $1
')dnl
ifelse(_ACC_, 1, `ifdef(`_RELAY_FULL_ADDR_', `# relaytofulladdress: To:user@domain RELAY
R$+ < @ $+ >		$: $1 < @ $2 > $| $>F < $1 @ $2 > < ? > < +To > < >
R$* $| < RELAY > $*	$@ RELAY
R$* $| $*		$: $1
')')dnl
ifelse(_NO_PERCENTHACK_, `reject', `# nopercenthack reject: user%host@here is no local recipient
R$* % $* < @ $* >	$@ $1 % $2 < @ $3 >
')dnl
R$+ < @ $=w >		$@ RELAY
R$+ < @ $=R >		$@ RELAY
ifelse(_NO_UUCP_, `nospecial', `# nouucp nospecial: host!user is a plain local name
R$+ ! $+		$@ RELAY
')dnl
ifdef(`_RELAY_HOSTS_ONLY_', `', `R$+ < @ $+ . $=R >	$@ RELAY
')dnl
ifelse(_ACC_, 1, `R$+ < @ $+ >		$: $>_HOST_OR_DOMAIN_ < $2 > < ? > < +To > < $1 < @ $2 > >
R< RELAY > < $* >	$@ RELAY
R< $* <TMPF> > < $* >	_TMPF_ERR_
R< $* > < $* >		$: $2
')dnl
ifdef(`_RELAY_MX_SERVED_', `# relay_based_on_MX: domains with this host among their mail exchangers
R$+ < @ $+ >		$: < : $(mxserved $2 $) : > $1 < @ $2 >
R< : $* <TEMP> : > $+ < @ $+ >	$# error $@ 4.4.0 $: "450 Can not check MX records for recipient host " $3
R< $* : $=w . : $* > $*	$@ RELAY
R< $* > $*		$: $2
')dnl
R$*			$@ $1

ifdef(`_PROMISCUOUS_RELAY_', `', `dnl # Relay_ok: RELAY if the client may relay, else its name
SRelay_ok
R$*			$: $&{client_addr}
R$@			$@ RELAY
dnl # 0 is sendmail -bs
R0			$@ RELAY
R127.0.0.1		$@ RELAY
RIPv6 : 0 : 0 : 0 : 0 : 0 : 0 : 0 : 1	$@ RELAY
RIPv6 : : : 1		$@ RELAY
R$=R $*			$@ RELAY
ifdef(`_DRAC_', `# drac: clients that the DRAC daemon lists (POP/IMAP before SMTP)
R$+			$: < $(drac $1 $: ? $) > $1
R< ? > IPv6 : $+	$: < $(drac $1 $: ? $) > IPv6 : $1
R< ? > $+		$: $1
R< $* > $+		$@ RELAY
')dnl
ifelse(_ACC_, 1, `R$+			$: $>A < $1 > < ? > < +Connect > < $1 >
R< RELAY > $*		$@ RELAY
R< $* <TMPF> > $*	_TMPF_ERR_
R< $* > < $* >		$: $&{client_name}
R$@			$@ < @ >
R$=w			$@ RELAY
R$+			$: $>_HOST_OR_DOMAIN_ < $1 > < ? > < +Connect > < $1 >
R< RELAY > $*		$@ RELAY
R< $* <TMPF> > $*	_TMPF_ERR_
R< $* > < $+ >		$@ $2
', `R$*			$: $&{client_name}
R$=w			$@ RELAY
R$*			$@ < ? > $1
')dnl
')dnl

ifdef(`_RELAY_FROM_', `dnl # Sender_relays: RELAY if the envelope sender ($&f) may relay:
dnl # relay_local_from a sender in one of our domains, relay_mail_from a
dnl # sender listed From:user@domain RELAY (with `domain' also From:domain)
SSender_relays
R$*			$: $>CanonAddr $&f
R$+ < @ $+ . >		$: $1 < @ $2 >
ifdef(`_RELAY_LOCAL_FROM_', `R$+ < @ $=w >		$@ RELAY
')dnl
ifelse(_ACC_, 1, `ifdef(`_RELAY_MAIL_FROM_', `R$+ < @ $+ >		$: $1 < @ $2 > $| $>F < $1 @ $2 > < ? > < ! From > < >
R$* $| < RELAY > $*	$@ RELAY
R$* $| $*		$: $1
ifelse(_RELAY_MAIL_FROM_, `domain', `R$+ < @ $+ >		$: $>E < $2 > < ? > < ! From > < >
R< RELAY > $*		$@ RELAY
')')')dnl
R$*			$@ NO

')dnl
ifelse(_ACC_, 1, `
##################################################################
###  access map lookups                                        ###
##################################################################
dnl # SearchList: < Tag > $| < type : key > ... < >  ->  < result > or < ? >
SSearchList
R< $+ > $| < F : $* > $*	$: < $1 > $| $3 $| $>F < $2 > < ? > < $1 > < >
R< $+ > $| < > $| < ? > < >	$@ < ? >
R< $+ > $| $* $| < ? > < >	$@ $>SearchList < $1 > $| $2
R< $+ > $| $* $| < $+ > < >	$@ < $3 >
R< $+ > $| < U : $* > $*	$: < $1 > $| $3 $| $>U < $2 > < ? > < $1 > < >
R< $+ > $| < > $| < ? > < >	$@ < ? >
R< $+ > $| $* $| < ? > < >	$@ $>SearchList < $1 > $| $2
R< $+ > $| $* $| < $+ > < >	$@ < $3 >
R< $+ > $| < D : $* > $*	$: < $1 > $| $3 $| $>D < $2 > < ? > < $1 > < >
R< $+ > $| < > $| < ? > < >	$@ < ? >
R< $+ > $| $* $| < ? > < >	$@ $>SearchList < $1 > $| $2
R< $+ > $| $* $| < $+ > < >	$@ < $3 >
R< $+ > $| < A : $* > $*	$: < $1 > $| $3 $| $>A < $2 > < ? > < $1 > < >
R< $+ > $| < > $| < ? > < >	$@ < ? >
R< $+ > $| $* $| < ? > < >	$@ $>SearchList < $1 > $| $2
R< $+ > $| $* $| < $+ > < >	$@ < $3 >
R< $+ > $| < E : $* > $*	$: < $1 > $| $3 $| $>E < $2 > < ? > < $1 > < >
R< $+ > $| < > $| < ? > < >	$@ < ? >
R< $+ > $| $* $| < ? > < >	$@ $>SearchList < $1 > $| $2
R< $+ > $| $* $| < $+ > < >	$@ < $3 >
R< $+ > $| < >		$@ < ? >

dnl # D: < domain > < default > < tag > < extra >: the domain, then its parents
SD
R< > $*			$@ < ? > < > $1
R< $+ > < $* > < + $- > < $* >	$: < $(access $3:$1 $: ? $) > < $1 > < $2 > < + $3 > < $4 >
R< ? > < $+ > < $* > < + $- > < $* >	$: < $(access $1 $: ? $) > < $1 > < $2 > < + $3 > < $4 >
R< $+ > < $* > < ! $+ > < $* >	$: < $(access $3:$1 $: ? $) > < $1 > < $2 > < ! $3 > < $4 >
_ACC_SKIP_RULE_`'dnl
ifdef(`_LOOKUPDOTDOMAIN_', `# lookupdotdomain: .parent before the parent itself
R< ? > < $- . $+ > < $* > < + $- > < $* >	$: < $(access $4:.$2 $: ? $) > < $1 . $2 > < $3 > < + $4 > < $5 >
R< ? > < $- . $+ > < $* > < + $- > < $* >	$: < $(access .$2 $: ? $) > < $1 . $2 > < $3 > < + $4 > < $5 >
R< ? > < $- . $+ > < $* > < ! $- > < $* >	$: < $(access $4:.$2 $: ? $) > < $1 . $2 > < $3 > < ! $4 > < $5 >
_ACC_SKIP_RULE_`'dnl
')dnl
R< ? > < $- . $+ > < $* > < $+ > < $* >	$@ $>D < $2 > < $3 > < $4 > < $5 >
R< ? > < $+ > < $* > < $+ > < $* >	$@ < $2 > < $4 >
R< $* > < $+ > < $* > < $+ > < $* >	$@ < $1 > < $5 >

dnl # A: < address > ...: the IP address, then its shorter prefixes
SA
R< > $*			$@ < > $1
R< $+ > < $* > < + $- > < $* >	$: < $(access $3:$1 $: ? $) > < $1 > < $2 > < + $3 > < $4 >
R< ? > < $+ > < $* > < + $- > < $* >	$: < $(access $1 $: ? $) > < $1 > < $2 > < + $3 > < $4 >
R< $+ > < $* > < ! $+ > < $* >	$: < $(access $3:$1 $: ? $) > < $1 > < $2 > < ! $3 > < $4 >
_ACC_SKIP_RULE_`'dnl
R< ? > < $+ . $- > < $* > < $+ > < $* >	$@ $>A < $1 > < $3 > < $4 > < $5 >
R< ? > < $+ > < $* > < $+ > < $* >	$@ < $2 > < $4 >
R< $* > < $+ > < $* > < $+ > < $* >	$@ < $1 > < $5 >

dnl # E: < key > < default > < sign tag > < extra >: tag:key, then with the
dnl # sign + the bare key; < result > < extra >, or < default > < extra >
SE
R< $* > < $* > < $- $+ > < $* >	$: < $(access $4:$1 $: ? $) > < $1 > < $2 > < $3 $4 > < $5 >
R< ? > < $+ > < $* > < + $+ > < $* >	$: < $(access $1 $: ? $) > < $1 > < $2 > < + $3 > < $4 >
R< ? > < $* > < $* > < $+ > < $* >	$@ < $2 > < $4 >
R< $* > < $* > < $* > < $+ > < $* >	$@ < $1 > < $5 >

dnl # F: < user@domain > < default > < sign tag > < extra >, U: < user@ > ...:
dnl # the address as given, then for a user+detail user+*@ and the plain user@
SF
R< $+ > < $* > < $+ > < $* >	$: < $1 > < $2 > < $3 > < $4 > $| $>E < $1 > < ? > < $3 > < >
R< $+ + $* @ $* > < $* > < $+ > < $* > $| < ? > < >	$: < $1 + $2 @ $3 > < $4 > < $5 > < $6 > $| $>E < $1 + * @ $3 > < ? > < $5 > < >
R< $+ + $* @ $* > < $* > < $+ > < $* > $| < ? > < >	$: < $1 + $2 @ $3 > < $4 > < $5 > < $6 > $| $>E < $1 @ $3 > < ? > < $5 > < >
R< $+ > < $* > < $+ > < $* > $| < ? > < >	$@ < $2 > < $4 >
R< $+ > < $* > < $+ > < $* > $| < $* > < >	$@ < $5 > < $4 >

SU
R$*			$@ $>F $1
ifdef(`_QUEUE_GROUP_', `
dnl # queuegroup: the queue group of a recipient: qgrp:user@domain, else
dnl # qgrp:domain (or a parent domain); none listed: the default group
dnl # (the FEATURE argument), or the address back when there is none
Squeuegroup
R< $+ >			$: $1
R$+ @ $+		$: $1 @ $2 $| $>SearchList < ! qgrp > $| < F : $1 @ $2 > < D : $2 > < >
ifelse(_QUEUE_GROUP_, `', `R$* $| < ? >		$@', `R$* $| < ? >		$# _QUEUE_GROUP_')
R$* $| < $+ >		$# $2

')dnl
')dnl
ifdef(`_COMPAT_CHECK_', `
dnl # check_compat (FEATURE(compat_check)): sendmail asks it for each
dnl # sender $| recipient pair; the access map key is
dnl # Compat:sender<@>recipient, its value DISCARD[:text], TEMP:text or
dnl # ERROR:text ends the pair, any other value comes back as it is
Scheck_compat
R$* $| $*		$: [ $1 ] $| [ $2 ]
R[ < $* > ] $| $*	$: [ $1 ] $| $2
R$* $| [ < $* > ]	$: $1 $| [ $2 ]
R[ $+ ] $| [ $+ ]	$: < $(access Compat:$1<@>$2 $: OK $) >
R$* $| $*		$@ ok
R< DISCARD : $* >	$# discard $: $1 " - discarded by check_compat"
R< DISCARD $* >		$# discard $: $1 " - discarded by check_compat"
R< TEMP : $* >		$# error $@ TEMPFAIL $: $1 " error from check_compat. Try again later"
R< ERROR : $* >		$# error $@ UNAVAILABLE $: $1 " error from check_compat"
')dnl
