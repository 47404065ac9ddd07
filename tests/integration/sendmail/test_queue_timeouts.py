"""Delay warnings and returns as sendmail 8.17 words and orders them: the
entry is tried first, then a warning ("sender notify: Warning: could not send
message for past 1 hour, 30 minutes") or its return ("DSN: Cannot send
message for 5 days") is logged, and -v prints it after the attempt's lines;
only Timeout.queuereturn=now returns without an attempt ("too long")."""
import os
import re
import time
import unittest

from submitkit import SubmitEnv, lines

MSG = b'From: alice@example.com\nTo: bob@example.org\nSubject: s\n\nbody\n'
DEFERRED = 'Deferred: no delivery agent in this version'


class QueueTimeoutTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.e.catch_syslog()
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], MSG)
        _, self.qid = self.e.only_qf()

    def age(self, seconds):
        p = os.path.join(self.e.queue, 'qf' + self.qid)
        with open(p, 'rb') as f:
            text = f.read().decode('latin-1')
        with open(p, 'wb') as f:
            f.write(re.sub(r'(?m)^T\d+$', 'T%d' % (time.time() - seconds), text).encode('latin-1'))

    def run_verbose(self, *opts):
        r = self.e.mode(['-q', '-v'] + list(opts))
        self.assertEqual(r.returncode, 0)
        log = [t.split(': ', 1)[1] for _, t in self.e.syslog_lines()][2:]  # after the submission's
        return r.stdout.decode(), log

    def notice_id(self):
        (nid,) = [n[2:] for n in self.e.files('qf') if n[2:] != self.qid]
        return nid

    def test_warning_comes_after_the_attempt_worded_in_every_unit(self):
        self.age(2 * 3600)
        out, log = self.run_verbose('-OTimeout.queuewarn=90m')
        self.assertEqual(out, '\nRunning %s/%s (sequence 1 of 1)\nbob@example.org... %s\n'
                         'Warning: could not send message for past 1 hour, 30 minutes\n'
                         % (self.e.queue, self.qid, DEFERRED))
        nid = self.notice_id()
        self.assertTrue(log[0].startswith('%s: to=bob@example.org, ctladdr=root (0/0), delay=02:00:0' % self.qid), log)
        self.assertEqual(log[1], '%s: %s: sender notify: Warning: could not send message for past 1 hour, 30 minutes'
                         % (self.qid, nid))
        with open(os.path.join(self.e.queue, 'qf' + self.qid), encoding='latin-1') as f:
            self.assertEqual(lines(f.read(), 'M'), ['Warning: could not send message for past 1 hour, 30 minutes'])

    def test_return_comes_after_a_last_attempt(self):
        self.age(8 * 86400)
        out, log = self.run_verbose('-OTimeout.queuereturn=1w')
        self.assertEqual(out, '\nRunning %s/%s (sequence 1 of 1)\nbob@example.org... %s\nCannot send message for 1 week\n'
                         % (self.e.queue, self.qid, DEFERRED))
        nid = self.notice_id()
        self.assertNotIn('qf' + self.qid, self.e.files('qf'))
        self.assertTrue(log[0].startswith('%s: to=bob@example.org, ctladdr=root (0/0), delay=8+00:00:0' % self.qid),
                        log)
        self.assertEqual(log[1], '%s: %s: DSN: Cannot send message for 1 week' % (self.qid, nid))
        self.assertEqual(len(log), 2)  # no other line on the return
        self.assertIn('Message could not be delivered for 1 week\nMessage will be deleted from queue\n',
                      self.e.df(nid).decode())

    def test_return_now_makes_no_attempt_and_says_too_long(self):
        out, log = self.run_verbose('-OTimeout.queuereturn=now')
        self.assertEqual(out, '\nRunning %s/%s (sequence 1 of 1)\nbob@example.org... Cannot send message for too long\n'
                         % (self.e.queue, self.qid))
        nid = self.notice_id()
        self.assertEqual(log, ['%s: %s: DSN: Cannot send message for too long' % (self.qid, nid)])
        self.assertIn('Message could not be delivered for too long\n', self.e.df(nid).decode())


if __name__ == '__main__':
    unittest.main()
