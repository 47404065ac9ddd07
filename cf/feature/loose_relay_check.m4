divert(-1)
# feature/loose_relay_check.m4 -- allow the % hack through relays.
define(`_LOOSE_RELAY_CHECK_', 1)
divert(0)dnl
