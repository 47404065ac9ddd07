divert(-1)
# mailer/xagent.m4 -- the xagent mailer: hands mail to the XAGENT gateway
# program (host and user as arguments), as FEATURE(vnet) sites use it.
# XAGENT_MAILER_PATH, _FLAGS (replace the defaults), _ARGS, _MAX override.
# Its S= and R= name the numbered rulesets 11/31 and 21/31, which are empty
# unless the .mc defines them.
ifdef(`XAGENT_MAILER_PATH', `', `define(`XAGENT_MAILER_PATH', `/usr/lib/xagent')')
ifdef(`XAGENT_MAILER_FLAGS', `', `define(`XAGENT_MAILER_FLAGS', `DFMueXLn')')
ifdef(`XAGENT_MAILER_ARGS', `', `define(`XAGENT_MAILER_ARGS', `xagent $h $u')')
define(`_MDEF_xagent_', `
Mxagent,	P=`'XAGENT_MAILER_PATH, F=`'XAGENT_MAILER_FLAGS, S=11/31, R=21/31,_MOPT_(`XAGENT_MAILER_MAX', `M')
		T=DNS/RFC822/X-Unix,
		A=`'XAGENT_MAILER_ARGS, E=\n
')
define(`_LOADED_xagent_', 1)
divert(0)dnl
