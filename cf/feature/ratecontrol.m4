divert(-1)
# feature/ratecontrol.m4 -- limit the connection rate per client (ClientRate:).
ifdef(`_ACCESS_TABLE_', `define(`_RATE_CONTROL_', ` '_ARG_` '_ARG2_` ')',
	`_CF_WARN_(`FEATURE(`ratecontrol') requires FEATURE(`access_db') before it; ignored')')
divert(0)dnl
