divert(-1)
# feature/no_default_msa.m4 -- do not add the default MSA (port 587) daemon.
define(`_NO_DEFAULT_MSA_', 1)
divert(0)dnl
