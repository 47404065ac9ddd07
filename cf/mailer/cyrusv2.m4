divert(-1)
# mailer/cyrusv2.m4 -- hand local mail to Cyrus IMAP 2.x over LMTP on a
# UNIX socket.  CYRUSV2_MAILER_FLAGS, _ARGS, _MAX, _QGRP, _CHARSET,
# _MAXMSGS (m=), _MAXRCPTS (r=) override.
ifdef(`CYRUSV2_MAILER_FLAGS', `', `define(`CYRUSV2_MAILER_FLAGS', `A@/:|m')')
ifdef(`CYRUSV2_MAILER_ARGS', `', `define(`CYRUSV2_MAILER_ARGS', `FILE /var/run/cyrus/socket/lmtp')')
define(`_MDEF_cyrusv2_', `
Mcyrusv2,	P=[IPC], F=`'_MF_(`CYRUSV2', `lsDFMnqXz'CYRUSV2_MAILER_FLAGS), S=EnvFromSMTP/HdrFromL, R=EnvToL/HdrToL, E=\r\n,_MOPT_(`CYRUSV2_MAILER_MAX', `M')_MOPT_(`CYRUSV2_MAILER_QGRP', `Q')_MOPT_(`CYRUSV2_MAILER_CHARSET', `C')_MOPT_(`CYRUSV2_MAILER_MAXMSGS', `m')_MOPT_(`CYRUSV2_MAILER_MAXRCPTS', `r')
		T=DNS/RFC822/SMTP,
		A=`'CYRUSV2_MAILER_ARGS
')
define(`_LOADED_cyrusv2_', 1)
divert(0)dnl
