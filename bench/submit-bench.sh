#!/bin/bash
# submit-bench.sh: `sendmail -t -odq` submissions per second, ours against
# sendmail 8.17's, both writing to a private queue with their fsync
# durability (ours: df, tf and directory fsync; theirs: SuperSafe=true, the
# default). Both run inside the oracle's hermetic namespace (no network, host
# name mx.example.com) with the centos7 configuration. Not part of `make check`.
# usage: bench/submit-bench.sh [OUR_SENDMAIL] [REAL_SENDMAIL] [COUNT]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ours=$(realpath "${1:-$top/sendmail/sendmail}")
real=${2:-/usr/libexec/sendmail/sendmail}
count=${3:-300}
oracle=${ORACLE:-$top/../shared/oracle}
[ -d "$oracle" ] || oracle=$top/../../shared/oracle
exec python3 - "$ours" "$real" "$count" "$oracle" <<'PY'
import os, sys
ours, real, count, oracle = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, os.path.join(oracle, 'lib'))
import smoracle as S
MSG = (b'From: Alice <alice@example.com>\nTo: bob@example.org, carol@remote.example.net\n'
       b'Subject: bench\n\n' + b'This is a line of the benchmark message body.\n' * 60)
LOOP = r'''
q=$1; shift; msg=$1; shift; n=$1; shift
start=$(date +%s.%N)
i=0
while [ $i -lt $n ]; do "$@" < "$msg" || exit 1; i=$((i+1)); done
end=$(date +%s.%N)
echo "$start $end"
'''
sb = S.Sandbox()
try:
    sb.install_etc('centos7')
    cf = sb.install_cf('centos7', os.path.join(S.ORACLE, 'cf', 'centos7.cf'))
    msg = os.path.join(sb.dir, 'msg')
    with open(msg, 'wb') as f:
        f.write(MSG)
    rates = {}
    for label, binary in (('ours', ours), ('sendmail-8.17', real)):
        q = os.path.join(sb.dir, 'q-' + label)
        os.makedirs(q, mode=0o700)
        argv = [binary, '-C', cf, '-O', 'QueueDirectory=' + q, '-odq', '-t', '-oi'] + sb.sendmail_opts('centos7')
        rc, out, err, to = sb.run(['bash', '-c', LOOP, 'loop', q, msg, str(count)] + argv, b'', timeout=3600)
        if rc != 0:
            sys.exit('%s failed: rc %d %s' % (label, rc, err.decode(errors='replace')))
        start, end = map(float, out.split())
        queued = len([n for n in os.listdir(q) if n.startswith('qf')])
        rates[label] = count / (end - start)
        print('%-14s %5d messages in %6.2f s = %7.1f msgs/s (%d queued)' % (label, count, end - start, rates[label], queued))
    print('ratio ours/sendmail: %.2f' % (rates['ours'] / rates['sendmail-8.17']))
finally:
    sb.cleanup()
PY
