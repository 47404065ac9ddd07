"""Each tests/integration/cf/outcomes/NAME.mc, compiled with OUR package, gives
with OUR sendmail the -bt outcomes that sendmail 8.17 gave on the cf its own
package makes of the same .mc (recorded in NAME.cases; outcomes.py explains
the format and re-checks them against the real sendmail).  The case files
are shared out over test_cf_outcomes_*.py so that make -j runs them side by
side: each replays hundreds of sendmail -bt runs."""
import shutil
import unittest

import harness
import outcomes


class CfCaseOutcomes(unittest.TestCase):
    def check(self, name):
        if not outcomes.can_unshare():
            self.fail('these cases need root and util-linux unshare (a private UTS and '
                      'network namespace with host name mx.example.com)')
        sm = harness.require_built(self, 'sendmail/sendmail')
        harness.require_built(self, 'makemap/makemap')
        work = outcomes.run_dir()
        self.addCleanup(shutil.rmtree, work, True)
        cases = outcomes.CaseFile(name)
        setup = outcomes.Setup(cases, work)
        cf, rc, err = setup.compile(outcomes.OUR_CF, 'ours')
        self.assertEqual(rc, 0, f'm4 {name}.mc')
        # the warnings sendmail's package gives, word for word
        self.assertEqual(err.splitlines(), cases.m4, f'm4 {name}.mc')
        self.assertEqual(setup.warnings(sm, cf), '', f'our sendmail reading the cf of {name}.mc')
        for case in cases.cases:
            with self.subTest(case=case['src'], input=' ;; '.join(case['lines'])):
                self.assertEqual(setup.run(sm, cf, case), '\n'.join(case['expect']))


def add_tests(part, parts):
    """The tests of every parts-th case file, starting at the part-th."""
    for name in outcomes.all_names()[part::parts]:
        setattr(CfCaseOutcomes, 'test_' + name, lambda self, n=name: self.check(n))
