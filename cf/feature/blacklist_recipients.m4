divert(-1)
# feature/blacklist_recipients.m4 -- old name of blocklist_recipients.
errprint(`WARNING: FEATURE(blacklist_recipients) is deprecated; use FEATURE(blocklist_recipients).
')define(`_BLOCKLIST_RCPT_', 1)
divert(0)dnl
