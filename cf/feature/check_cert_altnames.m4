divert(-1)
# feature/check_cert_altnames.m4 -- check subjectAltName of certificates.
define(`_CERT_ALTNAMES_', 1)
divert(0)dnl
