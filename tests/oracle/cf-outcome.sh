#!/bin/bash
# cf-outcome.sh -- compile every oracle .mc with OUR cf/ package and check that
# a sendmail running each resulting cf gives the recorded -bt outcomes
# (top-level results, mailers, reject texts).  By default the REAL sendmail
# runs our cf files, which checks the macro package alone; SENDMAIL_BIN=path
# checks another binary (e.g. ours).  TAP: one line per config.
# Skips when the oracle, the binary or root (needed for the sandbox) is missing.
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
oracle=${ORACLE_DIR:-}
for d in "$top_srcdir/../shared/oracle" /work/shared/oracle; do
  [ -z "$oracle" ] && [ -x "$d/cfgen/run-cf-compile.sh" ] && oracle=$d
done
sm=${SENDMAIL_BIN:-/usr/libexec/sendmail/sendmail}
configs="centos7 debian smarthost antispam generic nullclient seed"
echo "1..7"
skip=
[ -n "$oracle" ] || skip="oracle missing"
[ -x "$sm" ] || skip="no sendmail binary $sm"
[ "$(id -u)" = 0 ] || skip="not root (the oracle sandbox needs unshare)"
command -v m4 >/dev/null || skip="no m4"
if [ -n "$skip" ]; then
  for c in $configs; do echo "ok - $c # SKIP $skip"; done
  exit 0
fi
out=$(mktemp -d "${TMPDIR:-/var/tmp}/cfout.XXXXXX")
trap 'rm -rf "$out"' EXIT
"$oracle/cfgen/run-cf-compile.sh" --sendmail "$sm" --keep "$out/cf" --outcome \
  --jobs=2 --show 0 "$top_srcdir/cf" > "$out/log" 2>&1
n=0
for c in $configs; do
  n=$((n+1))
  res=$(grep "^$c: [0-9]*/[0-9]*$" "$out/log" | tail -1)
  got=${res##*: }
  if [ -n "$res" ] && [ "${got%/*}" = "${got#*/}" ] && [ "${got#*/}" != 0 ]; then
    echo "ok $n - $c $got"
  else
    echo "not ok $n - $c ${got:-no result} ($(grep "^$c " "$out/log" | head -1))"
  fi
done
