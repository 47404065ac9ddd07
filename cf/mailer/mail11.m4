divert(-1)
# mailer/mail11.m4 -- the mail11 mailer: mail to DECnet hosts (node::user,
# user@node.DECNET) through the mail11 program; turns on the node::user
# syntax.  MAIL11_MAILER_PATH, _FLAGS (instead of nsFx), _ARGS, _QGRP override.
define(`_USE_DECNET_SYNTAX_', 1)
ifdef(`MAIL11_MAILER_PATH', `', `define(`MAIL11_MAILER_PATH', `/usr/etc/mail11')')
ifdef(`MAIL11_MAILER_ARGS', `', `define(`MAIL11_MAILER_ARGS', `mail11 $g $x $h $u')')
define(`_MDEF_mail11_', `
Mmail11,	P=`'MAIL11_MAILER_PATH, F=`'_MF_(`MAIL11', _MFLAGS_OR_(`', `nsFx', `MAIL11_MAILER_FLAGS')), S=Mail11From, R=Mail11To,_MOPT_(`MAIL11_MAILER_QGRP', `Q')
		T=DNS/X-DECnet/X-Unix,
		A=`'MAIL11_MAILER_ARGS

# addresses for mail11 keep the internal form; final (4) writes node::user
SMail11To
R$`'+ < @ $`'+ . DECNET . >	$`'@ $`'1 < @ $`'2 . DECNET . >
SMail11From
R$`'*			$: $>Mail11To $`'1
')
# DECnet hosts get mail over mail11 (with the local ruleset 0 rules)
divert(3)R$+ < @ $+ . DECNET . >	$# mail11 $@ $2 $: $1
divert(-1)
define(`_LOADED_mail11_', 1)
divert(0)dnl
