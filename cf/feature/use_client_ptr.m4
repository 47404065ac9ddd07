divert(-1)
# feature/use_client_ptr.m4 -- use ${client_ptr} in check_relay.
define(`_USE_CLIENT_PTR_', 1)
divert(0)dnl
