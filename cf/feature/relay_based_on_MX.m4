divert(-1)
# feature/relay_based_on_MX.m4 -- relay for domains whose MX points to us.
define(`_RELAY_MX_SERVED_', 1)
divert(0)dnl
