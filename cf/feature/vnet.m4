divert(-1)
# feature/vnet.m4 -- IBM VNET/RSCS addressing: hosts under the domains of
# class A (vnet.ibm.com, vnet, rscs, ipnet) become node.vnet and go to the
# RSCS gateway $A (define it with LOCAL_CONFIG: DA<host>); hosts under
# ibm.com are sent to directly.  The rewriting runs where the
# administrator's ruleset 3 rules run, the routing where the local network
# rules (LOCAL_NET_CONFIG) run, each before the .mc's own rules there.
define(`_VNET_', 1)
divert(8)dnl
# vnet: the domains of VNET/RSCS nodes
CAvnet.ibm.com vnet rscs ipnet
divert(2)dnl
# vnet: VM TCP/IP leaves user%node.rscs routes behind; the three IBM
# country nodes become their domains, any other node becomes node.rscs
R$* % ibmus . rscs < @ $+ > $*	$: $1 < @ us . ibm . com > $3
R$* % ibmca . rscs < @ $+ > $*	$: $1 < @ ca . ibm . com > $3
R$* % ibmuk . rscs < @ $+ > $*	$: $1 < @ uk . ibm . com > $3
R$* % $- . rscs < @ $+ > $*	$: $1 < @ $2 . rscs > $4
# node.<class A domain> is node.vnet (anything after the host is dropped,
# as sendmail's package does)
R$* < @ $- . $=A > $*	$: $1 < @ $2 . vnet . >
divert(7)dnl
# vnet: our own names stay here, unresolved
R$* < @ $=w . > $*	$@ $1 < @ $2 . > $3
R$* < @ $=w > $*	$@ $1 < @ $2 . > $3
# VNET nodes go to the RSCS gateway $A, ibm.com hosts directly
R$* < @ $- . vnet . > $*	$# relay $@ $A $: $1 < @ $2 . VNET . > $3
R$* < @ $+ . ibm . com > $*	$# relay $@ $2 . ibm . com $: $1 < @ $2 . ibm . com > $3
R$* < @ $+ . ibm . com . > $*	$# relay $@ $2 . ibm . com $: $1 < @ $2 . ibm . com > $3
divert(-1)
divert(0)dnl
