divert(-1)
# feature/relay_local_from.m4 -- relay when the sender is local (insecure).
errprint(`*** WARNING: FEATURE(relay_local_from) may cause your system to act as open relay (any client can claim a local sender).
')define(`_RELAY_LOCAL_FROM_', 1)
divert(0)dnl
