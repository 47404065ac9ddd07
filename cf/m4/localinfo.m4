divert(-1)
dnl # localinfo.m4 -- the "local information" part of the cf: names of this
dnl # host (class w), relays ($S $H $R ...), classes filled by the .mc and the
dnl # maps that the features declared.
# scanf format after class file names (Debian: ignore # comments)
ifdef(`_CF_CLASSFILE_FMT_', `', `define(`_CF_CLASSFILE_FMT_', `')')
define(`_CLASS_FILE_', `ifdef(`_CLSF_$1_', `F{$1}_CLSF_$1_
')')
divert(0)dnl
# names of this host
Cwlocalhost
ifdef(`_USE_CW_FILE_', `Fw`'_CF_FILE_(`confCW_FILE', `local-host-names')`'_CF_CLASSFILE_FMT_
')dnl
# pseudo domains that are never looked up
CP.
# the dot and the bracket as classes of their own
C..
C[[
# the LDAP cluster this host belongs to (ldap_routing, LDAP maps)
ifdef(`confLDAP_CLUSTER', `D{sendmailMTACluster}`'confLDAP_CLUSTER
')dnl
ifdef(`UUCP_RELAY', `# relays for the pseudo domains
DY`'UUCP_RELAY
CPUUCP
')dnl
ifdef(`BITNET_RELAY', `DB`'BITNET_RELAY
CPBITNET
')dnl
ifdef(`DECNET_RELAY', `DC`'DECNET_RELAY
CPDECNET
')dnl
ifdef(`FAX_RELAY', `DF`'FAX_RELAY
CPFAX
')dnl
ifdef(`_MAILER_pop_', `CPPOP
')dnl
ifdef(`_MAILER_fax_', `CPFAX
')dnl
ifdef(`_MAILER_mail11_', `ifdef(`DECNET_RELAY', `', `CPDECNET
')')dnl
ifelse(_UUCP_RULES_, `1', `', `')dnl
# the smart host used for mail that has no better route
DS`'ifdef(`SMART_HOST', `SMART_HOST')
ifdef(`confDOMAIN_NAME', `Dj`'confDOMAIN_NAME
')dnl
ifdef(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `', `Kresolve host -a<OKR> -T<TEMP>
')dnl
ifdef(`_RELAY_MX_SERVED_', `# the mail exchangers of a domain (relay_based_on_MX)
Kmxserved bestmx -z: -T<TEMP>
')dnl
ifdef(`_MTAMARK_', `# MTAMark TXT records of client addresses
Kmtamark dns -R TXT -a. -T<TMP> -r`'ifdef(`MTAMARK_TO', `MTAMARK_TO', `5')
')dnl
# operators that mark a routed local part
CO @`'ifdef(`_NO_PERCENTHACK_', `', ` %')ifdef(`_NO_UUCP_', `', ` !')
# domains we relay for 
FR-o `'_CF_FILE_(`confCR_FILE', `relay-domains')`'_CF_CLASSFILE_FMT_
Kdequote dequote`'ifdef(`confDEQUOTE_OPTS', ` confDEQUOTE_OPTS')
Karith arith
ifelse(ifdef(`_ACCESS_TABLE_', 1)ifdef(`_STS_', 1)ifdef(`_PREFIX_MOD_', 1), `', `', `Kmacro macro
')dnl
ifdef(`_ACCESS_TABLE_', `C{Accept}OK RELAY
')dnl
C{ResOk}OKR
ifelse(ifdef(`_ACCESS_TABLE_', 1, 0)`'ifdef(`_STS_', 1, 0), 00, `', `# the requirements and verified results TLS_connection knows
C{Tls}VERIFY ENCR
C{TlsVerified}OK TRUSTED
')dnl
_CLASS_TEXT_(`E')`'_CLASS_FILE_(`E')dnl
_CLASS_TEXT_(`L')`'_CLASS_FILE_(`L')dnl
_CLASS_TEXT_(`R')`'_CLASS_FILE_(`R')dnl
_CLASS_TEXT_(`M')`'_CLASS_FILE_(`M')dnl
_CLASS_TEXT_(`N')`'_CLASS_FILE_(`N')dnl
_CLASS_TEXT_(`G')`'_CLASS_FILE_(`G')dnl
_CLASS_TEXT_(`w')dnl
ifdef(`_BLOCK_BAD_HELO_', `# loopback addresses: our names, and clients that may relay (block_bad_helo)
Cw[127.0.0.1] [IPv6:::1] [IPv6:0:0:0:0:0:0:0:1]
CR127.0.0.1 IPv6:::1 IPv6:0:0:0:0:0:0:0:1
')dnl
_CLASS_TEXT_(`U')_CLASS_TEXT_(`Y')_CLASS_TEXT_(`Z')dnl
_CLASS_TEXT_(`Canonify')`'_CLASS_FILE_(`Canonify')dnl
_CLASS_TEXT_(`VirtHost')`'_CLASS_FILE_(`VirtHost')dnl
_CLASS_TEXT_(`TrustAuthMech')dnl
_CLASS_TEXT_(`LDAPRoute')`'_CLASS_FILE_(`LDAPRoute')dnl
_CLASS_TEXT_(`LDAPRouteEquiv')`'_CLASS_FILE_(`LDAPRouteEquiv')dnl
_CLASS_TEXT_(`B')dnl
ifdef(`_MASQUERADE_AS_', `DM`'_MASQUERADE_AS_
')dnl
ifdef(`_MAIL_HUB_', `DH`'_MAIL_HUB_
', `ifdef(`_NULL_HUB_', `DH`'_NULL_HUB_
')')dnl
ifdef(`_LOCAL_RELAY_', `DR`'_LOCAL_RELAY_
')dnl
ifdef(`_LUSER_RELAY_', `DL`'_LUSER_RELAY_
')dnl
ifdef(`_MSP_', `# the MTA that the submission program hands mail to
D{MTAHost}`'_MTA_HOST_
')dnl
# who errors come from
DnMAILER-DAEMON
ifdef(`_MAILER_TABLE_', `Kmailertable _MAILER_TABLE_
')dnl
ifdef(`_VIRTUSER_TABLE_', `Kvirtuser _VIRTUSER_TABLE_
')dnl
ifdef(`_GENERICS_TABLE_', `Kgenerics _GENERICS_TABLE_
')dnl
ifdef(`_DOMAIN_TABLE_', `Kdomaintable _DOMAIN_TABLE_
')dnl
ifdef(`_BITDOMAIN_', `Kbitdomain _BITDOMAIN_
')dnl
ifdef(`_DRAC_', `Kdrac _DRAC_
')dnl
ifdef(`_BCC_TABLE_', `ifdef(`_BCC_ACCESS_', `', `Kbcctable _BCC_TABLE_
')')dnl
ifdef(`_BCC_HOST_', `DA`'_BCC_HOST_
')dnl
ifdef(`_BCC_CANON_', `KcanonicalRcpt _BCC_CANON_
')dnl
ifdef(`_AUTHINFO_TABLE_', `Kauthinfo _AUTHINFO_TABLE_
')dnl
ifdef(`_BESTMX_IS_LOCAL_', `Kbestmx bestmx
')dnl
ifdef(`_LDAP_ROUTING_', `# ldap_routing: mailHost and mailRoutingAddress of a recipient
Kldapmh _LDAP_MH_SPEC_
Kldapmra _LDAP_MRA_SPEC_
C{SMTPOpModes}s d D
')dnl
ifdef(`_UUDOMAIN_', `Kuudomain _UUDOMAIN_
')dnl
ifdef(`_REDIRECT_', `CPREDIRECT
')dnl
ifdef(`_ACCESS_TABLE_', `Kaccess _ACCESS_TABLE_
')dnl
ifdef(`_FEATURE_MAPS_', `defn(`_FEATURE_MAPS_')')dnl
dnl # DNSBL_MAP and DNSBL_MAP_OPT change the dnsbl map; EDNSBL_TO the
dnl # enhdnsbl map's retries
define(`_DNSBL_MAP_SPEC_', `ifdef(`DNSBL_MAP', `DNSBL_MAP', `dns -R A') -T<TMP>ifdef(`DNSBL_MAP_OPT', ` DNSBL_MAP_OPT')')dnl
ifdef(`_DNSBL_LIST_', `Kdnsbl_zone _DNSBL_MAP_SPEC_
')dnl
ifdef(`_EDNSBL_LIST_', `Kednsbl_zone dns -R A -a. -T<TMP> -r`'ifdef(`EDNSBL_TO', `EDNSBL_TO', `5')
')dnl
ifdef(`_RHSBL_USED_', `Krhsbl_zone ifdef(`_DNSBL_LIST_', `_DNSBL_MAP_SPEC_', `host -T<TMP>')
')dnl
ifdef(`_BADMX_CHK_', `Kbadmx_mxlist bestmx -z: -T<TEMP>
Kbadmx_name regex -a<BADMX> ^([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9])?\.$
Kbadmx_addr dns -R A -a. -T<TEMP>
Kbadmx_ip regex -a<BADMXIP> _BADMX_IP_RE_
')dnl
ifdef(`_LUSER_RELAY_', `Kuser user -m -a<>
')dnl
ifdef(`_STS_', `# MTA-STS: the policy daemon, and the parts of its answer the rules need
O StrictTransportSecurity=true
O SetCertAltnames=true
Ksts _STS_MAP_
Kstsxsni regex -a: -s3 (.*)(servername=)(.*)
Kstsxsni2 regex -a: -s2 (.*)(servername=.*)
Kstsxmatch regex -a: -s2 (match=)(.*)
Kstsxnodaneflag regex -a@ -s3 (.*)(flags=)([^;]*d)(.*)
', `ifdef(`_CERT_ALTNAMES_', `O SetCertAltnames=true
')')dnl
undivert(1)dnl
undivert(8)dnl
# version of this configuration
DZ`'ifdef(`confCF_VERSION', `8.17.1.9/confCF_VERSION', `8.17.1.9')
