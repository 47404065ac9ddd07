divert(-1)
# feature/relay_hosts_only.m4 -- class R lists hosts, not domains.
define(`_RELAY_HOSTS_ONLY_', 1)
divert(0)dnl
