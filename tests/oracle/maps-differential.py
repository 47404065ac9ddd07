#!/usr/bin/env python3
"""maps-differential.py: random differential checks against the real
sendmail 8.17 (not part of `make check`: it needs the real binaries).

  makemap: random input (blanks, tabs, NULs, CRs, 8-bit, comments, long
           lines) and random options, built by both makemaps: exit status,
           stdout, stderr and the `makemap -u` dump must agree.
  lookups: maps built by the real makemap, declared with random K-line
           flags (-N -O -f -m -a -o -q -t -S), looked up by sendmail -bt
           `/map` and by our maplookup driver: the lines must agree.

usage: tests/oracle/maps-differential.py [--seed N] [--rounds N]
Env: REAL_MAKEMAP, REAL_SENDMAIL (defaults /usr/libexec/sendmail/...),
top_builddir (default .). Run as root (sendmail runs under unshare --net).
Last line: maps-differential: N/M agree."""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.abspath(os.environ.get('top_builddir', '.'))
REAL_MM = os.environ.get('REAL_MAKEMAP', '/usr/libexec/sendmail/makemap')
REAL_SM = os.environ.get('REAL_SENDMAIL', '/usr/libexec/sendmail/sendmail')
OURS_MM = os.path.join(TOP, 'makemap/makemap')
OURS_LOOKUP = os.path.join(TOP, 'tests/integration/makemap/maplookup')

PIECES = ['key', 'KEY', 'a', 'b c', '\t', '  ', ':', '::', '#', '%', 'x' * 50, '\xe4', '"q"', '', '\r', '\\',
          '@d.com', '%1', '\x00']
MM_OPTS = [[], ['-N'], ['-f'], ['-e'], ['-r'], ['-d'], ['-t:'], ['-D%'], ['-N', '-t:'], ['-e', '-f'], ['-r', '-e'],
           ['-o'], ['-v'], ['-t:', '-e']]
KEYS = ['Key', 'key', 'KEY', 'a.b', 'A.B', 'user@Example.COM', 'x%1y', 'q"t"', 'sp', '@dom']
VALUES = ['v1', '%0-%1', 'V%%w', 'a b', 'x.%2', "o'k"]
K_FLAGS = ['-N', '-O', '-f', '-m', '-a.X', '-a<%1>', '-o', '-q', '-t', '-S_']


def makemap_case(rnd, work):
    text = '\n'.join(''.join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 6)))
                     for _ in range(rnd.randint(0, 12)))
    if rnd.random() < 0.5:
        text += '\n'
    if rnd.random() < 0.1:
        text += 'L' * rnd.choice([1022, 1023, 1024, 2100]) + ' v\n'
    data = text.encode('latin-1')
    opts, typ = rnd.choice(MM_OPTS), rnd.choice(['hash', 'btree'])
    results = []
    for prog in (REAL_MM, OURS_MM):
        name = 'm'
        if os.path.exists(os.path.join(work, name + '.db')):
            os.unlink(os.path.join(work, name + '.db'))
        if '-o' in opts:
            subprocess.run([prog, typ, name], input=b'seed 1\n', capture_output=True, cwd=work)
        p = subprocess.run([prog] + opts + [typ, name], input=data, capture_output=True, cwd=work)
        d = subprocess.run([prog, '-u'] + [typ, name], capture_output=True, cwd=work)
        dump = d.stdout.split(b'\n')
        if typ == 'hash':
            dump.sort()
        results.append((p.returncode, p.stdout, p.stderr, d.returncode, dump))
    return results[0] == results[1], '%s %s %r' % (opts, typ, data[:120])


def lookup_case(rnd, work):
    mm_opts, typ = rnd.choice([[], ['-N'], ['-f'], ['-N', '-f']]), rnd.choice(['hash', 'btree'])
    lines = ''.join('%s %s\n' % (rnd.choice(KEYS), rnd.choice(VALUES)) for _ in range(6))
    subprocess.run([REAL_MM, '-r'] + mm_opts + [typ, 'lm'], input=lines.encode(), capture_output=True, cwd=work)
    kflags = ' '.join(rnd.sample(K_FLAGS, rnd.randint(0, 3)))
    cf = os.path.join(work, 'l.cf')
    with open(cf, 'w') as f:
        f.write('V10/Berkeley\nKm %s %s %s\n' % (typ, kflags, os.path.join(work, 'lm')))
    q = ''.join('/map m %s\n' % rnd.choice(KEYS + ['nosuch', 'a b']) for _ in range(8)).encode()
    real = subprocess.run(['unshare', '--net', '--uts', 'sh', '-c',
                           'hostname mx.example.com; %s -bt -C %s -O DontProbeInterfaces=true' % (REAL_SM, cf)],
                          input=q, capture_output=True, timeout=60)
    ours = subprocess.run([OURS_LOOKUP, cf], input=q, capture_output=True, timeout=60)
    rl = [l[2:] if l.startswith(b'> ') else l for l in real.stdout.split(b'\n') if b'map_lookup' in l]
    ol = [l for l in ours.stdout.split(b'\n') if b'map_lookup' in l]
    return rl == ol, '%s %s K flags %r %r' % (mm_opts, typ, kflags, lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--rounds', type=int, default=200)
    a = ap.parse_args()
    for p in (REAL_MM, REAL_SM, OURS_MM, OURS_LOOKUP):
        if not os.access(p, os.X_OK):
            print('missing %s' % p)
            return 2
    rnd = random.Random(a.seed)
    # Not below /tmp: sendmail refuses maps below world-writable directories.
    work = tempfile.mkdtemp(prefix='maps-diff.', dir=TOP)
    ok = total = 0
    try:
        for i in range(a.rounds):
            good, what = (makemap_case if i % 5 else lookup_case)(rnd, work)
            total += 1
            ok += good
            if not good:
                print('DIFFERS: %s' % what)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('maps-differential: %d/%d agree' % (ok, total))
    return 0 if ok == total else 1


if __name__ == '__main__':
    sys.exit(main())
