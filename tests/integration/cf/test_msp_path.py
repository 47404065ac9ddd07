"""cf/cf/submit.mc and a sendmail.mc built with our package work together
with our sendmail in the MSP path: a submission lands in the client queue
(and waits there while no MTA answers, as with sendmail), the submit.cf hands
mail to the MTA at [127.0.0.1], and the MTA's cf routes the same addresses.
Every example .mc in cf/cf/ gives a cf our sendmail loads without warnings."""
import glob
import os
import re
import subprocess
import unittest

import harness

CFDIR = harness.source('cf')
PKG_INCLUDE = "include(`/usr/share/sendmail-cf/m4/cf.m4')"
MSG = (b'From: alice@example.com\nTo: bob@example.org\nCc: carol@example.net\n'
       b'Subject: msp path\n\nhello\n')


def compile_mc(sb, mc_text, name):
    """m4 with our package (CFDIR); the .mc's include points at it too."""
    mc = sb.write(name + '.mc', mc_text.replace(PKG_INCLUDE, "include(CFDIR`/m4/cf.m4')"))
    r = subprocess.run(['m4', '-DCFDIR=' + CFDIR, mc], capture_output=True, timeout=60, cwd=sb.dir)
    if r.returncode != 0 or r.stderr:
        raise AssertionError(f'm4 {name}.mc: rc {r.returncode}: {r.stderr.decode()}')
    return sb.write(name + '.cf', r.stdout)


def with_settings(mc_text, settings):
    """Inserts define() lines before the first FEATURE/MAILER of an example .mc."""
    lines = mc_text.splitlines(keepends=True)
    at = next(i for i, ln in enumerate(lines) if ln.startswith(('FEATURE(', 'MAILER(')))
    return ''.join(lines[:at]) + settings + ''.join(lines[at:])


def read(path):
    with open(path, encoding='latin-1') as f:
        return f.read()


class MspPath(unittest.TestCase):
    def setUp(self):
        self.sb = harness.Sandbox(self)
        self.sm = harness.require_built(self, 'sendmail/sendmail')
        d = self.sb.dir
        self.cq = self.sb.path('clientmqueue')
        self.mq = self.sb.path('mqueue')
        os.makedirs(self.cq, mode=0o770)
        os.makedirs(self.mq, mode=0o700)
        self.sb.write('mail/local-host-names', 'mx.example.com\n')
        self.sb.write('mail/aliases', 'postmaster: root\n')
        # name resolution from files only: the test never leaves the machine
        self.sb.write('service.switch', 'hosts\tfiles\naliases\tfiles\n')
        self.sb.write('hosts', '127.0.0.1\tlocalhost\n')
        submit = read(os.path.join(CFDIR, 'cf', 'submit.mc'))
        self.submit_cf = compile_mc(self.sb, with_settings(
            submit, f"define(`MSP_QUEUE_DIR', `{self.cq}')dnl\n"), 'submit')
        mta = read(os.path.join(CFDIR, 'cf', 'generic-linux.mc'))
        self.mta_cf = compile_mc(self.sb, with_settings(
            mta, f"define(`MAIL_SETTINGS_DIR', `{d}/mail/')dnl\n"
                 f"define(`QUEUE_DIR', `{self.mq}')dnl\n"
                 f"define(`ALIAS_FILE', `{d}/mail/aliases')dnl\n"), 'sendmail')
        self.env = {'PATH': '/usr/bin:/bin', 'TZ': 'UTC', 'LANG': 'C', 'HOME': d}

    def sendmail(self, cf, args, input=b''):
        argv = [self.sm, '-C', cf, '-O', 'ServiceSwitchFile=' + self.sb.path('service.switch'),
                '-O', 'HostsFile=' + self.sb.path('hosts'),
                '-O', 'DontBlameSendmail=MapInUnsafeDirPath,ClassFileInUnsafeDirPath'] + args
        return self.sb.run(argv, input=input, env=self.env)

    def bt(self, cf, lines):
        r = self.sendmail(cf, ['-bt'], '\n'.join(lines) + '\n')
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode()

    def queued(self, qdir, prefix):
        return sorted(f for f in os.listdir(qdir) if f.startswith(prefix))

    def test_generated_files_name_their_queues(self):
        self.assertIn(f'O QueueDirectory={self.cq}\n', read(self.submit_cf))
        self.assertIn('D{MTAHost}[127.0.0.1]\n', read(self.submit_cf))
        self.assertIn(f'O QueueDirectory={self.mq}\n', read(self.mta_cf))

    def test_submission_waits_in_the_client_queue(self):
        r = self.sendmail(self.submit_cf, ['-t', '-oi'], MSG)
        self.assertEqual(r.returncode, 0, r.stderr)
        qfs = self.queued(self.cq, 'qf')
        self.assertEqual(len(qfs), 1)
        qid = qfs[0][2:]
        self.assertEqual(self.queued(self.cq, 'df'), ['df' + qid])
        self.assertEqual(os.listdir(self.mq), [], 'nothing reaches the MTA queue')
        qf = read(os.path.join(self.cq, qfs[0]))
        self.assertIn('\nrRFC822; bob@example.org\n', qf)
        self.assertIn('\nrRFC822; carol@example.net\n', qf)
        self.assertEqual(sorted(re.findall(r'(?m)^R[A-Z]*:(.*)$', qf)),
                         ['bob@example.org', 'carol@example.net'])
        self.assertIn('\nH??Subject: msp path\n', qf)
        with open(os.path.join(self.cq, 'df' + qid), 'rb') as f:
            self.assertEqual(f.read(), b'hello\n')
        # mailq with submit.cf lists the client queue; the MTA's queue is empty
        out = self.sendmail(self.submit_cf, ['-bp']).stdout.decode()
        self.assertIn(f'\t\t{self.cq} (1 request)\n', out)
        self.assertRegex(out, '(?m)^' + qid + r' +6 ')
        self.assertIn('\t\t\t\t\t bob@example.org\n', out)
        self.assertIn('\t\t\t\t\t carol@example.net\n', out)
        self.assertIn('Total requests: 1', out)
        out = self.sendmail(self.mta_cf, ['-bp']).stdout.decode()
        self.assertEqual(out, f'{self.mq} is empty\n\t\tTotal requests: 0\n')

    def test_submit_cf_hands_everything_to_the_mta(self):
        out = self.bt(self.submit_cf, ['5 carol', '3,0 carol', '/try local carol'])
        self.assertRegex(out, r'(?m)^localaddr +returns: \$# relay \$@ \[ 127 \. 0 \. 0 \. 1 \] '
                              r'\$: carol < @ \S')
        self.assertRegex(out, r'(?m)^parse +returns: \$# local \$: carol$')
        self.assertIn('Rcode = 0, addr = carol', out)

    def test_mta_cf_routes_the_same_addresses(self):
        out = self.bt(self.mta_cf, ['3,0 bob@example.org', '3,0 carol@example.net',
                                    '3,0 root', '3,0 postmaster@mx.example.com',
                                    '/try esmtp bob@example.org'])
        parse = re.findall(r'(?m)^parse +returns: (.*)$', out)
        self.assertEqual(parse, [
            '$# esmtp $@ example . org $: bob < @ example . org >',
            '$# esmtp $@ example . net $: carol < @ example . net >',
            '$# local $: root',
            '$# local $: postmaster'])
        self.assertIn('Rcode = 0, addr = bob@example.org', out)


class ExamplesLoadClean(unittest.TestCase):
    def test_every_example_mc_gives_a_cf_without_warnings(self):
        sm = harness.require_built(self, 'sendmail/sendmail')
        sb = harness.Sandbox(self)
        examples = sorted(glob.glob(os.path.join(CFDIR, 'cf', '*.mc')))
        self.assertTrue(examples)
        for mc in examples:
            name = os.path.basename(mc)[:-3]
            with self.subTest(mc=name):
                cf = compile_mc(sb, read(mc), name)
                r = sb.run([sm, '-bt', '-C', cf], timeout=60)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stderr, b'')
                self.assertEqual(r.stdout.decode(), 'ADDRESS TEST MODE (ruleset 3 NOT '
                                 'automatically invoked)\nEnter <ruleset> <address>\n> ')


if __name__ == '__main__':
    unittest.main()
