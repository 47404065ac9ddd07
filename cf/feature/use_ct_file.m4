divert(-1)
# feature/use_ct_file.m4 -- read more trusted users from trusted-users (confCT_FILE).
define(`_USE_CT_FILE_', 1)
divert(0)dnl
