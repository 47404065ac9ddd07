divert(-1)
# feature/domainmap.m4 -- user@domain (a domain of ours or not) is
# looked up as "user" in a map of its own; the answer is the address that
# gets the mail (user+detail keeps its +detail when the answer is
# user@host), a name missing from the map is refused, and a temporary map
# failure queues the address (mailer dsmtp to localhost).  Arguments: the
# domain, the map (default hash /etc/mail/domain_<domain>).  May be used
# once per domain.
ifelse(_ARG_, `', `_CF_FATAL_(`FEATURE(`domainmap') needs a domain')')
define(`_DMAP_NAME_', `domain_'translit(_ARG_, `.-', `__'))
define(`_FEATURE_MAPS_', ifdef(`_FEATURE_MAPS_', `defn(`_FEATURE_MAPS_')')`K'_DMAP_NAME_ ifelse(_ARG2_, `',
	`hash '_CF_SETTINGS_`'_DMAP_NAME_, `_ARG2_')` -T<TEMP>
C{MappedDomain}'_ARG_`
')
divert(3)# domainmap: users of _ARG_ come from the _DMAP_NAME_ map; a sender
# address goes out by SMTP as it is, and LOCAL_USER names stay here when
# _ARG_ is one of our names
R$+ < @ _ARG_ . >	$: $1 < @ _ARG_ . > $| < $&{addr_type} >
R$+ < @ $+ > $| < e s >	$# smtp $@ $2 $: $1 @ $2
R$+ $| < $* >		$: $1
R$=L < @ _ARG_ . >	$: $1 < @ _ARG_ . > $| LUSER
R$+ < @ $=w . > $| LUSER	$@ $1 < @ $2 . >
R$+ $| LUSER		$: $1
R$+ + $* < @ _ARG_ . >	$: < DOMAINMAP > < $(_DMAP_NAME_ $1 $: ? $) > + $2 $| $1 + $2 @ _ARG_ .
R$+ < @ _ARG_ . >	$: < DOMAINMAP > < $(_DMAP_NAME_ $1 $: ? $) > $| $1 @ _ARG_ .
# a map that fails for now: the address waits in the queue (dsmtp)
R< DOMAINMAP > < $* < TEMP > > $* $| $+	$# dsmtp $@ localhost $: $3
R< DOMAINMAP > < ? > $*	$#error $@ 5.1.1 $: "550 email address lookup in domain map failed"
# +detail goes on an answer user@host, a bare user name drops it
R< DOMAINMAP > < $+ @ $+ > + $+ $| $*	$: < DOMAINMAP > < $1 + $3 @ $2 > $| $4
R< DOMAINMAP > < $+ > $* $| $*	$: < DOMAINMAP2 > $>canonify $1
R< DOMAINMAP2 > $*	$@ $>parse $1
divert(-1)
undefine(`_DMAP_NAME_')
divert(0)dnl
