divert(-1)
dnl # rules_sts.m4 -- FEATURE(sts): MTA-STS checks for outgoing mail.
dnl # STS_secure (from tls_server) and STS_Check (from tls_rcpt) apply the
dnl # policy of the recipient's domain (${rcpt_addr}; no address, no check);
dnl # tls_clt_features tells the client which TLS features to use with a
dnl # server: the TLS_Clt_Features access entry, the server name as SNI for
dnl # an STS domain, and whether DANE stays on.  The sts map answers
dnl # "secure match=LIST servername=hostname" for a domain with a policy;
dnl # LIST holds MX names and .domain entries (any host in that domain).
divert(0)dnl
##################################################################
###  MTA-STS (FEATURE(sts))                                     ###
##################################################################
dnl # TLS_NameInList: ok when ${TLS_Name} is an entry of :name:name:...:
STLS_NameInList
R$* : $&{TLS_Name} : $*	$@ ok

dnl # STS_SAN: the server name, or a name one level below a "*" label,
dnl # is among the certificate's subjectAltNames
SSTS_SAN
R$*			$: $&{server_name}
R$={cert_altnames}	$@ ok
R$- . * . $={cert_altnames}	$@ ok
R$*			$#error $@ 4.7.0 $: 450 $&{server_name} not listed in SANs

dnl # STS_secure: ${verify}; a domain with a policy needs a verified
dnl # server and 128 bits, or the delivery is deferred
SSTS_secure
R$*			$: $&{rcpt_addr} $| $1
R$| $*			$@ ok
dnl # the domain: after the last @, without trailing dots
R$* @ $+ $| $*		$2 $| $3
R$+ . $| $*		$1 $| $2
R$+ $| $*		$: $(sts $1 $: none $) $| $2
R$* <TMPF> $| $*	$#error $@ 4.7.0 $: 450 STS lookup temp fail
R$* secure $* $| $*	$@ $>TLS_connection $3 $| < TEMP + VERIFY : 128 >
R$* $| $*		$: $2

dnl # STS_Check: the recipient; for a domain with a policy the server
dnl # name must be in its MX list (or under one of its .domain entries)
dnl # and in the certificate
SSTS_Check
R$*			$: $&{rcpt_addr} $| $1
R$| $*			$@ ok
dnl # the domain of the recipient given (not of ${rcpt_addr})
R$* $| $*		$: $2 $| $2
R$* @ $+ $| $*		$2 $| $3
R$+ . $| $*		$1 $| $2
R$* $| $*		$: $(sts $1 $: none $) $| < policy >
R$* <TMPF> $| < policy >	$#error $@ 4.7.0 $: 450 STS lookup temp fail
R$* secure $* $| < policy >	$: < mx > $2
R$* $| < policy >	$@ ok
dnl # a final servername=hostname is for SNI; the rest names the MX list
R< mx > $* servername=hostname	$: < mx > $1
R< mx >			$@ $>STS_SAN
R< mx > $+		$: : $(stsxmatch $1 $: : $)
R$* : $+ . : $*		$1 : $2 : $3
R: $+ :			$: $(macro {TLS_Name} $@ $&{server_name} $) $>TLS_NameInList : $1 :
R$* ok			$@ $>STS_SAN
dnl # not listed by name: is its parent domain listed as .domain?
R$*			$: $1 $| $&{server_name}
R: $* $| $- . $+	$: $(macro {TLS_Name} $@ . $3 $) $>TLS_NameInList : $1
R$* ok			$@ $>STS_SAN
R: $* :			$#error $@ 4.7.0 $: 450 $&{server_name} not found in " " $1

dnl # Set_SNI: for an STS domain of ${rcpt_addr}, "sts=secure; " and the
dnl # servername= part of the policy, and ${sts_sni} set to the server
dnl # name when the policy asks for SNI; "" otherwise
SSet_SNI
R$*			$: < $&{rcpt_addr} >
R< >			$@ ""
R< $* @ $+ >		$2
R$+ .			$1
R$+			$: $(sts $1 $: none $)
R$* <TMPF>		$#error $@ 4.7.0 $: 450 STS lookup temp fail
Rnone			$@ ""
R$* secure $*		$: $(stsxsni $2 $: : $) $| sts=secure; $(stsxsni2 $2 $: : $)
R$+ : $| $+ :		$@ $(macro {sts_sni} $@ $&{server_name} $) $2
R$* $| $*		$@ $2
R$*			$@ ""

ifelse(_ACC_, 1, `dnl # tls_clt_feat_acc: server name $| address; the TLS_Clt_Features
dnl # access entry of the name (or its domains), else of the address, else ""
Stls_clt_feat_acc
R$* $| $*		$: $>D < $1 > < ? > < ! TLS_Clt_Features > < $2 >
R< ? > < $* >		$: $>A < $1 > < ? > < ! TLS_Clt_Features > < $1 >
R< ? > < $* >		$@ ""
R< $+ > < $* >		$@ $1

')dnl
dnl # DANE_disabled: the access features; <> when they hold flags=...d or
dnl # no SNI was set for STS, else <DANE>
SDANE_disabled
R$+			$: < $(stsxnodaneflag $1 $: NOFLAGS $) >
R< $* @ >		$@ < >
R$*			$: < $&{sts_sni} >
R< >			$@ < >
R$*			$@ < DANE >

dnl # STS_disabled: <> when ${client_flags} has MM or there is no
dnl # ${rcpt_addr}, else <STS>
SSTS_disabled
R$*			$: $&{client_flags} $| $&{rcpt_addr}
R$* MM $* $| $*		$@ < >
R$* $|			$@ < >
R$*			$@ < STS >

dnl # tls_clt_features: server name $| address; the features for the
dnl # client side of TLS with that server
Stls_clt_features
R$*			$: $1 $| < >
ifelse(_ACC_, 1, `R$* $| < >		$: $1 $| $>tls_clt_feat_acc $1
R$* $| $* $| $*		$: $1 $| $2 $| < $3 >
')dnl
dnl # name $| address $| < access features > $| what to do
R$* $| $* $| < $* >	$: $1 $| $2 $| < $3 > $| $>STS_disabled sts
R$* $| $* $| < $* > $| < >	$@ $3
R$* $| $* $| < $* > $| $*	$: $1 $| $2 $| < $3 > $| $>DANE_disabled $3
R$* $| $* $| < $+ > $| < DANE >	$@ $3
R$* $| $* $| < > $| < DANE >	$@ ""
dnl # STS: the access features and the SNI part, joined by ;
R$* $| $* $| < $* > $| < $* >	$: $1 $| $2 $| < $3 > $| $>Set_SNI $1
R$* $| $* $| < "" > $| $+	$@ $3
R$* $| $* $| < $+ ; > $| $+	$@ $3 ; $4
R$* $| $* $| < $+ > $| $+	$@ $3 ; $4
R$* $| $* $| < > $| $+	$@ $3
R$* $| $* $| $* $| $*	$: $1 $| $2 $| $3
R$* $| $* $| < "" >	$@ ""
R$* $| $* $| < $+ >	$@ $3
R$*			$@ ""

