#!/bin/bash
# submit-compat.sh: the shared oracle's submission checks (-t and explicit
# recipients into a private queue with -odq, -bv, -bp) against our sendmail,
# one TAP test per oracle case; a case passes when all its aspects (rc and
# output, files, sender, recipients, headers, body, qf metadata) agree.
# Runs as root (the oracle's hermetic namespace needs it).
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-.}
. "$top_srcdir/tests/oracle/lib.sh"
ORACLE_NAME=submit-compat
oracle_require "$top_builddir/sendmail/sendmail"
oracle=$ORACLE_DIR
out=$(bash "$oracle/run-submit-compat.sh" --show 50 "$top_builddir/sendmail/sendmail" 2>&1)
cases=$(printf '%s\n' "$out" | grep -E '^[a-z0-9-]+( [^ ].*)? +(ok|FAIL\(.*\))$')
total=$(printf '%s\n' "$cases" | grep -c .)
echo "1..$((total + 1))"
n=0
printf '%s\n' "$cases" | while IFS= read -r line; do
    n=$((n + 1))
    case $line in
    *" ok") echo "ok $n - ${line% ok}" | tr -s ' ' ;;
    *) echo "not ok $n - $line" | tr -s ' ' ;;
    esac
done
last=$(printf '%s\n' "$out" | grep '^submit-compat:' | tail -n 1)
n=$((total + 1))
set -- $(echo "${last#submit-compat: }" | tr '/' ' ')
if [ -n "$last" ] && [ "$1" = "$2" ]; then
    echo "ok $n - $last"
else
    printf '%s\n' "$out" | grep -E '^    ' | sed 's/^/# /'
    echo "not ok $n - ${last:-submit-compat: no result}"
fi
