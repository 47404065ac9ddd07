divert(-1)
# feature/preserve_luser_host.m4 -- with LUSER_RELAY, a name that is no
# local user goes to the relay with its original host part (user@thishost)
# instead of the relay's name.  LUSER_RELAY must be defined first (else a
# reminder on stderr, as sendmail's package gives).
ifdef(`LUSER_RELAY', `', `errprint(`*** LUSER_RELAY should be defined before FEATURE(`preserve_luser_host')
    ')')
define(`_PRESERVE_LUSER_HOST_', 1)
divert(0)dnl
