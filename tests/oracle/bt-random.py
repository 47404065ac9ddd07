#!/usr/bin/env python3
"""bt-random.py: a differential fuzzer for address phrases (not part of make
check). Random and tricky addresses (quotes, comments, nested angle brackets,
backslashes, groups, route addresses, 8-bit bytes, long tokens) go through
`3,0` and `/parse` of the oracle's cf files with the real sendmail and ours,
both in the oracle's hermetic sandbox; differing outputs are printed.

    tests/oracle/bt-random.py [--seed N] [--count N] [--configs generic,seed] [--show N]
                              [--debug 21.12] [--inputs FILE] OUR_SENDMAIL

--debug adds -dFLAGS to both command lines (e.g. 21.12 for the rule-by-rule
trace); --inputs takes the addresses from a file, one a line, instead.
"""
import argparse
import os
import random
import sys

ORACLE = os.environ.get('ORACLE_DIR') or os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      '..', '..', '..', '..', 'shared', 'oracle')
sys.path.insert(0, os.path.join(ORACLE, 'lib'))
import smoracle  # noqa: E402

REAL = '/usr/libexec/sendmail/sendmail'
MARK = '/zzmark'
MARK_OUT = 'Unknown "/" command /zzmark\n'
PIECES = ['user', 'a.b', 'x', 'example.com', 'mx.example.com', '"q u"', '"a\\"b"', '(c)', '(nested (c))',
          '<', '>', '<<', '>>', '@', '@@', ',', ':', ';', '\\', '\\@', '%', '!', '[192.0.2.1]', '[IPv6:::1]',
          ' ', '  ', '\t', 'Group:', 'Phrase Words', '\xe9t\xe9', '"', '(', ')', '.', '..', '$', '+d',
          'u' * 70, 'a' * 300, '@r1,@r2:', '<@a:u@b>', '""', '"unterminated', '(open', 'x)', '<>', '< >', '=']


def random_address(rng):
    n = rng.randint(1, 8)
    return ''.join(rng.choice(PIECES) for _ in range(n)).strip() or 'x'


def run(sb, binary, cf, cfg, lines, extra):
    data = ''.join(l + '\n' for l in lines).encode('latin-1')
    rc, out, err, _ = sb.run([binary, '-bt', '-C', cf] + extra + sb.sendmail_opts(cfg), stdin=data, timeout=300)
    return rc, out.decode('latin-1').replace(sb.dir, '/RUN'), smoracle.filter_stderr(err.decode('latin-1'))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('sendmail')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--configs', default='generic,nullclient,seed')
    ap.add_argument('--show', type=int, default=5)
    ap.add_argument('--debug', default='')
    ap.add_argument('--inputs', default='')
    a = ap.parse_args()
    a.sendmail = os.path.abspath(a.sendmail)
    rng = random.Random(a.seed)
    addrs = [random_address(rng) for _ in range(a.count)]
    if a.inputs:
        with open(a.inputs, encoding='latin-1') as f:
            addrs = [l.rstrip('\n') for l in f if l.strip()]
    extra = ['-d' + a.debug] if a.debug else []
    sb = smoracle.Sandbox()
    bad = total = 0
    try:
        for cfg in a.configs.split(','):
            sb.install_etc(cfg)
            cf = sb.install_cf(cfg, os.path.join(ORACLE, 'cf', cfg + '.cf'))
            cmds = [c + addr for addr in addrs for c in ('3,0 ', '/parse ')]
            # One process per binary; a marker command between the cases
            # splits the outputs again.
            lines = [l for c in cmds for l in (c, MARK)]
            mine, real = run(sb, a.sendmail, cf, cfg, lines, extra), run(sb, REAL, cf, cfg, lines, extra)
            if mine[2] != real[2] or mine[0] != real[0]:
                print('=== %s: exit status or stderr differ: real %d %r, ours %d %r'
                      % (cfg, real[0], real[2][:500], mine[0], mine[2][:500]))
            m_parts, r_parts = mine[1].split(MARK_OUT), real[1].split(MARK_OUT)
            m_parts += [''] * (len(cmds) - len(m_parts))
            r_parts += [''] * (len(cmds) - len(r_parts))
            for cmd, m, r in zip(cmds, m_parts, r_parts):
                total += 1
                if m == r:
                    continue
                bad += 1
                if bad <= a.show:
                    print('=== %s: %r' % (cfg, cmd))
                    print('--- real\n%s\n--- ours\n%s' % (r, m))
    finally:
        sb.cleanup()
    print('bt-random: %d/%d' % (total - bad, total))
    return 0 if bad == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
