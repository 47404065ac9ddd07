divert(-1)
# feature/relay_local_from.m4 -- relay when the sender is local (insecure).
define(`_RELAY_LOCAL_FROM_', 1)
divert(0)dnl
