divert(-1)
# mailer/cyrus.m4 -- Cyrus IMAP 1.x delivery with cyrdeliver: the cyrus
# mailer (user mailboxes) and cyrusbb (bulletin boards).  CYRUS_MAILER_PATH,
# _FLAGS (replace the extra flags), _ARGS, _MAX, _USER, _QGRP and
# CYRUS_BB_MAILER_FLAGS, _ARGS override.
ifdef(`CYRUS_MAILER_PATH', `', `define(`CYRUS_MAILER_PATH', `/usr/sbin/cyrdeliver')')
ifdef(`CYRUS_MAILER_FLAGS', `', `define(`CYRUS_MAILER_FLAGS', `Ah5@/:|')')
ifdef(`CYRUS_MAILER_ARGS', `', `define(`CYRUS_MAILER_ARGS', `cyrdeliver -e -m $h -- $u')')
ifdef(`CYRUS_MAILER_USER', `', `define(`CYRUS_MAILER_USER', `cyrus:mail')')
ifdef(`CYRUS_BB_MAILER_FLAGS', `', `define(`CYRUS_BB_MAILER_FLAGS', `u')')
ifdef(`CYRUS_BB_MAILER_ARGS', `', `define(`CYRUS_BB_MAILER_ARGS', `cyrdeliver -e -m $u')')
define(`_MDEF_cyrus_', `
Mcyrus,		P=`'CYRUS_MAILER_PATH, F=`'_MF_(`CYRUS', `lsDFMnPq'CYRUS_MAILER_FLAGS), S=EnvFromL, R=EnvToL/HdrToL,_MOPT_(`CYRUS_MAILER_MAX', `M')_MOPT_(`CYRUS_MAILER_QGRP', `Q')
		U=`'CYRUS_MAILER_USER, T=DNS/RFC822/X-Unix,
		A=`'CYRUS_MAILER_ARGS

Mcyrusbb,	P=`'CYRUS_MAILER_PATH, F=`'_MF_(`CYRUS', `lsDFMnP'CYRUS_BB_MAILER_FLAGS), S=EnvFromL, R=EnvToL/HdrToL,_MOPT_(`CYRUS_MAILER_MAX', `M')_MOPT_(`CYRUS_MAILER_QGRP', `Q')
		U=`'CYRUS_MAILER_USER, T=DNS/RFC822/X-Unix,
		A=`'CYRUS_BB_MAILER_ARGS
')
define(`_LOADED_cyrus_', 1)
divert(0)dnl
