divert(-1)
# feature/delay_checks.m4 -- run the client and sender checks from check_rcpt so recipients can be exempt.
define(`_DELAY_CHECKS_', ifelse(_ARG_, `', `1', _ARG_))
divert(0)dnl
