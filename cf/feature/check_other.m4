divert(-1)
# feature/check_other.m4 -- ends the session (421 4.7.0 "bad command") when
# the client sends a command that sendmail refuses permanently and that
# looks like mail text rather than SMTP: by default printable text with a
# colon, as when headers are sent before DATA.  Sendmail calls ruleset
# check_other with "command $| reply type"; accepted commands (type 2) are
# always fine.  Argument: the regular expression for a bad command.
define(`_CHECK_OTHER_RE_', ifelse(defn(`_ARG_'), `', `^[[:print:]]+ *:', `defn(`_ARG_')'))
LOCAL_CONFIG
Kcheck_other_cmd regex -m -a<BAD> defn(`_CHECK_OTHER_RE_')
LOCAL_RULESETS
Scheck_other
R$* $| 2		$@ ok
R$+ $| 5		$: $(check_other_cmd $1 $)
R$* <BAD>		$# error $@ 4.7.0 $: 421 bad command
divert(0)dnl
