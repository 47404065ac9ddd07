divert(-1)
# feature/generics_entire_domain.m4 -- GENERICS_DOMAIN covers subdomains.
define(`_GENERICS_ENTIRE_DOMAIN_', 1)
divert(0)dnl
