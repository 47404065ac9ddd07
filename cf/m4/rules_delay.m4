divert(-1)
dnl # rules_delay.m4 -- FEATURE(delay_checks) (check_rcpt runs the sender
dnl # and client checks, with Spam: FRIEND/HATER exceptions), the client
dnl # limits of ratecontrol/conncontrol, greet_pause, and the DNS block list
dnl # and reverse-DNS checks that Basic_check_relay runs (_CF_DNSBL_RULES_,
dnl # _CF_RDNS_RULES_, expanded by rules_policy.m4).
define(`_DLY_ARG_', ifdef(`_DELAY_CHECKS_', `_DELAY_CHECKS_', `'))
dnl the delayed sender check sees ${mail_from} when Debian's FFR is on
define(`_DLY_FROM_', ifdef(`_FFR_MAIL_MACRO', `$&{mail_from}', `< $&f >'))
define(`_CTL_MSG_', `ifelse(index(` $1 ', ` terminate '), -1, `452', `421')')
dnl # one block list: reversed client address + zone through a DNS map;
dnl # sendmail's $ is written @@ so that m4 does not read $1.. as arguments
define(`_DNSBL_ENTRY_', `patsubst(`R@@*			@@: @@&{client_addr}
R@@-.@@-.@@-.@@-		@@: < $(dnsbl_zone @@4.@@3.@@2.@@1.$1. @@: OK $) >
R< OK >			@@: OKSOFAR
R< @@* <TMP> @@* >	ifelse(`$3', `t', `@@# error @@@ 4.4.3 @@: "451 Temporary lookup failure of " @@&{client_addr} " at $1"', `@@: TMPOK')
R< @@+ >			@@# error @@@ 5.7.1 @@: ifelse(`$2', `', `"550 Rejected: " @@&{client_addr} " listed at $1"', `$2')
', `@@', `$')')
dnl # FEATURE(rhsbl): the domain of the envelope sender (${f}: with
dnl # delay_checks, or later) in a zone through the host map, unless the
dnl # access map lists the sender or its domain under rhs: as OK or RELAY.
dnl # $2 the reject text, $3 `t' or a text: refuse temporarily when the
dnl # lookup fails (by default a failed lookup lets the sender pass)
define(`_RHSBL_ENTRY_', `patsubst(`R@@+			@@: < rhs > @@>CanonAddr @@&f
R< rhs > @@* < @ @@+ . >	@@: < rhs > < @@2 > @@>SearchList < + rhs > @@| < F : @@1 @ @@2 > < D : @@2 > < >
R< rhs > < @@+ > < OK >	@@: OKSOFAR
R< rhs > < @@+ > < RELAY >	@@: OKSOFAR
R< rhs > < @@+ > @@*	@@: < rhs ? > < @@(rhsbl_zone @@1.$1. @@: OK @@) > @@(macro {RHS} @@@ @@1 @@)
R< rhs > @@*		@@: OKSOFAR
R< rhs ? > < OK >	@@: OKSOFAR
R< rhs ? > < @@* <TMP> >	ifelse(`$3', `', `@@: TMPOK', `@@# error @@@ 4.7.1 @@: ifelse(`$3', `t', `"451 Temporary lookup failure of " @@&{RHS} " at $1"', `$3')')
R< rhs ? > @@*		@@# error @@@ 5.7.1 @@: ifelse(`$2', `', `"550 Mail from " @@&{RHS} " refused by blackhole site $1"', `$2')
', `@@', `$')')
define(`_EDNSBL_ENTRY_', `patsubst(`R@@*			@@: @@&{client_addr}
R@@-.@@-.@@-.@@-		@@: < $(ednsbl_zone @@4.@@3.@@2.@@1.$1. @@: OK $) >
R< OK >			@@: OKSOFAR
R< @@* <TMP> @@* >	ifelse(`$3', `t', `@@# error @@@ 4.4.3 @@: "451 Temporary lookup failure of " @@&{client_addr} " at $1"', `@@: TMPOK')
ifelse(`$4', `', `R< 127 . @@* >		@@# error @@@ 5.7.1 @@: ifelse(`$2', `', `"550 Rejected: " @@&{client_addr} " listed at $1"', `$2')
', `_EDNSBL_CODES_(`$1', ifelse(`$2', `', ``"550 Rejected: " @@&{client_addr} " listed at $1"'', ``$2''), shift(shift(shift($@))))')dnl
R< @@* >			@@: < ? > @@1
', `@@', `$')')
define(`_EDNSBL_CODES_', `ifelse(`$3', `', `', `patsubst(`R< $3 >		@@# error @@@ 5.7.1 @@: $2
', `@@', `$')_EDNSBL_CODES_(`$1', `$2', shift(shift(shift($@))))')')
dnl # dnsbl, enhdnsbl and rhsbl entries share one list (_BL_APPEND_, macros.m4)
define(`_CF_DNSBL_RULES_', `ifdef(`_BL_ENTRIES_', `_BL_ENTRIES_`'')')
divert(0)dnl
ifdef(`_DELAY_CHECKS_', `
##################################################################
###  check_rcpt with delay_checks: recipient, then sender, then  ###
###  client checks                                              ###
##################################################################
Scheck_rcpt
R$*			$: $1 $| $>Delayed_rcpt $1
R$* $| $# $*		$# $2
R$* $| $*		$: $>ParseRecipient $1
R$+ < @ $+ . >		$: $1 < @ $2 >
ifdef(`_ACCESS_TABLE_', `ifelse(_DLY_ARG_, `friend', `R$+ < @ $+ >		$: $1 < @ $2 > $| $>SearchList < ! Spam > $| < F : $1 @ $2 > < U : $1 @ > < D : $2 > < >
R$* $| < FRIEND >	$@ SPAMFRIEND
R$* $| $*		$: $1
', _DLY_ARG_, `hater', `R$+ < @ $+ >		$: $1 < @ $2 > $| $>SearchList < ! Spam > $| < F : $1 @ $2 > < U : $1 @ > < D : $2 > < >
R$* $| < HATER >	$: $1
R$* $| $*		$@ NOSPAMHATER
')')dnl
ifdef(`_CLS_TrustAuthMech_', `R$*			$: $1 $| $&{auth_type}
R$* $| $={TrustAuthMech}	$@ $1
R$* $| $*		$: $1
')dnl
R$*			$: $1 $| $>Delayed_mail _DLY_FROM_
R$* $| $# $*		$# $2
R$* $| $*		$: $1 $| $>Delayed_relay $&{client_name} $| $&{client_addr}
R$* $| $# $*		$# $2
ifelse(_DLY_ARG_, `friend', `R$* $| $*		$@ $1', `R$* $| $*		$@ < ? > $1')
')dnl
ifelse(_CTL_NOW_(`RATE')_CTL_NOW_(`CONN'), `00', `', `
# client limits at connection time (nodelay)
Scheck_relay
ifelse(_CTL_NOW_(`RATE'), 1, `R$*			$: $>RateControl dummy
R$# $*			$# $1
')dnl
ifelse(_CTL_NOW_(`CONN'), 1, `R$*			$: $>ConnControl dummy
R$# $*			$# $1
')dnl
')dnl
ifdef(`_RATE_CONTROL_', `
# ratecontrol: ClientRate: limit against ${client_rate}
SRateControl
R$*			$: < $&{client_addr} >
R< >			$@ < > < ? > < ! ClientRate > $| FALSE
R< $+ >			$: $>A < $1 > < ? > < ! ClientRate > < >
R< ? > $*		$: < $(access ClientRate: $: ? $) >
R< ? > $*		$@ OK
R< $+ > $*		$: < $1 > $| $(arith l $@ $1 $@ $&{client_rate} $)
R< $+ > $| TRUE		$# error $@ 4.3.2 $: _CTL_MSG_(_RATE_CONTROL_) Connection rate limit exceeded.
')dnl
ifdef(`_CONN_CONTROL_', `
# conncontrol: ClientConn: limit against ${client_connections}
SConnControl
R$*			$: < $&{client_addr} >
R< >			$@ < > < ? > < ! ClientConn > $| FALSE
R< $+ >			$: $>A < $1 > < ? > < ! ClientConn > < >
R< ? > $*		$: < $(access ClientConn: $: ? $) >
R< ? > $*		$@ OK
R< $+ > $*		$: < $1 > $| $(arith l $@ $1 $@ $&{client_connections} $)
R< $+ > $| TRUE		$# error $@ 4.3.2 $: _CTL_MSG_(_CONN_CONTROL_) Too many open connections.
')dnl
ifdef(`_GREET_PAUSE_', `
# greet_pause: milliseconds to wait before the greeting (GreetPause:)
Sgreet_pause
R$*			$: < $1 > $| $>Local_greet_pause $1
R< $* > $| $# $*	$# $2
R< $* > $| $*		$: $1
ifelse(_GREET_PAUSE_ACC_, 1, `R$+ $| $+		$: $>D < $1 > < ? > < ! GreetPause > < $2 >
R$| $+			$: $>A < $1 > < ? > < ! GreetPause > < >
R< ? > < $+ >		$: $>A < $1 > < ? > < ! GreetPause > < >
R< ? > < $* >		$# _GREET_PAUSE_
R< $* <TMPF> > < $* >	$@
R< $+ > < $* >		$# $1
', `R$*			$# _GREET_PAUSE_
')')dnl
