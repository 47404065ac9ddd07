"""8-bit header bytes as sendmail 8.17 keeps them: in the queue file each
byte 0x80-0x9f and 0xff of a message's header sits behind a quoting 0xff,
msgid= logs that stored form (escaped \\ooo), queue runs keep it, and what
goes out again (a returned message) has the plain bytes."""
import os
import re
import time
import unittest

from submitkit import SubmitEnv, lines

HIGH = bytes(range(0x80, 0x100))
MSG = (b'From: alice@remote.example.net\nTo: bob@example.org\nMessage-Id: <a\xff\x80b@x>\nX-All: ' + HIGH +
       b'\n\nbody\n')


def quoted(data):
    return b''.join((b'\xff' if c <= 0x9f or c == 0xff else b'') + bytes([c]) for c in data)


class EightBitHeaderTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def qf_bytes(self, qid):
        with open(os.path.join(self.e.queue, 'qf' + qid), 'rb') as f:
            return f.read()

    def test_queue_file_quotes_meta_bytes_and_msgid_logs_them(self):
        self.e.catch_syslog()
        self.e.submit(['-t', '-oi'], MSG)
        _, qid = self.e.only_qf()
        qf = self.qf_bytes(qid)
        self.assertIn(b'\nH??Message-Id: <a\xff\xff\xff\x80b@x>\n', qf)
        self.assertIn(b'\nH??X-All: ' + quoted(HIGH) + b'\n', qf)
        self.assertIn(b'\nH?P?Return-Path: <\x81g>\n', qf)  # a macro, not a byte to quote
        logged = [t for _, t in self.e.syslog_lines() if 'msgid=' in t]
        self.assertEqual(len(logged), 1)
        self.assertIn(', msgid=<a\\377\\377\\377\\200b@x>, ', logged[0])

    def test_queue_run_keeps_the_stored_form_and_returns_plain_bytes(self):
        self.e.submit(['-t', '-oi'], MSG)
        _, qid = self.e.only_qf()
        self.e.run_queue(['-q'])
        qf = self.qf_bytes(qid)
        self.assertEqual(lines(qf.decode('latin-1'), 'N'), ['1'])
        self.assertIn(b'\nH??Message-Id: <a\xff\xff\xff\x80b@x>\n', qf)
        self.assertIn(b'\nH??X-All: ' + quoted(HIGH) + b'\n', qf)
        self.assertIn(b'\nH?P?Return-Path: <\x81g>\n', qf)
        text = re.sub(rb'(?m)^T\d+$', b'T%d' % (time.time() - 6 * 86400), qf)
        with open(os.path.join(self.e.queue, 'qf' + qid), 'wb') as f:
            f.write(text)
        self.e.run_queue(['-q'])
        (nid,) = [n[2:] for n in self.e.files('qf')]
        notice = self.e.df(nid)
        self.assertIn(b'\nMessage-Id: <a\xff\x80b@x>\nX-All: ' + HIGH + b'\n\nbody\n', notice)
        self.assertIn(b'Content-Type: message/rfc822\n\nReturn-Path: <root>\n', notice)  # the macro, expanded


if __name__ == '__main__':
    unittest.main()
