divert(-1)
dnl # rules_core.m4 -- address rewriting: canonify (3), Canonify2 (96),
dnl # final (4), parse (0) with Parse0/ParseLocal/Parse1, the mailertable and
dnl # virtusertable lookups and the masquerading rulesets.
dnl # Ruleset names are the documented interfaces of sendmail.cf; the rules
dnl # are ours.  Sendmail prints a trace for every non-empty ruleset it enters,
dnl # so helper logic stays inside these rulesets instead of new ones.
define(`_UUCP_RULES_', ifdef(`_NO_UUCP_', `', `1'))
divert(0)dnl
##################################################################
###  canonify (3): find the route address and mark the host part ###
##################################################################
Scanonify=3
R$@			$@ < @ >
# keep only what is inside the innermost angle brackets
R$* < $* < $* > $* > $*	$2 < $3 > $4
R$+ < $* >		< $2 >
R< $* > $+		< $1 >
R< >			$@ < @ >
R< @ >			$@ : ; < @ >
R< $+ >			$: $1
ifdef(`_USE_DECNET_SYNTAX_', `# DECnet node::user
R$+ :: $* @ $*		$@ $>Canonify2 $1 :: $2 < @ $3 >
R$+ :: $+		$@ $>Canonify2 $2 < @ $1 . DECNET >
')dnl
# :include: lists, group (list:;) syntax, source routes
R: `include' : $*	$@ : `include' : $1
R$* ;			$1
R$+ :			$@ : ; < @ >
R@ $+ : $+		$2
R$- : $+		$2
# the host part follows the last @
R$* @ $*		$: $1 < @ $2 >
R$* < @ $* @ $* >	$1 @ $2 < @ $3 >
R$* < @ $* >		$@ $>Canonify2 $1 < @ $2 >
ifelse(_UUCP_RULES_, `1', `# UUCP paths: host!user (a dotted host is a domain)
R$- ! $+		$@ $>Canonify2 $2 < @ $1 . UUCP >
R$+ . $- ! $+		$@ $>Canonify2 $3 < @ $1 . $2 >
R$+ ! $+		$@ $>Canonify2 $2 < @ $1 . UUCP >
')dnl
ifdef(`_NO_PERCENTHACK_', `', `# the percent hack: the last % acts as @
R$* % $*		$1 @ $2
R$* @ $* % $*		$1 % $2 @ $3
')dnl
R$* @ $*		$@ $>Canonify2 $1 < @ $2 >
R$*			$@ $>Canonify2 $1

##################################################################
###  Canonify2 (96): make the host part canonical                ###
##################################################################
SCanonify2=96
# address literals of this host become its name; other literals are final
R$* < @ [ $+ ] > $*	$: $1 < @@ [ $2 ] > $3
R$* < @@ $=w > $*	$: $1 < @ $j . > $3
R$* < @@ $+ > $*	$@ $1 < @ $2 > $3
# localhost is this host
R$* < @ localhost > $*	$: $1 < @ $j . > $2
R$* < @ localhost . > $*	$: $1 < @ $j . > $2
ifdef(`_DOMAIN_TABLE_', `# domaintable: old domain names become their new ones
R$* < @ $+ > $*		$: $1 < @ $(domaintable $2 $) > $3
')dnl
# the administrator's ruleset 3 rules (and vnet's) see the marked host
# here, as they do in sendmail's own package
undivert(2)dnl
ifdef(`_BITDOMAIN_', `# bitdomain: BITNET hosts with an Internet name get it
R$* < @ $+ . BITNET > $*	$: $1 < @ $(bitdomain $2 $: $2 . BITNET $) > $3
')dnl
ifdef(`_UUDOMAIN_', `# uucpdomain: UUCP hosts with an Internet name get it
R$* < @ $+ . UUCP > $*	$: $1 < @ $(uudomain $2 $: $2 . UUCP $) > $3
')dnl
ifelse(_UUCP_RULES_, `1', `R$* < @ $+ . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3
')dnl
# pseudo domains (class P) are left alone, with the canonical dot
R$* < @ $+ . $=P > $*	$@ $1 < @ $2 . $3 . > $4
R$* < @ . > $*		$@ $1 < @ . > $2
R$* < @ $=P > $*		$@ $1 < @ $2 . > $3
ifdef(`_NO_CANONIFY_', `# nocanonify: only CANONIFY_DOMAIN hosts (and with canonify_hosts bare
# host names) go to the resolver; other names with a dot count as canonical
R$* < @ $* $={Canonify} > $*	$@ $1 < @ $[ $2 $3 $] > $4
ifdef(`_CANONIFY_HOSTS_', `R$* < @ $- > $*		$: $1 < @ $[ $2 $] > $3
')dnl
R$* < @ $+ . > $*	$: $1 < @ $2 . > $3
R$* < @ $+ . $+ > $*	$: $1 < @ $2 . $3 . > $4
R$* < @ $+ . . > $*	$: $1 < @ $2 . > $3
', `# ask the resolver (a trailing dot marks a canonical name)
R$* < @ $* $~P > $*	$: $1 < @ $[ $2 $3 $] > $4
')dnl
# names of this host that the resolver does not know
R$* < @ $=w > $*	$: $1 < @ $2 . > $3
# masquerade domains (and with masquerade_entire_domain their subdomains)
ifdef(`_MASQUERADE_ENTIRE_DOMAIN_', `R$* < @ $* $=M > $*	$: $1 < @ $2 $3 . > $4',
`R$* < @ $=M > $*	$: $1 < @ $2 . > $3')
# virtual user domains (with virtuser_entire_domain their subdomains)
ifdef(`_VIRTUSER_TABLE_', `ifdef(`_VIRTUSER_ENTIRE_DOMAIN_', `R$* < @ $* $={VirtHost} > $*	$: $1 < @ $2 $3 . > $4',
`R$* < @ $={VirtHost} > $*	$: $1 < @ $2 . > $3')
')dnl
# genericstable domains (and with generics_entire_domain their subdomains)
ifdef(`_GENERICS_ENTIRE_DOMAIN_', `R$* < @ $* $={G} > $*	$: $1 < @ $2 $3 . > $4',
`R$* < @ $={G} > $*	$: $1 < @ $2 . > $3')

##################################################################
###  final (4): undo the internal form                          ###
##################################################################
Sfinal=4
R$+ : ; < @ >		$@ $1 :
R$* < @ >		$@
R$* < @ $+ . > $*	$1 < @ $2 > $3
ifdef(`_USE_DECNET_SYNTAX_', `R$+ < @ $+ . DECNET >	$@ $2 :: $1
')dnl
R$* < @ *LOCAL* > $*	$1 < @ $j > $2
R$* < $+ > $*		$1 $2 $3
R@ $+ : @ $+ : $+	@ $1 , @ $2 : $3
R@ $*			$@ @ $1
ifelse(_UUCP_RULES_, `1', `R$+ @ $- . UUCP		$2 ! $1
')dnl
R$+ % $=w @ $=w		$1 @ $2

##################################################################
###  Recurse (97): parse an address again after a table lookup  ###
##################################################################
SRecurse=97
R$*			$: $>canonify $1
R$*			$@ $>parse $1

##################################################################
###  parse (0): choose mailer, host and user                    ###
##################################################################
Sparse=0
R$*			$: $>Parse0 $1
R$# $*			$@ $# $1
R< @ >			$#_LOCAL_MAILER_ $: < @ >
R$*			$: $>ParseLocal $1
R$# $*			$@ $# $1
R$*			$@ $>Parse1 $1

SParse0
R< @ >			$@ < @ >
R$* : ; < @ >		$#error $@ 5.1.3 $: "553 List:; syntax illegal for recipient addresses"
R< @ $+ >		$#error $@ 5.1.3 $: "553 User address required"
R""			$#error $@ 5.1.3 $: "553 User address required"
R$+ < @ >		$#error $@ 5.1.3 $: "553 Hostname required"
# empty brackets in front carry nothing: drop them all (so <> parses empty)
R< > $*			$1
R$* < @ . $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* . . $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* @ $* < @ $* > $*	$#error $@ 5.1.3 $: "553 Invalid route address"
R$* < @ [ $* ] $+ > $*	$#error $@ 5.1.2 $: "553 Invalid address"
# local part routed through this host: parse the local part again
ifelse(_UUCP_RULES_, `1', `R$* ! $* < @ $=w . >	$: < again > $>canonify $1 ! $2
')dnl
ifdef(`_NO_PERCENTHACK_', `', `R$* % $* < @ $=w . >	$: < again > $>canonify $1 % $2
')dnl
R< again > $*		$@ $>Parse0 $1
# an atom in quotes for this host loses its quotes
R$- < @ $=w . >		$: $(dequote $1 $) < @ $2 . >
ifdef(`_PREFIX_MOD_', `# prefixmod: a leading _PREFIX_MOD_ goes; it sets ${rcpt_flags} to its flags
R _PREFIX_MOD_ $+	$: $(macro {rcpt_flags} $@ _PREFIX_FLAGS_ $) $1
')dnl
ifdef(`_BCC_HOST_', `# bcc: the blind copy of a recipient (address type e b) goes to $A
R$+			$: $>ParseBcc $1
')dnl

##################################################################
###  localaddr (5): local addresses after aliasing              ###
##################################################################
Slocaladdr=5
R$+			$: $1 $| $>Local_localaddr $1
R$+ $| $# $*		$# $2
R$+ $| $*		$: $1
ifdef(`_MSP_', `# submission program: everything goes to the MTA (${MTAHost})
ifdef(`_USE_DECNET_SYNTAX_', `R$+ :: $+		$# relay $@ ${MTAHost} $: $2 < @ $1 . DECNET >
')dnl
R$+			$: $>ParseRecipient $1
R$* < @ $+ > $*		$# relay $@ ${MTAHost} $: $1 < @ $2 > $3
R$*			$# relay $@ ${MTAHost} $: $1 < @ $j >
')dnl
ifdef(`_MSP_', `', `ifdef(`_PRESERVE_LOCAL_PLUS_DETAIL_', `', `# user+detail: the local mailer gets user+* and the detail as host
R$+ + $*		$# _LOCAL_MAILER_ $@ + $2 $: $1 + *
')')dnl
ifdef(`_LUSER_RELAY_', `# LUSER_RELAY ($L): names that are no local user
R$+			$: < > $1
R< > $+ + $*		$: < $(user $1 $: ? $) > $1 + $2
R< > $+			$: < $(user $1 $: ? $) > $1
R< ? > $+		$: < ? > < $L > $1
R< ? > < local : $* > < @ >	$@ $>MailerToTriple < local : $1 > @
R< ? > < local : $* > $+	$@ $>MailerToTriple < local : $1 > $2
# an empty address <> is no user of any relay: the relay alone comes back
R< ? > < $+ > < >	$@ < $1 >
ifdef(`_PRESERVE_LUSER_HOST_', `# preserve_luser_host: the relay gets the original host part
R< ? > < $+ > $+ < @ $+ >	$@ $>MailerToTriple < $1 > $2 < < @ $3 > >
R< ? > < $+ > $+ @ $+	$@ $>MailerToTriple < $1 > $2 < @ $3 >
')dnl
R< ? > < $- : $+ > $+	$@ $>MailerToTriple < $1 : $2 > $3 < @ $2 >
R< ? > < $+ > $+	$@ $>MailerToTriple < $1 > $2 < @ $1 >
R< $+ < > > $+		$: $2
R< $* > $+		$: $2
')dnl
ifdef(`_MAIL_HUB_', `# MAIL_HUB ($H): local users are delivered on the hub
R$+			$# _RELAY_MAILER_ $@ $H $: $1 < @ $H >
', `ifdef(`_LOCAL_RELAY_', `# LOCAL_RELAY ($R): local users are delivered on that host
R$+			$# _RELAY_MAILER_ $@ $R $: $1 < @ $R >
')')dnl

SParseLocal=98
undivert(3)dnl
include(_CF_DIR_`m4/rules_local.m4')dnl

SParse1
include(_CF_DIR_`m4/rules_parse1.m4')dnl
