"""Tests for cf/sh/mclint: one test per classic .mc mistake."""
import os
import subprocess
import sys
import tempfile
import unittest

TOP = os.environ.get('top_srcdir') or os.path.abspath(
    os.path.join(os.path.dirname(__file__), '..', '..', '..'))
MCLINT = os.path.join(TOP, 'cf', 'sh', 'mclint')
HEAD = "include(`/usr/share/sendmail-cf/m4/cf.m4')dnl\nOSTYPE(`linux')dnl\n"


class MclintTest(unittest.TestCase):
    def lint(self, body):
        with tempfile.NamedTemporaryFile('w', suffix='.mc', delete=False) as f:
            f.write(HEAD + body)
        self.addCleanup(os.unlink, f.name)
        r = subprocess.run([sys.executable, MCLINT, f.name], capture_output=True, text=True)
        return r.returncode, r.stdout

    def test_clean_file(self):
        rc, out = self.lint("FEATURE(`use_cw_file')dnl\nMAILER(`local')dnl\nMAILER(`smtp')dnl\n")
        self.assertEqual((rc, out), (0, ''))

    def test_misspelled_feature(self):
        rc, out = self.lint("FEATURE(`use_cw_fiel')dnl\n")
        self.assertEqual(rc, 1)
        self.assertIn(':3: unknown FEATURE(use_cw_fiel)', out)

    def test_misspelled_conf(self):
        rc, out = self.lint("define(`confPRIVACY_FLAG', `goaway')dnl\n")
        self.assertIn(':3: unknown option macro confPRIVACY_FLAG', out)

    def test_unbalanced_quotes(self):
        rc, out = self.lint("define(`confMAX_HOP', `30)dnl\n")
        self.assertIn(':3: unbalanced quotes', out)

    def test_feature_after_mailer(self):
        rc, out = self.lint("MAILER(`smtp')dnl\nFEATURE(`local_procmail')dnl\n")
        self.assertIn(':4: FEATURE(local_procmail) must come before MAILER()', out)

    def test_smart_host_without_brackets(self):
        rc, out = self.lint("define(`SMART_HOST', `relay.example.net')dnl\n")
        self.assertIn(':3: SMART_HOST relay.example.net without [brackets]', out)

    def test_smart_host_with_brackets(self):
        rc, out = self.lint("define(`SMART_HOST', `[relay.example.net]')dnl\n")
        self.assertEqual(out, '')


if __name__ == '__main__':
    unittest.main()
