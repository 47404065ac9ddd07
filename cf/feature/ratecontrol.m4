divert(-1)
# feature/ratecontrol.m4 -- limit the connection rate per client (ClientRate:).
define(`_RATE_CONTROL_', ` '_ARG_` '_ARG2_` ')
divert(0)dnl
