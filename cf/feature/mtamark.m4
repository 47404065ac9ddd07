divert(-1)
# feature/mtamark.m4 -- reject clients not allowed by MTAMark TXT records (experimental).
define(`_MTAMARK_', 1)
divert(0)dnl
