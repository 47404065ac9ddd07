"""A cf with errors: sendmail 8.17 prints each error (file: line N) and then
stops with EX_SOFTWARE (70) in the queue, verify, aliases and submission
modes; a submission queues nothing."""
import os
import unittest

from submitkit import SubmitEnv

BAD_CF = 'O BogusOptionXyz=1\n'


class CfErrorsExitTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self, extra_cf=BAD_CF)

    def assert_stopped(self, r):
        self.assertEqual(r.returncode, 70, r)
        said = (r.stdout + r.stderr).decode()
        self.assertRegex(said, r'sendmail\.cf: line \d+: readcf: unknown option name BogusOptionXyz')

    def test_print_queue_stops_with_70(self):
        r = self.e.mode(['-bp'])
        self.assert_stopped(r)
        self.assertNotIn(b'Total requests', r.stdout)

    def test_verify_stops_with_70(self):
        r = self.e.mode(['-bv', 'root'])
        self.assert_stopped(r)
        self.assertNotIn(b'deliverable', r.stdout)

    def test_queue_run_and_newaliases_stop_with_70(self):
        self.assert_stopped(self.e.mode(['-q']))
        self.assert_stopped(self.e.mode(['-bi']))

    def test_submission_stops_with_70_and_queues_nothing(self):
        r = self.e.submit(['root'], b'Subject: x\n\nhi\n')
        self.assert_stopped(r)
        self.assertEqual(self.e.files('qf') + self.e.files('df'), [])



class ClassFileErrorExitTest(unittest.TestCase):
    """A class file refused for its directory is an OS error: sendmail 8.17
    says why and stops with 71 (EX_OSERR) in -bv, -bp and submission."""

    def setUp(self):
        self.e = SubmitEnv(self)
        open_dir = self.e.sb.path('open')
        os.mkdir(open_dir)
        os.chmod(open_dir, 0o777)
        self.words = self.e.sb.write('open/words', 'alpha\n')
        with open(self.e.cf) as f:
            cf = f.read()
        self.e.sb.write('sendmail.cf', cf + 'FZ%s\n' % self.words)

    def assert_stopped(self, r):
        self.assertEqual(r.returncode, 71, r)
        self.assertIn("fileclass: cannot open '%s': World writable directory" % self.words,
                      (r.stdout + r.stderr).decode())

    def test_verify_print_queue_and_submission_stop_with_71(self):
        self.assert_stopped(self.e.mode(['-bv', 'root']))
        self.assert_stopped(self.e.mode(['-bp']))
        self.assert_stopped(self.e.submit(['root'], b'Subject: x\n\nhi\n'))
        self.assertEqual(self.e.files('qf') + self.e.files('df'), [])


if __name__ == '__main__':
    unittest.main()
