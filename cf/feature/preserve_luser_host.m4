divert(-1)
# feature/preserve_luser_host.m4 -- with LUSER_RELAY, a name that is no
# local user goes to the relay with its original host part (user@thishost)
# instead of the relay's name.
define(`_PRESERVE_LUSER_HOST_', 1)
divert(0)dnl
