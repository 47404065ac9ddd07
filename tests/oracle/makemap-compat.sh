#!/bin/sh
# makemap-compat.sh: runs the shared makemap oracle against our makemap, with
# the real sendmail binaries hidden (only the build and tdump checks run, so
# the result does not depend on what is installed). TAP: one case.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
oracle=
for d in "${ORACLE_DIR:-}" "$top_srcdir/../shared/oracle" "$top_srcdir/../../shared/oracle"; do
    if [ -n "$d" ] && [ -f "$d/makemap/run-makemap-compat.sh" ]; then
        oracle="$d/makemap/run-makemap-compat.sh"
        break
    fi
done
echo "1..1"
if [ -z "$oracle" ]; then
    echo "ok 1 - makemap-compat # SKIP shared oracle not found"
    exit 0
fi
# The checker defaults to /usr/sbin/{makemap,sendmail}; point it at paths
# that cannot exist so it never finds a real binary on its own.
out=$(REAL_MAKEMAP=/nonexistent/real-makemap REAL_SENDMAIL=/nonexistent/real-sendmail \
      bash "$oracle" "$top_builddir/makemap/makemap" 2>&1)
rc=$?
last=$(printf '%s\n' "$out" | tail -n 1)
if [ $rc -eq 0 ]; then
    echo "ok 1 - $last"
else
    printf '%s\n' "$out" | sed 's/^/# /'
    echo "not ok 1 - $last"
fi
