"""An address of the command line that fails at submission, as sendmail
8.17 handles it by ErrorMode: in print mode (the default) the message goes
to dead.letter in the sender's password-file home and nothing is returned;
a failure in the header (-t), a sender with no home sendmail may write, or
another ErrorMode makes it a notice (or nothing, for quiet)."""
import os
import unittest

from submitkit import PRIVATE_PASSWD, SubmitEnv, headers, lines

MSG = b'Subject: dl\nTo: nobody-here-xyz\n\nhello body\n'
CTIME = r'\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}'


@unittest.skipUnless(PRIVATE_PASSWD, 'needs root and unshare to give the senders homes in the sandbox')
class DeadLetterTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.path = os.path.join(self.e.root_home, 'dead.letter')

    def saved(self):
        return '%s... Saved message in %s\n' % (self.path, self.path)

    def notice(self):
        notices = [(i, q) for i, q in self.e.qfs().items() if lines(q, 'S') == ['MAILER-DAEMON']]
        self.assertEqual(len(notices), 1)
        return notices[0]

    def test_unknown_recipient_goes_to_the_senders_dead_letter(self):
        r = self.e.submit(['nobody-here-xyz'], MSG)
        self.assertEqual((r.returncode, r.stdout.decode()), (67, 'nobody-here-xyz... User unknown\n' + self.saved()))
        self.assertEqual(self.e.files('qf') + self.e.files('df'), [])
        # The headers as they would have been queued, for the *file* mailer
        # (no ?x?Full-Name:), the default UnixFromLine "From $g  $d".
        self.assertRegex(self.e.dead_letter().decode(),
                         r'^From root  ' + CTIME + r'\nReturn-Path: <root>\n'
                         r'Received: \(from root@localhost\)\n\tby mx\.example\.com \(.*\) id \w{14}\n'
                         r'\tfor nobody-here-xyz; .* GMT\nDate: .* GMT\nFrom: root <root>\n'
                         r'Message-Id: <\d{12}\.\w{14}@mx\.example\.com>\nSubject: dl\nTo: nobody-here-xyz\n'
                         r'\nhello body\n\n$')
        # $HOME is not where sendmail looks.
        self.assertFalse(os.path.exists(self.e.sb.path('dead.letter')))

    def test_entries_are_appended_with_from_lines_escaped(self):
        self.e.submit(['nobody-here-xyz'], b'Subject: one\n\nFrom me\n>From you\nno newline')
        self.e.submit(['nobody-here-xyz'], b'Subject: two\n\nb\n')
        text = self.e.dead_letter().decode()
        self.assertIn('Subject: one\n\n>From me\n>From you\nno newline\nFrom root  ', text)
        self.assertTrue(text.endswith('Subject: two\n\nb\n\n'), text[-40:])
        self.assertEqual(os.stat(self.path).st_mode & 0o777, 0o600)

    def test_unix_from_line_option_shapes_the_first_line(self):
        self.e = SubmitEnv(self, extra_cf='O UnixFromLine=From $g $d\n')
        self.path = os.path.join(self.e.root_home, 'dead.letter')
        self.e.submit(['-f', 'root@mx.example.com', 'nobody-here-xyz'], MSG)
        self.assertRegex(self.e.dead_letter().decode(), r'^From root@mx\.example\.com ' + CTIME + r'\n'
                         r'Return-Path: <root@mx\.example\.com>\n')

    def test_the_good_addresses_are_queued_and_nothing_returned(self):
        r = self.e.submit(['nobody-here-xyz', 'x@example.org'], MSG)
        self.assertEqual((r.returncode, r.stdout.decode()), (67, 'nobody-here-xyz... User unknown\n' + self.saved()))
        (qid, qf), = self.e.qfs().items()
        self.assertEqual(lines(qf, 'S'), ['root'])
        self.assertEqual(lines(qf, 'R'), ['PFD:x@example.org'])
        self.assertEqual(lines(qf, 'F'), ['bs'])  # a command-line failure keeps 's'
        self.assertEqual(lines(qf, 'M'), ['User unknown'])
        self.assertEqual(lines(qf, 'P'), [str(len(MSG) + 60000)])  # both addresses count
        # Two recipients named: no "for" in Received.
        self.assertRegex(self.e.dead_letter().decode(), r'id \w{14};\n\t.* GMT\nDate: ')

    def test_an_error_mailer_failure_is_kept_too(self):
        self.e = SubmitEnv(self)
        with open(self.e.cf) as f:
            cf = f.read()
        with open(self.e.cf, 'w') as f:
            f.write(cf.replace('S0\n', 'S0\nR$* < @ err.test > $*\t$#error $@ 5.1.3 $: "553 no such domain"\n'))
        self.path = os.path.join(self.e.root_home, 'dead.letter')
        r = self.e.submit(['u@err.test'], MSG)
        self.assertEqual((r.returncode, r.stdout.decode()), (64, 'u@err.test... no such domain\n' + self.saved()))
        self.assertEqual(self.e.qfs(), {})

    def test_a_failure_in_the_header_is_returned_instead(self):
        r = self.e.submit(['-t'], b'Subject: dl\nTo: nobody-here-xyz, x@example.org\n\nhello body\n')
        self.assertEqual((r.returncode, r.stdout), (67, b'nobody-here-xyz... User unknown\n'))
        self.assertIsNone(self.e.dead_letter())
        orig = [q for q in self.e.qfs().values() if lines(q, 'S') == ['root']][0]
        self.assertEqual(lines(orig, 'F'), ['b'])
        _, notice = self.notice()
        self.assertEqual(lines(notice, 'R'), ['PF:root'])

    def test_error_modes_other_than_print(self):
        # (mode, exit status, stdout, a notice queued)
        cases = (('m', 67, b'', True), ('w', 67, b'', True), ('e', 0, b'', True), ('q', 67, b'', False))
        for mode, rc, out, noticed in cases:
            with self.subTest(mode=mode):
                r = self.e.submit(['-oe' + mode, 'nobody-here-xyz'], MSG)
                self.assertEqual((r.returncode, r.stdout), (rc, out))
                self.assertIsNone(self.e.dead_letter())
                self.assertEqual(len(self.e.qfs()), 1 if noticed else 0)
                if noticed:
                    nid, notice = self.notice()
                    self.assertEqual(lines(notice, 'R'), ['PF:root'])
                    # Made as if received from localhost, as sendmail makes it.
                    self.assertEqual(lines(notice, '$'), ['_localhost', 'r', 'slocalhost', '{daemon_flags}c u'])
                    received = [v for _, n, v in headers(notice) if n == 'Received'][0]
                    self.assertRegex(received, r'^ from localhost \(localhost\)\n\tby mx\.example\.com ')
                    os.unlink(os.path.join(self.e.queue, 'qf' + nid))
                    os.unlink(os.path.join(self.e.queue, 'df' + nid))

    def test_header_failures_are_printed_in_every_mode(self):
        r = self.e.submit(['-oeq', '-t'], MSG)
        self.assertEqual((r.returncode, r.stdout), (67, b'nobody-here-xyz... User unknown\n'))
        self.assertEqual(self.e.qfs(), {})

    def test_a_background_delivery_of_the_rest_returns_it(self):
        # Even in quiet mode: the delivery in the background mails it.
        for mode, out in (('p', b'nobody-here-xyz... User unknown\n'), ('q', b'')):
            with self.subTest(mode=mode):
                r = self.e.submit(['-odb', '-oe' + mode, 'nobody-here-xyz', 'x@example.org'], MSG)
                self.assertEqual((r.returncode, r.stdout), (67, out))
                self.assertIsNone(self.e.dead_letter())
                nid, notice = self.notice()
                self.assertEqual(lines(notice, 'R'), ['PF:root'])
                for name in os.listdir(self.e.queue):
                    os.unlink(os.path.join(self.e.queue, name))

    def test_a_home_of_another_user_is_not_written(self):
        # root sending as a local user whose home belongs to that user.
        home = self.e.sb.path('home-other')
        os.makedirs(home)
        os.chown(home, 59998, 59998)
        self.e.add_user('dlother', 59998, home)
        r = self.e.submit(['-f', 'dlother', 'nobody-here-xyz'], MSG)
        self.assertEqual((r.returncode, r.stdout), (67, b'nobody-here-xyz... User unknown\n'))
        self.assertEqual(os.listdir(home), [])
        _, notice = self.notice()
        self.assertEqual(lines(notice, 'R'), ['PF:dlother'])

    def test_a_senders_own_home_is_written_whoever_the_sender(self):
        # A local sender other than the login, whose home root owns.
        home = self.e.sb.path('home-mine')
        os.makedirs(home)
        self.e.add_user('dlmine', 59996, home)
        self.e.submit(['-f', 'dlmine', 'nobody-here-xyz'], MSG)
        self.assertIsNone(self.e.dead_letter())
        self.assertRegex(self.e.dead_letter(home).decode(), r'^From dlmine  ')
        self.assertEqual(self.e.qfs(), {})

    def run_as(self, uid, home_mode):
        home = self.e.sb.path('home-%d' % uid)
        os.makedirs(home)
        os.chown(home, uid, uid)
        os.chmod(home, home_mode)
        self.e.add_user('dluser%d' % uid, uid, home)
        os.chown(self.e.queue, uid, uid)
        elsewhere = self.e.sb.path('elsewhere')
        os.makedirs(elsewhere, exist_ok=True)
        argv = ['setpriv', '--reuid', str(uid), '--regid', str(uid), '--clear-groups', self.e.sendmail,
                '-C', self.e.cf, '-odq', '-Mjmx.example.com', 'nobody-here-xyz']
        r = self.e.sb.run(self.e.wrap(argv), input=MSG, env=dict(self.e.env, HOME=elsewhere))
        self.assertEqual(os.listdir(elsewhere), [])
        return r, home

    def test_an_ordinary_user_gets_it_in_the_password_file_home(self):
        r, home = self.run_as(59997, 0o755)
        path = os.path.join(home, 'dead.letter')
        self.assertEqual((r.returncode, r.stdout.decode()),
                         (67, 'nobody-here-xyz... User unknown\n%s... Saved message in %s\n' % (path, path)))
        self.assertRegex(self.e.dead_letter(home).decode(), r'^From dluser59997  ')

    def test_a_home_the_sender_cannot_write_gets_a_notice(self):
        r, home = self.run_as(59995, 0o555)
        self.assertEqual((r.returncode, r.stdout), (67, b'nobody-here-xyz... User unknown\n'))
        self.assertEqual(os.listdir(home), [])
        _, notice = self.notice()
        self.assertEqual(lines(notice, 'R'), ['PF:dluser59995'])
        # An untrusted user's notice warns of -C as the message does.
        warnings = [v for _, n, v in headers(notice) if n == 'X-Authentication-Warning']
        self.assertEqual(warnings, [' mx.example.com: Processed by dluser59995 with -C ' + self.e.cf])


if __name__ == '__main__':
    unittest.main()
