divert(-1)
# mailer/ssh.m4 -- the ssh mailer: speaks SMTP to "sendmail -bs" on the
# remote host through ssh, as user SSH_MAILER_USER from SSH_MAILER_DIR
# (both must be set before MAILER(`ssh')).  SSH_MAILER_PATH (or SSH_PATH),
# SSH_MAILER_HOST, SSH_REMOTE_COMMAND, SSH_MAILER_ARGS, _FLAGS (added to
# mDFMuX), _MAX, _MAXMSGS, _MAXRCPTS, _CHARSET, _QGRP override.
ifdef(`SSH_MAILER_PATH', `', `define(`SSH_MAILER_PATH', ifdef(`SSH_PATH', `SSH_PATH', `/usr/bin/ssh'))')
ifdef(`SSH_REMOTE_COMMAND', `', `define(`SSH_REMOTE_COMMAND', `/usr/sbin/sendmail -bs')')
ifdef(`SSH_MAILER_HOST', `', `define(`SSH_MAILER_HOST', `$h')')
ifdef(`SSH_MAILER_ARGS', `', `define(`SSH_MAILER_ARGS',
	`ssh -o BatchMode=yes -o EscapeChar=none  -- 'SSH_MAILER_HOST` 'SSH_REMOTE_COMMAND)')
ifdef(`SSH_MAILER_USER', `', `errprint(`*** SSH_MAILER_USER must be defined before MAILER(`ssh').
')')
ifdef(`SSH_MAILER_DIR', `', `errprint(`*** SSH_MAILER_DIR must be defined before MAILER(`ssh').
')')
define(`_MDEF_ssh_', `
Mssh,		P=`'SSH_MAILER_PATH, F=`'_MF_(`SSH', _MFLAGS_(`mDFMuX', `SSH_MAILER_FLAGS')), S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP`'ifdef(`_ALL_MASQUERADE_', `/HdrFromSMTP'), E=\r\n, L=990,_MOPT_(`SSH_MAILER_MAX', `M')_MOPT_(`SSH_MAILER_MAXMSGS', `m')_MOPT_(`SSH_MAILER_MAXRCPTS', `r')_MOPT_(`SSH_MAILER_CHARSET', `C')
		T=DNS/RFC822/SMTP,_MOPT_(`SSH_MAILER_QGRP', `Q')
		U=`'SSH_MAILER_USER, D=`'SSH_MAILER_DIR,
		A=`'SSH_MAILER_ARGS
')
define(`_LOADED_ssh_', 1)
divert(0)dnl
