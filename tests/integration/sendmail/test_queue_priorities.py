"""The P line of sendmail 8.17's queue files: a message's size, less its
Precedence class times ClassFactor, plus RecipientFactor a recipient; a
notice counts one recipient and, when it returns the body, the message's
size and 1024 for its own text (nothing with RET=HDRS or for bulk mail);
bulk mail gets the 'n' flag and logs its class."""
import os
import re
import time
import unittest

from submitkit import SubmitEnv, lines

BODY = b'Subject: hi\n\nbody\n'  # 18 bytes, as size= counts them


class PriorityTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def notice_priority(self, args, message):
        self.e.submit(['-oi', '-f', 'alice@remote.example.net'] + args + ['nosuchuser'], message)
        (notice,) = self.e.qfs().values()
        self.assertEqual(lines(notice, 'S'), ['MAILER-DAEMON'])
        return lines(notice, 'P')

    def test_notice_of_unknown_user_counts_message_size_and_1024(self):
        self.assertEqual(self.notice_priority([], BODY), ['31042'])

    def test_notice_of_a_larger_message(self):
        self.assertEqual(self.notice_priority([], b'Subject: hi\n\n' + b'x' * 5000 + b'\n'), ['36038'])

    def test_notice_returning_headers_only_counts_no_size(self):
        self.assertEqual(self.notice_priority(['-R', 'hdrs'], BODY), ['30000'])

    def test_bulk_mail_notice_counts_no_size(self):
        self.assertEqual(self.notice_priority([], b'Subject: hi\nPrecedence: bulk\n\nbody\n'), ['30000'])

    def test_bulk_mail_has_n_flag_and_logs_its_class(self):
        self.e.catch_syslog()
        self.e.submit(['-oi', '-f', 'alice@example.com', 'bob@example.org'], b'Subject: hi\nPrecedence: junk\n\nbody\n')
        qf, _ = self.e.only_qf()
        self.assertEqual((lines(qf, 'F'), lines(qf, 'P')), (['ns'], ['210035']))
        (frm,) = [t for _, t in self.e.syslog_lines() if 'from=' in t]
        self.assertIn(', size=35, class=-100, nrcpts=1, ', frm)

    def test_returned_message_counts_queued_size(self):
        # a queue run reckons the size from the entry: df bytes plus each H
        # line less its "H??" (the flags counted)
        self.e.submit(['-oi', '-f', 'alice@remote.example.net', 'bob@example.org'], BODY)
        qf, qid = self.e.only_qf()
        size = len(self.e.df(qid)) + sum(len(h) - 2 for h in lines(qf, 'H'))
        p = os.path.join(self.e.queue, 'qf' + qid)
        with open(p, 'w', encoding='latin-1') as f:
            f.write(re.sub(r'(?m)^T\d+$', 'T%d' % (time.time() - 6 * 86400), qf))
        self.e.run_queue(['-q'])
        (notice,) = self.e.qfs().values()
        self.assertEqual(lines(notice, 'P'), [str(31024 + size)])


if __name__ == '__main__':
    unittest.main()
