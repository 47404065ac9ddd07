divert(-1)
# feature/accept_unqualified_senders.m4 -- accept MAIL FROM addresses without a domain.
define(`_ACCEPT_UNQUALIFIED_SENDERS_', 1)
divert(0)dnl
