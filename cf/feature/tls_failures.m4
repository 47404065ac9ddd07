divert(-1)
# feature/tls_failures.m4 -- old name: the option TLSFallbacktoClear
# (confTLS_FALLBACK_TO_CLEAR) does this now.  Sets it and says so on stderr;
# the cf is still written.
errprint(`*** ERROR: FEATURE(tls_failures) is obsolete: define(`confTLS_FALLBACK_TO_CLEAR', `True') replaces it
')
define(`confTLS_FALLBACK_TO_CLEAR', `true')
divert(0)dnl
