divert(-1)
# feature/relay_based_on_MX.m4 -- relay for domains whose MX records name
# this host (class w), e.g. as their backup MX; a failing MX lookup is a
# temporary refusal.
define(`_RELAY_MX_SERVED_', 1)
divert(0)dnl
