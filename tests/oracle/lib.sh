# tests/oracle/lib.sh: sourced by every tests/oracle/*.sh check. It finds the
# oracle (configure --with-oracle, exported by make check as ORACLE_DIR) and
# turns a checker's "name: N/M" last line into TAP. Missing pieces fail loudly:
# the oracle, root, unshare, or the program under test are never skipped.
#
#   . "$top_srcdir/tests/oracle/lib.sh"
#   oracle_require "$top_builddir/sendmail/sendmail"
#   oracle_check bt-agreement "$ORACLE_DIR/run-bt-diff.sh" "$top_builddir/sendmail/sendmail"

: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${ORACLE_DIR:=$top_srcdir/../shared/oracle}"

# One failing TAP test with a reason, then stop.
oracle_bail() {
    echo "1..1"
    echo "not ok 1 - ${ORACLE_NAME:-$(basename "$0")}: $*"
    exit 1
}

# oracle_require [PROGRAM...]: the oracle, root, unshare and each program exist.
oracle_require() {
    [ -f "$ORACLE_DIR/README.md" ] ||
        oracle_bail "the sendmail oracle is not at $ORACLE_DIR (configure --with-oracle=DIR)"
    # Checkers that start sendmail sandbox it with unshare, which needs root;
    # ORACLE_NEEDS_ROOT=0 for those that do not (makemap).
    if [ "${ORACLE_NEEDS_ROOT:-1}" != 0 ]; then
        [ "$(id -u)" = 0 ] || oracle_bail "oracle checks need root (they run sendmail under unshare)"
        command -v unshare >/dev/null 2>&1 || oracle_bail "unshare not found: apt-get install util-linux"
    fi
    local p
    for p in "$@"; do
        [ -x "$p" ] || oracle_bail "$p is not built"
    done
}

# oracle_check NAME CHECKER [ARGS...]: runs a checker whose last line is
# "NAME: N/M"; prints one TAP line with the figure (the checker's output above
# it as TAP comments) and passes only at N == M > 0.
oracle_check() {
    local name=$1 out rc last
    shift
    out=$("$@" 2>&1); rc=$?
    printf '%s\n' "$out" | sed 's/^/# /'
    last=$(printf '%s\n' "$out" | grep -E "^$name: [0-9]+/[0-9]+" | tail -n1)
    echo "1..1"
    local fig=${last#*: } n m
    n=${fig%%/*}; m=${fig#*/}; m=${m%%[!0-9]*}
    if [ "$rc" = 0 ] && [ -n "$last" ] && [ "$n" = "$m" ] && [ "${m:-0}" -gt 0 ]; then
        echo "ok 1 - $last"
    else
        echo "not ok 1 - ${last:-$name: no result line} (exit status $rc)"
        return 1
    fi
}

# oracle_configs DEFAULT [ARGS...]: sets `configs` (comma-separated) from the
# script's --configs a,b (or --configs=a,b), else DEFAULT.
oracle_configs() {
    configs=$1
    shift
    while [ $# -gt 0 ]; do
        case $1 in
        --configs) configs=$2; shift 2 ;;
        --configs=*) configs=${1#--configs=}; shift ;;
        *) echo "usage: $0 [--configs a,b]" >&2; exit 2 ;;
        esac
    done
}
