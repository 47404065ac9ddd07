divert(-1)
dnl # rules_parse1.m4 -- body of Parse1 and the rulesets it calls
dnl # (Mailertable 90, MailerToTriple 95, CanonLocal).
define(`_LM_', `_LOCAL_MAILER_')
divert(0)dnl
ifdef(`_LDAP_ROUTING_', `# ldap_routing: LDAPRoute domains, and LDAPRouteEquiv ones as if in $M
R$+ < @ $={LDAPRoute} . >	$: $>LdapRoute < $1 @ $2 > $| < > $| $1 < @ $2 . >
R$+ < @ $={LDAPRouteEquiv} . >	$: $>LdapRoute < $1 @ $M > $| < > $| $1 < @ $2 . >
R$# $*			$@ $# $1
')dnl
ifdef(`_MAILER_usenet_', `# MAILER(usenet): newsgroup.USENET is posted
R$+ . USENET		$# usenet $@ usenet $: $1
')dnl
# address literals: local rules see them first, then SMTP
R$* < @ [ $+ ] > $*	$: $>ParseLocal $1 < @ [ $2 ] > $3
R$# $*			$@ $# $1
ifdef(`_HAVE_SMART_', `R$* < @ [ $+ ] > $*	$: < $S > $1 < @ [ $2 ] > $3
R< $- : $+ > $*		$# $1 $@ $2 $: $3
R< $+ > $*		$# _SMTP_MAILER_ $@ $1 $: $2',
`R$* < @ [ $+ ] > $*	$# _SMTP_MAILER_ $@ [ $2 ] $: $1 < @ [ $2 ] > $3')
ifdef(`_VIRTUSER_TABLE_', `# virtual users of local (or VIRTUSER_DOMAIN) domains
R$+ < @ $=w . >		$: < $(virtuser $1 @ $2 $@ $1 $: @ $) > $1 < @ $2 . >
ifdef(`_VIRTUSER_ENTIRE_DOMAIN_', `# virtuser_entire_domain: hosts below them as well
R$+ < @ $* $={VirtHost} . >	$: < $(virtuser $1 @ $2 $3 $@ $1 $: @ $) > $1 < @ $2 $3 . >',
`R$+ < @ $={VirtHost} . >	$: < $(virtuser $1 @ $2 $@ $1 $: @ $) > $1 < @ $2 . >')
R< @ > $+ + $* < @ $+ . >	$: < $(virtuser $1 + * @ $3 $@ $1 $@ $2 $@ + $2 $: @ $) > $1 + $2 < @ $3 . >
R< @ > $+ + $* < @ $+ . >	$: < $(virtuser $1 @ $3 $@ $1 $@ $2 $@ + $2 $: @ $) > $1 + $2 < @ $3 . >
R< @ > $+ + $* < @ $+ . >	$: < $(virtuser + * @ $3 $@ $1 $@ $2 $@ + $2 $: @ $) > $1 + $2 < @ $3 . >
R< @ > $+ + $* < @ $+ . >	$: < $(virtuser @ $3 $@ $1 $@ $2 $@ + $2 $: @ $) > $1 + $2 < @ $3 . >
R< @ > $+ < @ $+ . >	$: < $(virtuser @ $2 $@ $1 $: @ $) > $1 < @ $2 . >
R< @ > $*		$: $1
R< error : $-.$-.$- : $+ > $*	$# error $@ $1.$2.$3 $: $4
R< error : $- $+ > $*	$# error $@ $1 $: $2
R< $+ > $*		$@ $>Recurse $1
')dnl
# users of this host (class L names stay here, marked with @)
R$=L < @ $=w . >		$# _LM_ $: @ $1
ifdef(`_STICKY_LOCAL_DOMAIN_', `ifdef(`_MAIL_HUB_', `# stickyhost: user@thishost goes to the hub now, plain user later (ruleset 5)
R$+ < @ $=w . >		$# _RELAY_MAILER_ $@ $H $: $1 < @ $2 . >
', `R$+ + $* < @ $=w . >	$# _LM_ $: $1 + $2
R$+ < @ $=w . >		$# _LM_ $: @ $1
')', `R$+ < @ $=w . >		$# _LM_ $: $1
')dnl
ifdef(`_MAILER_TABLE_', `# mailertable: the full host name first, then its parent domains
R$* < @ $+ > $*		$: $1 < @ $2 > $3 $| $2
R$* $| $+ .		$: $1 $| $2
R$* $| $+		$: < $(mailertable $2 $: @ $) > $1
R< @ > $* < @ $+ . > $*	$: $>Mailertable < $2 > $1 < @ $2 . > $3
R< @ > $* < @ $+ > $*	$: $>Mailertable < $2 > $1 < @ $2 > $3
R$# $*			$@ $# $1
R< $+ > $*		$@ $>MailerToTriple < $1 > $2
')dnl
ifdef(`_UUCP_MAILER_', `# UUCP neighbours: class Z (uucp-uudom), Y (uucp-new), U (uucp-old)
R$* < @ $=Z . UUCP . > $*	$# uucp-uudom $@ $2 $: $1 < @ $2 . UUCP . > $3
R$* < @ $=Y . UUCP . > $*	$# uucp-new $@ $2 $: $1 < @ $2 . UUCP . > $3
R$* < @ $=U . UUCP . > $*	$# uucp-old $@ $2 $: $1 < @ $2 . UUCP . > $3
')dnl
ifdef(`UUCP_RELAY', `# other UUCP hosts through UUCP_RELAY ($Y)
R$* < @ $+ . UUCP . > $*	$: $>MailerToTriple < $Y > $1 < @ $2 . UUCP . > $3
R$# $*			$@ $# $1
', `ifdef(`_UUCP_MAILER_', `R$* < @ $+ . UUCP . > $*	$# uucp-old $@ $2 $: $1 < @ $2 . UUCP . > $3
')')dnl
ifdef(`BITNET_RELAY', `# pseudo domains handed to their gateways
R$* < @ $+ . BITNET . > $*	$: $>MailerToTriple < $B > $1 < @ $2 . BITNET . > $3
R$# $*			$@ $# $1
')dnl
ifdef(`DECNET_RELAY', `R$* < @ $+ . DECNET . > $*	$: $>MailerToTriple < $C > $1 < @ $2 . DECNET . > $3
R$# $*			$@ $# $1
')dnl
ifdef(`FAX_RELAY', `R$* < @ $+ . FAX . > $*	$: $>MailerToTriple < $F > $1 < @ $2 . FAX . > $3
R$# $*			$@ $# $1
')dnl
ifdef(`_MAILER_pop_', `# MAILER(pop): user@POP is a POP mailbox here
R$+ < @ POP . >		$# pop $: $1
')dnl
ifdef(`_MAILER_fax_', `# MAILER(fax): number@host.FAX is faxed by that host
R$+ < @ $+ . FAX . >	$# fax $@ $2 $: $1
')dnl
ifdef(`_BESTMX_IS_LOCAL_', `# bestmx_is_local: a host whose best MX is this host is local
ifdef(`_BESTMX_LIMITED_', `R$* < @ $* $=B . > $*	$: $1 < @ $2 $3 . > $4 $| $(bestmx $2 $3 . $: @ $)',
`R$* < @ $* > $*		$: $1 < @ $2 > $3 $| $(bestmx $2 $: @ $)')
R$* $| $=w .		$: < BESTMX > $1
R$* $| $*		$: $1
R< BESTMX > $* $=O $* < @ $* > $*	$@ $>Recurse $1 $2 $3
R< BESTMX > < @ $* > : $*	$@ $>Recurse $2
R< BESTMX > $* < @ $* > $*	$# _LM_ $@ $: $1
')dnl
# local network rules of the administrator
undivert(7)dnl
# everything else: the smart host ($S) if there is one, else SMTP
R$* < @ $* > $*		$: $>MailerToTriple < $S > $1 < @ $2 > $3
R$# $*			$@ $# $1
R$* < @ $* > $*		$# _SMTP_MAILER_ $@ $2 $: $1 < @ $2 > $3
# plain user names
R$=L			$# _LM_ $: @ $1
R$+			$# _LM_ $: $1

ifdef(`_MAILER_TABLE_', `
##################################################################
###  Mailertable (90): try .parent domains of the host in <>    ###
##################################################################
SMailertable=90
R$* < $- . $+ > $*	$: $1 < $2 . $3 > $4 $| $(mailertable . $3 $: @ $)
R$* < $- . $+ > $* $| @	$@ $>Mailertable $1 $2 . < $3 > $4
R$* < $+ > $* $| $+	$@ $>MailerToTriple < $4 > $3
R$* < $- > $*		$: $1 < $2 > $3 $| $(mailertable . $: @ $)
R$* < $- > $* $| @	$@ $3
R$* < $- > $* $| $+	$@ $>MailerToTriple < $4 > $3
R$* < $+ > $*		$@ $3
')
##################################################################
###  MailerToTriple (95): < mailer:host > address -> triple      ###
##################################################################
SMailerToTriple=95
R< > $*			$@ $1
R< error : $-.$-.$- : $+ > $*	$# error $@ $1.$2.$3 $: $4
R< error : $- : $+ > $*	$# error $@ $1 $: $2
R< error : $+ > $*	$# error $: $1
R< local : $* > $*	$>CanonLocal < $1 > $2
# mailer:user@host in front of a focused address: that user on that host
R< $- : $+ @ $+ > $* < $* > $*	$# $1 $@ $3 $: $2 < @ $3 >
R< $- : $+ > $*		$# $1 $@ $2 $: $3
R< $- : > $*		$# $1 $: $2
R< $+ > $*		$# _RELAY_MAILER_ $@ $1 $: $2

SCanonLocal
R< $* > $+ < @ $+ . >	$: < $1 > $2 < @ $3 >
R< > $+ < @ $+ >	$# _LM_ $@ $1 @ $2 $: $1
R< $+ > $+ < @ $+ >	$# _LM_ $@ $2 @ $3 $: $1
R< > $+			$# _LM_ $: $1
R< $+ > $+		$# _LM_ $@ $2 $: $1
ifdef(`_LDAP_ROUTING_', `
##################################################################
###  LdapRoute: < key > $| < +detail > $| parsed address       ###
##################################################################
dnl # ldapmra (mailRoutingAddress) and ldapmh (mailHost) for user@domain;
dnl # a new address is parsed here when the mail host is ours or missing,
dnl # else it goes to the mail host (through mailertable if there is one);
dnl # a user found in neither map is tried without +detail, then as @domain
SLdapRoute
R< $+ > $| $*		$: < $(ldapmra $1 $: $) > < $(ldapmh $1 $: $) > $| < $1 > $| $2
R< $* < TMPF > > < $* > $| $* $| $* $| $+	$: < TMPF > $5
R< $* > < $* < TMPF > > $| $* $| $* $| $+	$: < TMPF > $5
ifdef(`_LDAP_TEMPFAIL_', `R< TMPF > $+		$: < TMPF > $1 $| $&{opMode} $| $&{addr_type}
R< TMPF > $+ $| $={SMTPOpModes} $| e r	$# error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R< TMPF > $+ $| $* $| $*	$@ $1
')dnl
R< TMPF > $+		$@ $1
R< $* > < $=w > $| $*	$: < $1 > < LOCAL > $| $3
R< $+ > < LOCAL > $| $*	$: < $1 > < > $| $2
ifelse(_LDAP_DETAIL_, `preserve', `R< $+ @ $+ > < > $| $* $| < + $+ > $| $*	$@ $>Parse0 $>canonify $1 + $4 @ $2
R< $+ @ $+ > < $+ > $| $* $| < + $+ > $| $*	$: < HUB $3 > $>canonify $1 + $5 @ $2
')dnl
R< $+ > < > $| $*	$@ $>Parse0 $>canonify $1
R< $+ > < $+ > $| $*	$: < HUB $2 > $>canonify $1
R< > < LOCAL > $| $* $| $* $| $+	$@ $3
R< > < $+ > $| $* $| $* $| $+	$: < HUB $1 > $4
ifelse(_LDAP_DETAIL_, `', `', `R< > < > $| < $+ + $* @ $+ > $| < > $| $+	$@ $>LdapRoute < $1 @ $3 > $| < + $2 > $| $4
')dnl
ifdef(`_LDAP_NODOMAIN_', `', `R< > < > $| < $+ @ $+ > $| $* $| $+	$@ $>LdapRoute < @ $2 > $| $3 $| $4
')dnl
ifelse(_LDAP_ROUTING_, `passthru', `R< > < > $| $* $| $* $| $+	$@ $3
', `R< > < > $| $* $| $* $| $+	$: < > < > $| $3 $| $&{addr_type}
R< > < > $| $+ $| e r	$# error $@ nouser $: "550 User unknown"
ifelse(_LDAP_ROUTING_, `sendertoo', `R< > < > $| $+ $| e s	$# error $@ nouser $: "550 User unknown"
')dnl
R< > < > $| $+ $| $*	$@ $1
')dnl
ifdef(`_MAILER_TABLE_', `R< HUB $+ > $*		$: < HUB $1 > $2 $| < $(mailertable $1 $: @ $) >
R< HUB $+ > $* $| < @ >	$: < HUB $1 > $>Mailertable < $1 > $2
R< HUB $+ > $* $| < $+ >	$@ $>MailerToTriple < $3 > $2
R< HUB $+ > $# $*	$@ $# $2
')dnl
R< HUB $+ > $*		$# _RELAY_MAILER_ $@ $1 $: $2
')dnl
