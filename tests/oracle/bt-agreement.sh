#!/bin/bash
# bt-agreement.sh: runs the shared oracle's -bt cases against our sendmail,
# one TAP test per oracle configuration, byte for byte (stdout, stderr, exit
# status). Usage: bt-agreement.sh [--configs a,b]  (default: every oracle
# configuration; all agree fully).
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/oracle/lib.sh"
oracle_configs "${BT_CONFIGS:-generic,nullclient,centos7,seed,smarthost,debian,antispam}" "$@"
ORACLE_NAME=bt-agreement
oracle_require "$top_builddir/sendmail/sendmail"
oracle=$ORACLE_DIR
set -- $(echo "$configs" | tr ',' ' ')
echo "1..$#"
n=0
for cfg in "$@"; do
    n=$((n + 1))
    out=$(bash "$oracle/run-bt-diff.sh" --configs "$cfg" --jobs=2 --show 2 \
          "$top_builddir/sendmail/sendmail" 2>&1)
    rc=$?
    last=$(printf '%s\n' "$out" | grep -E "^$cfg: [0-9]+/[0-9]+" | tail -n 1)
    if [ $rc -eq 0 ] && [ -n "$last" ]; then
        echo "ok $n - bt $last"
    else
        printf '%s\n' "$out" | sed 's/^/# /'
        echo "not ok $n - bt ${last:-$cfg: no result}"
    fi
done
