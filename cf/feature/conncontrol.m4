divert(-1)
# feature/conncontrol.m4 -- limit open connections per client (ClientConn:).
ifdef(`_ACCESS_TABLE_', `define(`_CONN_CONTROL_', ` '_ARG_` '_ARG2_` ')',
	`_CF_WARN_(`FEATURE(`conncontrol') requires FEATURE(`access_db') before it; ignored')')
divert(0)dnl
