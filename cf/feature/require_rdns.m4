divert(-1)
# feature/require_rdns.m4 -- reject clients without reverse DNS.
define(`_REQUIRE_RDNS_', 1)
divert(0)dnl
