divert(-1)
# mailer/uucp.m4 -- the UUCP mailers: uucp-old (alias uucp) for classic
# hosts (class U), uucp-new (alias suucp, several recipients per call,
# class Y), uucp-uudom and uucp-dom for domain-aware neighbours (class Z).
# UUCP_MAILER_PATH, _FLAGS, _ARGS, _MAX and _CHARSET override the defaults;
# with MAILER(smtp) loaded first the domain mailers reuse its rulesets.
ifdef(`UUCP_MAILER_PATH', `', `define(`UUCP_MAILER_PATH', `/usr/bin/uux')')
ifdef(`UUCP_MAILER_ARGS', `', `define(`UUCP_MAILER_ARGS', `uux - -r -a$g -gC $h!rmail ($u)')')
ifdef(`UUCP_MAILER_FLAGS', `', `define(`UUCP_MAILER_FLAGS', `')')
ifdef(`UUCP_MAILER_MAX', `', `define(`UUCP_MAILER_MAX', `100000')')
define(`_UUCP_M_', `
M$1,	P=`'UUCP_MAILER_PATH, F=`'_MF_(`UUCP', `$2'UUCP_MAILER_FLAGS), S=$3, R=$4, M=`'UUCP_MAILER_MAX,_MOPT_(`UUCP_MAILER_CHARSET', `C')_MOPT_(`UUCP_MAILER_QGRP', `Q')
	T=X-UUCP/X-UUCP/X-Unix,
	A=`'UUCP_MAILER_ARGS
')
define(`_MDEF_uucp_', `_UUCP_M_(`uucp', `DFMhuUd', `FromU', `EnvToU/HdrToU')dnl
_UUCP_M_(`uucp-old', `DFMhuUd', `FromU', `EnvToU/HdrToU')dnl
_UUCP_M_(`suucp', `mDFMhuUd', `FromU', `EnvToU/HdrToU')dnl
_UUCP_M_(`uucp-new', `mDFMhuUd', `FromU', `EnvToU/HdrToU')dnl
_UUCP_M_(`uucp-dom', `mDFMhud', `EnvFromUD/HdrFromSMTP', `EnvToSMTP')dnl
_UUCP_M_(`uucp-uudom', `mDFMhud', `EnvFromUUD/HdrFromSMTP', `EnvToSMTP')')
define(`_LOADED_uucp_', 1)
# its rulesets (FromU, EnvToU, HdrToU, EnvFromUD, EnvFromUUD) are in m4/rules_uucp.m4
define(`_UUCP_MAILER_', 1)
divert(0)dnl
