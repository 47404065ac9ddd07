divert(-1)
dnl # rules_policy.m4 -- placeholder, filled below
divert(0)dnl
