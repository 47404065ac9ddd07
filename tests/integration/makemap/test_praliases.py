"""praliases over an alias database in newaliases' layout (keys and values
stored with their NUL, the "@:@" end marker): whole dumps, named keys, the
AliasFile option of a cf file, and sendmail's messages and exit codes."""
import unittest

from harness import Sandbox

ALIASES = '@:@\npostmaster:root\nstaff:root, mail, bob@remote.example.net\nfilter:"|/bin/true"\n'


class PraliasesTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.pa = self.sb.program('makemap/praliases')
        r = self.sb.run([self.sb.program('makemap/makemap'), '-N', '-t:', 'hash', 'aliases'], input=ALIASES)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_dump_all_with_end_marker(self):
        for name in ('aliases', 'aliases.db'):
            r = self.sb.run([self.pa, '-f', name])
            self.assertEqual(r.returncode, 0)
            self.assertEqual(sorted(r.stdout.decode().splitlines()),
                             sorted(['@:@', 'postmaster:root', 'staff:root, mail, bob@remote.example.net',
                                     'filter:"|/bin/true"']))

    def test_named_keys_and_missing_ones(self):
        r = self.sb.run([self.pa, '-f', 'aliases', 'staff', 'ROOT', 'nosuch'])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode(), 'staff:root, mail, bob@remote.example.net\n'
                                            'ROOT: No such key\nnosuch: No such key\n')

    def test_alias_file_from_cf(self):
        cf = self.sb.write('a.cf', 'O AliasFile=%s,hash:%s\n' % (self.sb.path('aliases'), self.sb.path('other')))
        r = self.sb.run([self.pa, '-C', cf, 'postmaster'])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode(), 'postmaster:root\n')
        self.assertEqual(r.stderr.decode(), 'praliases: %s: open: Unknown database type\n' % self.sb.path('other'))

    def test_old_style_option_and_wrong_type(self):
        cf = self.sb.write('b.cf', 'OA%s\n' % self.sb.path('aliases'))
        self.assertIn(b'postmaster:root\n', self.sb.run([self.pa, '-C', cf]).stdout)
        cf = self.sb.write('c.cf', 'O AliasFile=btree:%s\n' % self.sb.path('aliases'))
        r = self.sb.run([self.pa, '-C', cf])
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (0, 'praliases: %s: open: Invalid argument\n' % self.sb.path('aliases')))

    def test_missing_cf_and_usage(self):
        r = self.sb.run([self.pa, '-C', self.sb.path('none.cf')])
        self.assertEqual(r.returncode, 66)
        self.assertEqual(r.stderr.decode(), 'praliases: %s: No such file or directory\n' % self.sb.path('none.cf'))
        r = self.sb.run([self.pa, '-x'])
        self.assertEqual(r.returncode, 64)
        self.assertIn('usage: praliases [-C cffile] [-f aliasfile] [key ...]', r.stderr.decode())


if __name__ == '__main__':
    unittest.main()
