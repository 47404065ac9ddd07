"""QueueSortOrder as sendmail 8.17 applies it to mailq and queue runs:
priority (ties in the directory's order), host (the first recipient's
domain read backwards), modification (the qf's mtime), filename, and none
(the directory's order)."""
import os
import re
import unittest

from submitkit import SubmitEnv

# recipient, body: four entries of distinct priorities (sizes)
MESSAGES = [('zed@zeta.example.org', b'x' * 300), ('amy@alpha.example.net', b'y' * 10),
            ('bob@mid.example.com.org', b'z' * 1000), ('cat@alpha.example.net', b'w' * 50)]


class SortOrderTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def submit_all(self, messages):
        ids = []
        for i, (rcpt, body) in enumerate(messages):
            self.e.submit(['-oi', '-f', 'alice@example.com', rcpt], b'Subject: m%d\n\n' % i + body + b'\n')
            ids += [n[2:] for n in self.e.files('qf') if n[2:] not in ids]
        return ids

    def listed(self, order, ids):
        out = self.e.mode(['-bp', '-OQueueSortOrder=' + order]).stdout.decode()
        return [ids.index(m) for m in re.findall(r'(?m)^(\w{14}) ', out)]

    def test_orders(self):
        ids = self.submit_all(MESSAGES)
        # mtimes the other way round from the submission order
        for k, qid in enumerate(ids):
            os.utime(os.path.join(self.e.queue, 'qf' + qid), (1000000 - k * 10, 1000000 - k * 10))
        self.assertEqual(self.listed('priority', ids), [1, 3, 0, 2])
        self.assertEqual(self.listed('host', ids), [0, 2, 1, 3])
        self.assertEqual(self.listed('modification', ids), [3, 2, 1, 0])
        self.assertEqual(self.listed('filename', ids), [ids.index(i) for i in sorted(ids)])
        in_dir = [n[2:] for n in os.listdir(self.e.queue) if n.startswith('qf')]
        self.assertEqual(self.listed('none', ids), [ids.index(i) for i in in_dir])

    def test_equal_priorities_keep_directory_order(self):
        ids = self.submit_all([('u%d@example.org' % i, b'same') for i in range(6)])
        in_dir = [n[2:] for n in os.listdir(self.e.queue) if n.startswith('qf')]
        self.assertEqual(self.listed('priority', ids), [ids.index(i) for i in in_dir])


if __name__ == '__main__':
    unittest.main()
