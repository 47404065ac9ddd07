"""tests/oracle/lib.sh, which every oracle check uses: a missing oracle or
program fails with one TAP line that says what is missing, and a checker's
"name: N/M" becomes one TAP line that passes only at N == M > 0."""
import os
import subprocess
import unittest

from harness import TOP_SRCDIR, Sandbox

LIB = os.path.join(TOP_SRCDIR, 'tests', 'oracle', 'lib.sh')


class OracleLibTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.sb.write('oracle/README.md', 'stand-in oracle\n')

    def check(self, body, oracle=None):
        env = dict(os.environ, ORACLE_DIR=oracle or self.sb.path('oracle'), ORACLE_NAME='demo-check')
        script = f'. "{LIB}"\n{body}\n'
        return subprocess.run(['bash', '-c', script], capture_output=True, text=True, env=env, timeout=60)

    def test_missing_oracle_fails_with_its_path(self):
        r = self.check('oracle_require', oracle=self.sb.path('nowhere'))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, f"1..1\nnot ok 1 - demo-check: the sendmail oracle is not at {self.sb.path('nowhere')} "
                                   "(configure --with-oracle=DIR)\n")

    def test_missing_program_fails_naming_it(self):
        if os.geteuid() != 0:
            self.fail('oracle checks run as root; so does this test of their helper')
        r = self.check(f"oracle_require {self.sb.path('bin/sendmail')}")
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"not ok 1 - demo-check: {self.sb.path('bin/sendmail')} is not built", r.stdout)

    def test_full_agreement_passes(self):
        self.sb.write('checker', '#!/bin/sh\necho "case 1 ok"\necho "bt-agreement: 12/12"\n', mode=0o755)
        r = self.check(f"oracle_check bt-agreement {self.sb.path('checker')}")
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(r.stdout, '# case 1 ok\n# bt-agreement: 12/12\n1..1\nok 1 - bt-agreement: 12/12\n')

    def test_partial_agreement_fails_with_the_figure(self):
        self.sb.write('checker', '#!/bin/sh\necho "bt-agreement: 11/12"\nexit 1\n', mode=0o755)
        r = self.check(f"oracle_check bt-agreement {self.sb.path('checker')}")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.endswith('1..1\nnot ok 1 - bt-agreement: 11/12 (exit status 1)\n'), r.stdout)

    def test_zero_cases_or_a_lying_exit_status_fail(self):
        for line in ('bt-agreement: 0/0', 'bt-agreement: 11/12'):
            with self.subTest(line=line):
                self.sb.write('checker', f'#!/bin/sh\necho "{line}"\nexit 0\n', mode=0o755)
                r = self.check(f"oracle_check bt-agreement {self.sb.path('checker')}")
                self.assertEqual(r.returncode, 1)
                self.assertIn(f'not ok 1 - {line} (exit status 0)', r.stdout)

    def test_checker_without_result_line_fails(self):
        self.sb.write('checker', '#!/bin/sh\necho "something broke"\n', mode=0o755)
        r = self.check(f"oracle_check bt-agreement {self.sb.path('checker')}")
        self.assertEqual(r.returncode, 1)
        self.assertIn('not ok 1 - bt-agreement: no result line (exit status 0)', r.stdout)


if __name__ == '__main__':
    unittest.main()
