divert(-1)
dnl # rules_mailer.m4 -- the sender/recipient rewriting the mailers name in
dnl # their S= and R= fields, with masquerading (MASQUERADE_AS, genericstable,
dnl # masquerade_envelope, allmasquerade, EXPOSED_USER ...).
dnl # $M is the masquerade name; a host part *LOCAL* means "this host".
define(`_LOCAL_FIRST_', `ifelse(index(_MAILER_ORDER_` ', ` smtp '), -1, 1,
	eval(index(_MAILER_ORDER_` ', ` local ') < index(_MAILER_ORDER_` ', ` smtp ')), 1, 1, 0)')
define(`_MASQ_TARGET_', ifdef(`_MASQUERADE_AS_', `$M', `$j'))
# the domains genericstable applies to (with subdomains for generics_entire_domain)
dnl ($`' keeps m4 from reading $2 or $* as a macro argument)
define(`_GEN_HOST_', `ifdef(`_GENERICS_ENTIRE_DOMAIN_', `$`'* $={G}', `$={G}')')
define(`_GEN_REF_', `ifdef(`_GENERICS_ENTIRE_DOMAIN_', `$`'2 $`'3', `$`'2')')
divert(0)dnl

##################################################################
###  rulesets 1 and 2: every sender / recipient address          ###
##################################################################
S1
undivert(4)dnl

S2
undivert(5)dnl

divert(10)dnl
##################################################################
###  local mailer: envelope and header rewriting               ###
##################################################################
SEnvFromL
R< @ >			$n
R@ < @ $* >		$n
ifdef(`_ALWAYS_ADD_DOMAIN_', `R$+			$: $>AddDomain $1
')dnl
ifdef(`_LOCAL_NO_MASQUERADE_', `', `R$*			$: $>MasqEnv $1
')dnl

SEnvToL
R$+ < @ $* >		$: $1

SHdrFromL
ifdef(`_ALWAYS_ADD_DOMAIN_', `R$+			$: $>AddDomain $1
')dnl
ifdef(`_LOCAL_NO_MASQUERADE_', `', `R$*			$: $>MasqHdr $1
')dnl

SHdrToL
ifdef(`_ALWAYS_ADD_DOMAIN_', `R$+			$: $>AddDomain $1
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2
')dnl

##################################################################
###  AddDomain: give a bare user name this host                 ###
##################################################################
SAddDomain
R$* < @ $* > $*		$@ $1 < @ $2 > $3
R$+			$@ $1 < @ *LOCAL* >

divert(0)dnl
##################################################################
###  masquerading                                               ###
##################################################################
SMasqHdr=93
ifdef(`_GENERICS_TABLE_', `# genericstable: user@domain, then user, for unqualified
# addresses and domains in class G; a hit is the new address
R$+ < @ *LOCAL* >	$: < $(generics $1 $: @ $) > $1 < @ *LOCAL* >
R$+ < @ _GEN_HOST_ . >	$: < $(generics $1 @ _GEN_REF_ $: @ $) > $1 < @ _GEN_REF_ . >
R$+ < @ _GEN_HOST_ >	$: < $(generics $1 @ _GEN_REF_ $: @ $) > $1 < @ _GEN_REF_ >
R< @ > $+ < @ _GEN_HOST_ . >	$: < $(generics $1 $: @ $) > $1 < @ _GEN_REF_ . >
R< @ > $+ < @ _GEN_HOST_ >	$: < $(generics $1 $: @ $) > $1 < @ _GEN_REF_ >
R< @ > $*		$: $1
R< $+ @ $+ > $*		$@ $>canonify $1 @ $2
R< $+ > $+ < @ $+ >	$: $>canonify $1 @ $3
')dnl
# exposed users keep the name of this host
R$=E < @ *LOCAL* >	$@ $1 < @ $j . >
ifdef(`_MASQUERADE_AS_', `R$=E < @ $=w . >		$@ $1 < @ $2 . >
ifdef(`_MASQUERADE_EXCEPTION_', `R$* < @ $={N} . > $*	$@ $1 < @ $2 . > $3
')dnl
ifdef(`_MASQUERADE_ENTIRE_DOMAIN_', `R$* < @ $* $=M . > $*	$: $1 < @ $2 $3 . @ > $4
R$* < @ $* $=M > $*	$: $1 < @ $2 $3 . @ > $4',
`R$* < @ $=M . > $*	$: $1 < @ $2 . @ > $3
R$* < @ $=M > $*	$: $1 < @ $2 . @ > $3')
ifdef(`_LIMITED_MASQUERADE_', `', `R$* < @ $=w . > $*	$: $1 < @ $2 . @ > $3
')dnl
R$* < @ *LOCAL* > $*	$: $1 < @ $j . @ > $2
R$* < @ $+ @ > $*	$@ $1 < @ $M . > $3
')dnl
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2

SMasqEnv=94
ifdef(`_MASQUERADE_ENVELOPE_', `R$+			$: $>MasqHdr $1
')dnl
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2

dnl the mailer rulesets follow the order of the MAILER() calls
ifelse(_LOCAL_FIRST_, 1, `undivert(10)')dnl
##################################################################
###  SMTP mailers                                               ###
##################################################################
SMasqSMTP
R$* < @ $* > $*		$@ $1 < @ $2 > $3
R$=E			$@ $1 < @ *LOCAL* >
R$+			$@ $1 < @ *LOCAL* >

SPseudoToReal
R< @ $+ >		$@ < @ $1 >
ifelse(_UUCP_RULES_, `1', `ifdef(`UUCP_RELAY', `R$+ < @ $- . UUCP . >	$: $2 ! $1 < @ $Y >
', `R$+ < @ $- . UUCP . >	$: $2 ! $1 < @ *LOCAL* >
')')dnl

SEnvFromSMTP
R$+			$: $>PseudoToReal $1
R$* : ; < @ >		$@
R$*			$: $>MasqSMTP $1
R$+			$: $>MasqEnv $1

SEnvToSMTP
R$+			$: $>PseudoToReal $1
R$+			$: $>MasqSMTP $1
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2

SHdrFromSMTP
R$+			$: $>PseudoToReal $1
R$* : ; < @ >		$@ $1 : ; < @ >
R$+			$: $>MasqSMTP $1
R$+			$: $>MasqHdr $1

SMasqRelay
R$+			$: $>MasqSMTP $1
R$+			$: $>MasqHdr $1
ifelse(_LOCAL_FIRST_, 1, `', `
undivert(10)')dnl
