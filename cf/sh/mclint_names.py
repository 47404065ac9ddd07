"""Names mclint knows: sendmail 8.17's documented FEATUREs, mailers, OSTYPEs,
conf* options and m4 macros, and the facts about them that the checks use.
Data only; mclint imports it from the directory it is installed in."""

# The FEATUREs, mailers and OSTYPEs of sendmail 8.17 (cf/README, FEATURES etc.).
FEATURES = set("""
accept_unqualified_senders accept_unresolvable_domains access_db allmasquerade
always_add_domain authinfo badmx bcc bestmx_is_local bitdomain blacklist_recipients
block_bad_helo blocklist_recipients check_cert_altnames check_other compat_check
conncontrol delay_checks dnsbl domainmap domaintable drac enhdnsbl
generics_entire_domain genericstable greet_pause ldap_routing limited_masquerade
local_lmtp local_no_masquerade local_procmail lookupdotdomain loose_relay_check
mailertable masquerade_entire_domain masquerade_envelope msp mtamark no_default_msa
nocanonify nopercenthack notsticky nouucp nullclient prefixmod
preserve_local_plus_detail preserve_luser_host promiscuous_relay queuegroup
ratecontrol redirect relay_based_on_MX relay_entire_domain relay_hosts_only
relay_local_from relay_mail_from require_rdns rhsbl smrsh stickyhost sts
tls_failures tls_session_features use_client_ptr use_ct_file use_cw_file
uucpdomain virtuser_entire_domain virtusertable vnet""".split())

MAILERS = set("""cyrus cyrusv2 fax local mail11 phquery pop procmail qpage smtp
ssh usenet uucp xagent""".split())

OSTYPES = set("""a-ux aix3 aix4 aix5 altos amdahl-uts bsd4.3 bsd4.4 bsdi bsdi1.0
bsdi2.0 darwin debian dgux domainos dragonfly dynix3.2 freebsd4 freebsd5 freebsd6
gnu hpux10 hpux11 hpux9 irix4 irix5 irix6 isc4.1 linux maxion mklinux mpeix
nextstep openbsd osf1 powerux ptx2 qnx riscos4.5 sco-uw-2.1 sco3.2 sinix solaris11
solaris2 solaris2.ml solaris2.pre5 solaris8 sunos3.5 sunos4.1 svr4 ultrix4 unicos
unicosmk unicosmp unixware7 unknown uxpds""".split())

# The conf* options of the 8.17 m4 package (cf/README, "TWEAKING CONFIGURATION OPTIONS").
CONF_NAMES = set("""
ALIAS_WAIT ALLOW_BOGUS_HELO AUTH_MAX_BITS AUTH_MECHANISMS AUTH_OPTIONS AUTH_REALM
AUTO_REBUILD BAD_RCPT_THROTTLE BIND_OPTS BLANK_SUB CACERT CACERT_PATH
CERT_FINGERPRINT_ALGORITHM CF_VERSION CHECKPOINT_INTERVAL CHECK_ALIASES CIPHER_LIST
CLIENT_CERT CLIENT_KEY CLIENT_OPTIONS CLIENT_SSL_OPTIONS COLON_OK_IN_ADDR
CONNECTION_RATE_THROTTLE CONNECTION_RATE_WINDOW_SIZE CONNECT_ONLY_TO
CONTROL_SOCKET_NAME CON_EXPENSIVE COPY_ERRORS_TO CRL CRL_PATH CR_FILE CT_FILE
CW_FILE DAEMON_OPTIONS DANE DEAD_LETTER_DROP DEF_AUTH_INFO DEF_CHAR_SET
DEF_GROUP_ID DEF_USER_ID DELAY_LA DELIVERY_MODE DELIVER_BY_MIN DEQUOTE_OPTS
DF_BUFFER_SIZE DH_PARAMETERS DIAL_DELAY DIRECT_SUBMISSION_MODIFIERS DOMAIN_NAME
DONT_BLAME_SENDMAIL DONT_EXPAND_CNAMES DONT_INIT_GROUPS DONT_PROBE_INTERFACES
DONT_PRUNE_ROUTES DOUBLE_BOUNCE_ADDRESS EBINDIR EIGHT_BIT_HANDLING ERROR_MESSAGE
ERROR_MODE FALLBACK_MX FALLBACK_SMARTHOST FAST_SPLIT FORWARD_PATH FROM_HEADER
FROM_LINE HELO_NAME HOSTS_FILE HOST_STATUS_DIRECTORY IGNORE_DOTS INPUT_MAIL_FILTERS
LDAP_CLUSTER LDAP_DEFAULT_SPEC LOCAL_MAILER LOG_LEVEL MAILBOX_DATABASE MAILER_NAME
MATCH_GECOS MAX_ALIAS_RECURSION MAX_DAEMON_CHILDREN MAX_HEADERS_LENGTH MAX_HOP
MAX_MESSAGE_SIZE MAX_MIME_HEADER_LENGTH MAX_NOOP_COMMANDS MAX_QUEUE_AGE
MAX_QUEUE_CHILDREN MAX_QUEUE_RUN_SIZE MAX_RCPTS_PER_MESSAGE MAX_RUNNERS_PER_QUEUE
MCI_CACHE_SIZE MCI_CACHE_TIMEOUT MESSAGEID_HEADER MESSAGE_TIMEOUT ME_TOO
MILTER_LOG_LEVEL MILTER_MACROS_CONNECT MILTER_MACROS_DATA MILTER_MACROS_ENVFROM
MILTER_MACROS_ENVRCPT MILTER_MACROS_EOH MILTER_MACROS_EOM MILTER_MACROS_HELO
MIME_FORMAT_ERRORS MIN_FREE_BLOCKS MIN_QUEUE_AGE MUST_QUOTE_CHARS NICE_QUEUE_RUN
NO_RCPT_ACTION OLD_STYLE_HEADERS OPERATORS PID_FILE PRIVACY_FLAGS
PROCESS_TITLE_PREFIX QUEUE_FACTOR QUEUE_FILE_MODE QUEUE_LA QUEUE_SORT_ORDER
RAND_FILE RCPTREJ_MSG READ_TIMEOUT RECEIVED_HEADER REFUSE_LA REJECT_LOG_INTERVAL
REJECT_MSG REJECT_NUL RELAY_MAILER RELAY_MSG REQUIRES_DIR_FSYNC RRT_IMPLIES_DSN
RUN_AS_USER SAFE_FILE_ENV SAFE_QUEUE SAVE_FROM_LINES SEPARATE_PROC SERVER_CERT
SERVER_KEY SERVER_SSL_OPTIONS SERVICE_SWITCH_FILE SEVEN_BIT_INPUT SHARED_MEMORY_KEY
SHARED_MEMORY_KEY_FILE SINGLE_LINE_FROM_HEADER SINGLE_THREAD_DELIVERY
SMTP_LOGIN_MSG SMTP_MAILER SOFT_BOUNCE SSL_ENGINE SSL_ENGINE_PATH TEMP_FILE_MODE
TIME_ZONE TLS_FALLBACK_TO_CLEAR TLS_SRV_OPTIONS TO_ACONNECT TO_AUTH TO_COMMAND
TO_CONNECT TO_CONTROL TO_DATABLOCK TO_DATAFINAL TO_DATAINIT TO_FILEOPEN TO_HELO
TO_HOSTSTATUS TO_ICONNECT TO_IDENT TO_INITIAL TO_LHLO TO_MAIL TO_MISC
TO_QUEUERETURN TO_QUEUERETURN_DSN TO_QUEUERETURN_NONURGENT TO_QUEUERETURN_NORMAL
TO_QUEUERETURN_URGENT TO_QUEUEWARN TO_QUEUEWARN_DSN TO_QUEUEWARN_NONURGENT
TO_QUEUEWARN_NORMAL TO_QUEUEWARN_URGENT TO_QUIT TO_RCPT TO_RESOLVER_RETRANS
TO_RESOLVER_RETRANS_FIRST TO_RESOLVER_RETRANS_NORMAL TO_RESOLVER_RETRY
TO_RESOLVER_RETRY_FIRST TO_RESOLVER_RETRY_NORMAL TO_RSET TO_STARTTLS TRUSTED_USER
TRUSTED_USERS TRY_NULL_MX_LIST UNSAFE_GROUP_WRITES USERDB_SPEC
USE_COMPRESSED_IPV6_ADDRESSES USE_ERRORS_TO USE_MSP UUCP_MAILER WORK_CLASS_FACTOR
WORK_RECIPIENT_FACTOR WORK_TIME_FACTOR XF_BUFFER_SIZE""".split())
CONF_NAMES = {'conf' + n for n in CONF_NAMES}

# Options the package still knows but that no longer do what the admin wants.
CONF_OBSOLETE = {
    'confDAEMON_OPTIONS': 'confDAEMON_OPTIONS is no longer valid: use DAEMON_OPTIONS(`...\')',
    'confCLIENT_OPTIONS': 'confCLIENT_OPTIONS is no longer valid: use CLIENT_OPTIONS(`...\')',
    'confAUTO_REBUILD': 'confAUTO_REBUILD is no longer valid: rebuild aliases with newaliases',
    'confDEF_GROUP_ID': 'confDEF_GROUP_ID is obsolete: use confDEF_USER_ID with `uid:gid\'',
    'confREAD_TIMEOUT': 'confREAD_TIMEOUT is obsolete: use the confTO_* timeouts',
    'confUNSAFE_GROUP_WRITES': 'confUNSAFE_GROUP_WRITES is deprecated: use confDONT_BLAME_SENDMAIL',
}

# devtools/Site/site.config.m4 settings: they build sendmail, they do nothing in an .mc.
# PrivacyOptions flags (sendmail's op.me); sendmail only warns at start-up about others.
PRIVACY_FLAGS = set("""public needmailhelo needexpnhelo noexpn needvrfyhelo novrfy
restrictexpand restrictmailq restrictqrun noetrn noverb authwarnings noreceipts nobodyreturn
goaway noactualrecipient""".split())

BUILD_OPTIONS = set("""confENVDEF confLIBS confMAPDEF confINCDIRS confLIBDIRS confOPTIMIZE
confCC confCCOPTS confLDOPTS confMANROOT confMANOWN confINSTALL confSTDIR confSBINDIR
confUBINDIR confMBINDIR confHFDIR confSM_OS_HEADER confSTDIO_TYPE confLIBSEARCH""".split())

MAP_TYPES = set("""hash btree dbm ndbm cdb ldap LDAP nis nisplus hesiod netinfo text stab
implicit user sequence switch regex program dns socket macro arith bestmx host syslog
null dequote nsd ph userdb""".split())

# FEATUREs whose arguments are map specifications, and which arguments.
MAP_FEATURES = {n: (1,) for n in """access_db mailertable virtusertable genericstable
domaintable bitdomain uucpdomain authinfo""".split()}
MAP_FEATURES['ldap_routing'] = (1, 2)

NEEDS_ACCESS_DB = set("""blocklist_recipients blacklist_recipients greet_pause bcc queuegroup
relay_mail_from lookupdotdomain conncontrol ratecontrol compat_check""".split())

# Macros that switch m4 output to a section of raw sendmail.cf text.
SECTIONS = set("""LOCAL_CONFIG LOCAL_RULESETS LOCAL_RULE_0 LOCAL_RULE_1 LOCAL_RULE_2
LOCAL_RULE_3 LOCAL_NET_CONFIG MAILER_DEFINITIONS LOCAL_SRV_FEATURES LOCAL_CLT_FEATURES
LOCAL_TRY_TLS LOCAL_TLS_RCPT LOCAL_TLS_CLIENT LOCAL_TLS_SERVER""".split())
AFTER_MAILER_SECTIONS = set("""LOCAL_SRV_FEATURES LOCAL_CLT_FEATURES LOCAL_TRY_TLS
LOCAL_TLS_RCPT LOCAL_TLS_CLIENT LOCAL_TLS_SERVER""".split())

CF_MACROS = SECTIONS | set("""VERSIONID OSTYPE DOMAIN FEATURE HACK MAILER SITECONFIG SITE
LOCAL_DOMAIN LOCAL_USER MASQUERADE_AS MASQUERADE_DOMAIN MASQUERADE_DOMAIN_FILE
MASQUERADE_EXCEPTION MASQUERADE_EXCEPTION_FILE EXPOSED_USER EXPOSED_USER_FILE
GENERICS_DOMAIN GENERICS_DOMAIN_FILE VIRTUSER_DOMAIN VIRTUSER_DOMAIN_FILE RELAY_DOMAIN
RELAY_DOMAIN_FILE CANONIFY_DOMAIN CANONIFY_DOMAIN_FILE DAEMON_OPTIONS CLIENT_OPTIONS
INPUT_MAIL_FILTER MAIL_FILTER QUEUE_GROUP LDAPROUTE_DOMAIN LDAPROUTE_DOMAIN_FILE
LDAPROUTE_EQUIVALENT LDAPROUTE_EQUIVALENT_FILE TRUST_AUTH_MECH MODIFY_MAILER_FLAGS
UUCPSMTP DOL""".split())
M4_BUILTINS = set("""define undefine include sinclude ifdef ifelse divert undivert dnl
changequote changecom defn pushdef popdef shift len index substr translit incr decr eval
errprint m4exit m4wrap indir builtin syscmd esyscmd sysval maketemp mkstemp format regexp
patsubst traceon traceoff dumpdef divnum""".split())
# Macros that are useless without an argument list, so a space before `(' is a bug.
NEEDS_ARGS = CF_MACROS - SECTIONS | (M4_BUILTINS - {'dnl', 'divert', 'undivert', 'divnum'})

# Which mailer a mailer-parameter define belongs to (cf/README, OSTYPE section).
MAILER_PARAM_PREFIX = [
    ('LOCAL_MAILER_', 'local'), ('LOCAL_SHELL_', 'local'), ('SMTP_MAILER_', 'smtp'),
    ('ESMTP_MAILER_', 'smtp'), ('SMTP8_MAILER_', 'smtp'), ('DSMTP_MAILER_', 'smtp'),
    ('RELAY_MAILER_', 'smtp'), ('UUCP_MAILER_', 'uucp'), ('USENET_MAILER_', 'usenet'),
    ('FAX_MAILER_', 'fax'), ('POP_MAILER_', 'pop'), ('PROCMAIL_MAILER_', 'procmail'),
    ('MAIL11_MAILER_', 'mail11'), ('PH_MAILER_', 'phquery'), ('CYRUS_MAILER_', 'cyrus'),
    ('CYRUS_BB_MAILER_', 'cyrus'), ('CYRUSV2_MAILER_', 'cyrusv2'), ('QPAGE_MAILER_', 'qpage'),
]
