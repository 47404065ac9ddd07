divert(-1)
# mailer/procmail.m4 -- a mailer that hands mail to procmail (for use in
# mailertable entries such as "procmail:/etc/procmailrcs/x").
ifdef(`PROCMAIL_MAILER_PATH', `', `define(`PROCMAIL_MAILER_PATH', `/usr/local/bin/procmail')')
ifdef(`PROCMAIL_MAILER_ARGS', `', `define(`PROCMAIL_MAILER_ARGS', `procmail -Y -m $h $f $u')')
define(`_MDEF_procmail_', `
Mprocmail,	P=`'PROCMAIL_MAILER_PATH, F=`'_MF_(`PROCMAIL', _MFLAGS_OR_(`DFM', `SPhnu9', `PROCMAIL_MAILER_FLAGS')), S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP/HdrFromSMTP,_MOPT_(`PROCMAIL_MAILER_MAX', `M')_MOPT_(`PROCMAIL_MAILER_QGRP', `Q')
		T=DNS/RFC822/X-Unix,
		A=`'PROCMAIL_MAILER_ARGS
')
define(`_LOADED_procmail_', 1)
divert(0)dnl
