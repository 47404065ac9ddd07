divert(-1)
# feature/prefixmod.m4 -- FEATURE(`prefixmod', `prefix', `flags'): a
# recipient written with the prefix in front (e.g. "+ user@host") loses it
# in ruleset 0, which sets the macro ${rcpt_flags} to the flags.  Both
# arguments are needed; a missing one is reported as sendmail's package
# reports it.
ifelse(defn(`_ARG_'), `', `errprint(`Feature "prefixmod" requires argument')',
	`define(`_PREFIX_MOD_', _ARG_)')
ifelse(defn(`_ARG2_'), `', `errprint(`Feature "prefixmod" requires two arguments')',
	`define(`_PREFIX_FLAGS_', _ARG2_)')
divert(0)dnl
