#!/bin/bash
# cf-outcome.sh: compiles every oracle .mc with OUR cf/ package (the same m4
# command the oracle used with sendmail's package) and checks that OUR
# sendmail, running each resulting cf, gives the recorded -bt outcomes: the
# top-level results, mailer/host/user, accept/reject/relay answers and texts.
# TAP, one test per config. Missing pieces (oracle, root, the binary) fail.
# Usage: cf-outcome.sh [--configs a,b]
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/oracle/lib.sh"
sm=${SENDMAIL_BIN:-$top_builddir/sendmail/sendmail}
oracle_configs "${CF_CONFIGS:-centos7,debian,smarthost,antispam,generic,nullclient,seed}" "$@"
ORACLE_NAME=cf-outcome
oracle_require "$sm"
command -v m4 >/dev/null || oracle_bail "GNU m4 not found: apt-get install m4"
set -- $(echo "$configs" | tr ',' ' ')
out=$(mktemp -d /var/tmp/cfout.XXXXXX)
trap 'rm -rf "$out"' EXIT
echo "1..$#"
n=0
for c in "$@"; do
    n=$((n + 1))
    if ! (cd / && m4 -DCFDIR="$top_srcdir/cf" -DMAPDIR=/__ORACLE_ETC__/$c \
          "$ORACLE_DIR/mc/$c.mc") > "$out/$c.cf" 2> "$out/$c.m4err"; then
        echo "not ok $n - $c: m4 failed: $(head -1 "$out/$c.m4err")"
        continue
    fi
    res=$(bash "$ORACLE_DIR/run-bt-diff.sh" --outcome --cf-dir "$out" --configs "$c" \
          --jobs=2 --show 2 --label cf-outcome "$sm" 2>&1)
    last=$(printf '%s\n' "$res" | grep -E "^$c: [0-9]+/[0-9]+$" | tail -n 1)
    got=${last#*: }
    if [ -n "$last" ] && [ "${got%/*}" = "${got#*/}" ] && [ "${got#*/}" != 0 ]; then
        echo "ok $n - $c $got"
    else
        printf '%s\n' "$res" | sed 's/^/# /'
        echo "not ok $n - $c ${got:-no result}"
    fi
done
