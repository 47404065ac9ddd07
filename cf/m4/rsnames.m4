divert(-1)
dnl # rsnames.m4 -- declares the named rulesets before any rule, in a fixed
dnl # order.  Sendmail numbers a ruleset without "=N" downward from 199 in
dnl # the order its name first appears, and prints that number in -bt
dnl # ("== Ruleset check_rcpt (176) status 75").  Declaring the documented
dnl # interface names here, in the order sendmail's own package uses for the
dnl # same features, gives each name the same number; positions the other
dnl # package fills with internal names get placeholders of ours.  Our
dnl # helper rulesets are declared after these and never shift them.
define(`_RS_', `S$1
')
define(`_ACC_ON_', ifdef(`_ACCESS_TABLE_', 1, 0))
define(`_DELAY_ON_', ifdef(`_DELAY_CHECKS_', 1, 0))

divert(0)dnl
######################################################################
###  ruleset names (declared first: see m4/rsnames.m4)             ###
######################################################################
_RS_(`Parse0')_RS_(`Parse1')_RS_(`Local_localaddr')_RS_(`CanonLocal')dnl
ifelse(_ACC_ON_, 1, `_RS_(`D')_RS_(`A')')dnl
_RS_(`CanonAddr')_RS_(`ParseRecipient')dnl
ifelse(_CTL_NOW_(`RATE')_CTL_NOW_(`CONN'), `00', `', `_RS_(`check_relay')')dnl
_RS_(`Local_check_relay')ifelse(_DELAY_ON_, 1, `_RS_(`Delayed_relay')', `_RS_(`check_relay')')_RS_(`Basic_check_relay')dnl
_RS_(`Local_check_mail')ifelse(_DELAY_ON_, 1, `_RS_(`Delayed_mail')', `_RS_(`check_mail')')_RS_(`Basic_check_mail')dnl
ifdef(`_BADMX_CHK_', `_RS_(`Bad_mx')')dnl
_RS_(`Local_check_rcpt')ifelse(_DELAY_ON_, 1, `_RS_(`Delayed_rcpt')', `_RS_(`check_rcpt')')_RS_(`Basic_check_rcpt')dnl
_RS_(`Rcpt_ok')ifdef(`_PROMISCUOUS_RELAY_', `', `_RS_(`Relay_ok')')dnl
ifelse(_DELAY_ON_, 1, `_RS_(`Rcpt_plain')_RS_(`Delay_spare1')_RS_(`Delay_spare2')_RS_(`check_rcpt')')dnl
ifelse(_ACC_ON_, 1, `_RS_(`F')_RS_(`E')_RS_(`U')_RS_(`SearchList')')dnl
_RS_(`Local_trust_auth')_RS_(`trust_auth')_RS_(`Local_Relay_Auth')dnl
_RS_(`srv_features')_RS_(`clt_features')_RS_(`try_tls')dnl
ifdef(`_STS_', `_RS_(`TLS_NameInList')_RS_(`STS_SAN')_RS_(`STS_secure')_RS_(`STS_Check')')dnl
_RS_(`tls_rcpt')_RS_(`tls_client')_RS_(`tls_server')_RS_(`TLS_connection')dnl
ifelse(_ACC_ON_, 1, `_RS_(`TLS_check')_RS_(`TLS_spare')', `ifdef(`_STS_', `_RS_(`TLS_check')_RS_(`TLS_spare')')')dnl
ifdef(`_STS_', `_RS_(`Set_SNI')ifelse(_ACC_ON_, 1, `_RS_(`tls_clt_feat_acc')')dnl
_RS_(`DANE_disabled')_RS_(`STS_disabled')_RS_(`tls_clt_features')')dnl
_RS_(`RelayTLS')_RS_(`authinfo')dnl
ifdef(`_COMPAT_CHECK_', `_RS_(`check_compat')')dnl
ifdef(`_RATE_CONTROL_', `_RS_(`RateControl')')dnl
ifdef(`_CONN_CONTROL_', `_RS_(`ConnControl')')dnl
ifdef(`_GREET_PAUSE_', `_RS_(`Local_greet_pause')_RS_(`greet_pause')')dnl

