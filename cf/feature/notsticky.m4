divert(-1)
# feature/notsticky.m4 -- old default: user@host goes to LUSER_RELAY.
define(`_NOT_STICKY_', 1)
divert(0)dnl
