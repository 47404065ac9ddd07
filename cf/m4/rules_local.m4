divert(-1)
dnl # rules_local.m4 -- body of ParseLocal (98): LOCAL_RULE_0 text (already
dnl # placed by rules_core.m4) and the per-feature local rewrites.
divert(0)dnl
ifdef(`_REDIRECT_', `# feature redirect: user@host.REDIRECT means "has moved"
R$* < @ $+ . REDIRECT . >	$# error $@ 5.1.1 $: "551 User has moved; please try " < $1 @ $2 >
R$* < @ $+ . REDIRECT >		$# error $@ 5.1.1 $: "551 User has moved; please try " < $1 @ $2 >
')dnl
ifdef(`_VIRTUSER_TABLE_', `# the null address never reaches the virtual user table
R< @ >			$@ < @ >
')dnl
