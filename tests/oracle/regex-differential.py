#!/usr/bin/env python3
"""regex-differential.py: the regex map class against the real sendmail 8.17
(not part of `make check`: it needs the real binary). Each case declares
`K name regex <flags> <pattern>`, looks keys up with sendmail -bt `/map` and
with our maplookup driver, and compares the map_lookup lines and the
start-up errors for bad patterns. The `$` cases run whole cf files through
both sendmail -bt: sendmail reads `$` sequences in a K line before the map
class sees it, and keys that rules build carry `$|` as its internal byte.

usage: tests/oracle/regex-differential.py [-v]
Env: REAL_SENDMAIL (default /usr/libexec/sendmail/sendmail), top_builddir.
Run as root (sendmail runs under unshare --net). Last line: N/M agree."""
import os
import subprocess
import sys
import tempfile

TOP = os.path.abspath(os.environ.get('top_builddir', '.'))
REAL_SM = os.environ.get('REAL_SENDMAIL', '/usr/libexec/sendmail/sendmail')
OURS = os.path.join(TOP, 'tests/integration/makemap/maplookup')
OUR_SM = os.path.join(TOP, 'sendmail/sendmail')

# (K-line arguments, keys)
CASES = [
    ('-s1 (a|ab)(c|bcd)(d*)', ['abcd', 'abc', 'ac']),
    ('-s1,2,3 (a|ab)(c|bcd)(d*)', ['abcd', 'xabcdd']),
    ('-s (a|ab)(c|bcd)(d*)', ['abcd']),
    ('-s1 (c|x*)+', ['cxx', 'xxc', 'ccc', 'y']),
    ('-s0,1 (a*)+', ['aaa', 'b']),
    ('-s1,2 (a*)*(b)', ['aab', 'b']),
    ('-s1 (a|b)*', ['abab', 'ba']),
    ('-s1,2 ((a)|b)+', ['ab', 'ba', 'aab']),
    ('-s1,2 (a+|b)*(ab)?', ['aab', 'ab']),
    ('-s0 x*', ['yxx', 'xxy']),
    ('-s0 (wee|week)(knights|night)', ['weeknights']),
    ('-s1,2 (.*)@(.*)', ['user@host@dom', 'a@b']),
    ('-s1 ^(.*)\\.(com|net)$', ['a.b.com', 'x.NET', 'x.org']),
    ('-s0 [[:digit:]]+', ['ab123cd', 'none']),
    ('-s0 [^a-c]+', ['abcdefabc']),
    ('-s0 []a]+', ['x]a]y']),
    ('-s0 [a-]+', ['b-a-c']),
    ('-s1 ([[:upper:]]+)', ['abcDEF']),
    ('-f -s1 ([[:upper:]]+)', ['abcDEF']),
    ('-f ^ABC$', ['ABC', 'abc']),
    ('^ABC$', ['abc', 'AbC', 'xabc']),
    ('-n ^abc', ['abc', 'xyz']),
    ('-n -aNO ^abc', ['abc', 'xyz']),
    ('-a.OK ^[0-9]+$', ['123', '12a']),
    ('-m -a.M ^k', ['Key', 'nokey']),
    ('-m ^k', ['Key']),
    ('-s1,2 -d+ ^(a+)(b+)$', ['aabb']),
    ('-s2,1 -d: ^(a+)(b+)$', ['aabb']),
    ('-s1,2 -d: ^(a+)(b+)?$', ['aa']),
    ('-s1,2 -dxyz ^(a+)(b+)$', ['ab']),
    ('-s1,2,1 -d-- ^(a+)(b+)$', ['ab']),
    ('-s (a)|(b)', ['b', 'a']),
    ('-b -s1 ^\\(a\\)b+$', ['ab+', 'abb']),
    ('-b -s0 a\\{2,3\\}', ['aaaa', 'a']),
    ('-b -s1 \\(a*\\)\\1', ['aaaa', 'aaa']),
    ('-b a|b', ['a|b', 'a']),
    ('-b ^(a)$', ['(a)', 'a']),
    ('-b -s0 a?', ['a?', 'a']),
    ('-s1 (a*)\\1', ['aaaa']),
    ('-s0 a{2,3}', ['aaaa', 'a']),
    ('-s0 ^x*$', ['xx', 'xy']),
    ('a$', ['xa', 'ax']),
    ('-s0 a|^b', ['xa', 'bx', 'cb']),
    ('-s1 (x)?y', ['y', 'xy']),
    ('-s1,2 (a|ab)(bc|c)?', ['abc']),
    ('-s1,2,3 (a)(b)?(c)', ['ac']),
    ('-s1 ([0-9]{1,3}\\.){3}[0-9]{1,3}', ['10.1.2.3', '1.2.3']),
    ('-s1 ^<(.*)>$', ['<user@dom>', 'user']),
    ('-s1 .*<(.*)>.*', ['Name <u@d> x']),
    ('-s2 ^([^@]+)@([^.]+)\\.', ['bob@mail.example.com']),
    ('-s1 (ab|a)(bc|c)', ['abc']),
    ('-s1,2 (a|ab)(bc|c)', ['abc']),
    ('-s0,1 (a.|.b)*', ['abab', 'aab']),
    ('-s1,2 (a*)(a*)', ['aaa']),
    ('-s1,2 (a*)(b|a*)', ['aab']),
    ('-s1,2,3 ((a)|(b))*', ['ab', 'ba']),
    ('\\.', ['a.b', 'ab']),
    ('-s0 \\w+', ['  word!']),
    ('-s1 \\(x\\)', ['(x)']),
    ('^(a', []),
    ('-b a\\{1', []),
    ('a**b', ['ab']),
    ('[z-a]', []),
    ('-s3 ^(a)$', []),
    ('-s1,0,1 (a)(b)', ['ab']),
    ('x{', ['x{']),
    ('-s1 (a|b|c|ab|bc|abc)+', ['abcabc']),
    ('-s1 ([a-z]+)[0-9]+', ['USER123', 'user']),
    ('-f -s1 ([a-z]+)[0-9]+', ['USER123', 'user99']),
    ('\xe4', ['\xc4', '\xe4']),
    ('-s 1 (a)(b)', ['ab']),
    ('-s1, (a)(b)', ['ab']),
    ('-n -s1 (a)', ['b', 'a']),
    ('-q -s1 (a)', ['a']),
    ('-N -s1 (a)', ['a']),
    ('-s1 -a! -m (a)b', ['xab']),
    ('-s0 (^|[^a])b', ['ab', 'cb', 'b']),
    ('-s1 ^([^@]*)@(.*)$', ['@x', 'a@']),
    ('-s0 [[:alpha:][:digit:]]+', ['--ab12--']),
    ('-s0 [.]', ['a.b']),
    ('-b -s0 a*\+', ['aa+']),
    ('-b -s1,2 \(a\)\(b*\)', ['abb']),
    # What -s returns must read as a balanced word: a blank outside quotes,
    # an open quote, '(' or '<' not closed, a trailing backslash give no match.
    ('-s1 ^(.*)$', ['a b', 'a\tb', '"a b"', '"a b', '(a b)', '(a', 'a)', '<a', 'a>', 'a\\', 'a\\ b',
                    '"a"b"', '\\(a', 'a(b)c', 'a"b', '((a)', 'a))((', 'a\\"b', ')(', '><', '<a b>',
                    '"(a"', '(")', 'a\\)', '"a\\"', '"a\\\\" b"', '<"a>"', 'x\xe9 y', 'a\xa0b']),
    ('-s0 ^.*$', ['a b', '(a', 'a\\']),
    ('^.*$', ['a b', '(a', 'a\\']),
    ('-s1,2 ^(.*)-(.*)$', ['a(-b)', '"a-b"', 'a b-c', 'a\\-b', '"a-"b']),
    ('-s2 ^(.*)-(.*)$', ['a(-b)', 'a b-c']),
    ('-s1,2 -d( ^(.*)-(.*)$', ['a-b', 'a(-b']),
    ('-s1,2 ^(a)?(.*)$', ['(x', 'a b']),
]

# (cf lines after V10/Berkeley, -bt input lines): both sendmail -bt.
DOLLAR_CASES = [
    (['Kr regex -s0 a$|^b'], ['/map r xa', '/map r bx', '/map r a']),
    (['Kr regex (a$|b$)'], ['/map r a']),
    (['Kr regex -s0 a$$'], ['/map r xa', '/map r a$']),
    (['Kr regex -s0 ^(a|b)$'], ['/map r a', '/map r ab']),
    (['Kr regex -a$|z ^x$', 'Sz', 'R$*\t$: $(r $1 $)', 'R$| $*\t$@ split $1'], ['z x', '/map r x']),
    (['Kr regex -a$|.z ^x$', 'Sz', 'R$*\t$: $(r $1 $)', 'R$| . $*\t$@ split $1'], ['z x']),
    (['Kr regex -s1,2 -d$| ^(a)(b)$', 'Sx', 'R$*\t$: $(r $1 $)'], ['x ab', '/map r ab']),
    (['Kr regex -a.OK ^a$|b$', 'Sx', 'R$*\t$: $(r $1 $| b $)'], ['x a', 'x c']),
    (['Kr regex -a.OK ^a.b$', 'Sx', 'R$*\t$: $(r $1 $| b $)'], ['x a']),
    (['Dxfoo', 'Kr regex -a.$x$?x.yes$|.no$. ^k$'], ['/map r k']),
    (['Kr regex -a.$z ^k$'], ['/map r k']),
    (['Kr regex -s0 a#b', 'Kq regex -s0 a\\#b'], ['/map r a', '/map r xa#b', '/map q xa#b']),
    (['Kr regex -a@$>@foo ^x$', 'Sfoo', 'R$*\t$@ infoo $1', 'Sz', 'R$*\t$: $(r $1 $)'], ['z x']),
    (['Kr regex -s0 $*$+$-$#$@$:$[$]', 'Sz', 'R$*\t$: $(r $1 $)'], ['z x', '/map r x']),
    # Long class and macro names reach the map as one-byte ids, numbered in
    # the order the cf first names them.
    (['D{zz}v', 'Kr regex -a<$={foo}|$~{bar}|$&{qux}|$={zz}|$={opMode}|$=w> ^k$', 'Sz', 'R$*\t$: $(r $1 $)'],
     ['/map r k', 'z k']),
]


def run_bt(binary, body, lines):
    with tempfile.TemporaryDirectory() as work:
        os.chmod(work, 0o755)
        cf = os.path.join(work, 'd.cf')
        with open(cf, 'wb') as f:
            f.write(('V10/Berkeley\n' + ''.join(l + '\n' for l in body)).encode('latin-1'))
        q = ''.join(l + '\n' for l in lines).encode('latin-1')
        p = subprocess.run(['unshare', '--net', '--uts', 'sh', '-c',
                            'hostname mx.example.com; exec "$0" -bt -C "$1" -O DontProbeInterfaces=true',
                            binary, cf], input=q, capture_output=True, timeout=60)
        return p.returncode, p.stdout.replace(cf.encode(), b'CF'), p.stderr.replace(cf.encode(), b'CF')


def run(cmd, cf, keys, real):
    q = ''.join('/map r%d %s\n' % (i, k) for i, ks in keys for k in ks).encode('latin-1')
    if real:
        p = subprocess.run(['unshare', '--net', '--uts', 'sh', '-c',
                            'hostname mx.example.com; %s -bt -C %s -O DontProbeInterfaces=true' % (REAL_SM, cf)],
                           input=q, capture_output=True, timeout=60)
    else:
        p = subprocess.run([OURS, cf], input=q, capture_output=True, timeout=60)
    out = [l[2:] if l.startswith(b'> ') else l for l in p.stdout.split(b'\n')]
    errs = [l for l in (p.stderr + p.stdout).split(b'\n') if b': line ' in l]
    return [l for l in out if b'map_lookup' in l], errs


def main():
    verbose = '-v' in sys.argv
    agree = 0
    with tempfile.TemporaryDirectory() as work:
        for i, (args, keys) in enumerate(CASES):
            cf = os.path.join(work, 'r.cf')
            with open(cf, 'wb') as f:
                f.write(('V10/Berkeley\nKr%d regex %s\n' % (i, args)).encode('latin-1'))
            real = run(None, cf, [(i, keys)], True)
            ours = run(None, cf, [(i, keys)], False)
            ok = real == ours
            agree += ok
            if not ok or verbose:
                print('%s %r\n  real %r\n  ours %r' % ('ok  ' if ok else 'DIFF', args, real, ours))
    for body, lines in DOLLAR_CASES:
        real, ours = run_bt(REAL_SM, body, lines), run_bt(OUR_SM, body, lines)
        ok = real == ours
        agree += ok
        if not ok or verbose:
            print('%s %r %r\n  real %r\n  ours %r' % ('ok  ' if ok else 'DIFF', body, lines, real, ours))
    total = len(CASES) + len(DOLLAR_CASES)
    print('regex-differential: %d/%d agree' % (agree, total))
    return 0 if agree == total else 1


if __name__ == '__main__':
    sys.exit(main())
