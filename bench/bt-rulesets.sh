#!/bin/bash
# bt-rulesets.sh: the same 100,000 addresses through rulesets 3,0 of the
# oracle's Debian cf with our `sendmail -bt` and the real one; prints both
# times and the ratio. Not part of make check.
# usage: bench/bt-rulesets.sh [OUR_SENDMAIL] [REAL_SENDMAIL] [COUNT]
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
ours=${1:-$top/sendmail/sendmail}
real=${2:-/usr/libexec/sendmail/sendmail}
count=${3:-100000}
oracle=${ORACLE_DIR:-/work/shared/oracle}
[ -f "$oracle/cf/debian.cf" ] || { echo "oracle not found at $oracle (set ORACLE_DIR)" >&2; exit 2; }
# sendmail refuses map files below world-writable directories such as /tmp.
base=${BENCH_RUN_BASE:-/var/lib/sendmail-bench}
mkdir -p "$base" && chmod 755 "$base"
run=$(mktemp -d "$base/run.XXXXXX")
chmod 755 "$run"
trap 'rm -rf "$run"' EXIT
mkdir -p "$run/etc" "$run/h"
cp -a "$oracle/etc/debian" "$run/etc/debian"
chmod 644 "$run"/etc/debian/*
sed "s#/__ORACLE_ETC__#$run/etc#g" "$oracle/cf/debian.cf" > "$run/debian.cf"
cp "$oracle/etc/src/common/hosts" "$run/h/hosts"
printf 'passwd: files\ngroup: files\nhosts: files\n' > "$run/h/nsswitch.conf"
cat > "$run/h/enter.sh" <<EOS
#!/bin/sh
hostname mx.example.com
mount --bind $run/h/hosts /etc/hosts
mount --bind $run/h/nsswitch.conf /etc/nsswitch.conf
[ -f /etc/mail/service.switch ] && mount --bind $oracle/etc/src/common/service.switch /etc/mail/service.switch
exec "\$@"
EOS
chmod 755 "$run/h/enter.sh"
# A mix of the address shapes the corpus uses: local, $=w, remote, routes,
# UUCP, percent hack, quoted, comments, literals.
python3 - "$count" > "$run/input" <<'EOS'
import sys
n = int(sys.argv[1])
shapes = ['user{i}', 'user{i}@example.com', 'user{i}@remote{m}.example.net', 'First.Last{i}@Example.ORG',
          '<@relay.example.net:u{i}@example.org>', 'host{m}!user{i}', 'u{i}%example.org',
          '"john doe{i}"@example.com', 'John Doe <john{i}@example.org>', 'u{i}@[198.51.100.{m}]',
          'u{i}@shortname', 'u{i}@mail.example.com']
for i in range(n):
    print('3,0 ' + shapes[i % len(shapes)].format(i=i, m=i % 250))
EOS
args=(-bt -C "$run/debian.cf" -O DontProbeInterfaces=true -O "HostsFile=$run/h/hosts")
wrap=()
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
    wrap=(unshare --mount --uts --net --propagation private /bin/sh "$run/h/enter.sh")
fi
timeit() {
    local start end
    start=$(date +%s.%N)
    "${wrap[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C TZ=UTC "$@" "${args[@]}" < "$run/input" > "$run/out.$(basename "$1")" 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
t_ours=$(timeit "$ours")
t_real=$(timeit "$real")
lines_ours=$(wc -l < "$run/out.$(basename "$ours")")
lines_real=$(wc -l < "$run/out.$(basename "$real")")
printf 'addresses: %d (rulesets 3,0, debian.cf)\n' "$count"
printf 'ours: %.2f s (%d lines)  real: %.2f s (%d lines)\n' "$t_ours" "$lines_ours" "$t_real" "$lines_real"
printf 'ratio real/ours: %.2fx\n' "$(echo "$t_real / $t_ours" | bc -l)"
