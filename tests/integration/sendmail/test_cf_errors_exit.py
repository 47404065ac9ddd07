"""A cf with errors: sendmail 8.17 prints each error (file: line N) and then
stops with EX_SOFTWARE (70) in the queue, verify, aliases and submission
modes; a submission queues nothing, a queue run runs nothing, newaliases
builds nothing, and each error is logged as a SYSERR at LOG_CRIT."""
import os
import pwd
import unittest

from submitkit import SubmitEnv, lines

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

    def test_nothing_is_run_or_rebuilt_and_the_error_is_logged(self):
        with open(self.e.cf) as f:
            good = f.read().replace(BAD_CF, '')
        bad = self.e.cf
        self.e.cf = self.e.sb.write('good.cf', good)
        self.e.submit(['root'], b'Subject: x\n\nhi\n')
        self.e.cf = bad
        self.e.catch_syslog()
        for args in (['-q'], ['-q', '-v'], ['-q1h'], ['-bi']):
            self.assert_stopped(self.e.mode(args))
        self.assertTrue(self.e.settle())
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['0'])
        self.assertFalse(os.path.exists(self.e.sb.path('aliases.db')))
        line = 'sendmail[PID]: NOQUEUE: SYSERR(%s): %s: line %d: readcf: unknown option name BogusOptionXyz' % (
            pwd.getpwuid(os.getuid()).pw_name, bad, good.count('\n') + 1)
        self.assertEqual(self.e.syslog_lines(), [(18, line)] * 4)  # LOG_MAIL|LOG_CRIT

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
