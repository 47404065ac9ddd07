divert(-1)
# feature/nouucp.m4 -- no UUCP address handling: `!' is not a route.
# Argument: reject (refuse ! in local parts) or nospecial (a plain
# character); without one a warning is printed and nospecial applies.
ifelse(_ARG_, `', `_CF_WARN_(`FEATURE(`nouucp') needs an argument: use `reject' or `nospecial' (nospecial assumed)')')
define(`_NO_UUCP_', ifelse(_ARG_, `', `nospecial', _ARG_))
divert(0)dnl
