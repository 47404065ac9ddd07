"""newaliases (-bi): the alias database rebuilt from the text file with
newaliases' diagnostics and summary, and then used by submissions."""
import os
import unittest

from submitkit import SubmitEnv, lines


class NewaliasesTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def test_builds_database_and_reports(self):
        self.e.sb.write('aliases', '# c\nPostmaster: root\nstaff: root,\n  mail,\n\tbob@remote.example.net\n'
                                   'nocolon here\nempty:\na: b\na: c\n')
        r = self.e.mode(['-bi'])
        path = self.e.sb.path('aliases')
        self.assertEqual(r.returncode, 70)
        self.assertEqual(r.stdout.decode(), (
            '{p}: line 6: missing colon\n'
            '{p}: line 7: empty:... missing value for alias\n'
            '{p}: line 9: a... Warning: duplicate alias name a\n'
            '{p}: 4 aliases, longest 35 bytes, 58 bytes total\n').format(p=path))
        st = os.stat(path + '.db')
        self.assertEqual(st.st_mode & 0o777, 0o640)

    def test_called_as_newaliases_and_used_by_submission(self):
        self.e.sb.write('aliases', 'team: carol@example.org, dave@example.org\n')
        link = self.e.sb.path('newaliases')
        os.symlink(self.e.sendmail, link)
        r = self.e.sb.run([link, '-C', self.e.cf], env=self.e.env)
        self.assertEqual((r.returncode, r.stdout.decode()),
                         (0, self.e.sb.path('aliases') + ': 1 aliases, longest 35 bytes, 39 bytes total\n'))
        self.e.sb.write('aliases', '')  # from now on only the database knows the alias
        self.e.submit(['-oi', 'team'], b'\nb\n')
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['FDA:dave@example.org', 'FDA:carol@example.org'])


if __name__ == '__main__':
    unittest.main()
