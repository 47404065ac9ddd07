divert(-1)
dnl # mailers.m4 -- writes the M lines of every MAILER() in the order given
dnl # (local last when the .mc did not ask for it), then the rulesets the
dnl # mailers use.  Each mailer/<name>.m4 defined _MDEF_<name>_ (its M lines).
define(`_EMIT_MAILERS_', `ifelse(`$1', `', `', `_MDEF_$1_`'_EMIT_MAILERS_(shift($@))')')
define(`_SPLIT_', `patsubst(patsubst(`$1', `^ +', `'), ` +', `,')')
divert(0)dnl
_EMIT_MAILERS_(_SPLIT_(_MAILER_ORDER_))dnl
include(_CF_DIR_`m4/rules_mailer.m4')dnl
ifdef(`_UUCP_MAILER_', `include(_CF_DIR_`m4/rules_uucp.m4')')dnl
