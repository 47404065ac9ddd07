divert(-1)
dnl # rules_bcc.m4 -- rulesets of FEATURE(bcc): sendmail (option AddBcc)
dnl # asks "bcc" whether a recipient's domain has an extra blind copy
dnl # (the bcctable map through "BCC", or bcc: entries of the access map);
dnl # the copy (address type "e b") is sent to the host $A by ParseBcc.
divert(0)dnl

##################################################################
###  bcc: blind copies listed in the bcctable map              ###
##################################################################
SParseBcc
ifdef(`_BCC_HOST_', `R$+			$: < $&{addr_type} > $1
R< e b > $+		$@ $>MailerToTriple < $A > $1
R< $* > $+		$: $2
')dnl
Sbcc
R< >			$@ < >
R< $+ >			$: $1
ifdef(`_BCC_ACCESS_', `R$* @ $+		$: $1 @ $2 $| $>SearchList < ! bcc > $| < D : $2 > < >',
`R$* @ $+		$: $1 @ $2 $| $>BCC $2')
R$* $| < ? >		$@
ifdef(`_BCC_CANON_', `R$* $| $*		$: ifdef(`_BCC_RESULT_', `_BCC_RESULT_', `$1')
dnl # canonicalRcpt: only addresses it knows get a copy, as it spells them
R$+ @ $+		$: < $(canonicalRcpt $1 @ $2 $: $) >
R< >			$@
R< $* < TMPF > >	$# error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R< $+ >			$@ $1
', `R$* $| $*		$@ ifdef(`_BCC_RESULT_', `_BCC_RESULT_', `$1')
')dnl
ifdef(`_BCC_ACCESS_', `', `dnl # BCC: the name itself, then .parent; else two labels further up
SBCC
R$+			$: < $(bcctable $1 $: ? $) > $1
R< ? > $- . $+		$: < $(bcctable . $2 $: ? $) > $1 . $2
R< ? > $- . $- . $+	$@ $>BCC $3
R< ? > $*		$@ < ? >
R< $* > $*		$@ < $1 >
')dnl
