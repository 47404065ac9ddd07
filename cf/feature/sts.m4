divert(-1)
# feature/sts.m4 -- MTA-STS (RFC 8461) for outgoing mail.  The policy of a
# recipient domain comes from a socket map named sts, answered by a daemon
# such as postfix-mta-sts-resolver ("secure match=mx1:.example.net
# servername=hostname" for a domain that enforces a policy).  For such a
# domain the server must be verified with at least 128 bits (tls_server),
# its name must be in the policy's MX list and in the certificate's
# subjectAltNames (tls_rcpt), and the client sends the server name as SNI
# (tls_clt_features).  Argument: the map specification (default: the
# resolver on 127.0.0.1 port 5461).  m4/rules_sts.m4 has the rules.
define(`_STS_', 1)
define(`_STS_MAP_', ifelse(_ARG_, `', `socket -d5 -T<TMPF> inet:5461@127.0.0.1', `_ARG_'))
divert(0)dnl
