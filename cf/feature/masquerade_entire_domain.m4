divert(-1)
# feature/masquerade_entire_domain.m4 -- MASQUERADE_DOMAIN covers all subdomains.
define(`_MASQUERADE_ENTIRE_DOMAIN_', 1)
divert(0)dnl
