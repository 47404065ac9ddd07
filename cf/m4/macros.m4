divert(-1)
# macros.m4 -- the user-visible macros of the package (OSTYPE, FEATURE,
# MAILER, class helpers, LOCAL_* sections ...).  They only record state:
# flags are defined as _X_ macros and literal cf text goes to diversions
# that proto.m4 places at the right spot of the generated file.
#
# Diversions: 1 LOCAL_CONFIG, 2 LOCAL_RULE_3, 3 LOCAL_RULE_0, 4 LOCAL_RULE_1,
# 5 LOCAL_RULE_2, 6 LOCAL_RULESETS, 7 LOCAL_NET_CONFIG, 8 class/map lines
# from helpers, 9 mailer-specific extra text (MAILER_DEFINITIONS).

define(`_CF_EXISTS_', `syscmd(`test -f '_CF_DIR_`$1')ifelse(sysval, 0, `1', `0')')
define(`_CF_INCLUDE_', `ifelse(_CF_EXISTS_(`$1/$2.m4'), 1,
	`include(_CF_DIR_`$1/$2.m4')',
	`_CF_FATAL_(`$3(`$2'): unknown $3 (no file '_CF_DIR_`$1/$2.m4)')')')

define(`VERSIONID', `define(`_VERSIONS_', defn(`_VERSIONS_')`##### $1 #####
')')
define(`_VERSIONS_', `')
define(`OSTYPE', `define(`_OSTYPE_', `$1')_CF_INCLUDE_(`ostype', `$1', `OSTYPE')')
define(`DOMAIN', `_CF_INCLUDE_(`domain', `$1', `DOMAIN')')
define(`HACK', `_ARGS_($@)_CF_INCLUDE_(`hack', `$1', `HACK')')
# SITECONFIG(file, site, class): siteconfig/file.m4 lists UUCP neighbours
# with SITE(`host ...'); they go to class `class' (U uucp-old, Y uucp-new,
# Z uucp-uudom; U when omitted).  `site' names this host's UUCP link and
# is only informative here.
define(`SITECONFIG', `define(`_SITE_CLASS_', ifelse(`$3', `', `U', `$3'))dnl
_CF_INCLUDE_(`siteconfig', `$1', `SITECONFIG')')
define(`SITE', `_CLASS_(defn(`_SITE_CLASS_'), `$1')')
# FEATURE(name, args...): the feature file sees its arguments as _ARG_ .. _ARG9_
define(`_ARGS_', `define(`_ARG_', `$2')define(`_ARG2_', `$3')define(`_ARG3_', `$4')dnl
define(`_ARG4_', `$5')define(`_ARG5_', `$6')define(`_ARG6_', `$7')dnl
define(`_ARG7_', `$8')define(`_ARG8_', `$9')')
# A FEATURE after a MAILER (or after nullclient or msp, which bring their
# mailers along) may change mailers already written: sendmail's package
# calls that an error, and we stop rather than build a cf that only
# half-applies it.
define(`FEATURE', `_ARGS_($@)ifdef(`_MAILERS_SEEN_',
	`_CF_FATAL_(`FEATURE(`$1') must come before 'defn(`_MAILERS_SEEN_'))')dnl
_CF_INCLUDE_(`feature', `$1', `FEATURE')')

# MAILER(name): remember the order; definitions are written at the end.
define(`MAILER', `ifdef(`_MAILERS_SEEN_', `', `define(`_MAILERS_SEEN_', `MAILER(`$1')')')ifdef(`_MAILER_$1_', `',
	`_CF_INCLUDE_(`mailer', `$1', `MAILER')define(`_MAILER_$1_', 1)dnl
define(`_MAILER_ORDER_', defn(`_MAILER_ORDER_')` $1')')')
define(`_MAILER_ORDER_', `')
define(`MAILER_DEFINITIONS', `divert(9)')

# the `LDAP' argument of a table feature: the map from the sendmailMTAMap
# LDAP schema entries for map name $1 of this host or its cluster (quoted
# twice: the spec has commas)
define(`_CF_LDAP_MAP_', ``ldap -1 -v sendmailMTAMapValue,sendmailMTAMapSearch:FILTER:sendmailMTAMapObject,sendmailMTAMapURL:URL:sendmailMTAMapObject -k (&(objectClass=sendmailMTAMapObject)(|(sendmailMTACluster=${sendmailMTACluster})(sendmailMTAHost=$j))(sendmailMTAMapName=$1)(sendmailMTAKey=%0))'')

# classes filled by helper macros; one C line each, emitted in "local info"
define(`_CLASS_', `define(`_CLS_$1_', defn(`_CLS_$1_')`C{$1}$2
')')
define(`_CLASS_TEXT_', `ifdef(`_CLS_$1_', `defn(`_CLS_$1_')')')
define(`EXPOSED_USER', `_CLASS_(`E', `$1')')
define(`EXPOSED_USER_FILE', `define(`_CLSF_E_', `$1')')
define(`LOCAL_USER', `_CLASS_(`L', `$1')')
define(`LOCAL_USER_FILE', `define(`_CLSF_L_', `$1')')
define(`LOCAL_DOMAIN', `_CLASS_(`w', `$1')')
define(`RELAY_DOMAIN', `_CLASS_(`R', `$1')')
define(`RELAY_DOMAIN_FILE', `define(`_CLSF_R_', `$1')')
define(`MASQUERADE_AS', `define(`_MASQUERADE_AS_', `$1')')
define(`MASQUERADE_DOMAIN', `_CLASS_(`M', `$1')')
define(`MASQUERADE_DOMAIN_FILE', `define(`_CLSF_M_', `$1')')
define(`MASQUERADE_EXCEPTION', `define(`_MASQUERADE_EXCEPTION_', 1)_CLASS_(`N', `$1')')
define(`MASQUERADE_EXCEPTION_FILE', `define(`_MASQUERADE_EXCEPTION_', 1)define(`_CLSF_N_', `$1')')
define(`CANONIFY_DOMAIN', `_CLASS_(`Canonify', `$1')')
define(`CANONIFY_DOMAIN_FILE', `define(`_CLSF_Canonify_', `$1')')
define(`GENERICS_DOMAIN', `_CLASS_(`G', `$1')')
define(`GENERICS_DOMAIN_FILE', `define(`_CLSF_G_', `$1')')
define(`VIRTUSER_DOMAIN', `_CLASS_(`VirtHost', `$1')_CLASS_(`R', `$1')')
define(`VIRTUSER_DOMAIN_FILE', `define(`_CLSF_VirtHost_', `$1')')
define(`TRUST_AUTH_MECH', `_CLASS_(`TrustAuthMech', `$1')')
define(`LDAPROUTE_DOMAIN', `_CLASS_(`LDAPRoute', `$1')')
define(`LDAPROUTE_DOMAIN_FILE', `define(`_CLSF_LDAPRoute_', `$1')')
define(`LDAPROUTE_EQUIVALENT', `_CLASS_(`LDAPRouteEquiv', `$1')')
define(`LDAPROUTE_EQUIVALENT_FILE', `define(`_CLSF_LDAPRouteEquiv_', `$1')')

# relays: the .mc defines LUSER_RELAY, MAIL_HUB, LOCAL_RELAY (like
# SMART_HOST) with define(); proto.m4 reads them at the end

# daemon and client options: each call adds one O line
define(`DAEMON_OPTIONS', `define(`_DAEMON_OPTS_', defn(`_DAEMON_OPTS_')`O DaemonPortOptions=$1
')')
define(`CLIENT_OPTIONS', `define(`_CLIENT_OPTS_', defn(`_CLIENT_OPTS_')`O ClientPortOptions=$1
')')
define(`QUEUE_GROUP', `define(`_QUEUE_GROUPS_', defn(`_QUEUE_GROUPS_')`Q$1, $2
')')

# mail filters: INPUT_MAIL_FILTER also adds the filter to confINPUT_MAIL_FILTERS
# (InputMailFilters), so a define() of it before the filters is kept in
# front of them and one after replaces the list
define(`MAIL_FILTER', `define(`_FILTERS_', defn(`_FILTERS_')`X$1, $2
')')
define(`INPUT_MAIL_FILTER', `MAIL_FILTER(`$1', `$2')define(`confINPUT_MAIL_FILTERS',
	ifelse(defn(`confINPUT_MAIL_FILTERS'), `', `', `defn(`confINPUT_MAIL_FILTERS')`,'')`$1')')

# literal sections
define(`LOCAL_CONFIG', `divert(1)')
define(`LOCAL_RULE_3', `divert(2)')
define(`LOCAL_RULE_0', `divert(3)')
define(`LOCAL_RULE_1', `divert(4)')
define(`LOCAL_RULE_2', `divert(5)')
define(`LOCAL_RULESETS', `divert(6)')
define(`LOCAL_NET_CONFIG', `divert(7)')
define(`LOCAL_SRV_FEATURES', `define(`_LOCAL_SRV_FEATURES_')divert(6)
Slocal_srv_features')
define(`LOCAL_CLT_FEATURES', `define(`_LOCAL_CLT_FEATURES_')divert(6)
Slocal_clt_features')
define(`LOCAL_TRY_TLS', `define(`_LOCAL_TRY_TLS_')divert(6)
SLocal_try_tls')
define(`LOCAL_TLS_RCPT', `define(`_LOCAL_TLS_RCPT_')divert(6)
SLocal_tls_rcpt')
define(`LOCAL_TLS_CLIENT', `define(`_LOCAL_TLS_CLIENT_')divert(6)
SLocal_tls_client')
define(`LOCAL_TLS_SERVER', `define(`_LOCAL_TLS_SERVER_')divert(6)
SLocal_tls_server')
define(`LOCAL_AUTHINFO', `define(`_LOCAL_AUTHINFO_')divert(6)
SLocal_authinfo')

# ratecontrol/conncontrol arguments (nodelay: check at connection time)
define(`_CTL_NODELAY_', `ifelse(index(` $1 ', ` nodelay '), -1, 0, 1)')
dnl _CTL_NOW_(Rate|Conn): 1 when that limit is checked at connection time
dnl even with delay_checks (argument nodelay)
define(`_CTL_NOW_', `ifdef(`_$1_CONTROL_', `ifdef(`_DELAY_CHECKS_', `_CTL_NODELAY_(defn(`_$1_CONTROL_'))', 0)', 0)')

define(`SMTP_MAILER_ARGS_DEFAULT', `TCP $h')
# the .mc may still say this (old sendmail.mc files)
define(`DOL', ``$'$1')
divert(0)dnl
divert(-1)
# _MFLAGS_(defaults, macro): mailer flags = defaults plus the macro's value
define(`_MFLAGS_', `$1`'ifdef(`$2', `$2')')
# _MFLAGS_OR_(base, extra, `NAME_MAILER_FLAGS'): base, then the macro's value
# when it is defined (even empty), else the default extra flags
define(`_MFLAGS_OR_', `$1`'ifdef(`$3', `$3', `$2')')
# MODIFY_MAILER_FLAGS(`NAME', `flags') changes the whole F= value of the
# NAME mailers: `+xy' adds x and y, `-xy' takes them out, anything else
# replaces the value.  As sendmail's package does: additions pile up and
# come after the flags left by the removals, which act on the mailer's own
# flags only; a replacement wins over every other change, before or after
# it, but a later replacement wins over it; a change made after the
# MAILER() that defines the mailer has no effect.  _MF_ applies them when
# the mailer is written.
define(`MODIFY_MAILER_FLAGS', `ifdef(`_MAILER_'_MF_FILE_(`$1')`_', `',
	`_MF_NOTE_(`$1', substr(`$2', 0, 1), `$2')')')
define(`_MF_NOTE_', `ifelse(`$2', `+', `_MF_APPEND_(`_MODMF_$1_ADD', substr(`$3', 1))',
	`$2', `-', `_MF_APPEND_(`_MODMF_$1_DEL', substr(`$3', 1))',
	`define(`_MODMF_$1_SET', `$3')')')
define(`_MF_APPEND_', `define(`$1', ifdef(`$1', `defn(`$1')')`$2')')
# _MF_(`NAME', flags): flags after NAME's MODIFY_MAILER_FLAGS changes
define(`_MF_', `ifdef(`_MODMF_$1_SET', `defn(`_MODMF_$1_SET')',
	`translit(`$2', ifdef(`_MODMF_$1_DEL', `defn(`_MODMF_$1_DEL')'))`'ifdef(`_MODMF_$1_ADD', `defn(`_MODMF_$1_ADD')')')')
# _MF_FILE_(`NAME'): the mailer/ file whose mailers NAME names
define(`_MF_FILE_', `ifelse(`$1', `SMTP', `smtp', `$1', `ESMTP', `smtp', `$1', `SMTP8', `smtp',
	`$1', `DSMTP', `smtp', `$1', `RELAY', `smtp', `$1', `PH', `phquery', `translit(`$1', `A-Z', `a-z')')')
# dnsbl, enhdnsbl and rhsbl entries share one list, so their rules run in the
# order the FEATUREs were given, whichever kind each is
define(`_BL_APPEND_', `define(`_BL_ENTRIES_', ifdef(`_BL_ENTRIES_', `defn(`_BL_ENTRIES_')')`$1')')
# _MOPT_(macro, letter): " X=value" when the macro is set
define(`_MOPT_', `ifdef(`$1', ` $2=$1,')')
divert(0)dnl
