divert(-1)
# feature/stickyhost.m4 -- user@thishost is not sent to LUSER_RELAY/MAIL_HUB.
define(`_STICKY_LOCAL_DOMAIN_', 1)
divert(0)dnl
