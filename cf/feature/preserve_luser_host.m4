divert(-1)
# feature/preserve_luser_host.m4 -- with LUSER_RELAY, keep the original
# host part for the relay.  The routing decisions (ruleset 0 and 5) are
# the same as without it; the flag is there for the mailer rulesets.
define(`_PRESERVE_LUSER_HOST_', 1)
divert(0)dnl
