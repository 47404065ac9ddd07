divert(-1)
dnl # rules_tls.m4 -- the STARTTLS and AUTH hooks sendmail calls by name:
dnl # tls_client, tls_server, tls_rcpt, TLS_connection, RelayTLS,
dnl # trust_auth, srv_features, clt_features, try_tls, authinfo.
dnl # _TLS_HOOK_(name): call ruleset name first; a $# answer from it is
dnl # final, anything else goes on with the original workspace
define(`_TLS_HOOK_', `R$`'*			$: $`'1 $| $>$1 $`'1
R$`'* $| $`'# $`'*		$`'# $`'2
R$`'* $| $`'*		$: $`'1
')
dnl # FEATURE(authinfo): the AuthInfo: entries come from a map of their own,
dnl # by server name, then server address, then the bare tag (no domain or
dnl # network walk as in the access map)
define(`_AUTHINFO_RULES_', `R$`'*			$: < $(authinfo AuthInfo:$&{server_name} $: ? $) >
R< ? >			$: < $(authinfo AuthInfo:$&{server_addr} $: ? $) >
R< ? >			$: < $(authinfo AuthInfo: $: ? $) >
R< ? >			$`'@ no
R< $`'* >			$`'# $`'1
')
divert(0)dnl
##################################################################
###  TLS and AUTH                                              ###
##################################################################
define(`_TLS_RC_', ifdef(`TLS_PERM_ERR', `554', `454'))dnl
define(`_TLS_ESC_', ifdef(`TLS_PERM_ERR', `5.7.0', `4.7.0'))dnl
Stls_client
ifdef(`_LOCAL_TLS_CLIENT_', `dnl # LOCAL_TLS_CLIENT rules first (the input has a $| of its own)
R$*			$: $1 < local > $>Local_tls_client $1
R$* < local > $# $*	$# $2
R$* < local > $*	$: $1
')dnl
ifelse(_ACC_, 1, `dnl # ${verify} $| STARTTLS or MAIL: the TLS_Clt: requirement for the
dnl # client name (and its parent domains), its address, or the bare tag
R$*			$: $(macro {TLS_Name} $@ $&{client_name} $) $1
R$* $| $*		$: $1 $| $>D < $&{client_name} > < ? > < ! "TLS_Clt" > < >
R$* $| < ? > $*		$: $1 $| $>A < $&{client_addr} > < ? > < ! "TLS_Clt" > < >
R$* $| < ? > $*		$: $1 $| < $(access "TLS_Clt": $: ? $) >
R$* $| < $* <TMPF> > $*	$# error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R$*			$@ $>TLS_connection $1
', `dnl # without the access map only a failed handshake matters (with
dnl # FEATURE(sts) not even that: the package of sendmail then hands ${verify}
dnl # alone to its full TLS_connection, which passes it back)
ifdef(`_STS_', `', `RSOFTWARE $| $*		$# error $@ _TLS_ESC_ $: "_TLS_RC_ TLS handshake failed."
')dnl
R$* $| $*		$@ $1
')dnl

Stls_server
ifdef(`_LOCAL_TLS_SERVER_', `_TLS_HOOK_(`Local_tls_server')')dnl
ifdef(`_STS_', `_TLS_HOOK_(`STS_secure')')dnl
ifelse(_ACC_, 1, `dnl # ${verify}: the TLS_Srv: requirement for the server we talk to
R$*			$: $(macro {TLS_Name} $@ $&{server_name} $) $1
R$*			$: $1 $| $>D < $&{server_name} > < ? > < ! "TLS_Srv" > < >
R$* $| < ? > $*		$: $1 $| $>A < $&{server_addr} > < ? > < ! "TLS_Srv" > < >
R$* $| < ? > $*		$: $1 $| < $(access "TLS_Srv": $: ? $) >
R$* $| < $* <TMPF> > $*	$# error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R$*			$@ $>TLS_connection $1
', `ifdef(`_STS_', `', `RSOFTWARE		$# error $@ _TLS_ESC_ $: "_TLS_RC_ TLS handshake failed."
')')dnl

dnl # TLS_connection: ${verify} $| < requirement > (? for none).  The
dnl # requirement is VERIFY, VERIFY:bits or ENCR:bits, optionally led by
dnl # PERM+ or TEMP+ (the reply code when it is not met) and followed by
dnl # +extra checks for TLS_check.
STLS_connection
ifelse(_ACC_`'ifdef(`_STS_', 1, 0), 00, `', `dnl
R$* $| < $* > $*	$: $1 $| < $2 >
R$* $| < PERM + VERIFY $* >	$: $1 $| < 503 : 5.7.0 > < VERIFY $2 >
R$* $| < PERM + ENCR $* >	$: $1 $| < 503 : 5.7.0 > < ENCR $2 >
R$* $| < TEMP + VERIFY $* >	$: $1 $| < 403 : 4.7.0 > < VERIFY $2 >
R$* $| < TEMP + ENCR $* >	$: $1 $| < 403 : 4.7.0 > < ENCR $2 >
R$* $| < VERIFY $* >	$: $1 $| < _TLS_RC_ : _TLS_ESC_ > < VERIFY $2 >
R$* $| < ENCR $* >	$: $1 $| < _TLS_RC_ : _TLS_ESC_ > < ENCR $2 >
dnl # a handshake or protocol failure ends the session whatever is required
RSOFTWARE $| < $- : $+ > $*	$# error $@ $2 $: $1 " TLS handshake failed."
RSOFTWARE $| $*		$# error $@ _TLS_ESC_ $: "_TLS_RC_ TLS handshake failed."
RPROTOCOL $| < $- : $+ > $*	$# error $@ $2 $: $1 " STARTTLS failed."
RPROTOCOL $| $*		$# error $@ _TLS_ESC_ $: "_TLS_RC_ STARTTLS failed."
RDANE_FAIL $| < $- : $+ > $*	$# error $@ $2 $: $1 " DANE check failed."
RDANE_FAIL $| $*		$# error $@ _TLS_ESC_ $: "_TLS_RC_ DANE check failed."
RCONFIG $| < $- : $+ > $*	$# error $@ $2 $: $1 " STARTTLS temporarily not possible."
RCONFIG $| $*		$# error $@ _TLS_ESC_ $: "_TLS_RC_ STARTTLS temporarily not possible."
dnl # < reply > < what is required > < extra checks > verify result
R$* $| < $+ > < VERIFY >	$: < $2 > < VERIFY > < > $1
R$* $| < $+ > < VERIFY + $+ >	$: < $2 > < VERIFY > < $3 > $1
R$* $| < $+ > < VERIFY : $- >	$: < $2 > < VERIFY : $3 > < > $1
R$* $| < $+ > < VERIFY : $- + $+ >	$: < $2 > < VERIFY : $3 > < $4 > $1
R$* $| < $+ > < ENCR : $- >	$: < $2 > < ENCR : $3 > < > $1
R$* $| < $+ > < ENCR : $- + $+ >	$: < $2 > < ENCR : $3 > < $4 > $1
R$* $| $*		$@ OK
dnl # a verified peer (OK, or TRUSTED by DANE) meets VERIFY; the bits come next
R< $+ > < VERIFY > < > OK	$@ OK
R< $+ > < VERIFY > < > TRUSTED	$@ OK
R< $+ > < VERIFY > < $+ > OK	$: < $1 > < BITS : 0 > < $2 >
R< $+ > < VERIFY > < $+ > TRUSTED	$: < $1 > < BITS : 0 > < $2 >
R< $+ > < VERIFY : $- > < $* > OK	$: < $1 > < BITS : $2 > < $3 >
R< $+ > < VERIFY : $- > < $* > TRUSTED	$: < $1 > < BITS : $2 > < $3 >
R< $+ > < ENCR : $- > < $* > $*	$: < $1 > < BITS : $2 > < $3 >
dnl # not verified: the reason comes from ${verify}
R< $- : $+ > < VERIFY $* > < $* >	$# error $@ $2 $: $1 " authentication required"
R< $- : $+ > < VERIFY $* > < $* > FAIL	$# error $@ $2 $: $1 " authentication failed"
R< $- : $+ > < VERIFY $* > < $* > NO	$# error $@ $2 $: $1 " not authenticated"
R< $- : $+ > < VERIFY $* > < $* > NOT	$# error $@ $2 $: $1 " no authentication requested"
R< $- : $+ > < VERIFY $* > < $* > NONE	$# error $@ $2 $: $1 " other side does not support STARTTLS"
R< $- : $+ > < VERIFY $* > < $* > CLEAR	$# error $@ $2 $: $1 " STARTTLS disabled locally"
R< $- : $+ > < VERIFY $* > < $* > $+	$# error $@ $2 $: $1 " authentication failure " $4
dnl # the strength is the larger of the cipher bits and the SASL layer
R< $+ > < BITS : $- > < $* >	$: < $1 > < BITS : $2 > < $3 > < $&{cipher_bits} > < $&{auth_ssf} >
R< $+ > < BITS : $- > < $* > < > < $* >	$: < $1 > < BITS : $2 > < $3 > < 0 > < $4 >
R< $+ > < BITS : $- > < $* > < $- > < >	$: < $1 > < BITS : $2 > < $3 > < $4 > < 0 >
R< $+ > < BITS : $- > < $* > < $- > < $- >	$: < $1 > < BITS : $2 > < $3 > < $4 > < $5 > $(arith l $@ $4 $@ $5 $)
R< $+ > < BITS : $- > < $* > < $- > < $- > TRUE	$: < $1 > < BITS : $2 > < $3 > < $5 >
R< $+ > < BITS : $- > < $* > < $- > < $- > $*	$: < $1 > < BITS : $2 > < $3 > < $4 >
R< $+ > < BITS : $- > < $* > < $- >	$: < $1 > < BITS : $2 > < $3 > < $4 > $(arith l $@ $4 $@ $2 $)
R< $- : $+ > < BITS : $- > < $* > < $- > TRUE	$# error $@ $2 $: $1 " encryption too weak " $5 " less than " $3
R< $+ > < BITS : $- > < > $*	$@ OK
R< $+ > < BITS : $- > < $+ > $*	$@ $>TLS_check $3 $| < $1 >

dnl # TLS_check: extra requirements (from "+CN" etc.), ++ between them:
dnl # CN (the certificate names the host we meant), CN:name, CS:subject,
dnl # CI:issuer, CITag:tag (the issuer is listed OK under that tag)
STLS_check
R$| $*			$@ OK
R$* $| $*		$: < $1 > $| $2
R< $* + + $* > $| $*	$: < $1 > < $2 > $| $3
R< $* > $| $*		$: < $1 > < > $| $2
R< CN > $*		$: < CN : $&{TLS_Name} > $1
R< CN : $&{cn_subject} > < $* > $| $*	$@ $>TLS_check $1 $| $2
R< CN : $+ > < $* > $| < $- : $+ >	$# error $@ $4 $: $3 " CN " $&{cn_subject} " does not match " $1
R< CS : $&{cert_subject} > < $* > $| $*	$@ $>TLS_check $1 $| $2
R< CS : $+ > < $* > $| < $- : $+ >	$# error $@ $4 $: $3 " Cert Subject " $&{cert_subject} " does not match " $1
R< CI : $&{cert_issuer} > < $* > $| $*	$@ $>TLS_check $1 $| $2
R< CI : $+ > < $* > $| < $- : $+ >	$# error $@ $4 $: $3 " Cert Issuer " $&{cert_issuer} " does not match " $1
ifelse(_ACC_, 1, `R< CITag : $- > < $* > $| $*	$: < $(access $1:$&{cert_issuer} $: ? $) > < $2 > $| $3
R< OK > < $* > $| $*	$@ $>TLS_check $1 $| $2
R< ? > < $* > $| < $- : $+ >	$# error $@ $3 $: $2 " Cert Issuer " $&{cert_issuer} " not acceptable"
')dnl
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
ifdef(`_LOCAL_TRY_TLS_', `_TLS_HOOK_(`Local_try_tls')')dnl
R$*			$: $>D < $&{server_name} > < ? > < ! "Try_TLS" > < >
R< ? > $*		$: $>A < $&{server_addr} > < ? > < ! "Try_TLS" > < >
R< ? > $*		$: < $(access "Try_TLS": $: ? $) >
R< ? > $*		$@ OK
R< NO > $*		$# error $@ 5.7.1 $: "550 do not try TLS with " $&{server_name} " [" $&{server_addr} "]"

dnl # tls_rcpt: the TLS_Rcpt: requirement for a recipient: its full address,
dnl # user@ (each with user+detail, user+* and the plain user), its domain
dnl # and the parents, then the bare tag
Stls_rcpt
ifdef(`_LOCAL_TLS_RCPT_', `_TLS_HOOK_(`Local_tls_rcpt')')dnl
ifdef(`_STS_', `_TLS_HOOK_(`STS_Check')')dnl
R$*			$: $(macro {TLS_Name} $@ $&{server_name} $) $1
R$+			$: < A > $>CanonAddr $1
R< A > $+ < @ $+ . >	< A > $1 < @ $2 >
R< A > $+ < @ $+ >	$: $>SearchList < ! TLS_Rcpt > $| < F : $1 @ $2 > < U : $1 @ > < D : $2 > < E : > < >
R< A > $+		$: $>SearchList < ! TLS_Rcpt > $| < U : $1 @ > < E : > < >
R< ? >			$@ OK
R< $* <TMPF> >		$# error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R< $+ >			$@ $>TLS_connection $&{verify} $| < $1 >

dnl # authinfo: client AUTH data for a server
Sauthinfo
ifdef(`_AUTHINFO_TABLE_', `_AUTHINFO_RULES_()', `R$*			$: $>D < $&{server_name} > < ? > < ! AuthInfo > < >
R< ? > $*		$: $>A < $&{server_addr} > < ? > < ! AuthInfo > < >
R< ? > $*		$: < $(access AuthInfo: $: ? $) > < >
R< ? > $*		$@ no
R< $* > < >		$# $1
')dnl
', `Ssrv_features
Sclt_features
Stry_tls
ifdef(`_LOCAL_TRY_TLS_', `_TLS_HOOK_(`Local_try_tls')')dnl
Stls_rcpt
ifdef(`_LOCAL_TLS_RCPT_', `_TLS_HOOK_(`Local_tls_rcpt')')dnl
ifdef(`_STS_', `_TLS_HOOK_(`STS_Check')')dnl
Sauthinfo
ifdef(`_AUTHINFO_TABLE_', `_AUTHINFO_RULES_()')dnl
')dnl
ifdef(`_TLS_SESSION_FEATURES_', `
dnl # tls_session_features: the TLS options of one session, which sendmail
dnl # asks for with name $| address of the peer: tls_srv_features when it
dnl # is the server (of the client), tls_clt_features when it is the client
dnl # (of the server; with sts, rules_sts.m4 has it).  The answer is the
dnl # access entry TLS_Srv_Features: or TLS_Clt_Features: of the name or one
dnl # of its domains, else of the address or a prefix of it, else "".
Stls_srv_features
ifelse(_ACC_, 1, `R$*			$@ $>TLS_peer_features < TLS_Srv_Features > $1', `R$*			$@ ""')
ifdef(`_STS_', `', `Stls_clt_features
ifelse(_ACC_, 1, `R$*			$@ $>TLS_peer_features < TLS_Clt_Features > $1', `R$*			$@ ""')
')dnl
ifelse(_ACC_, 1, `
dnl # (workspace < tag > name $| address; @D and @A mark the two lookups)
STLS_peer_features
R< $+ > $+ $| $*	$: @D < $1 > < $3 > $| $>D < $2 > < ? > < ! $1 > < >
R< $+ > $| $*		$: @D < $1 > < $2 > $| < ? > < >
R@D < $+ > < > $| < ? > < >	$@ ""
R@D < $+ > < $+ > $| < ? > < >	$: @A $>A < $2 > < ? > < ! $1 > < >
R@D $* $| < $+ > < $* >	$@ $2
R@A < ? > $*		$@ ""
R@A < $+ > < $* >	$@ $1
R$*			$@ ""
')dnl
')dnl
