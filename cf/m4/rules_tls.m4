divert(-1)
dnl # rules_tls.m4 -- the STARTTLS and AUTH hooks sendmail calls by name:
dnl # tls_client, tls_server, tls_rcpt, TLS_connection, RelayTLS,
dnl # trust_auth, srv_features, clt_features, try_tls, authinfo.
divert(0)dnl
##################################################################
###  TLS and AUTH                                              ###
##################################################################
Stls_client
ifelse(_ACC_, 1, `R$* $| $*		$: $1 $| $>D < $&{client_name} > < ? > < ! "TLS_Clt" > < >
R$* $| < ? > < > $*	$: $1 $| $>A < $&{client_addr} > < ? > < ! "TLS_Clt" > < >
R$* $| < ? > < >	$: $1 $| < ? >
R$* $| $*		$@ $>TLS_connection $1 $| $2
', `R$* $| $*		$@ $>TLS_connection $1
')dnl

Stls_server
ifelse(_ACC_, 1, `# TLS_Srv: requirements for the server we connect to
R$*			$: $1 $| $>D < $&{server_name} > < ? > < ! TLS_Srv > < >
R$* $| < ? > $*		$: $1 $| $>A < $&{server_addr} > < ? > < ! TLS_Srv > < >
R$* $| < > $*		$@ OK
R$* $| < ? > $*		$@ $>TLS_connection $1
R$* $| < $+ > $*	$@ $>TLS_check < $2 > $| $1
', `R$*			$@ $>TLS_connection $1
')dnl

ifelse(_ACC_, 1, `dnl # TLS_check: < requirement > $| verify result: VERIFY needs a verified
dnl # peer, VERIFY:bits also that many cipher bits, ENCR:bits only the bits
STLS_check
R< $* > $| $*		$: < $1 > $| $2 $| < $&{cipher_bits} >
R< $* > $| $* $| < >	$: < $1 > $| $2 $| < 0 >
R< VERIFY > $| OK $| $*	$@ OK
R< VERIFY $* > $| OK $| < $- >	$: < $1 > $| OK $| < $2 >
R< VERIFY $* > $| $* $| $*	$# error $@ 4.7.0 $: 454 " not authenticated"
R< : $- > $| OK $| < $- >	$: $(arith l $@ $2 $@ $1 $) $| $2 $| $1
R< ENCR : $- > $| $* $| < $- >	$: $(arith l $@ $3 $@ $1 $) $| $3 $| $1
RTRUE $| $- $| $-	$# error $@ 4.7.0 $: 454 " encryption too weak " $1 " less than " $2
R$*			$@ OK
')dnl

STLS_connection
ifelse(_ACC_, 1, `R$* $| $*		$@ OK
R$@			$@
R$*			$@ OK
')dnl

dnl # RelayTLS: a verified client certificate whose issuer (or, with the
dnl # issuer entry SUBJECT, whose subject) is listed RELAY may relay
SRelayTLS
ifelse(_ACC_, 1, `R$*			$: $&{verify}
R$@			$@ NO
ROK			$: < $(access CERTISSUER:$&{cert_issuer} $: ? $) >
R< RELAY >		$@ OK
R< SUBJECT >		$: < $(access CERTSUBJECT:$&{cert_subject} $: ? $) >
R< RELAY >		$@ OK
R$*			$@ NO
')dnl

SLocal_trust_auth
Strust_auth
R$*			$: $&{auth_type} $| $1
R$@ $| $*		$# error $@ 5.7.1 $: "550 not authenticated"
R$* $| $&{auth_authen}	$@ identical
R$* $| < $&{auth_authen} >	$@ identical
R$* $| $*		$: $1 $| $>Local_trust_auth $2
R$* $| $# $*		$# $2
R$*			$# error $@ 5.7.1 $: "550 " $&{auth_authen} " not allowed to act as " $&{auth_author}

ifelse(_ACC_, 1, `dnl # per-peer features from the access map: the peer name, its address,
dnl # then the default entry (tag with an empty key)
Ssrv_features
R$*			$: $>D < $&{client_name} > < ? > < ! Srv_Features > < >
R< ? > $*		$: $>A < $&{client_addr} > < ? > < ! Srv_Features > < >
R< ? > $*		$: < $(access Srv_Features: $: ? $) >
R< ? > $*		$@ OK
R< $* <TMPF> > $*	$# temp
R< $+ > < $* > $*	$# $1
R< $+ > $*		$# $1

Sclt_features
R$*			$: $>D < $&{client_name} > < ? > < ! Clt_Features > < >
R< ? > $*		$: $>A < $&{client_addr} > < ? > < ! Clt_Features > < >
R< ? > $*		$: < $(access Clt_Features: $: ? $) >
R< ? > $*		$@ OK
R< $* <TMPF> > $*	$# temp
R< $+ > < $* > $*	$# $1
R< $+ > $*		$# $1

dnl # try_tls: NO for a server means "do not try STARTTLS"
Stry_tls
R$*			$: $>D < $&{server_name} > < ? > < ! "Try_TLS" > < >
R< ? > $*		$: $>A < $&{server_addr} > < ? > < ! "Try_TLS" > < >
R< ? > $*		$: < $(access "Try_TLS": $: ? $) >
R< ? > $*		$@ OK
R< NO > $*		$# error $@ 5.7.1 $: "550 do not try TLS with " $&{server_name} " [" $&{server_addr} "]"

dnl # tls_rcpt: TLS requirements per recipient domain (none listed: OK)
Stls_rcpt
R$+ @ $+		$: $>D < $2 > < ? > < ! TLS_Rcpt > < >
R< ? > $*		$@ OK
R< > $*			$@ OK
R< $+ > $*		$@ $>TLS_check < $1 > $| $&{verify}
R$*			$@ OK

dnl # authinfo: client AUTH data for a server
Sauthinfo
R$*			$: $>D < $&{server_name} > < ? > < ! AuthInfo > < >
R< ? > $*		$: $>A < $&{server_addr} > < ? > < ! AuthInfo > < >
R< ? > $*		$: < $(access AuthInfo: $: ? $) > < >
R< ? > $*		$@ no
R< $* > < >		$# $1
', `Ssrv_features
Sclt_features
Stry_tls
Stls_rcpt
Sauthinfo
')dnl
