"""What a submission logs and attempts, as sendmail 8.17 was seen to do:
-odb returns once the message is queued and a child of its own makes the
attempt (its to= line carries the child's pid); an envelope split over queue
groups logs "split: count=N, id(s)=..." and only the message itself (the
group of its first recipient) gets the attempt, the other entries are logged
as queued, the last numbered first; log text doubles backslashes and writes
8-bit and control bytes in octal."""
import os
import re
import unittest

from submitkit import SubmitEnv, lines, use_slow_and_fast_groups, poll

MSG = b'Subject: t\n\nhi\n'


class BackgroundDeliveryTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.e.catch_syslog()

    def raw_lines(self):
        """(pid, text after "id: ") of every line received so far."""
        out = []
        while True:
            try:
                d = self.e.log_sock.recv(65536).decode('latin-1')
            except BlockingIOError:
                break
            m = re.match(r'<\d+>\w{3} [ \d]\d \d\d:\d\d:\d\d \S+?\[(\d+)\]: (.*)', d, re.S)
            out.append((int(m.group(1)), m.group(2)))
        return out

    def test_background_attempt_is_made_by_a_child_after_the_parent_returned(self):
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', '-odb', 'bob@remote.example.net']
        r = self.e.sb.run(argv, input=MSG, env=self.e.env)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b'', b''))
        self.assertTrue(self.e.settle())
        qf, qid = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['1'])
        got = []
        self.assertTrue(poll(lambda: got.extend(self.raw_lines()) or len(got) >= 2), got)
        (from_pid, from_text), (to_pid, to_text) = got
        self.assertTrue(from_text.startswith(qid + ': from=root, size=15, class=0, nrcpts=1, '), from_text)
        self.assertTrue(to_text.startswith(qid + ': to=bob@remote.example.net, ctladdr=root (0/0), delay='),
                        to_text)
        self.assertNotEqual(from_pid, to_pid)

    def test_verbose_keeps_the_attempt_in_the_foreground(self):
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', '-odb', '-v', 'bob@remote.example.net']
        self.assertEqual(self.e.sb.run(argv, input=MSG, env=self.e.env).returncode, 0)
        got = self.raw_lines()
        self.assertEqual(len(got), 2, got)
        self.assertEqual(got[0][0], got[1][0])  # one process logged both

    def test_verbose_makes_any_delivery_mode_attempt_and_show_it(self):
        # sendmail 8.17 delivers with -v even in queue-only and deferred modes
        for mode in ('-odq', '-odd'):
            argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', mode, '-v', 'bob@remote.example.net']
            r = self.e.sb.run(argv, input=MSG, env=self.e.env)
            self.assertEqual((r.returncode, r.stdout.decode()),
                             (0, 'bob@remote.example.net... Deferred: no delivery agent in this version\n'))
        for name in self.e.files('qf'):
            with open(os.path.join(self.e.queue, name), encoding='latin-1') as f:
                self.assertEqual(lines(f.read(), 'N'), ['1'])


class SplitEnvelopeTest(unittest.TestCase):
    """Local mail in the default group, esmtp's in slow, prog's in fast."""

    def setUp(self):
        self.e = SubmitEnv(self)
        self.slow, self.fast = use_slow_and_fast_groups(self.e, prog_fast=True)
        self.e.sb.write('aliases', 'filter: "|/bin/true"\n')
        self.e.catch_syslog()

    def submit(self, mode, *rcpts):
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', mode] + list(rcpts)
        r = self.e.sb.run(argv, input=MSG, env=self.e.env)
        self.assertEqual(r.returncode, 0, r)
        self.assertTrue(self.e.settle())

    def only(self, d):
        (name,) = [n for n in os.listdir(d) if n.startswith('qf')]
        with open(os.path.join(d, name), encoding='latin-1') as f:
            return name[2:], f.read()

    def logged(self):
        # a second may pass between queueing and logging
        return [re.sub(r', delay=00:00:0[01],', ', delay=00:00:00,', t.split(': ', 1)[1]) for _, t in self.e.syslog_lines()]

    def test_interactive_attempt_takes_only_the_first_groups_entry(self):
        self.submit('-odi', 'a@remote.example.net', 'root', 'filter')
        main, main_qf = self.only(self.e.queue)
        slow, slow_qf = self.only(self.slow)
        fast, fast_qf = self.only(self.fast)
        self.assertLess(main, slow)
        self.assertLess(slow, fast)  # the other entries numbered in group order
        self.assertEqual((lines(main_qf, 'N'), lines(slow_qf, 'N'), lines(fast_qf, 'N')), (['1'], ['0'], ['0']))
        log = self.logged()
        self.assertTrue(log[0].startswith('%s: from=root, size=15, class=0, nrcpts=3, ' % main), log)
        self.assertEqual(log[1], '%s: split: count=2, ids=%s; %s' % (main, fast, slow))
        self.assertTrue(log[2].startswith('%s: to=root, ctladdr=root (0/0), delay=' % main), log)
        self.assertEqual(log[3:], [
            '%s: to="|/bin/true", delay=00:00:00, mailer=prog, pri=90015, stat=queued' % fast,
            '%s: to=a@remote.example.net, delay=00:00:00, mailer=esmtp, pri=90015, stat=queued' % slow])

    def test_verbose_shows_the_other_entries_as_queued(self):
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', '-odi', '-v',
                'a@remote.example.net', 'root', 'b@remote.example.net']
        r = self.e.sb.run(argv, input=MSG, env=self.e.env)
        self.assertEqual(r.stdout.decode(), 'root... Deferred: no delivery agent in this version\n'
                         'a@remote.example.net... queued\nb@remote.example.net... queued\n')

    def test_queue_only_logs_each_entry_queued_after_the_split(self):
        self.submit('-odq', 'root', 'a@remote.example.net')
        main, _ = self.only(self.e.queue)
        slow, _ = self.only(self.slow)
        self.assertEqual(self.logged()[1:], [
            '%s: split: count=1, id=%s' % (main, slow),
            '%s: to=root, delay=00:00:00, mailer=local, pri=60015, stat=queued' % main,
            '%s: to=a@remote.example.net, delay=00:00:00, mailer=esmtp, pri=60015, stat=queued' % slow])

    def test_the_message_stays_in_its_first_recipients_group(self):
        # root sorts first (no host): its group keeps the message and gets
        # the attempt, though slow comes first in the cf.
        with open(self.e.cf) as f:
            cf = f.read().replace('Mlocal,\tP=/bin/true, F=lsDFMAw5:/|@qPn9,',
                                  'Mlocal,\tP=/bin/true, F=lsDFMAw5:/|@qPn9, Q=fast,')
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        self.submit('-odi', 'a@remote.example.net', 'root', 'b@remote.example.net')
        self.assertEqual([n for n in os.listdir(self.e.queue) if n.startswith('qf')], [])
        main, main_qf = self.only(self.fast)
        slow, slow_qf = self.only(self.slow)
        self.assertLess(main, slow)
        self.assertEqual((lines(main_qf, 'R'), lines(main_qf, 'N')), (['PFD:root'], ['1']))
        self.assertEqual(lines(slow_qf, 'N'), ['0'])
        self.assertEqual(self.logged()[1], '%s: split: count=1, id=%s' % (main, slow))

    def test_recipients_equates_split_further_numbered_and_logged_as_sendmail(self):
        # seen with sendmail 8.17 (-odq): the other groups' first entries are
        # numbered first, then their recipients= entries, then the message's
        # own group's; each entry is logged with its own after the message.
        with open(self.e.cf) as f:
            cf = f.read()
        cf = cf.replace('Qslow, Path=%s\n' % self.slow, 'Qmqueue, Path=%s, recipients=2\nQslow, Path=%s, recipients=2\n'
                        % (self.e.queue, self.slow))
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        self.submit('-odq', 'a@remote.example.net', 'root', 'b@remote.example.net', 'c@remote.example.net',
                    'daemon', 'bin', 'filter')
        entries = {}
        for d in (self.e.queue, self.slow, self.fast):
            for n in os.listdir(d):
                if n.startswith('qf'):
                    with open(os.path.join(d, n), encoding='latin-1') as f:
                        entries[n[2:]] = (d, lines(f.read(), 'R'))
        p, q, r, s, t = sorted(entries)
        self.assertEqual([entries[i] for i in (p, q, r, s, t)], [
            (self.e.queue, ['PFD:root', 'PFD:daemon']), (self.slow, ['PFD:a@remote.example.net',
                                                                     'PFD:b@remote.example.net']),
            (self.fast, ['PFDA:"|/bin/true"']), (self.slow, ['PFD:c@remote.example.net']), (self.e.queue, ['PFD:bin'])])
        log = self.logged()
        self.assertTrue(log[0].startswith('%s: from=root, size=15, class=0, nrcpts=7, ' % p), log)
        queued = ', delay=00:00:00, mailer=%s, pri=210015, stat=queued'
        self.assertEqual(log[1:], [
            '%s: split: maxrcpts=2, rcpts=3, count=1, id=%s' % (q, s),
            '%s: split: count=2, ids=%s; %s' % (p, r, q),
            '%s: split: maxrcpts=2, rcpts=3, count=1, id=%s' % (p, t),
            p + ': to=root' + queued % 'local', p + ': to=daemon' + queued % 'local',
            t + ': to=bin' + queued % 'local',
            r + ': to="|/bin/true"' + queued % 'prog',
            q + ': to=a@remote.example.net' + queued % 'esmtp', q + ': to=b@remote.example.net' + queued % 'esmtp',
            s + ': to=c@remote.example.net' + queued % 'esmtp'])

    def test_one_groups_recipients_split_lists_its_entries_in_order(self):
        with open(self.e.cf) as f:
            cf = f.read().replace('Qslow, Path=%s\n' % self.slow, 'Qslow, Path=%s, recipients=2\n' % self.slow)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        self.submit('-odq', *['%s@remote.example.net' % c for c in 'abcde'])
        ids = sorted(n[2:] for n in os.listdir(self.slow) if n.startswith('qf'))
        self.assertEqual(len(ids), 3)
        queued = '%s: to=%s@remote.example.net, delay=00:00:00, mailer=esmtp, pri=150015, stat=queued'
        self.assertEqual(self.logged()[1:], [
            '%s: split: maxrcpts=2, rcpts=5, count=2, ids=%s; %s' % (ids[0], ids[1], ids[2]),
            queued % (ids[0], 'a'), queued % (ids[0], 'b'), queued % (ids[2], 'e'),
            queued % (ids[1], 'c'), queued % (ids[1], 'd')])

    def test_background_parent_logs_the_other_entries_the_child_attempts(self):
        self.submit('-odb', 'root', 'a@remote.example.net')
        main, main_qf = self.only(self.e.queue)
        slow, slow_qf = self.only(self.slow)
        self.assertEqual((lines(main_qf, 'N'), lines(slow_qf, 'N')), (['1'], ['0']))
        self.assertIn('%s: to=a@remote.example.net, delay=00:00:00, mailer=esmtp, pri=60015, stat=queued' % slow,
                      self.logged())


class LogEscapeTest(unittest.TestCase):
    def test_backslash_and_8bit_bytes_are_escaped_in_the_log(self):
        e = SubmitEnv(self)
        e.catch_syslog()
        r = e.submit(['\\root'], b'Message-Id: <a\tb\\c\xe9d@x>\n\nhi\n')
        self.assertEqual(r.returncode, 0, r)
        _, qid = e.only_qf()
        log = [re.sub(r', delay=00:00:0[01],', ', delay=00:00:00,', t) for _, t in e.syslog_lines()]
        self.assertIn('sendmail[PID]: %s: to=\\\\root, delay=00:00:00, mailer=local, pri=30028, stat=queued' % qid,
                      log)
        self.assertIn(', msgid=<a\\tb\\\\c\\351d@x>, ', log[0])


if __name__ == '__main__':
    unittest.main()
