divert(-1)
dnl # rules_tls.m4 -- placeholder
divert(0)dnl
