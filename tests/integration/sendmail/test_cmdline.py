"""The sendmail binary's command line: usage errors get EX_USAGE and
sendmail's message; modes that are not built yet say so plainly."""
import unittest

from harness import Sandbox

EX_USAGE = 64


class CommandLineTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.sendmail = self.sb.program('sendmail/sendmail')

    def test_invalid_mode_is_usage_error(self):
        r = self.sb.run([self.sendmail, '-bz'])
        self.assertEqual(r.returncode, EX_USAGE)
        self.assertEqual(r.stderr.decode(), 'sendmail: Invalid operation mode z\n')

    def test_missing_argument_is_usage_error(self):
        r = self.sb.run([self.sendmail, '-C'])
        self.assertEqual(r.returncode, EX_USAGE)
        self.assertIn('option requires an argument -- C', r.stderr.decode())


if __name__ == '__main__':
    unittest.main()
