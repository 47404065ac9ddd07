divert(-1)
# feature/relay_mail_from.m4 -- relay when the sender is RELAY in the access map (insecure).
# FEATURE(`relay_mail_from', `domain') also takes From:domain entries.
errprint(`*** WARNING: FEATURE(`relay_mail_from') may cause your system to act as open
	relay.  Use SMTP AUTH or STARTTLS instead.
')define(`_RELAY_MAIL_FROM_', ifelse(_ARG_, `domain', `domain', 1))
divert(0)dnl
