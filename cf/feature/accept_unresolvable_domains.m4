divert(-1)
# feature/accept_unresolvable_domains.m4 -- accept MAIL FROM domains that do not resolve.
define(`_ACCEPT_UNRESOLVABLE_DOMAINS_', 1)
divert(0)dnl
