#!/bin/bash
# submit-bench.sh: `sendmail -t -odq` submissions per second, ours against
# sendmail 8.17's, both writing to a private queue with their fsync
# durability (ours: df, tf and directory fsync; theirs: SuperSafe=true, the
# default). Both run inside the oracle's hermetic namespace (no network, host
# name mx.example.com) with the centos7 configuration. Not part of `make check`.
# Rounds alternate between the two (fsync latency on a shared disk varies a
# lot), and the medians are compared.
# usage: bench/submit-bench.sh [OUR_SENDMAIL] [REAL_SENDMAIL] [COUNT] [ROUNDS]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ours=$(realpath "${1:-$top/sendmail/sendmail}")
real=${2:-/usr/libexec/sendmail/sendmail}
count=${3:-300}
rounds=${4:-5}
oracle=${ORACLE:-$top/../shared/oracle}
[ -d "$oracle" ] || oracle=$top/../../shared/oracle
exec python3 - "$ours" "$real" "$count" "$oracle" "$rounds" <<'PY'
import os, shutil, statistics, sys
ours, real, count, oracle, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
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
    rates = {'ours': [], 'sendmail-8.17': []}
    for rnd in range(rounds):
        pair = (('ours', ours), ('sendmail-8.17', real))
        for label, binary in (pair if rnd % 2 == 0 else pair[::-1]):
            q = os.path.join(sb.dir, 'q-%s-%d' % (label, rnd))
            os.makedirs(q, mode=0o700)
            argv = [binary, '-C', cf, '-O', 'QueueDirectory=' + q, '-odq', '-t', '-oi'] + sb.sendmail_opts('centos7')
            rc, out, err, to = sb.run(['bash', '-c', LOOP, 'loop', q, msg, str(count)] + argv, b'', timeout=3600)
            if rc != 0:
                sys.exit('%s failed: rc %d %s' % (label, rc, err.decode(errors='replace')))
            start, end = map(float, out.split())
            queued = len([n for n in os.listdir(q) if n.startswith('qf')])
            if queued != count:
                sys.exit('%s queued %d of %d' % (label, queued, count))
            rates[label].append(count / (end - start))
            print('round %d %-14s %5d messages in %6.2f s = %7.1f msgs/s' % (rnd + 1, label, count, end - start,
                                                                            rates[label][-1]))
            shutil.rmtree(q)
    med = {k: statistics.median(v) for k, v in rates.items()}
    for k, v in med.items():
        print('median %-14s %7.1f msgs/s' % (k, v))
    print('ratio ours/sendmail (medians): %.2f' % (med['ours'] / med['sendmail-8.17']))
finally:
    sb.cleanup()
PY
