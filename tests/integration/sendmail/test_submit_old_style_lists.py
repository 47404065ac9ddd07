"""OldStyleHeaders (option o), as sendmail 8.17 was seen to treat it: a
recipient list without any of ",;<(" is blank-separated ("ro   ot" is "ro"
and "ot"), on the command line and in the header (-t), where the field is
then rewritten comma-separated; quotes keep their blanks. A list of the
command line or an address field of the header with one of those characters
ends it for the rest of the message: later lists are comma-separated."""
import unittest

from submitkit import SubmitEnv, headers, lines

MSG = b'Subject: t\n\nbody\n'


class OldStyleListTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self, extra_cf='O OldStyleHeaders=True\n')

    def submit(self, args, message=MSG):
        r = self.e.submit(['-oi'] + args, message)
        return r, self.e.only_qf()[0]

    def test_command_line_list_is_split_at_blanks(self):
        r, qf = self.submit(['a@one.test   b@two.test', 'root\tbin'])
        self.assertEqual((r.returncode, r.stdout), (0, b''))
        self.assertEqual(sorted(lines(qf, 'R')), ['PFD:a@one.test', 'PFD:b@two.test', 'PFD:bin', 'PFD:root'])

    def test_quotes_keep_their_blanks(self):
        r, qf = self.submit(['"a b"@one.test c@two.test'])
        self.assertEqual(sorted(lines(qf, 'R')), ['PFD:"a b"@one.test', 'PFD:c@two.test'])

    def test_a_comma_list_ends_old_style_for_later_lists(self):
        r, qf = self.submit(['x@one.test, y@two.test', 'a@three.test b@four.test'])
        self.assertEqual(sorted(lines(qf, 'R')), ['PFD:a@three.test b@four.test', 'PFD:x@one.test',
                                                  'PFD:y@two.test'])

    def test_header_list_is_split_and_rewritten(self):
        r, qf = self.submit(['-t'], b'To: a@one.test b@two.test\nSubject: t\n\nbody\n')
        self.assertEqual((r.returncode, r.stdout), (0, b''))
        self.assertEqual(sorted(lines(qf, 'R')), ['PFD:a@one.test', 'PFD:b@two.test'])
        self.assertIn(('', 'To', ' a@one.test, b@two.test'), headers(qf))

    def test_an_address_field_with_angle_brackets_ends_old_style(self):
        r, qf = self.submit(['-t'], b'From: X <root@mx.example.com>\nTo: a@one.test b@two.test\nCc: c@three.test\n'
                                    b'Subject: t\n\nbody\n')
        self.assertEqual(sorted(lines(qf, 'R')), ['PFD:a@one.test b@two.test', 'PFD:c@three.test'])
        self.assertIn(('', 'To', ' a@one.test b@two.test'), headers(qf))


class NotOldStyleTest(unittest.TestCase):
    def test_without_the_option_a_blank_list_is_one_address(self):
        e = SubmitEnv(self)
        r = e.submit(['-oi', 'a@one.test b@two.test'], MSG)
        qf = e.only_qf()[0]
        self.assertEqual(lines(qf, 'R'), ['PFD:a@one.test b@two.test'])


if __name__ == '__main__':
    unittest.main()
