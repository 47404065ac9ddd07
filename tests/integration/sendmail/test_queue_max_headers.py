"""MaxHeadersLength overflow as sendmail 8.17 handles it: the submission
exits 0 saying "Headers too large (N max)", the message itself is not
queued, and the sender gets a failure notice (552 5.6.0) with the headers
that fitted; nothing goes to dead.letter. A limit under 16384 is warned of."""
import os
import unittest

from submitkit import SubmitEnv, lines

WARNING = b'Warning: MaxHeadersLength: headers length limit set lower than 16384\n'


def boundary(df):
    return df.split(b'\n')[2][2:]


class MaxHeadersTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def test_overflow_queues_a_notice_to_the_sender(self):
        msg = (b'From: alice@example.net\nTo: x@example.org\nSubject: big\n' +
               b''.join(b'X-H%d: %s\n' % (i, b'v' * 50) for i in range(40)) + b'\nthe body\n')
        r = self.e.submit(['-t', '-oi', '-f', 'alice@example.net', '-O', 'MaxHeadersLength=1000'], msg)
        self.assertEqual((r.returncode, r.stdout), (0, WARNING + b'Headers too large (1000 max)\n'))
        qf, qid = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PF:alice@example.net'])
        self.assertEqual(lines(qf, 'S'), ['MAILER-DAEMON'])
        df = self.e.df(qid)
        self.assertIn(b'552 5.6.0 Headers too large (1000 max)\n', df)
        self.assertRegex(df, rb'(?i)\nFinal-Recipient: rfc822; x@example.org\n')
        self.assertIn(b'Action: failed\n', df)
        self.assertIn(b'X-H1: ' + b'v' * 50 + b'\n', df)
        self.assertNotIn(b'the body', df)
        # as sendmail: the headers kept go back as a message/rfc822 whose body
        # is empty, and no X-Actual-Recipient line repeats the recipient
        self.assertNotIn(b'X-Actual-Recipient', df)
        self.assertNotIn(b'text/rfc822-headers', df)
        part = df.split(b'Content-Type: message/rfc822\n\n')[1]
        self.assertRegex(part, rb'^Return-Path: <alice@example.net>\n')
        self.assertTrue(part.endswith(b'X-H15: ' + b'v' * 50 + b'\n\n\n--%s--\n\n' % boundary(df)), part[-120:])
        self.assertFalse(os.path.exists(self.e.sb.path('dead.letter')))

    def test_limit_above_16k_gives_no_warning(self):
        r = self.e.submit(['-t', '-oi', '-O', 'MaxHeadersLength=20000'], b'To: x@example.org\n\nb\n')
        self.assertEqual((r.returncode, r.stdout), (0, b''))


if __name__ == '__main__':
    unittest.main()
