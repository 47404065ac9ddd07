"""mailq (-bp) and queue runs (-q): the listing's columns, selection with
-qI/-qR/-qS and !, locking, delay warnings and returns after the queue
timeouts, double bounces to the postmaster and no bounce of a bounce."""
import fcntl
import os
import re
import time
import unittest

from submitkit import SubmitEnv, headers, lines

MSG = b'From: alice@example.com\nTo: bob@example.org\nSubject: s\n\nbody\n'


class QueueTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def age(self, qid, seconds):
        """Makes a queued message look `seconds` old (its T line)."""
        p = os.path.join(self.e.queue, 'qf' + qid)
        with open(p, 'rb') as f:
            text = f.read().decode('latin-1')
        text = re.sub(r'(?m)^T\d+$', 'T%d' % (time.time() - seconds), text)
        with open(p, 'wb') as f:
            f.write(text.encode('latin-1'))

    def test_mailq_empty_queue(self):
        r = self.e.mode(['-bp'])
        self.assertEqual(r.stdout.decode(), self.e.queue + ' is empty\n\t\tTotal requests: 0\n')

    def test_mailq_lists_sender_and_recipients(self):
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], MSG)
        _, qid = self.e.only_qf()
        out = self.e.mode(['-bp']).stdout.decode()
        lines_ = out.split('\n')
        self.assertEqual(lines_[0], '\t\t%s (1 request)' % self.e.queue)
        self.assertEqual(lines_[1], '-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------')
        self.assertRegex(lines_[2], '^' + qid + r'        5 \w{3} \w{3} [ \d]\d \d\d:\d\d alice@example.com$')
        self.assertEqual(lines_[3:], ['\t\t\t\t\t bob@example.org', '\t\tTotal requests: 1', ''])

    def test_selection_by_id_recipient_sender_and_negation(self):
        self.e.submit(['-oi', '-f', 'alice@example.com', 'one@example.org'], b'\nb\n')
        self.e.submit(['-oi', '-f', 'zed@example.com', 'two@example.org'], b'\nb\n')
        def count(args):
            return int(re.search(r'Total requests: (\d+)', self.e.mode(['-bp'] + args).stdout.decode()).group(1))
        self.assertEqual(count(['-qRone']), 1)
        self.assertEqual(count(['-q!Rone']), 1)
        self.assertEqual(count(['-qSZED']), 1)
        self.assertEqual(count(['-qRone', '-qRtwo']), 2)
        self.assertEqual(count(['-qRone', '-qSzed']), 0)
        qid = sorted(self.e.qfs())[0]
        self.assertEqual(count(['-qI' + qid[6:]]), 1)

    def test_queue_run_defers_and_counts_tries(self):
        self.e.submit(['-t', '-oi'], MSG)
        self.assertEqual(self.e.run_queue(['-q']).returncode, 0)
        qf, qid = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['1'])
        self.assertTrue(lines(qf, 'M')[0].startswith('Deferred: '))
        self.assertEqual(self.e.files('tf'), [])
        self.assertEqual(self.e.df(qid), b'body\n')

    def test_min_queue_age_skips_recent_attempts(self):
        self.e.submit(['-t', '-oi'], MSG)
        self.e.run_queue(['-q'])
        self.e.run_queue(['-q', '-O', 'MinQueueAge=1h'])
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['1'])

    def test_locked_entry_is_left_alone(self):
        self.e.submit(['-t', '-oi'], MSG)
        _, qid = self.e.only_qf()
        with open(os.path.join(self.e.queue, 'qf' + qid), 'rb') as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            r = self.e.mode(['-q', '-v'])
            self.assertEqual(r.stdout.decode(), '\nRunning %s/%s (sequence 1 of 1)\n%s: locked\n'
                             % (self.e.queue, qid, qid))
            self.assertIn(qid + '*', self.e.mode(['-bp']).stdout.decode())
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['0'])

    def test_queuewarn_sends_one_warning_to_sender(self):
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], MSG)
        _, qid = self.e.only_qf()
        self.age(qid, 5 * 3600)
        self.e.run_queue(['-q'])
        self.assertEqual(lines(self.e.qfs()[qid], 'M'), ['Warning: could not send message for past 4 hours'])
        self.e.run_queue(['-q'])
        q = self.e.qfs()
        self.assertEqual(len(q), 2)
        self.assertIn('w', lines(q[qid], 'F')[0])
        notice = [t for i, t in q.items() if i != qid][0]
        self.assertEqual(lines(notice, 'S'), ['MAILER-DAEMON'])
        self.assertEqual(lines(notice, 'R'), ['PF:alice@example.com'])
        subj = [v for _, n, v in headers(notice) if n == 'Subject']
        self.assertEqual(subj, [' Warning: could not send message for past 4 hours'])
        nid = [i for i in q if i != qid][0]
        body = self.e.df(nid).decode()
        self.assertIn('    **      THIS IS A WARNING MESSAGE ONLY      **\n', body)
        self.assertIn('Warning: message still undelivered after 4 hours\nWill keep trying until message is 5 days old\n',
                      body)
        self.assertIn('Action: delayed\n', body)
        self.assertIn('Will-Retry-Until: ', body)

    def test_queuereturn_returns_message_to_sender(self):
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], MSG)
        _, qid = self.e.only_qf()
        self.age(qid, 6 * 86400)
        self.e.run_queue(['-q'])
        q = self.e.qfs()
        self.assertNotIn(qid, q)
        self.assertNotIn('df' + qid, self.e.files('df'))
        (nid, notice), = q.items()
        self.assertEqual(lines(notice, 'R'), ['PF:alice@example.com'])
        body = self.e.df(nid).decode()
        self.assertIn('Content-Type: message/delivery-status', body)
        self.assertIn('Final-Recipient: rfc822; bob@example.org\nAction: failed\nStatus: 4.4.7', body)
        self.assertNotIn('X-Actual-Recipient', body)
        self.assertTrue(body.endswith('--\n\n'), body[-80:])
        self.assertIn('Content-Type: message/rfc822\n\n', body)
        self.assertIn('\nbody\n', body)

    def test_failed_bounce_goes_to_postmaster_once_then_stops(self):
        self.e.submit(['-oi', '-f', '<>', 'bob@example.org'], b'\nbounce body\n')
        _, qid = self.e.only_qf()
        self.age(qid, 6 * 86400)
        self.e.run_queue(['-q'])
        (did, double), = self.e.qfs().items()
        self.assertEqual(lines(double, 'R'), ['PF:postmaster'])
        self.age(did, 6 * 86400)
        self.e.run_queue(['-q'])
        self.assertEqual(self.e.qfs(), {})

    def test_orphan_data_files_are_removed(self):
        old = time.time() - 3600
        for name in ('dfORPHAN1000001', 'tfORPHAN1000002'):
            p = self.e.sb.write('queue/' + name, 'x')
            os.utime(p, (old, old))
        self.e.submit(['-t', '-oi'], MSG)
        self.e.run_queue(['-q'])
        self.assertEqual(len(self.e.files('df')), 1)
        self.assertEqual(self.e.files('tf'), [])


if __name__ == '__main__':
    unittest.main()
