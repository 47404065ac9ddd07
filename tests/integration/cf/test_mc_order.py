"""A .mc whose FEATURE comes after a MAILER (or after FEATURE(nullclient) or
FEATURE(msp), which bring MAILER(local) and MAILER(smtp) along) stops m4 with
an error naming both, where sendmail's package says "FEATURE() should be
before MAILER()"; the same lines in the right order compile."""
import subprocess
import unittest

import harness

HEAD = "include(CFDIR`/m4/cf.m4')dnl\nOSTYPE(`linux')dnl\n"


class FeatureOrder(unittest.TestCase):
    def setUp(self):
        self.sb = harness.Sandbox(self)

    def m4(self, body):
        mc = self.sb.write('test.mc', HEAD + body)
        r = subprocess.run(['m4', '-DCFDIR=' + harness.source('cf'), mc], capture_output=True,
                           text=True, timeout=60, cwd=self.sb.dir)
        return r.returncode, r.stderr, r.stdout

    def assert_stops(self, body, message):
        rc, err, out = self.m4(body)
        self.assertEqual((rc, err), (1, '*** ERROR: ' + message + '\n'))
        self.assertNotIn('V10/Berkeley', out)

    def test_feature_after_mailer_stops(self):
        self.assert_stops("MAILER(`smtp')dnl\nFEATURE(`redirect')dnl\n",
                          "FEATURE(`redirect') must come before MAILER(`smtp')")

    def test_feature_after_nullclient_stops(self):
        self.assert_stops("FEATURE(`nullclient', `hub.example.com')dnl\nFEATURE(`nocanonify')dnl\n",
                          "FEATURE(`nocanonify') must come before FEATURE(`nullclient'), "
                          "which brings MAILER(`local') and MAILER(`smtp')")

    def test_feature_after_msp_stops(self):
        self.assert_stops("FEATURE(`msp', `[127.0.0.1]')dnl\nFEATURE(`use_ct_file')dnl\n",
                          "FEATURE(`use_ct_file') must come before FEATURE(`msp'), "
                          "which brings MAILER(`local') and MAILER(`smtp')")

    def test_early_feature_after_local_mailer_stops(self):
        self.assert_stops("MAILER(`local')dnl\nFEATURE(`smrsh')dnl\n",
                          "FEATURE(`smrsh') must come before MAILER(`local')")

    def test_features_before_mailers_compile(self):
        rc, err, out = self.m4("FEATURE(`nocanonify')dnl\nFEATURE(`nullclient', `hub.example.com')dnl\n")
        self.assertEqual((rc, err), (0, ''))
        self.assertIn('V10/Berkeley', out)
        rc, err, out = self.m4("FEATURE(`redirect')dnl\nMAILER(`local')dnl\nMAILER(`smtp')dnl\n")
        self.assertEqual((rc, err), (0, ''))


if __name__ == '__main__':
    unittest.main()
