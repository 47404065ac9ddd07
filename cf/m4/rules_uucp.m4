divert(-1)
dnl # rules_uucp.m4 -- rulesets of the UUCP mailers (mailer/uucp.m4):
dnl # addresses rewritten to host!user paths as seen by the neighbour.
divert(0)dnl
##################################################################
###  UUCP mailers: addresses in host!user form                  ###
##################################################################
# senders: our UUCP name ($k) in front of the path
SFromU
R< @ >			$n
R$* < @ $=w . >		$1 < @ $2 >
R$* < @ $+ . UUCP . >	$2 ! $1
R$* < @ $+ . UUCP >	$2 ! $1
R$* < @ $+ . >		$2 ! $1
R$* < @ $+ >		$2 ! $1
R$+ ! $=w ! $+		$1 ! $3
R$=w ! $+		$2
R$+			$: $k ! $1

# envelope recipients: the path relative to the neighbour
SEnvToU
R$* < @ $+ . UUCP . >	$2 ! $1
R$* < @ $+ . UUCP >	$2 ! $1
R$* < @ $+ . >		$2 ! $1
R$* < @ $+ >		$2 ! $1

# header recipients: like senders, seen from the neighbour
SHdrToU
R$* < @ $=w . >		$1
R$* < @ $=w >		$1
R$* < @ $+ . UUCP . >	$2 ! $1
R$* < @ $+ . UUCP >	$2 ! $1
R$* < @ $+ . >		$2 ! $1
R$* < @ $+ >		$2 ! $1
R$+			$: $k ! $1

# uucp-dom senders: a domain address, local names qualified with $j
SEnvFromUD
R< @ >			$n
ifdef(`UUCP_RELAY', `R$* < @ $+ . UUCP . >	$2 ! $1 < @ $Y >
R$* < @ $+ . UUCP >	$2 ! $1 < @ $Y >', `R$* < @ $+ . UUCP . >	$2 ! $1 < @ $j . >
R$* < @ $+ . UUCP >	$2 ! $1 < @ $j . >')
R$* < @ $* > $*		$@ $1 < @ $2 > $3
R$+			$@ $1 < @ $j . >

# uucp-uudom senders: remote domains as domain!user, local ones under $k
SEnvFromUUD
R< @ >			$n
R$* < @ $=w . >		$: $1
R$* < @ $+ . UUCP . >	$: ifdef(`UUCP_RELAY', `$Y', `$k') ! $2 ! $1
R$* < @ $+ . >		$@ $2 ! $1
R$* < @ $+ >		$@ $2 ! $1
R$+ ! $+		$@ $1 ! $2
R$+			$@ $k ! $1
