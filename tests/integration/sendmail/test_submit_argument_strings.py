"""Strings of the command line as sendmail 8.17 was seen to take them (the
same small cf, queue only): a line break in -f, -F or a recipient is a
blank, logged as a possible attack; the envelope sender keeps its blanks
(S line as given, $g and the A line from the rules' tokens joined by
BlankSub); a recipient keeps the blanks after it."""
import re
import unittest

from submitkit import SubmitEnv, headers, lines

MSG = b'Subject: x\n\nbody\n'


class ArgumentStringTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.e.catch_syslog()

    def logged(self):
        return [(pri, re.sub(r', delay=00:00:0[01],', ', delay=00:00:00,', t.split(': ', 1)[1]))
                for pri, t in self.e.syslog_lines()]

    def test_newline_in_sender_is_a_blank_and_logged_before_the_queue_id(self):
        r = self.e.submit(['-oi', '-f', 'Al <a\nb@x.org>', 'root'], MSG)
        self.assertEqual((r.returncode, r.stdout), (0, b''))
        qf, qid = self.e.only_qf()
        self.assertEqual((lines(qf, 'S'), lines(qf, 'A')), (['Al <a b@x.org>'], ['a+20b@x.org']))
        self.assertIn(('F', 'From', ' a b@x.org'), headers(qf))
        log = self.logged()
        self.assertEqual(log[0], (21, 'NOQUEUE: POSSIBLE ATTACK from [UNKNOWN]: newline in string "Al <a b@x.org>"'))
        self.assertTrue(log[1][1].startswith('%s: from=Al <a b@x.org>, size=17, ' % qid), log)

    def test_long_string_is_shown_shortened(self):
        sender = 'a' * 202 + '\n'
        self.e.submit(['-oi', '-f', sender, 'root'], MSG)
        self.assertEqual(self.logged()[0][1], 'NOQUEUE: POSSIBLE ATTACK from [UNKNOWN]: newline in string "%s...%s"'
                         % ('a' * 100, 'a' * 99 + ' '))
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'S'), ['a' * 202 + ' '])

    def test_newline_in_full_name_is_logged_after_the_senders(self):
        self.e.submit(['-oi', '-F', 'Al\nIce', '-r', 'root\n', 'bin'], MSG)
        log = self.logged()
        self.assertEqual([t for _, t in log[:2]], [
            'NOQUEUE: POSSIBLE ATTACK from [UNKNOWN]: newline in string "root "',
            'NOQUEUE: POSSIBLE ATTACK from [UNKNOWN]: newline in string "Al Ice"'])
        qf, _ = self.e.only_qf()
        self.assertIn(('F', 'From', ' Al Ice <root>'), headers(qf))

    def test_full_name_only_for_a_local_sender(self):
        self.e.submit(['-oi', '-F', 'Al Ice', '-f', 'a@remote.example.org', 'bin'], MSG)
        qf, _ = self.e.only_qf()
        self.assertIn(('F', 'From', ' a@remote.example.org'), headers(qf))
        self.assertNotIn('Full-Name', qf)

    def test_newline_in_recipients_is_logged_with_the_queue_id_in_order(self):
        r = self.e.submit(['-oi', '-f', 'a@remote.example.org', 'ro\not', 'bin\n'], MSG)
        self.assertEqual((r.returncode, r.stdout), (67, b'ro ot... User unknown\n'))
        qfs = {n[2:]: open('%s/%s' % (self.e.queue, n), encoding='latin-1').read() for n in self.e.files('qf')}
        qid = [i for i, q in qfs.items() if lines(q, 'S') == ['a@remote.example.org']][0]
        notice = [i for i in qfs if i != qid][0]
        self.assertEqual((lines(qfs[qid], 'R'), lines(qfs[qid], 'M')), (['PFD:bin '], ['User unknown']))
        self.assertIn('\nFinal-Recipient: rfc822; ro ot@mx.example.com\nAction: failed\n',
                      self.e.df(notice).decode())
        self.assertEqual(self.logged()[:6], [
            (21, '%s: POSSIBLE ATTACK from [UNKNOWN]: newline in string "ro ot"' % qid),
            (21, '%s: ro ot... User unknown' % qid),
            (22, '%s: to=ro ot, delay=00:00:00, mailer=local, pri=0, dsn=5.1.1, reply=550 5.1.1 User unknown, '
                 'stat=User unknown' % qid),
            (21, '%s: POSSIBLE ATTACK from [UNKNOWN]: newline in string "bin "' % qid),
            (22, '%s: from=a@remote.example.org, size=17, class=0, nrcpts=2, msgid=<%s@mx.example.com>, '
                 'relay=root@localhost' % (qid, re.search(r'Message-Id: <([^@]*)@', qfs[qid]).group(1))),
            (22, '%s: to=bin , delay=00:00:00, mailer=local, pri=60017, stat=queued' % qid)])

    def test_blank_in_sender_stays_in_the_envelope(self):
        self.e.submit(['-oi', '-f', 'al   ice', 'root'], MSG)
        qf, _ = self.e.only_qf()
        self.assertEqual((lines(qf, 'S'), lines(qf, 'A')), (['al   ice'], ['al+20ice@mx.example.com']))
        self.assertIn(('F', 'From', ' al ice'), headers(qf))

    def test_sender_is_rewritten_by_rulesets_3_1_4_and_joined_by_blanksub(self):
        with open(self.e.cf, 'a') as f:
            f.write('O BlankSub=.\nS1\nR$+ < @ $+ >\t\t$@ $1 < @ one.$2 >\n')
        self.e.submit(['-oi', '-f', 'a b@x.org', 'root'], MSG)
        qf, _ = self.e.only_qf()
        self.assertEqual((lines(qf, 'S'), lines(qf, 'A')), (['a b@x.org'], ['a.b@one.x.org']))
        self.assertIn(('F', 'From', ' a.b@one.x.org'), headers(qf))

    def test_recipients_keep_their_trailing_blanks(self):
        self.e.submit(['-t', '-oi', '-f', 'a@remote.example.org', 'bin ', ' root'],
                      b'To: daemon \nCc: (c) mail  \nSubject: x\n\nbody\n')
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PFD:bin ', 'PFD:root', 'PFD:daemon ', 'PFD:(c) mail  '])
        self.assertIn(('', 'To', ' daemon'), headers(qf))


if __name__ == '__main__':
    unittest.main()
