divert(-1)
# feature/badmx.m4 -- refuse senders whose domain has a mail exchanger that
# is written as an address or is the null MX, or whose exchangers resolve
# to an address matching the argument, a regular expression (default:
# loopback 127., private 10. and 0.0.0.0).  Every exchanger is checked.
define(`_BADMX_CHK_', 1)
define(`_BADMX_IP_RE_', ifelse(defn(`_ARG_'), `', `^(127\.|10\.|0\.0\.0\.0)', `defn(`_ARG_')'))
divert(0)dnl
