divert(-1)
# mailer/pop.m4 -- the pop mailer: mail to user@POP is handed to the MH
# spop program for a POP-only mailbox.  POP_MAILER_PATH, _FLAGS (instead of
# Penu), _ARGS, _MAX, _QGRP override.
ifdef(`POP_MAILER_PATH', `', `define(`POP_MAILER_PATH', `/usr/lib/mh/spop')')
ifdef(`POP_MAILER_ARGS', `', `define(`POP_MAILER_ARGS', `pop $u')')
define(`_MDEF_pop_', `
Mpop,		P=`'POP_MAILER_PATH, F=`'_MF_(`POP', _MFLAGS_OR_(`lsDFMq', `Penu', `POP_MAILER_FLAGS')), S=EnvFromL, R=EnvToL/HdrToL,_MOPT_(`POP_MAILER_MAX', `M')_MOPT_(`POP_MAILER_QGRP', `Q')
		T=DNS/RFC822/X-Unix,
		A=`'POP_MAILER_ARGS
')
define(`_LOADED_pop_', 1)
divert(0)dnl
