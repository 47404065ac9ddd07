divert(-1)
# feature/bestmx_is_local.m4 -- mail for a host whose best MX record names
# this host (class w) is delivered here, and such hosts count as ours when
# deciding on relaying.  Argument: a list of domains; only hosts in them
# (class B) are looked up (the default is every host, one DNS lookup per
# address).
define(`_BESTMX_IS_LOCAL_', 1)
ifelse(_ARG_, `', `', `_CLASS_(`B', _ARG_)define(`_BESTMX_LIMITED_', 1)')
divert(0)dnl
