#!/bin/bash
# maps-bench.sh: makemap and map lookups, ours against sendmail 8.17's.
#   bench/maps-bench.sh [N_LINES] [N_LOOKUPS]      (defaults 1000000 each)
# Builds a hash map of N generated lines with both makemaps, then looks up N
# random keys (a third of them absent) with sendmail -bt "/map" and with our
# maplookup driver (the same /map loop), each reading the other's file too.
# Prints seconds and ratios (ours / real: below 1 means ours is faster).
# Needs a build tree (top_builddir, default .) and, for the comparison, the
# real binaries (REAL_MAKEMAP, REAL_SENDMAIL). Never part of `make check`.
set -eu
N=${1:-1000000}
L=${2:-1000000}
top=$(cd "${top_builddir:-.}" && pwd)
OURS_MM=$top/makemap/makemap
OURS_LOOKUP=$top/tests/integration/makemap/maplookup
REAL_MM=${REAL_MAKEMAP:-/usr/libexec/sendmail/makemap}
REAL_SM=${REAL_SENDMAIL:-/usr/libexec/sendmail/sendmail}
[ -x "$OURS_MM" ] && [ -x "$OURS_LOOKUP" ] || { echo "build first (make && make check TESTS=)" >&2; exit 2; }
have_real=1
[ -x "$REAL_MM" ] && [ -x "$REAL_SM" ] || have_real=0

# Not below /tmp: sendmail refuses maps below world-writable directories.
work=$(mktemp -d "${BENCH_DIR:-$top}/maps-bench.XXXXXX")
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"

python3 - "$N" "$L" <<'PY'
import random, sys
n, l = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(42)
with open('input', 'w') as f:
    for i in range(n):
        f.write('user%07d@d%02d.example.com\trecipient%07d@mailhost%02d.example.net\n' % (i, i % 97, i, i % 13))
with open('lookups', 'w') as f:
    for _ in range(l):
        i = rnd.randrange(n + n // 2)   # a third of the keys are absent
        f.write('/map m user%07d@d%02d.example.com\n' % (i, i % 97))
PY

# seconds of wall time for a command (stdout discarded)
secs() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > /dev/null
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l | xargs printf '%.2f'
}
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
run_real_bt() {  # cf file: sendmail -bt in its own network namespace, as the oracle runs it
    if [ "$(id -u)" = 0 ] && unshare --net --uts true 2>/dev/null; then
        unshare --net --uts sh -c "hostname mx.example.com; $REAL_SM -bt -C $1 -O DontProbeInterfaces=true" < lookups
    else
        "$REAL_SM" -bt -C "$1" -O DontProbeInterfaces=true < lookups
    fi
}

echo "maps benchmark: $N lines, $L lookups"
ours_build=$(secs sh -c "$OURS_MM hash ours < input")
printf '%-44s %8ss\n' "makemap hash (ours)" "$ours_build"
printf 'V10/Berkeley\nKm hash %s/ours\n' "$work" > ours.cf
ours_lookup=$(secs sh -c "$OURS_LOOKUP ours.cf < lookups")
printf '%-44s %8ss\n' "lookups, our maplookup on our map" "$ours_lookup"
found=$("$OURS_LOOKUP" ours.cf < lookups | grep -c returns || true)
echo "  ($found of $L keys found)"
if [ $have_real = 0 ]; then
    echo "real makemap/sendmail not found: no ratios"
    exit 0
fi
real_build=$(secs sh -c "$REAL_MM hash real < input")
printf '%-44s %8ss\n' "makemap hash (sendmail 8.17)" "$real_build"
printf 'V10/Berkeley\nKm hash %s/real\n' "$work" > real.cf
real_lookup=$(secs run_real_bt real.cf)
printf '%-44s %8ss\n' "lookups, sendmail -bt /map on its map" "$real_lookup"
cross_real=$(secs run_real_bt ours.cf)
printf '%-44s %8ss\n' "lookups, sendmail -bt /map on OUR map" "$cross_real"
cross_ours=$(secs sh -c "$OURS_LOOKUP real.cf < lookups")
printf '%-44s %8ss\n' "lookups, our maplookup on sendmail's map" "$cross_ours"
same=$( (run_real_bt ours.cf | grep -c returns) || true)
echo "  (sendmail found $same of $L keys in our map)"
echo "ratio makemap build (ours/real):        $(ratio "$ours_build" "$real_build")"
echo "ratio lookups (ours/real, own maps):    $(ratio "$ours_lookup" "$real_lookup")"
echo "size of map (ours/real):                $(ratio "$(stat -c %s ours.db)" "$(stat -c %s real.db)")"
