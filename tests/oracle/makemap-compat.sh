#!/bin/bash
# makemap-compat.sh: runs the shared makemap oracle against our makemap, with
# the real sendmail binaries hidden (only the build and tdump checks run, so
# the result does not depend on what is installed). TAP: one case.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/oracle/lib.sh"
ORACLE_NAME=makemap-compat
ORACLE_NEEDS_ROOT=0
oracle_require "$top_builddir/makemap/makemap"
# The checker defaults to /usr/sbin/{makemap,sendmail}; point it at paths
# that cannot exist so it never finds a real binary on its own.
export REAL_MAKEMAP=/nonexistent/real-makemap REAL_SENDMAIL=/nonexistent/real-sendmail
oracle_check makemap-compat bash "$ORACLE_DIR/makemap/run-makemap-compat.sh" "$top_builddir/makemap/makemap"
