divert(-1)
dnl # rules_bcc.m4 -- rulesets of FEATURE(bcc): sendmail (option AddBcc)
dnl # asks "bcc" whether a recipient's domain has an extra blind copy
dnl # address in the bcctable map; "BCC" does the map lookup.
divert(0)dnl

##################################################################
###  bcc: blind copies listed in the bcctable map              ###
##################################################################
SParseBcc
R$*			$: $1
Sbcc
R< >			$@ < >
R< $+ >			$: $1
R$* @ $+		$: $1 @ $2 $| $>BCC $2
R$* $| < ? >		$@
R$* $| < $* >		$@ $1
dnl # BCC: the name itself, then .parent; else two labels further up
SBCC
R$+			$: < $(bcctable $1 $: ? $) > $1
R< ? > $- . $+		$: < $(bcctable . $2 $: ? $) > $1 . $2
R< ? > $- . $- . $+	$@ $>BCC $3
R< ? > $*		$@ < ? >
R< $* > $*		$@ < $1 >
