divert(-1)
# feature/tls_failures.m4 -- old name: the option TLSFallbacktoClear
# (confTLS_FALLBACK_TO_CLEAR) does this now.  Sets it and says so on stderr
# (as an error, in the words of sendmail's package); the cf is still written.
errprint(`*** ERROR: FEATURE(tls_failures) has been replaced by confTLS_FALLBACK_TO_CLEAR
')
define(`confTLS_FALLBACK_TO_CLEAR', `true')
divert(0)dnl
