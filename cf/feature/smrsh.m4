divert(-1)
# feature/smrsh.m4 -- run programs through the sendmail restricted shell.
define(`LOCAL_SHELL_PATH', ifelse(_ARG_, `', `/usr/libexec/smrsh', _ARG_))
define(`LOCAL_SHELL_ARGS', `smrsh -c $u')
divert(0)dnl
