divert(-1)
# feature/preserve_local_plus_detail.m4 -- hand user+detail to the local mailer unchanged.
define(`_PRESERVE_LOCAL_PLUS_DETAIL_', 1)
divert(0)dnl
