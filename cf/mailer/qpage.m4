divert(-1)
# mailer/qpage.m4 -- the qpage mailer: sends the mail to a pager through
# QuickPage; used from mailertable entries.  QPAGE_MAILER_PATH, _FLAGS
# (instead of mDFMs), _ARGS, _MAX (default 4096 bytes), _QGRP override.
ifdef(`QPAGE_MAILER_PATH', `', `define(`QPAGE_MAILER_PATH', `/usr/local/bin/qpage')')
ifdef(`QPAGE_MAILER_ARGS', `', `define(`QPAGE_MAILER_ARGS', `qpage -l0 -m -P$u')')
ifdef(`QPAGE_MAILER_MAX', `', `define(`QPAGE_MAILER_MAX', `4096')')
define(`_MDEF_qpage_', `
Mqpage,		P=`'QPAGE_MAILER_PATH, F=`'_MF_(`QPAGE', _MFLAGS_OR_(`', `mDFMs', `QPAGE_MAILER_FLAGS')),_MOPT_(`QPAGE_MAILER_MAX', `M')_MOPT_(`QPAGE_MAILER_QGRP', `Q')
		T=DNS/RFC822/X-Unix,
		A=`'QPAGE_MAILER_ARGS
')
define(`_LOADED_qpage_', 1)
divert(0)dnl
