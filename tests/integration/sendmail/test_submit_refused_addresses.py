"""Addresses refused at submission, as sendmail 8.17 was seen to treat them
(same cf, -oem, queue only): a group ("x:;") refused by the rules, a program
the sender names itself, an unknown user of a -t header. Each command-line
refusal is logged with its reason before from=; the notice names a refused
group by what the error mailer got and a program at the local domain; with
queue groups the entries of the other groups are queued after the notice;
the returned copy of a -t message has no Bcc."""
import os
import re
import unittest

from submitkit import SubmitEnv, lines, use_slow_and_fast_groups

MSG = b'Subject: t\n\nbody\n'
GROUP_RULE = 'R$* : $* ;\t\t$#error $@ 5.1.3 $: "553 List:; syntax illegal for recipient addresses"\n'
ERR_RULE = 'R$* < @ err.test > $*\t$#error $@ 5.1.3 $: "553 no such domain"\n'


def read(path):
    with open(path, encoding='latin-1') as f:
        return f.read()


class RefusedAddressTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        with open(self.e.cf) as f:
            cf = f.read().replace('S0\n', 'S0\n' + GROUP_RULE + ERR_RULE)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        self.e.catch_syslog()

    def logged(self):
        return [(pri, t.split(': ', 1)[1]) for pri, t in self.e.syslog_lines()]

    def entries(self):
        """(message's qf, notice's qf, notice's df) by sender."""
        qfs = {n[2:]: read(os.path.join(self.e.queue, n)) for n in self.e.files('qf')}
        notice = [i for i, q in qfs.items() if lines(q, 'S') == ['MAILER-DAEMON']][0]
        orig = [i for i in qfs if i != notice][0]
        return orig, qfs[orig], notice, self.e.df(notice).decode()

    def test_refused_group_is_named_by_the_error_mailers_text(self):
        r = self.e.submit(['-oem', '-oi', 'x:;', 'u@err.test', 'bin'], MSG)
        self.assertEqual((r.returncode, r.stdout), (64, b''))
        orig, qf, notice, body = self.entries()
        self.assertEqual(lines(qf, 'M'), ['u@err.test... no such domain'])
        self.assertIn('   ----- The following addresses had permanent fatal errors -----\nx:;\nu@err.test\n\n'
                      '   ----- Transcript of session follows -----\n'
                      '553 5.1.3 x:;... List:; syntax illegal for recipient addresses\n'
                      '553 5.1.3 u@err.test... no such domain\n', body)
        # what the error mailer got is the final recipient itself: no
        # X-Actual-Recipient line
        self.assertIn('\nFinal-Recipient: rfc822; "553 List:; syntax illegal for recipient addresses"@mx.example.com\n'
                      'Action: failed\nStatus: 5.1.3\nLast-Attempt-Date: ', body)
        self.assertIn('\nFinal-Recipient: rfc822; u@err.test\n'
                      'X-Actual-Recipient: rfc822; "553 no such domain"@mx.example.com\nAction: failed\n', body)
        log = self.logged()
        self.assertEqual(log[:2], [(21, '%s: x:;... List:; syntax illegal for recipient addresses' % orig),
                                   (21, '%s: u@err.test... no such domain' % orig)])
        self.assertTrue(log[2][1].startswith('%s: from=root, size=17, class=0, nrcpts=1, ' % orig), log)
        self.assertEqual(log[3], (22, '%s: to=bin, delay=00:00:00, mailer=local, pri=30017, stat=queued' % orig))
        self.assertEqual(log[4], (22, '%s: %s: DSN: u@err.test... no such domain' % (orig, notice)))

    def test_program_named_by_the_sender_is_refused(self):
        r = self.e.submit(['-oi', '|/bin/true', 'bin'], MSG)
        saved = os.path.join(self.e.root_home, 'dead.letter')
        self.assertEqual((r.returncode, r.stdout.decode()), (64, '|/bin/true... Cannot mail directly to programs\n'
                                                                 '%s... Saved message in %s\n' % (saved, saved)))

    def test_program_refusal_is_logged_and_returned(self):
        r = self.e.submit(['-oem', '-oi', '|/bin/true', 'bin'], MSG)
        self.assertEqual((r.returncode, r.stdout), (64, b''))
        orig, qf, notice, body = self.entries()
        self.assertEqual((lines(qf, 'M'), lines(qf, 'R'), lines(qf, 'P')),
                         (['|/bin/true... Cannot mail directly to programs'], ['PFD:bin'], ['30017']))
        self.assertIn('   ----- The following addresses had permanent fatal errors -----\n|/bin/true\n\n'
                      '   ----- Transcript of session follows -----\n'
                      '550 5.7.1 |/bin/true... Cannot mail directly to programs\n', body)
        self.assertIn('\nFinal-Recipient: rfc822; |/bin/true@mx.example.com\nAction: failed\nStatus: 5.7.1\n'
                      'Last-Attempt-Date: ', body)
        log = self.logged()
        self.assertEqual(log[0], (21, '%s: |/bin/true... Cannot mail directly to programs' % orig))
        self.assertTrue(log[1][1].startswith('%s: from=root, size=17, class=0, nrcpts=1, ' % orig), log)
        self.assertEqual(log[3], (22, '%s: %s: DSN: |/bin/true... Cannot mail directly to programs' % (orig, notice)))

    def test_an_alias_may_still_name_a_program(self):
        self.e.sb.write('aliases', 'filter: "|/bin/true"\n')
        r = self.e.submit(['-oi', 'filter'], MSG)
        self.assertEqual((r.returncode, r.stdout), (0, b''))
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PFDA:"|/bin/true"'])

    def test_header_failure_returns_the_message_without_bcc(self):
        r = self.e.submit(['-oem', '-oi', '-t'],
                          b'From: alice@example.com\nTo: nosuchuser\nCc: root\nBcc: bin\nSubject: t\n\nbody\n')
        self.assertEqual((r.returncode, r.stdout), (67, b'nosuchuser... User unknown\n'))
        orig, qf, notice, body = self.entries()
        # the message keeps its Bcc (removed at delivery); its returned copy has none
        self.assertIn('Bcc: bin', qf)
        self.assertEqual(lines(qf, 'F'), ['b'])
        copy = body.split('Content-Type: message/rfc822\n\n')[1]
        self.assertIn('From: alice@example.com\nTo: nosuchuser\nCc: root\nSubject: t\n\nbody\n', copy)
        self.assertNotIn('Bcc', copy)
        # a header's address is not logged as refused, nor the rest as queued
        log = self.logged()
        self.assertEqual(log[0], (22, '%s: to=nosuchuser, delay=00:00:00, mailer=local, pri=0, dsn=5.1.1, '
                                      'reply=550 5.1.1 User unknown, stat=User unknown' % orig))
        self.assertTrue(log[1][1].startswith('%s: from=root, size=74, class=0, nrcpts=3, ' % orig), log)
        self.assertEqual(log[2], (22, '%s: %s: DSN: User unknown' % (orig, notice)))


class FileRefusalTest(unittest.TestCase):
    """A file named by the sender (sendmail 8.17, print mode, a remote
    sender): refused like a program, but counted in the priority and the
    notice names what *file* got; a header's refusal sets no exit status."""

    def setUp(self):
        self.e = SubmitEnv(self)
        self.e.catch_syslog()

    def entries(self):
        qfs = {n[2:]: read(os.path.join(self.e.queue, n)) for n in self.e.files('qf')}
        notice = [i for i, q in qfs.items() if lines(q, 'S') == ['MAILER-DAEMON']][0]
        orig = [i for i in qfs if i != notice][0]
        return orig, qfs[orig], self.e.df(notice).decode()

    def check_notice(self, body):
        self.assertIn('   ----- The following addresses had permanent fatal errors -----\n/tmp/x\n\n'
                      '   ----- Transcript of session follows -----\n'
                      '550 5.7.1 /tmp/x... Cannot mail directly to files\n', body)
        self.assertIn('\nFinal-Recipient: rfc822; /tmp/x@mx.example.com\nX-Actual-Recipient: X-Unix; /tmp/x\n'
                      'Action: failed\nStatus: 5.7.1\nLast-Attempt-Date: ', body)

    def test_file_on_the_command_line_is_a_usage_error(self):
        r = self.e.submit(['-oi', '-f', 'a@remote.example.org', '/tmp/x', 'bin'], MSG)
        self.assertEqual((r.returncode, r.stdout), (64, b'/tmp/x... Cannot mail directly to files\n'))
        orig, qf, body = self.entries()
        self.assertEqual((lines(qf, 'R'), lines(qf, 'M'), lines(qf, 'P'), lines(qf, 'F')),
                         (['PFD:bin'], ['/tmp/x... Cannot mail directly to files'], ['60017'], ['s']))
        self.check_notice(body)
        log = [(pri, t.split(': ', 1)[1]) for pri, t in self.e.syslog_lines()]
        self.assertEqual(log[0], (21, '%s: /tmp/x... Cannot mail directly to files' % orig))
        self.assertTrue(log[1][1].startswith('%s: from=a@remote.example.org, size=17, class=0, nrcpts=2, ' % orig),
                        log)
        self.assertTrue(log[2][1].startswith('%s: to=bin, delay=' % orig), log)
        self.assertTrue(log[3][1].endswith(': DSN: /tmp/x... Cannot mail directly to files'), log)

    def test_file_in_the_header_sets_no_exit_status(self):
        r = self.e.submit(['-t', '-oi', '-f', 'a@remote.example.org'], b'To: /tmp/x, bin\nSubject: x\n\nbody\n')
        self.assertEqual((r.returncode, r.stdout), (0, b'/tmp/x... Cannot mail directly to files\n'))
        orig, qf, body = self.entries()
        self.assertEqual((lines(qf, 'R'), lines(qf, 'M'), lines(qf, 'P'), lines(qf, 'F')),
                         (['PFD:bin'], ['/tmp/x... Cannot mail directly to files'], ['60033'], ['b']))
        self.check_notice(body)
        log = [t.split(': ', 1)[1] for _, t in self.e.syslog_lines()]
        self.assertTrue(log[0].startswith('%s: from=a@remote.example.org, size=33, class=0, nrcpts=2, ' % orig), log)
        self.assertTrue(log[1].endswith(': DSN: /tmp/x... Cannot mail directly to files'), log)

    def test_program_in_the_header_sets_no_exit_status(self):
        r = self.e.submit(['-t', '-oi', '-f', 'a@remote.example.org'],
                          b'To: "|/bin/true", bin\nSubject: x\n\nbody\n')
        self.assertEqual((r.returncode, r.stdout), (0, b'"|/bin/true"... Cannot mail directly to programs\n'))
        orig, qf, body = self.entries()
        self.assertEqual((lines(qf, 'M'), lines(qf, 'P')),
                         (['"|/bin/true"... Cannot mail directly to programs'], ['30039']))
        self.assertIn('\nFinal-Recipient: rfc822; "|/bin/true"@mx.example.com\n', body)


class FoldedAddressTest(unittest.TestCase):
    def test_line_break_of_a_folded_field_reads_as_a_blank(self):
        # sendmail 8.17: the fold's line break becomes a blank before the
        # continuation's own, in R lines and to= alike; only msgid= ever
        # shows a "\n", the line break never reaches another field.
        e = SubmitEnv(self)
        e.catch_syslog()
        e.submit(['-oi', '-t', '-f', 'alice'], b'Subject: t\nTo: "Ro\n ot" <root>,\n (com\n ment) bin, '
                 b'b@x.example.org (multi\n line)\nMessage-Id: <a\n b@c>\n\nbody\n')
        qf, qid = e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PFD:(com  ment) bin', 'PFD:"Ro  ot" <root>',
                                          'PFD:b@x.example.org (multi  line)'])
        log = [t.split(': ', 1)[1] for _, t in e.syslog_lines()]
        self.assertTrue(log[0].startswith('%s: from=alice, size=107, class=0, nrcpts=3, msgid=<a\\n b@c>, ' % qid),
                        log)
        queued = ', delay=00:00:00, mailer=%s, pri=90107, stat=queued'
        self.assertEqual([re.sub(r', delay=00:00:0[01],', ', delay=00:00:00,', l) for l in log[1:]], [
            qid + ': to=(com  ment) bin' + queued % 'local', qid + ': to="Ro  ot" <root>' + queued % 'local',
            qid + ': to=b@x.example.org (multi  line)' + queued % 'esmtp'])


class RefusedAddressSplitTest(unittest.TestCase):
    """esmtp's mail in the queue group slow, prog's in fast."""

    def setUp(self):
        self.e = SubmitEnv(self)
        self.slow, self.fast = use_slow_and_fast_groups(self.e, prog_fast=True)
        self.e.catch_syslog()

    def logged(self):
        self.assertTrue(self.e.settle())
        return [re.sub(r', delay=00:00:0[01],', ', delay=00:00:00,', t.split(': ', 1)[1])
                for _, t in self.e.syslog_lines()]

    def test_queue_only_queues_the_other_groups_entry_after_the_notice(self):
        r = self.e.submit(['-oem', '-oi', 'a@remote.example.net', 'root', '|/bin/true'], MSG)
        self.assertEqual(r.returncode, 64)
        (slow,) = [n[2:] for n in os.listdir(self.slow) if n.startswith('qf')]
        main, notice = sorted(n[2:] for n in self.e.files('qf'))
        self.assertLess(notice, slow)  # numbered after the notice
        self.assertEqual(lines(read(os.path.join(self.slow, 'qf' + slow)), 'R'), ['PFD:a@remote.example.net'])
        self.assertEqual(lines(read(os.path.join(self.slow, 'qf' + slow)), 'M'), [])
        self.assertEqual(lines(read(os.path.join(self.e.queue, 'qf' + main)), 'R'), ['PFD:root'])
        log = self.logged()
        self.assertEqual(log[0], '%s: |/bin/true... Cannot mail directly to programs' % main)
        self.assertTrue(log[1].startswith('%s: from=root, size=17, class=0, nrcpts=2, ' % main), log)
        self.assertEqual(log[2:5], [
            '%s: to=root, delay=00:00:00, mailer=local, pri=60017, stat=queued' % main,
            '%s: to=a@remote.example.net, delay=00:00:00, mailer=esmtp, pri=60017, stat=queued' % main,
            '%s: %s: DSN: |/bin/true... Cannot mail directly to programs' % (main, notice)])
        self.assertEqual(log[-1], '%s: split: count=1, id=%s' % (main, slow))

    def test_attempt_leaves_the_other_entries_unlogged(self):
        r = self.e.submit(['-odi', '-oem', '-oi', 'a@remote.example.net', 'root', '|/bin/true',
                           'b@other.example.org'], MSG)
        self.assertEqual(r.returncode, 64)
        (slow,) = [n[2:] for n in os.listdir(self.slow) if n.startswith('qf')]
        main, notice = sorted(n[2:] for n in self.e.files('qf'))
        self.assertLess(slow, notice)
        log = self.logged()
        self.assertEqual(log[2], '%s: split: count=1, id=%s' % (main, slow))
        self.assertTrue(log[3].startswith('%s: to=root, ctladdr=root (0/0), delay=' % main), log)
        self.assertEqual(log[4], '%s: %s: DSN: |/bin/true... Cannot mail directly to programs' % (main, notice))
        self.assertFalse([l for l in log if l.startswith(slow)], log)


if __name__ == '__main__':
    unittest.main()
