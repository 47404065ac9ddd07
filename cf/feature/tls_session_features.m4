divert(-1)
# feature/tls_session_features.m4 -- per-session TLS options from the access
# map: TLS_Srv_Features:name or address (for clients of this server, in
# tls_srv_features) and TLS_Clt_Features: (for servers this host connects
# to, in tls_clt_features); a name entry also covers the hosts of a domain.
define(`_TLS_SESSION_FEATURES_', 1)
divert(0)dnl
