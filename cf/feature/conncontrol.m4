divert(-1)
# feature/conncontrol.m4 -- limit open connections per client (ClientConn:).
define(`_CONN_CONTROL_', ` '_ARG_` '_ARG2_` ')
divert(0)dnl
