divert(-1)
# feature/promiscuous_relay.m4 -- relay anything (dangerous).
define(`_PROMISCUOUS_RELAY_', 1)
divert(0)dnl
