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
R$*			$@ $>TLS_connection $1

STLS_connection
ifelse(_ACC_, 1, `R$* $| $*		$@ OK
')dnl
R$@			$@
R$*			$@ OK

SRelayTLS
ifelse(_ACC_, 1, `R$*			$: $&{verify}
R$@			$@ NO
ROK			$@ OK
R$*			$@ NO
')dnl

SLocal_trust_auth
Strust_auth
R$*			$: $&{auth_type} $| $1
R$@ $| $*		$# error $@ 5.7.1 $: "550 not authenticated"
R$* $| $&{auth_authen}	$@ OK
R$* $| $*		$# error $@ 5.7.1 $: "550 " $&{auth_authen} " not allowed to act as " $2

Ssrv_features
Sclt_features
Stry_tls
Stls_rcpt
Sauthinfo
