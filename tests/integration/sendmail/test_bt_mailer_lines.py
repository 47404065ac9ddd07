"""M lines and the rulesets they name, read by sendmail -bt as sendmail
8.17 reads them: the [IPC] warning (no file and line, no exit status), the
[IPC]/[FILE]/[TCP] checks that drop a mailer, field values (quotes, blanks
before a comma, r=, U= numbers, T= and C=, 8-bit flags), what =M shows,
rulesets named only by S=/R= or an H line's $> (numbered, empty, callable),
a name left unnumbered by a bad `Sname=N`, and a $> to a ruleset nobody
named. The expected text was recorded from the real sendmail 8.17."""
import unittest

from harness import Sandbox

CF = (
    'V10/Berkeley\n'
    'Scanonify=3\n'
    'R$* < $* > $*\t$2\n'
    'Sparse=0\n'
    'R$+ x\t$>rhsonly $1\n'
    'R$+\t$#local $: $1\n'
    'Mlocal,\tP=/bin/true, F=lsDFM, S=EnvFrom/HdrFrom, R=EnvTo, A=true $u\n'
    'Mesmtp,\tP=[IPC], F=mDFMuXa\xe9, S=0, R=EnvTo/HdrTo, C=utf-8, A=IPC $h\n'
    'Mfwd,\tP=[IPC], F=mDFMuX, A=FILE /run/x.sock\n'
    'Mtcp1,\tP=[IPC], A=TCP\n'
    'Mold,\tP=[TCP], A=TCP $h\n'
    'Mfile1,\tP=[FILE], A=FILE\n'
    'Mfile2,\tP=[FILE], A=FILE a b\n'
    'Mfile3,\tP=[FILE], A=NOTFILE a\n'
    'Mprog2,\tP=/bin/cat, F=lsL, r=, U=root, T=a/, C=, A="" cat, E=\\r\\n,\n'
    'Mprog3,\tP=/bin/cat , F=s, r=-4, U=0x10:010, T=//x, M=12, L=-1, A=cat  -u\t$u\n'
    'H?x?X-Check: $>+HdrCheck\n'
    'SEnvTo\n'
    'R$*\t$@ envto $1\n'
    'Sbad=abc\n')

INPUT = (
    '=M\n'
    '=SEnvTo\n'
    '=SEnvFrom\n'
    '=SHdrCheck\n'
    '=Sbad\n'
    '=Srhsonly\n'
    'EnvFrom a@b\n'
    'HdrCheck,EnvTo a\n'
    'bad a\n'
    'rhsonly a\n'
    '/try esmtp a@b\n'
    '/try LOCAL a\n'
    '/parse a\n'
    'parse a x\n')

# CF stands for the cf's path.
EXPECTED = (
    'Mesmtp: Warning: first argument in [IPC] mailer must be TCP or FILE\n'
    'CF: line 10: Mtcp1: too few parameters for [IPC] mailer\n'
    'CF: line 11: Mold: P=[TCP] must be replaced by P=[IPC]\n'
    'CF: line 12: Mfile1: too few parameters for [FILE] mailer\n'
    'CF: line 13: Mfile2: too many parameters for [FILE] mailer\n'
    'CF: line 14: Mfile3: first argument in [FILE] mailer must be FILE\n'
    'CF: line 15: mailer prog2: null charset\n'
    "CF: line 15: mailer prog2: `=' expected\n"
    'CF: line 20: bad ruleset definition "bad=abc" (number required after `=\')\n'
    'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n'
    'Enter <ruleset> <address>\n'
    '> mailer 0 (prog): P=/bin/sh S=parse/parse R=parse/parse M=0 U=-1:-1 F=9Dloqsu L=0 E=\\n T=X-Unix/X-Unix/X-Unix r=100 A=sh -c $u\n'
    'mailer 1 (*file*): P=[FILE] S=parse/parse R=parse/parse M=0 U=-1:-1 F=9DEFMPloqsu L=0 E=\\n T=X-Unix/X-Unix/X-Unix r=100 A=FILE $u\n'
    'mailer 2 (*include*): P=/dev/null S=parse/parse R=parse/parse M=0 U=-1:-1 F=su L=0 E=\\n T=<undefined>/<undefined>/<undefined> r=100 A=INCLUDE $u\n'
    'mailer 3 (local): P=/bin/true S=EnvFrom/HdrFrom R=EnvTo/EnvTo M=0 U=-1:-1 F=DFMls L=0 E=\\n T=<undefined>/<undefined>/<undefined> r=100 A=true $u\n'
    'mailer 4 (esmtp): P=[IPC] S=parse/parse R=EnvTo/HdrTo M=0 U=-1:-1 F=DFMXamu L=0 E=\\r\\n C=utf-8 T=dns/rfc822/smtp r=100 A=IPC $h\n'
    'mailer 5 (fwd): P=[IPC] S=parse/parse R=parse/parse M=0 U=-1:-1 F=DFMXmu L=0 E=\\r\\n T=dns/rfc822/x-unix r=100 A=FILE /run/x.sock\n'
    'mailer 6 (prog3): P=/bin/cat  S=parse/parse R=parse/parse M=12 U=16:8 F=s L=0 E=\\n T=dns/rfc822/x r=100 A=cat -u $u\n'
    '> R$* \t\t$@ envto $1 \n'
    '> > > > Undefined ruleset rhsonly\n'
    '> EnvFrom            input: a @ b\n'
    'EnvFrom          returns: a @ b\n'
    '> HdrCheck           input: a\n'
    'HdrCheck         returns: a\n'
    'EnvTo              input: a\n'
    'EnvTo            returns: envto a\n'
    '> 194                input: a\n'
    '194              returns: a\n'
    '> Undefined ruleset rhsonly\n'
    '> Trying envelope recipient address a@b for mailer esmtp\n'
    'canonify           input: a @ b\n'
    'canonify         returns: a @ b\n'
    '2                  input: a @ b\n'
    '2                returns: a @ b\n'
    'EnvTo              input: a @ b\n'
    'EnvTo            returns: envto a @ b\n'
    '4                  input: envto a @ b\n'
    '4                returns: envto a @ b\n'
    'Rcode = 0, addr = envto a@b\n'
    '> Trying envelope recipient address a for mailer LOCAL\n'
    'canonify           input: a\n'
    'canonify         returns: a\n'
    '2                  input: a\n'
    '2                returns: a\n'
    'EnvTo              input: a\n'
    'EnvTo            returns: envto a\n'
    '4                  input: envto a\n'
    '4                returns: envto a\n'
    'Rcode = 0, addr = envto a\n'
    '> Cracked address = $g\n'
    'Parsing envelope recipient address\n'
    'canonify           input: a\n'
    'canonify         returns: a\n'
    'parse              input: a\n'
    'parse            returns: $# local $: a\n'
    '2                  input: a\n'
    '2                returns: a\n'
    'EnvTo              input: a\n'
    'EnvTo            returns: envto a\n'
    '4                  input: envto a\n'
    '4                returns: envto a\n'
    'mailer local, user envto a\n'
    '> parse              input: a x\n'
    'Unknown ruleset rhsonly\n'
    'Unknown ruleset rhsonly\n'
    'parse            returns: $# local $: $> rhsonly a\n'
    '== Ruleset parse (0) status 78\n'
    '> ')


class MailerLinesTest(unittest.TestCase):
    def test_mailer_lines_and_named_rulesets_as_sendmail_reads_them(self):
        sb = Sandbox(self)
        cf = sb.write('sendmail.cf', CF.encode('latin-1'))
        r = sb.run([sb.program('sendmail/sendmail'), '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true'],
                   input=INPUT.encode('latin-1'))
        self.assertEqual(r.stdout.decode('latin-1'), EXPECTED.replace('CF: line', cf + ': line'))
        self.assertEqual(r.returncode, 70)


if __name__ == '__main__':
    unittest.main()
