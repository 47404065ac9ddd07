divert(-1)
# mailer/fax.m4 -- the fax mailer (HylaFAX faxmail): mail to number@host.FAX
# is faxed by that fax host.  FAX_MAILER_PATH, _FLAGS (added), _ARGS, _MAX
# (default 100000 bytes), _QGRP override.
ifdef(`FAX_MAILER_PATH', `', `define(`FAX_MAILER_PATH', `/usr/bin/faxmail')')
ifdef(`FAX_MAILER_ARGS', `', `define(`FAX_MAILER_ARGS', `faxmail -d $u@$h $f')')
ifdef(`FAX_MAILER_MAX', `', `define(`FAX_MAILER_MAX', `100000')')
define(`_MDEF_fax_', `
Mfax,		P=`'FAX_MAILER_PATH, F=`'_MFLAGS_(`DFMhu', `FAX_MAILER_FLAGS'), S=14, R=24,_MOPT_(`FAX_MAILER_MAX', `M')_MOPT_(`FAX_MAILER_QGRP', `Q')
		T=X-Phone/X-FAX/X-Unix,
		A=`'FAX_MAILER_ARGS
')
define(`_LOADED_fax_', 1)
divert(0)dnl
