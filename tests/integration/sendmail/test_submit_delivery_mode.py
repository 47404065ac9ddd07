"""DeliveryMode at submission: interactive (-odi) and background (-odb, in a
child once the parent has returned) make one delivery attempt through the
same door as a queue run, so the qf counts
it (N1, K the time of the attempt, M its status) while the priority stays
as queued; queue-only (-odq) and deferred (-odd) make none."""
import os
import time
import unittest

from submitkit import SubmitEnv, lines

MSG = b'From: root\nTo: bob@remote.example.net\nSubject: odi\n\nhello\n'


class DeliveryModeTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def submit(self, mode):
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', mode, '-t']
        return self.e.sb.run(self.e.wrap(argv), input=MSG, env=self.e.env)

    def test_interactive_mode_counts_one_deferred_attempt(self):
        before = int(time.time())
        r = self.submit('-odi')
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b'', b''))
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['1'])
        self.assertGreaterEqual(int(lines(qf, 'K')[0]), before)
        self.assertEqual(lines(qf, 'M'), ['Deferred: no delivery agent in this version'])
        self.assertEqual(lines(qf, 'P'), ['30058'])  # no RetryFactor at submission
        self.assertEqual(lines(qf, 'R'), ['PFD:bob@remote.example.net'])

    def test_background_mode_attempts_too(self):
        self.assertEqual(self.submit('-odb').returncode, 0)
        self.assertTrue(self.e.settle())  # a child makes the attempt once the parent has returned
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['1'])

    def test_queue_only_and_deferred_modes_make_no_attempt(self):
        for mode in ('-odq', '-odd'):
            self.assertEqual(self.submit(mode).returncode, 0)
        for name in self.e.files('qf'):
            with open(os.path.join(self.e.queue, name), encoding='latin-1') as f:
                qf = f.read()
            self.assertEqual((lines(qf, 'N'), lines(qf, 'K'), lines(qf, 'M')), (['0'], ['0'], []))

    def test_a_queue_run_after_an_interactive_attempt_counts_the_second(self):
        self.submit('-odi')
        r = self.e.run_queue(['-q'])
        self.assertEqual(r.returncode, 0)
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['2'])

    def test_a_failed_header_address_stops_the_interactive_attempt(self):
        # sendmail 8.17: the unknown user is returned (the notice is tried
        # at once), but the message itself waits, unattempted, for a queue run.
        self.e.catch_syslog()
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', '-odi', '-t', '-oi', '-f', 'a@remote.example.org']
        r = self.e.sb.run(self.e.wrap(argv), input=b'To: nosuchuser, bin\nSubject: x\n\nbody\n', env=self.e.env)
        self.assertEqual((r.returncode, r.stdout), (67, b'nosuchuser... User unknown\n'))
        self.assertIsNone(self.e.dead_letter())
        qfs = {}
        for n in self.e.files('qf'):
            with open(os.path.join(self.e.queue, n), encoding='latin-1') as f:
                qfs[n[2:]] = f.read()
        orig = [i for i, q in qfs.items() if lines(q, 'S') == ['a@remote.example.org']][0]
        qf = qfs[orig]
        self.assertEqual((lines(qf, 'R'), lines(qf, 'N'), lines(qf, 'K'), lines(qf, 'M'), lines(qf, 'P')),
                         (['PFD:bin'], ['0'], ['0'], ['User unknown'], ['60037']))
        self.assertFalse([t for _, t in self.e.syslog_lines() if ': to=bin,' in t])

    def test_the_qf_keeps_queue_file_mode_after_the_attempt(self):
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', '-O', 'QueueFileMode=0640', '-odi', '-t']
        self.assertEqual(self.e.sb.run(self.e.wrap(argv), input=MSG, env=self.e.env).returncode, 0)
        name = self.e.files('qf')[0]
        self.assertEqual(os.stat(os.path.join(self.e.queue, name)).st_mode & 0o777, 0o640)


if __name__ == '__main__':
    unittest.main()
