divert(-1)
# feature/promiscuous_relay.m4 -- relay anything (dangerous): check_rcpt
# accepts every recipient; the access map still refuses senders.
errprint(`*** WARNING: FEATURE(`promiscuous_relay') configures your system as open
	relay.  Do NOT use it on a server that is connected to the Internet!
')define(`_PROMISCUOUS_RELAY_', 1)
divert(0)dnl
