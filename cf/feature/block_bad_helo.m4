divert(-1)
# feature/block_bad_helo.m4 -- reject HELO names that are ours or bare IPs.
define(`_BLOCK_BAD_HELO_', 1)
divert(0)dnl
