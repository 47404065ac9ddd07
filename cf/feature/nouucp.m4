divert(-1)
# feature/nouucp.m4 -- no UUCP address handling; argument reject refuses ! in local parts.
define(`_NO_UUCP_', ifelse(_ARG_, `', `1', _ARG_))
divert(0)dnl
