"""-bv: addresses resolved and expanded as for delivery; errors reported as
they happen, then the deliverable results in delivery order."""
import unittest

from submitkit import SubmitEnv


class VerifyTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def bv(self, *addrs):
        r = self.e.mode(['-bv'] + list(addrs))
        return r.returncode, r.stdout.decode()

    def test_alias_expands_in_delivery_order(self):
        self.assertEqual(self.bv('staff'), (0, 'mail... deliverable: mailer local, user mail\n'
                                               'root... deliverable: mailer local, user root\n'
                                               'bob@remote.example.net... deliverable: mailer esmtp, '
                                               'host remote.example.net, user bob@remote.example.net\n'))

    def test_duplicates_are_listed_once(self):
        rc, out = self.bv('postmaster', 'root@example.com', 'root')
        self.assertEqual((rc, out), (0, 'root... deliverable: mailer local, user root\n'))

    def test_unknown_local_user(self):
        self.assertEqual(self.bv('nosuchuser-xyz'), (67, 'nosuchuser-xyz... User unknown\n'))

    def test_alias_loop_is_broken(self):
        self.assertEqual(self.bv('loop1'), (64, 'aliasing/forwarding loop broken\n'))

    def test_no_addresses(self):
        self.assertEqual(self.bv(), (64, 'Recipient names must be specified\n'))


if __name__ == '__main__':
    unittest.main()
