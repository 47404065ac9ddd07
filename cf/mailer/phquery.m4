divert(-1)
# mailer/phquery.m4 -- the ph mailer: looks the recipient up in a CCSO
# (ph) directory and forwards the mail; used from mailertable entries.
# PH_MAILER_PATH, _FLAGS (instead of ehmu), _ARGS, _MAX, _QGRP override.
ifdef(`PH_MAILER_PATH', `', `define(`PH_MAILER_PATH', `/usr/local/etc/phquery')')
ifdef(`PH_MAILER_ARGS', `', `define(`PH_MAILER_ARGS', `phquery -- $u')')
define(`_MDEF_phquery_', `
Mph,		P=`'PH_MAILER_PATH, F=`'_MF_(`PH', _MFLAGS_OR_(`nrDFM', `ehmu', `PH_MAILER_FLAGS')), S=EnvFromL, R=EnvToL/HdrToL,_MOPT_(`PH_MAILER_MAX', `M')_MOPT_(`PH_MAILER_QGRP', `Q')
		T=DNS/RFC822/X-Unix,
		A=`'PH_MAILER_ARGS
')
define(`_LOADED_phquery_', 1)
divert(0)dnl
