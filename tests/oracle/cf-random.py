#!/usr/bin/env python3
"""cf-random.py: a differential fuzzer for reading sendmail.cf (not part of
make check). Each case takes one of the oracle's cf files and mutates it: it
inserts, appends or replaces lines of every type (V, D, C, F with files,
programs, maps and scanf formats, O long and single-letter with bad values,
S numbered, named and `Sname=N`, R with bad fields or no tab, M with odd
equates, H with ?flags? and $>, K with bad classes and flags, T, P, Q, E, L,
X, continuation lines, comments, unknown letters, very long lines, 8-bit
bytes; --kinds X adds mail filter lines of every form). Then `sendmail -bt -C mutated.cf` runs a few test lines with the
real sendmail and ours, both in the oracle's hermetic sandbox, and every
difference in standard output, standard error or exit status is printed.

    tests/oracle/cf-random.py [--seed N] [--count N] [--configs generic,seed]
                              [--mutations N] [--show N] [--keep DIR] [--kinds X,O] OUR_SENDMAIL

The last line is `cf-random: AGREE/CASES`. --keep DIR writes each differing
mutated cf there (as case-N.cf, with the lines the case added listed in
case-N.lines) to replay it by hand. Paths of the run directory are shown as
/RUN in both outputs.
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
ETC = '/__ORACLE_ETC__/%(cfg)s'
TEST_LINES = ['3,0 user@example.com', '=SParse0', '=M', '$=w', '$=X', '$={Fuzz}', '$x', '${fuzz}',
              '=Sfuzz', '=S5', '/map fuzz key', '0 a@b']

WORDS = ['x', 'foo', 'Fuzz', 'a.b', 'example.com', '$j', '$w', '${fuzz}', '$=w', '$*', '$+', '$@', '$:',
         '\xe9t\xe9', '\xff', 'a b', '', ' ', '\t', '"q"', ',', '=', '#', '{', '}', '$', '$$', '%s']
DURATIONS = ['5m', '1h', '2d', '3w', '10', '0', '-1', 'x', '5x', '1h30m', '', '99999999999d', '1s2', 'm']
SIZES = ['100', '0', '-5', 'abc', '10k', '1M', '99999999999999999999', '', '1.5', ' 7']
BOOLS = ['True', 'false', 'T', 'f', 'yes', 'no', 'maybe', '', '1', '0', 'tRUE']
LONG_OPTIONS = ['Timeout.queuereturn', 'Timeout.queuewarn', 'Timeout.bogus', 'Timeout', 'MaxMessageSize',
                'SuperSafe', 'DeliveryMode', 'LogLevel', 'NoSuchOption', 'QueueSortOrder', 'MinFreeBlocks',
                'PrivacyOptions', 'DontBlameSendmail', 'EightBitMode', 'OperatorChars', 'MustQuoteChars',
                'CheckpointInterval', 'MaxHopCount', 'AliasWait', 'ConnectionRateThrottle', 'QueueLA',
                'SevenBitInput', 'SingleThreadDelivery', 'UnixFromLine', 'BlankSub', 'DefaultUser',
                'RunAsUser', 'TrustedUser', 'TempFileMode', 'QueueFileMode', 'ErrorMode', 'MaxRecipientsPerMessage',
                'ResolverOptions', 'ClassFactor', 'RetryFactor', 'DaemonPortOptions', 'ClientPortOptions',
                'Milter.macros.connect', 'Milter.bogus', 'Timeout.ident', 'Timeout.initial',
                'QueueDirectory', 'StatusFile', 'HelpFile', 'AliasFile', 'ConnectionCacheSize',
                'MaxDaemonChildren', 'DoubleBounceAddress', 'SmtpGreetingMessage', 'UseMSP',
                'DontProbeInterfaces', 'HoldExpensive', 'MeToo', 'IgnoreDots', 'SaveFromLine', 'Verbose',
                'ColonOkInAddr', 'MaxQueueRunSize', 'DataFileBufferSize', 'XscriptFileBufferSize',
                'DelayLA', 'RefuseLA', 'NiceQueueRun', 'TimeZoneSpec', 'TLSSrvOptions', 'CipherList',
                'LDAPDefaultSpec', 'SoftBounce', 'RejectNUL', 'SmtpUTF8', 'HeloName', 'FallbackSmartHost']
OPTION_VALUES = DURATIONS + SIZES + BOOLS + ['bogus', 'goaway,bogus', 'b', 'i', 'q', 'z', 'm', 'p', 's',
                                             '.:%@!^/[]+', '@', 'nosuchuser', '8:12', 'root', '0600', '999',
                                             'Port=25,Addr=127.0.0.1', 'Name=MTA,Bogus=1', '5/1', '+AAONLY']
LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$!{%'


def pick(rng, seq):
    return rng.choice(seq)


def macro_name(rng):
    return pick(rng, ['x', 'X', '{fuzz}', '{Fuzz}', '{', '{unterminated', '{}', '{a b}', '$', '',
                      'w', 'j', '{8bit\xe9}', '{' + 'n' * 40 + '}', '\xe9', '*'])


def line_V(rng):
    return 'V' + pick(rng, ['10/Berkeley', '10', '9/Berkeley', '99', '0', '10/Foo', '10/', ' 10', 'abc',
                            '', '11/Berkeley', '10 Berkeley', '-1'])


def line_D(rng):
    value = ' '.join(pick(rng, WORDS) for _ in range(rng.randint(0, 4)))
    return 'D' + macro_name(rng) + value


def line_C(rng):
    return 'C' + macro_name(rng) + ' '.join(pick(rng, WORDS) for _ in range(rng.randint(0, 5)))


def line_F(rng):
    etc = ETC
    spec = pick(rng, [etc + '/local-host-names', '-o ' + etc + '/nonexistent', etc + '/nonexistent',
                      '-o' + etc + '/local-host-names', etc + '/local-host-names %[^#]',
                      etc + '/local-host-names %s', etc + '/local-host-names %d', etc + '/hosts %*s%s',
                      etc + '/local-host-names %[a-z', '|/bin/echo a b', '|/bin/echo', '|/nonexistent',
                      '|/bin/false', '|"/bin/echo x"', '@hostsmap', 'nosuchmap:key', '@ldap:-k x',
                      'relative/file', '', ' ', '-o', '|', '/dev/null', '/etc', etc, '-o |/bin/echo z'])
    return 'F' + macro_name(rng) + pick(rng, ['', ' ']) + spec


def line_O(rng):
    if rng.random() < 0.6:
        return 'O' + pick(rng, [' ', '  ', '\t']) + pick(rng, LONG_OPTIONS) + pick(rng, ['=', ' = ', '', '==']) + \
            pick(rng, OPTION_VALUES)
    return 'O' + pick(rng, LETTERS) + pick(rng, ['', ' ']) + pick(rng, OPTION_VALUES)


def line_S(rng):
    return 'S' + pick(rng, ['0', '5', '99', '199', '200', '-1', 'fuzz', 'fuzz=5', 'fuzz=99', 'fuzz=199',
                            'fuzz=200', 'fuzz=abc', 'fuzz=', '', ' 5', ' fuzz', 'Parse0', 'Parse0=7', '1=2',
                            '5x', 'fuzz=5x', 'a b', '{x}', '\xe9', 'fuzz =5', 'fuzz= 5', 'check_mail',
                            'n' * 40, '9999999999', '$x', 'fuzz=0'])


def line_R(rng):
    lhs = pick(rng, ['$*', '$+', '$-', '$*<@$+>$*', '$=w', '$~X', '$&x', '$:', '$@', '$1', '$>', '$[', '$(',
                     '$#', '$', 'a', '', '$* $| $*', '$=', '$={Fuzz}', '$z', '\xe9', '$*<$+>', '$.'])
    rhs = pick(rng, ['$@ $1', '$1', '$9', '$#local $: $1', '$: $1', '$>fuzz $1', '$>99 $1', '$>200',
                     '$[ $1', '$( fuzz $1 $)', '$( $1', '$*', '$=w', '$~X', '$+', '$-', '$z', '$&z',
                     '$@', '', '$>', '$> $1', '$#error $@ 5.1.1 $: "550 x"', '$#', '$1 $2 $3', '$0',
                     '$[ $]', '$)', '$]', '$|', '$>Parse0 $1', '$@$>3 $1', '$:$:$1', '$.'])
    sep = pick(rng, ['\t', '\t\t', ' ', '  ', '\t \t'])
    comment = pick(rng, ['', '', '\tcomment', '\t\tmore comment', ' trailing'])
    return 'R' + lhs + sep + rhs + comment


def line_M(rng):
    name = pick(rng, ['fuzz', 'local', 'prog', 'smtp', 'esmtp', '*file*', '', 'a' * 30, 'f,z', 'f\xe9',
                      'error', 'fuzz '])
    equates = ['P=/bin/true', 'P=[IPC]', 'P=', 'F=lsDFM', 'F=', 'F=xyz\xe9', 'S=EnvFromL/HdrFromL',
               'S=bogus/1', 'R=99', 'R=fuzz', 'R=', 'R=200', 'S=0/', 'A=true $u', 'A=', 'A=TCP $h',
               'T=DNS/RFC822/SMTP', 'T=X-Unix', 'T=', 'U=nosuchuser', 'U=:bad', 'U=root:nosuchgroup',
               'U=8:12', 'U=-1', 'Q=nosuch', 'Q=mqueue', 'M=abc', 'M=100', 'M=-1', 'L=-1', 'L=x',
               'm=x', 'r=5', 'r=', 'E=\\r\\n', 'E=\\n', 'E=', 'D=$z:/', 'W=10x', 'W=5m', '/=/chroot',
               'C=utf-8', 'Z=1', '=x', 'P', 'x', 'P=/bin/x, A=y', 'N=5', 'A="a b" c', 'A=a\\,b']
    n = rng.randint(0, 5)
    parts = [pick(rng, equates) for _ in range(n)]
    if rng.random() < 0.7:
        parts = ['P=/bin/true'] + parts + ['A=true $u']
    sep = pick(rng, [', ', ',', ' ', ',\t', ', ,'])
    return 'M' + name + (sep if parts else '') + sep.join(parts)


def line_H(rng):
    flags = pick(rng, ['', '?P?', '?$x?', '?${fuzz}?', '?', '??', '?x', '?$>?', '?P', '?DFM?', '?\xe9?',
                       '?$?', '?${unterminated?', '?$x'])
    name = pick(rng, ['X-Fuzz', 'Subject', 'Received', 'Return-Path', '', 'X Fuzz', 'X-\xe9', 'From',
                      'X-' + 'h' * 200])
    value = pick(rng, [': value', ':', ': $>fuzz', ': $>+fuzz', ': $>', ': $>99', ': <$g>', ' : x',
                       '', ': $>Parse0', ':\t$>  fuzz', ': $>"fuzz"', ': \xe9'])
    return 'H' + flags + name + value


def line_K(rng):
    name = pick(rng, ['fuzz', 'host', 'dequote', '', 'f\xe9', 'a' * 40, 'fuzz@', '{x}'])
    cls = pick(rng, ['hash', 'btree', 'dbm', 'bogus', 'text', 'regex', 'sequence', 'switch', 'arith',
                     'macro', 'program', 'stab', 'implicit', 'null', 'host', 'dns', 'socket', 'dequote',
                     'user', 'nis', 'ldap', '', 'HASH', 'syslog', 'bestmx', 'nsd', 'localrelay'])
    args = pick(rng, ['', '/nonexistent', '-o /nonexistent', '-T<TMPF> -o ' + ETC + '/access',
                      ETC + '/access', '-Z', '-bogusflag', '-k9 -v', '-z, -k9 ' + ETC + '/local-host-names',
                      '\\bad(', '-a. (open', 'nosuchmap', 'fuzz', 'host', '-R BOGUS', '-R A', 'bogus:',
                      'inet:1@127.0.0.1', '/bin/echo', '-t', '-m', '-q', '-A', '-N', '-f', '-D',
                      '-S' + ETC + '/x', '-d5', '-l', '-s', '-a', '-o', '-x ', '- /x'])
    return 'K' + name + (' ' if cls or args else '') + cls + (' ' if args else '') + args


def line_misc(rng):
    return pick(rng, [
        'T', 'Troot', 'Tnosuchuser', 'T a b c', 'T$j', 'Troot daemon',
        'P', 'Pfuzz=0', 'Pjunk=-100', 'Pnoeq', 'P=5', 'Pbulk=abc', 'Pfirst-class = 0', 'P x=1',
        'Q', 'Qfuzz', 'Qmqueue, P=/var/spool/mqueue', 'Qfuzz, P=/nonexistent, R=2', 'Qfuzz, Z=1',
        'Qfuzz, I=bogus', 'Qfuzz, J=x, r=3, N=1, F=f', 'Q fuzz', 'Qfuzz,', 'Qfuzz P=/x', 'Qfuzz, =1',
        'E', 'EFUZZ=bar', 'EFUZZ', 'E=x', 'ETZ', 'E FUZZ=1',
        'L', 'Lx', 'L10',
        'X', 'Xfuzz', 'Xfuzz, S=inet:1@127.0.0.1', 'Xfuzz, Z=1', 'Xfuzz, S=bogus', 'Xfuzz, F=T, T=C:1s',
        '#', '# comment', '#\xe9', '##', '', ' ', '\t', '\tcontinued', ' x',
        'Z foo', 'x', '1', '@', '$', '\x01', '\xe9', 'r$*\t$1', 'Y', 'G', 'B', 'A', 'I', 'J', 'N', 'U',
        'W', 'o x', 'd', 'D', 'C', 'F', 'K', 'M', 'H', 'S', 'R', 'O', 'V', '\r',
    ])


def line_long(rng):
    n = pick(rng, [100, 900, 1024, 2048, 5000, 20000])
    kind = rng.randint(0, 4)
    if kind == 0:
        return 'Dx' + 'v' * n
    if kind == 1:
        return 'CX ' + ' '.join('w%d' % i for i in range(n // 6))
    if kind == 2:
        return 'R$*\t' + '$1 ' * (n // 3)
    if kind == 3:
        return 'R' + 'a ' * (n // 2) + '\t$@ x'
    return 'H?P?X-Long: ' + 'h' * n


def line_X(rng):
    # Mail filters: names, equates, every socket form, timeouts (only with --kinds X).
    name = pick(rng, ['fuzz', 'Fuzz', 'f2', '', ' f', 'f\xe9', 'a' * 40, 'fuzz,', 'test'])
    sockets = ['unix:/x', 'local:/var/run/f.sock', 'unix:', ':/x', '/x', 'relative', 'unix:/tmp/x', 'unix:/',
               'unix:/' + 'a' * 110, 'inet:25@127.0.0.1', 'inet:8891@localhost', 'inet:smtp@localhost',
               'inet:bogusport@localhost', 'inet:25', 'inet:25@', 'inet:25@[127.0.0.1]', 'inet:25@[bogus]',
               'inet:25@[127.0.0.1', 'inet:25@nosuchhost.example', 'inet6:25@[::1]', 'inet6:25@[IPv6:::1]',
               'inet6:25@[127.0.0.1]', 'inet6:25@localhost', 'inet6:25@::1', 'INET:25@localhost', 'foo:/x',
               'bogus', '', '"unix:/x,y"', 'unix:/x\\,y', 'inet:@localhost', 'inet:25@[255.255.255.255]']
    timeouts = ['C:5m', 'S:10s', 'R:10s', 'E:5m', 'C:5x', 'Q:1s', 'C', 'C:', ';C:1s', 'C:1s;', 'c:1s',
                'C: 5m', 'C:5m ', 'C:1s2x', 'CS:5m', 'C;S:1s', '']
    equates = ['S=' + pick(rng, sockets), 'S=' + pick(rng, sockets), 'F=' + pick(rng, ['R', 'T', 'RT', '', 'Z', 'R T']),
               'T=' + ';'.join(pick(rng, timeouts) for _ in range(rng.randint(1, 3))), 'Z=1', 's=unix:/x', '=5',
               'S', 'Sock=unix:/x', '', 'T="C:1s,S:2s"']
    n = rng.randint(0, 4)
    parts = [pick(rng, equates) for _ in range(n)]
    sep = pick(rng, [', ', ',', ' ', ',\t', ', ,'])
    if rng.random() < 0.2:
        return 'O InputMailFilters=' + pick(rng, ['fuzz', 'fuzz,test', 'nosuch', ',fuzz', 'fuzz;f2'])
    return 'X' + name + (pick(rng, [', ', ',', ' ']) if parts else '') + sep.join(parts) + pick(rng, ['', '', ','])


GENERATORS = [line_V, line_D, line_C, line_F, line_O, line_O, line_S, line_R, line_R, line_M, line_M,
              line_H, line_K, line_K, line_misc, line_misc, line_long]


def continuation(rng, line):
    # A line followed by continuation lines (whitespace first).
    return line + ''.join('\n' + pick(rng, ['\t', ' ', '  ']) + pick(rng, WORDS) for _ in range(rng.randint(1, 3)))


def random_line(rng, generators):
    line = pick(rng, generators)(rng)
    r = rng.random()
    if r < 0.08:
        line = continuation(rng, line)
    elif r < 0.12:
        line += '\r'
    elif r < 0.15:
        pos = rng.randint(0, len(line))
        line = line[:pos] + pick(rng, ['\xe9', '\xff', '\x80', '\x00', '\t']) + line[pos:]
    return line


def mutate(rng, lines, count, generators):
    """Applies count mutations; returns the new lines and the added ones."""
    lines = list(lines)
    added = []
    for _ in range(count):
        new = random_line(rng, generators)
        added.append(new)
        how = rng.random()
        if how < 0.45:
            lines.append(new)
        elif how < 0.8:
            lines.insert(rng.randint(0, len(lines)), new)
        else:
            pos = rng.randrange(len(lines))
            added[-1] = 'replaced %r by %r' % (lines[pos], new)
            lines[pos] = new
    return lines, added


def run(sb, binary, cf, cfg):
    data = ''.join(l + '\n' for l in TEST_LINES).encode('latin-1')
    rc, out, err, timed_out = sb.run([binary, '-bt', '-C', cf] + sb.sendmail_opts(cfg), stdin=data, timeout=60)
    if timed_out:
        rc = 'timeout'
    return (rc, out.decode('latin-1').replace(sb.dir, '/RUN'),
            smoracle.filter_stderr(err.decode('latin-1').replace(sb.dir, '/RUN')))


def short(x, limit=300):
    r = repr(x)
    return r if len(r) <= limit else r[:limit] + '...(%d chars)' % len(r)


def first_difference(a, b):
    al, bl = a.split('\n'), b.split('\n')
    for i, (x, y) in enumerate(zip(al, bl)):
        if x != y:
            return 'line %d:\n  real: %s\n  ours: %s' % (i + 1, short(x), short(y))
    if len(al) != len(bl):
        i = min(len(al), len(bl))
        return 'line %d:\n  real: %s\n  ours: %s' % (i + 1, short(al[i]) if i < len(al) else '<end>',
                                                      short(bl[i]) if i < len(bl) else '<end>')
    return 'same'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('sendmail')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=100)
    ap.add_argument('--configs', default='generic,seed,antispam')
    ap.add_argument('--mutations', type=int, default=3)
    ap.add_argument('--show', type=int, default=10)
    ap.add_argument('--keep', default='')
    ap.add_argument('--kinds', default='', help='only these line kinds, e.g. X or X,O (default: all but X)')
    a = ap.parse_args()
    a.sendmail = os.path.abspath(a.sendmail)
    rng = random.Random(a.seed)
    generators = GENERATORS
    if a.kinds:
        generators = [globals()['line_' + k] for k in a.kinds.split(',')]
    configs = a.configs.split(',')
    bases = {}
    for cfg in configs:
        with open(os.path.join(ORACLE, 'cf', cfg + '.cf'), encoding='latin-1') as f:
            bases[cfg] = f.read().split('\n')
    cases = []
    for n in range(a.count):
        cfg = configs[n % len(configs)]
        lines, added = mutate(rng, bases[cfg], rng.randint(1, a.mutations), generators)
        text = '\n'.join(lines).replace('%(cfg)s', cfg)
        cases.append((cfg, text, [x.replace('%(cfg)s', cfg) for x in added]))
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
    sb = smoracle.Sandbox()
    bad = 0
    try:
        for cfg in configs:
            sb.install_etc(cfg)
        path = os.path.join(sb.dir, 'fuzz.src')
        for n, (cfg, text, added) in enumerate(cases):
            with open(path, 'wb') as f:
                f.write(text.encode('latin-1'))
            cf = sb.install_cf(cfg, path, 'mutated')
            real, mine = run(sb, REAL, cf, cfg), run(sb, a.sendmail, cf, cfg)
            if real == mine:
                continue
            bad += 1
            if a.keep:
                with open(os.path.join(a.keep, 'case-%d.cf' % n), 'wb') as f:
                    f.write(text.encode('latin-1'))
                with open(os.path.join(a.keep, 'case-%d.lines' % n), 'w', encoding='latin-1') as f:
                    f.write('%s\n%s\n' % (cfg, '\n'.join(repr(x) for x in added)))
            if bad > a.show:
                continue
            print('=== case %d (%s): %s' % (n, cfg, '; '.join(short(x) for x in added)))
            if real[0] != mine[0]:
                print('exit status: real %s, ours %s' % (real[0], mine[0]))
            if real[2] != mine[2]:
                print('stderr ' + first_difference(real[2], mine[2]))
            if real[1] != mine[1]:
                print('stdout ' + first_difference(real[1], mine[1]))
    finally:
        sb.cleanup()
    print('cf-random: %d/%d' % (len(cases) - bad, len(cases)))
    return 0 if bad == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
