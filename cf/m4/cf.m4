divert(-1)
# cf.m4 -- entry point of the sendmail.cf macro package.
# An administrator's .mc includes this file; the macros below only record
# settings, and the whole sendmail.cf is written at end of input (m4wrap).

# Include guard: a second include(cf.m4) (e.g. from a DOMAIN or HACK file)
# must not reset the settings made so far nor write the cf twice.
ifdef(`_CF_M4_INCLUDED_', `', `define(`_CF_M4_INCLUDED_', 1)
# Where the package lives: CFDIR if the caller set it, else derived from the
# name this file was included under ("<dir>/m4/cf.m4").
ifdef(`CFDIR', `define(`_CF_DIR_', CFDIR`/')',
	`define(`_CF_DIR_', substr(__file__, 0, eval(len(__file__) - 8)))')
ifelse(_CF_DIR_, `', `define(`_CF_DIR_', `./')')

# A failed lookup must stop the build loudly, never produce a partial cf.
define(`_CF_FATAL_', `errprint(`*** ERROR: $1
')m4exit(1)')
define(`_CF_WARN_', `errprint(`WARNING: $1
')')
define(`_CF_LOAD_', `ifelse(`$2', `', `_CF_FATAL_(`$1 requires an argument')',
	`sinclude(_CF_DIR_`$1/$2.m4')ifdef(`_LOADED_$1_$2_', `',
	`_CF_FATAL_(`$3(`$2') is not supported by this package (no file $1/$2.m4)')')')')

# where maps and class files live; evaluated when used, so a
# MAIL_SETTINGS_DIR defined before a FEATURE() applies to it
define(`_CF_SETTINGS_', `ifdef(`MAIL_SETTINGS_DIR', `MAIL_SETTINGS_DIR', `/etc/mail/')')
include(_CF_DIR_`m4/macros.m4')
include(_CF_DIR_`m4/options.m4')
m4wrap(`include(_CF_DIR_`m4/proto.m4')')
')
divert(0)dnl
