divert(-1)
# feature/greet_pause.m4 -- wait before the greeting (GreetPause: in the access map); argument: default ms.
define(`_GREET_PAUSE_', ifelse(_ARG_, `', `0', _ARG_))
divert(0)dnl
