divert(-1)
# feature/use_client_ptr.m4 -- check_relay looks the client up in the access
# map (Connect:) by ${client_ptr}, the name its address maps to, instead
# of ${client_name}, which is empty when that name does not map back.
define(`_USE_CLIENT_PTR_', 1)
divert(0)dnl
