divert(-1)
# feature/nocanonify.m4 -- do not look host names up unless in CANONIFY_DOMAIN.
define(`_NO_CANONIFY_', 1)
divert(0)dnl
