"""Ruleset 5 at submission: a local name that is no alias goes through the
local mailer's ruleset 5 (F=5) before any password-file lookup, as with
sendmail's submit.cf, whose ruleset 5 hands every local name to the relay.
What cron does (`sendmail -t` with `To: carol`) must queue, not bounce."""
import unittest

from submitkit import SubmitEnv, lines

# The MSP's rule: every local name goes to the relay as name@$j.
MSP_RULESET_5 = """
S5
R$+ + *		$#local $@ $&h $: $1
R$+		$#esmtp $@ [127.0.0.1] $: $1 < @ $j >
"""

CRON = b'To: carol-no-such-user\nSubject: cron output\n\nhello\n'


class LocalRulesTest(unittest.TestCase):
    def test_unknown_local_name_is_relayed_by_ruleset_5(self):
        e = SubmitEnv(self, MSP_RULESET_5)
        r = e.submit(['-t'], CRON)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b'', b''))
        qf, _ = e.only_qf()
        self.assertEqual(lines(qf, 'C'), [':carol-no-such-user'])
        self.assertEqual(lines(qf, 'r'), ['rfc822; carol-no-such-user@mx.example.com'])
        self.assertEqual(lines(qf, 'R'), ['PFD:carol-no-such-user'])
        self.assertIn('Fbs', qf.split('\n'))

    def test_plus_detail_is_relayed_whole(self):
        e = SubmitEnv(self, MSP_RULESET_5)
        r = e.submit(['carol+cron'], b'Subject: x\n\nhello\n')
        self.assertEqual(r.returncode, 0, r.stdout)
        qf, _ = e.only_qf()
        self.assertEqual(lines(qf, 'C'), [':carol+cron'])
        self.assertEqual(lines(qf, 'r'), ['rfc822; carol+cron@mx.example.com'])
        self.assertEqual(lines(qf, 'R'), ['PFD:carol+cron'])

    def test_aliases_come_before_ruleset_5(self):
        # "team" is an alias: its member is relayed, the alias itself is not.
        e = SubmitEnv(self, MSP_RULESET_5)
        r = e.submit(['team'], b'Subject: x\n\nhello\n')
        self.assertEqual(r.returncode, 0, r.stdout)
        qf, _ = e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PFDA:carol@example.org'])

    def test_without_ruleset_5_an_unknown_local_name_is_refused(self):
        e = SubmitEnv(self)
        r = e.submit(['-t'], CRON)
        self.assertEqual((r.returncode, r.stdout), (67, b'carol-no-such-user... User unknown\n'))

    def test_a_mailer_without_f5_skips_ruleset_5(self):
        e = SubmitEnv(self, MSP_RULESET_5)
        with open(e.cf) as f:
            text = f.read()
        with open(e.cf, 'w') as f:
            f.write(text.replace('F=lsDFMAw5:/|@qPn9', 'F=lsDFMAw:/|@qPn9'))
        r = e.submit(['-t'], CRON)
        self.assertEqual((r.returncode, r.stdout), (67, b'carol-no-such-user... User unknown\n'))


if __name__ == '__main__':
    unittest.main()
