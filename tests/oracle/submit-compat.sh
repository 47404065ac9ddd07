#!/bin/sh
# submit-compat.sh: the shared oracle's submission checks (-t and explicit
# recipients into a private queue with -odq, -bv, -bp) against our sendmail,
# one TAP test per oracle case; a case passes when all its aspects (rc and
# output, files, sender, recipients, headers, body, qf metadata) agree.
# Runs as root (the oracle's hermetic namespace needs it).
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-.}
oracle=
for d in "${ORACLE_DIR:-}" "$top_srcdir/../shared/oracle" "$top_srcdir/../../shared/oracle" /work/shared/oracle; do
    if [ -n "$d" ] && [ -f "$d/run-submit-compat.sh" ]; then
        oracle=$d
        break
    fi
done
if [ -z "$oracle" ]; then
    echo "1..1"
    echo "not ok 1 - submit-compat: the shared oracle was not found (set ORACLE_DIR)"
    exit 0
fi
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
