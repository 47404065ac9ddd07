divert(-1)
# feature/tls_session_features.m4 -- per-session TLS options from the access map.
define(`_TLS_SESSION_FEATURES_', 1)
divert(0)dnl
