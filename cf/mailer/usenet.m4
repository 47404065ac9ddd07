divert(-1)
# mailer/usenet.m4 -- the usenet mailer: mail to newsgroup.USENET is posted
# with inews.  USENET_MAILER_PATH, _FLAGS (instead of rsDFMmn), _ARGS, _MAX, _QGRP override.
ifdef(`USENET_MAILER_PATH', `', `define(`USENET_MAILER_PATH', `/usr/lib/news/inews')')
ifdef(`USENET_MAILER_ARGS', `', `define(`USENET_MAILER_ARGS', `inews -m -h -n $u')')
define(`_MDEF_usenet_', `
Musenet,	P=`'USENET_MAILER_PATH, F=`'_MF_(`USENET', _MFLAGS_OR_(`', `rsDFMmn', `USENET_MAILER_FLAGS')), S=EnvFromL, R=EnvToL,_MOPT_(`USENET_MAILER_MAX', `M')_MOPT_(`USENET_MAILER_QGRP', `Q')
		T=X-Usenet/X-Usenet/X-Unix,
		A=`'USENET_MAILER_ARGS
')
define(`_LOADED_usenet_', 1)
divert(0)dnl
