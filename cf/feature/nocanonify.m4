divert(-1)
# feature/nocanonify.m4 -- do not look host names up, except those in
# CANONIFY_DOMAIN(_FILE); names with a dot are taken as canonical.
# Argument canonify_hosts (any case): bare host names (no dot) are still
# looked up; another argument is reported and ignored.
define(`_NO_CANONIFY_', 1)
ifelse(defn(`_ARG_'), `', `',
	translit(defn(`_ARG_'), `ABCDEFGHIJKLMNOPQRSTUVWXYZ', `abcdefghijklmnopqrstuvwxyz'), `canonify_hosts',
	`define(`_CANONIFY_HOSTS_', 1)',
	`errprint(`*** ERROR: unknown parameter "'defn(`_ARG_')`" for FEATURE(`nocanonify')
')')
divert(0)dnl
