divert(-1)
# feature/use_cw_file.m4 -- read more names of this host from local-host-names (confCW_FILE).
define(`_USE_CW_FILE_', 1)
divert(0)dnl
