divert(-1)
# feature/virtuser_entire_domain.m4 -- VIRTUSER_DOMAIN covers subdomains.
define(`_VIRTUSER_ENTIRE_DOMAIN_', 1)
divert(0)dnl
