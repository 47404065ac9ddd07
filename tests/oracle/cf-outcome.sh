#!/bin/bash
# cf-outcome.sh -- compile every oracle .mc with OUR cf/ package and check
# that OUR sendmail (-bt) gives the recorded outcomes for each config.
# TAP: one line per config.  Run from the build top (make check).
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
oracle=${ORACLE_DIR:-$top_srcdir/../shared/oracle}
sm=${SENDMAIL_BIN:-sendmail/sendmail}
configs="centos7 debian smarthost antispam generic nullclient seed"
echo "1..7"
if [ ! -d "$oracle" ] || [ ! -x "$sm" ]; then
  for c in $configs; do echo "ok - $c # SKIP oracle or sendmail binary missing"; done
  exit 0
fi
out=$(mktemp -d "${TMPDIR:-/var/tmp}/cfout.XXXXXX")
trap 'rm -rf "$out"' EXIT
n=0
for c in $configs; do
  n=$((n+1))
  if ! (cd / && m4 -DCFDIR="$top_srcdir/cf" -DMAPDIR=/__ORACLE_ETC__/$c \
        "$oracle/mc/$c.mc") > "$out/$c.cf" 2> "$out/$c.m4err"; then
    echo "not ok $n - $c: m4 failed: $(head -1 "$out/$c.m4err")"; continue
  fi
  res=$("$oracle/run-bt-diff.sh" --outcome --cf-dir "$out" --configs "$c" "$sm" 2>&1 | tail -1)
  case $res in
    *": "*) got=${res##*: }; if [ "${got%/*}" = "${got#*/}" ] && [ "${got#*/}" != 0 ]; then
              echo "ok $n - $c $got"; else echo "not ok $n - $c $got"; fi;;
    *) echo "not ok $n - $c: $res";;
  esac
done
