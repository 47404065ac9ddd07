"""A recipient refused at submission when the sender is an unknown local
user too: the notice cannot reach the sender, so it goes to the postmaster
at once (a postmaster notify through the aliases), as sendmail 8.17 does it
at submission rather than at a later queue run."""
import os
import unittest

from submitkit import PRIVATE_PASSWD, SubmitEnv, lines

MSG = b'Subject: db\n\nhello\n'


class DoubleBounceTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def test_unknown_local_sender_gets_postmaster_notify_at_submission(self):
        r = self.e.submit(['-f', 'nosender-xyz', 'nobody-here-xyz'], MSG)
        self.assertEqual((r.returncode, r.stdout), (67, b'nobody-here-xyz... User unknown\n'))
        qfs = self.e.qfs()
        self.assertEqual(len(qfs), 1, 'only the notice is queued')
        nid, notice = next(iter(qfs.items()))
        self.assertEqual(lines(notice, 'S'), ['MAILER-DAEMON'])
        # postmaster is an alias of root: sendmail's C and R lines for it.
        self.assertEqual(lines(notice, 'C'), [':postmaster'])
        self.assertEqual(lines(notice, 'r'), ['rfc822; postmaster@mx.example.com'])
        self.assertEqual(lines(notice, 'R'), ['PFA:root'])
        self.assertIn('??Subject: Postmaster notify: see transcript for details', notice)
        self.assertIn('??Auto-Submitted: auto-generated (postmaster-notification)', notice)
        self.assertIn('??To: postmaster', notice)
        body = self.e.df(nid).decode()
        self.assertRegex(body, r'from root@localhost\nwith id [0-9A-Za-z]{14}\n\n')
        self.assertIn('   ----- Transcript of session follows -----\n'
                      '550 5.1.1 nobody-here-xyz... User unknown\n'
                      '550 5.1.1 nosender-xyz... User unknown\n', body)
        # The notice was tried at once, whatever the delivery mode.
        self.assertEqual(lines(notice, 'N'), ['1'])

    def test_the_accepted_part_stays_queued_for_its_sender(self):
        self.e.submit(['-f', 'nosender-xyz', 'nobody-here-xyz', 'x@example.org'], MSG)
        qfs = self.e.qfs().values()
        orig = [q for q in qfs if lines(q, 'S') == ['nosender-xyz']]
        notice = [q for q in qfs if lines(q, 'S') == ['MAILER-DAEMON']]
        self.assertEqual(lines(orig[0], 'R'), ['PFD:x@example.org'])
        self.assertEqual(lines(notice[0], 'R'), ['PFA:root'])

    @unittest.skipUnless(PRIVATE_PASSWD, 'needs root and unshare to give root a home in the sandbox')
    def test_a_known_local_sender_keeps_it_in_dead_letter(self):
        # Not a notice: in print mode sendmail saves the message in the
        # sender's dead.letter and queues nothing (test_submit_dead_letter.py).
        r = self.e.submit(['-f', 'root', 'nobody-here-xyz'], MSG)
        path = os.path.join(self.e.root_home, 'dead.letter')
        self.assertEqual((r.returncode, r.stdout.decode()),
                         (67, 'nobody-here-xyz... User unknown\n%s... Saved message in %s\n' % (path, path)))
        self.assertEqual(self.e.qfs(), {})
        self.assertIn(b'Subject: db\n\nhello\n\n', self.e.dead_letter())

if __name__ == '__main__':
    unittest.main()
