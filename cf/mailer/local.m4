divert(-1)
# mailer/local.m4 -- the local delivery mailer and the prog (shell) mailer.
# LOCAL_MAILER_* and LOCAL_SHELL_* macros override the defaults.  A null
# client's local mailer reads no aliases, .forward or :include: files.
ifdef(`LOCAL_MAILER_PATH', `', `define(`LOCAL_MAILER_PATH', `/bin/mail')')
ifdef(`LOCAL_MAILER_FLAGS', `', `define(`LOCAL_MAILER_FLAGS', `Prmn9')')
ifdef(`LOCAL_MAILER_ARGS', `', `define(`LOCAL_MAILER_ARGS', `mail -d $u')')
ifdef(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `', `define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `X-Unix')')
ifdef(`LOCAL_SHELL_PATH', `', `define(`LOCAL_SHELL_PATH', `/bin/sh')')
ifdef(`LOCAL_SHELL_FLAGS', `', `define(`LOCAL_SHELL_FLAGS', `eu9')')
ifdef(`LOCAL_SHELL_ARGS', `', `define(`LOCAL_SHELL_ARGS', `sh -c $u')')
ifdef(`LOCAL_SHELL_DIR', `', `define(`LOCAL_SHELL_DIR', `$z:/')')
define(`_MDEF_local_', `
Mlocal,		P=`'LOCAL_MAILER_PATH, F=`'_MF_(`LOCAL', ifdef(`_MSP_LOCAL_', `LOCAL_MAILER_FLAGS', `_MFLAGS_(ifdef(`_NULL_CLIENT_ONLY_', `lsDFM5q', `lsDFMAw5:/|@q'), `LOCAL_MAILER_FLAGS')')), S=ifdef(`_LOCAL_LMTP_', `EnvFromSMTP', `EnvFromL')/HdrFromL, R=EnvToL/HdrToL,_MOPT_(`LOCAL_MAILER_EOL', `E')_MOPT_(`LOCAL_MAILER_MAX', `M')_MOPT_(`LOCAL_MAILER_MAXMSGS', `m')_MOPT_(`LOCAL_MAILER_MAXRCPTS', `r')_MOPT_(`LOCAL_MAILER_CHARSET', `C')_MOPT_(`LOCAL_MAILER_QGRP', `Q')
		T=DNS/RFC822/`'LOCAL_MAILER_DSN_DIAGNOSTIC_CODE,
		A=`'LOCAL_MAILER_ARGS
Mprog,		P=`'LOCAL_SHELL_PATH, F=`'ifdef(`_MSP_LOCAL_', `LOCAL_SHELL_FLAGS', `_MFLAGS_(`lsDFMoq', `LOCAL_SHELL_FLAGS')'), S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, D=`'LOCAL_SHELL_DIR,_MOPT_(`LOCAL_MAILER_MAX', `M')
		T=X-Unix/X-Unix/X-Unix,
		A=`'LOCAL_SHELL_ARGS
')
define(`_LOADED_local_', 1)
divert(0)dnl
