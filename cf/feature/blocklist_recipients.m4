divert(-1)
# feature/blocklist_recipients.m4 -- access map To: entries can reject local recipients.
define(`_BLOCKLIST_RCPT_', 1)
divert(0)dnl
