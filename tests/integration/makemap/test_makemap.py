"""makemap end to end: build and dump (-u) round trips for hash, btree and
implicit and for every option; messages, line numbers and exit codes as
sendmail 8.17's makemap gives them. Maps are named relative to the sandbox
(a 0755 directory) so no unsafe-directory warning is expected."""
import os
import stat
import unittest

from harness import Sandbox

EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_CANTCREAT = 64, 65, 66, 73


class MakemapTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.mm = self.sb.program('makemap/makemap')

    def build(self, args, text):
        return self.sb.run([self.mm] + args, input=text)

    def dump(self, args):
        r = self.sb.run([self.mm, '-u'] + args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode('latin-1')

    def test_round_trip_each_type(self):
        text = 'Key1 value one\nkey2\tvalue2\n# comment\n\nkey3   spaced   value  \n'
        for typ in ('hash', 'btree', 'implicit'):
            with self.subTest(typ=typ):
                r = self.build([typ, 'm-' + typ], text)
                self.assertEqual((r.returncode, r.stderr), (0, b''))
                self.assertTrue(os.path.exists(self.sb.path('m-%s.db' % typ)))
                got = sorted(self.dump([typ, 'm-' + typ]).splitlines())
                self.assertEqual(got, ['key1\tvalue one', 'key2\tvalue2', 'key3\tspaced   value  '])

    def test_btree_dump_is_sorted(self):
        self.build(['btree', 'b'], 'c 3\na 1\nb 2\n')
        self.assertEqual(self.dump(['btree', 'b']), 'a\t1\nb\t2\nc\t3\n')

    def test_created_mode_is_0640(self):
        self.build(['hash', 'm'], 'a b\n')
        self.assertEqual(stat.S_IMODE(os.stat(self.sb.path('m.db')).st_mode), 0o640)

    def test_duplicates_are_data_errors_with_line_numbers(self):
        r = self.build(['hash', 'd'], 'key1 a\nkey2 b\nKEY1 c\n')
        self.assertEqual(r.returncode, EX_DATAERR)
        self.assertEqual(r.stderr.decode(), 'makemap: d: line 3: key key1: duplicate key\n')
        self.assertEqual(sorted(self.dump(['hash', 'd']).splitlines()), ['key1\ta', 'key2\tb'])

    def test_r_replaces(self):
        r = self.build(['-r', 'hash', 'd'], 'k a\nk b\n')
        self.assertEqual(r.returncode, 0)
        self.assertEqual(self.dump(['hash', 'd']), 'k\tb\n')

    def test_d_keeps_duplicates(self):
        r = self.build(['-d', 'btree', 'd'], 'a 1\nA 2\nb 3\n')
        self.assertEqual(r.returncode, 0)
        self.assertEqual(self.dump(['btree', 'd']), 'a\t1\na\t2\nb\t3\n')

    def test_f_keeps_case(self):
        self.build(['-f', 'btree', 'f'], 'a 1\nA 2\n')
        self.assertEqual(self.dump(['btree', 'f']), 'A\t2\na\t1\n')

    def test_missing_rhs_and_e(self):
        r = self.build(['hash', 'e'], 'key3\nUP\n')
        self.assertEqual(r.returncode, EX_DATAERR)
        self.assertEqual(r.stderr.decode(), 'makemap: e: line 1: no RHS for LHS key3\n'
                                            'makemap: e: line 2: no RHS for LHS up\n')
        r = self.build(['-e', 'hash', 'e2'], 'key3\n')
        self.assertEqual(r.returncode, 0)
        self.assertEqual(self.dump(['hash', 'e2']), 'key3\t\n')

    def test_leading_space_is_syntax_error(self):
        r = self.build(['hash', 's'], ' lead value\nok 1\n')
        self.assertEqual(r.returncode, EX_DATAERR)
        self.assertEqual(r.stderr.decode(), 'makemap: s: line 1: syntax error (leading space)\n')

    def test_long_lines_count_per_1023_bytes(self):
        text = 'k' + 'x' * 1100 + ' v\n' + 'ok 1\n'
        r = self.build(['hash', 'l'], text)
        self.assertEqual(r.returncode, EX_DATAERR)
        self.assertEqual(r.stderr.decode(), 'makemap: l: line 1: line too long (1024 bytes max)\n')
        # The tail of the long line is read as line 2, as sendmail does.
        self.assertEqual(sorted(self.dump(['hash', 'l']).splitlines()), ['ok\t1', 'x' * 78 + '\tv'])
        r = self.build(['hash', 'l2'], 'k ' + 'v' * 1020 + '\n')
        self.assertEqual(r.returncode, 0)
        r = self.build(['hash', 'l3'], 'k ' + 'v' * 1021 + '\n')
        self.assertEqual(r.returncode, EX_DATAERR)

    def test_t_delimiter_and_N(self):
        r = self.build(['-N', '-t:', 'hash', 'a'], 'root: admin\nPost:master: a, b\n:x\na::b\n')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(self.dump(['-N', 'hash', 'a']).splitlines()),
                         ['\tx', 'a\tb', 'post\tmaster: a, b', 'root\t admin'])
        self.assertEqual(sorted(self.dump(['-t,', 'hash', 'a']).splitlines()),
                         [',x', 'a,b', 'post,master: a, b', 'root, admin'])

    def test_D_comment_character(self):
        self.build(['-D%', 'hash', 'c'], '% comment\n# not a comment\nkey v\n')
        self.assertEqual(sorted(self.dump(['hash', 'c']).splitlines()), ['#\tnot a comment', 'key\tv'])

    def test_o_appends_and_requires_existing_file(self):
        self.build(['hash', 'o'], 'a 1\n')
        r = self.build(['-o', 'hash', 'o'], 'b 2\n')
        self.assertEqual(r.returncode, 0)
        self.assertEqual(sorted(self.dump(['hash', 'o']).splitlines()), ['a\t1', 'b\t2'])
        r = self.build(['-o', 'hash', 'none'], 'b 2\n')
        self.assertEqual(r.returncode, EX_CANTCREAT)
        self.assertEqual(r.stderr.decode(),
                         'makemap: error opening type hash map none: No such file or directory\n')

    def test_v_prints_records(self):
        r = self.build(['-v', 'hash', 'v'], 'a 1\nA 2\n')
        self.assertEqual(r.stdout.decode(), "key=`a', val=`1'\nkey=`a', val=`2'\n")
        self.assertEqual(r.returncode, EX_DATAERR)

    def test_c_cache_size_accepted(self):
        self.assertEqual(self.build(['-c', '4096', 'hash', 'c'], 'a b\n').returncode, 0)

    def test_l_lists_types(self):
        r = self.sb.run([self.mm, '-l'])
        self.assertEqual((r.returncode, r.stdout), (0, b'hash\nbtree\nimplicit\n'))

    def test_usage(self):
        for argv in ([], ['hash'], ['-Q', 'hash', 'x']):
            r = self.sb.run([self.mm] + argv)
            self.assertEqual(r.returncode, EX_USAGE)
            self.assertIn('Usage: makemap [-C cffile] [-N]', r.stderr.decode())
        self.assertIn("invalid option -- 'Q'", r.stderr.decode())

    def test_unknown_type_and_i_fallback(self):
        r = self.build(['foo', 'x'], 'a b\n')
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (EX_CANTCREAT, 'makemap: error opening type foo map x: Unknown database type\n'))
        self.assertEqual(self.build(['-i', 'hash', 'foo', 'x'], 'a b\n').returncode, 0)

    def test_dump_of_missing_or_wrong_type(self):
        r = self.sb.run([self.mm, '-u', 'hash', 'nosuch'])
        self.assertEqual(r.returncode, EX_CANTCREAT)
        self.build(['btree', 'b'], 'a b\n')
        r = self.sb.run([self.mm, '-u', 'hash', 'b'])
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (EX_CANTCREAT, 'makemap: error opening type hash map b: Invalid argument\n'))

    def test_symlink_refused_unless_s(self):
        self.build(['hash', 't'], 'a b\n')
        os.symlink('t.db', self.sb.path('l.db'))
        r = self.build(['hash', 'l'], 'a b\n')
        self.assertEqual((r.returncode, r.stderr.decode()),
                         (EX_CANTCREAT, 'makemap: error opening type hash map l: Symbolic links not allowed\n'))
        self.assertEqual(self.sb.run([self.mm, '-s', '-u', 'hash', 'l']).returncode, 0)

    def test_group_writable_directory_warns_only_root(self):
        os.mkdir(self.sb.path('gw'))
        os.chmod(self.sb.path('gw'), 0o775)
        r = self.build(['hash', 'gw/x'], 'a b\n')
        self.assertEqual(r.returncode, 0)
        expected = 'WARNING: Group writable directory gw\n' * 2 if os.geteuid() == 0 else ''
        self.assertEqual(r.stderr.decode(), expected)

    def test_explicit_missing_cf_is_noinput_for_root(self):
        r = self.build(['-C', self.sb.path('nonexist.cf'), 'hash', 'x'], 'a b\n')
        if os.geteuid() == 0:
            self.assertEqual(r.returncode, EX_NOINPUT)
            self.assertEqual(r.stderr.decode(), 'makemap: %s: No such file or directory\n' % self.sb.path('nonexist.cf'))
        else:
            self.assertEqual(r.returncode, 0)

    def test_trusted_user_owns_the_map_when_root_builds_it(self):
        cf = self.sb.write('t.cf', 'O TrustedUser=daemon\n')
        self.assertEqual(self.build(['-C', cf, 'hash', 'tu'], 'a b\n').returncode, 0)
        import pwd
        owner = pwd.getpwnam('daemon').pw_uid if os.geteuid() == 0 else os.geteuid()
        self.assertEqual(os.stat(self.sb.path('tu.db')).st_uid, owner)

    def test_rebuild_replaces_atomically(self):
        self.build(['hash', 'r'], 'old 1\n')
        ino = os.stat(self.sb.path('r.db')).st_ino
        self.build(['hash', 'r'], 'new 2\n')
        self.assertEqual(self.dump(['hash', 'r']), 'new\t2\n')
        self.assertNotEqual(os.stat(self.sb.path('r.db')).st_ino, ino)
        self.assertEqual([f for f in os.listdir(self.sb.dir) if '.tmp' in f], [])


class SafeFileTest(unittest.TestCase):
    """makemap's checks of the place it writes, as the real makemap 8.17 did
    them as root and as nobody: root is warned (twice) about each group or
    world writable directory on the path as written, with or without -s or
    -u, and builds anyway; other users are never warned; a symbolic link is
    refused unless -s, which writes and reads where it points; a map's
    permissions survive a rebuild, writable by others or not."""

    def setUp(self):
        self.sb = Sandbox(self)
        self.mm = self.sb.program('makemap/makemap')

    def run_mm(self, args, text='k v\n', user=None, cwd=None):
        argv = [self.mm] + args
        if user is not None and os.geteuid() == 0:
            argv = ['runuser', '-u', user, '--'] + argv
        r = self.sb.run(argv, input=text if '-u' not in args else b'', cwd=cwd or self.sb.dir)
        return r.returncode, r.stderr.decode()

    # Paths are relative to the sandbox: an absolute one would name /tmp too.
    def directory(self, name, mode, owner=None):
        p = self.sb.path(name)
        os.makedirs(p, exist_ok=True)
        if owner is not None and os.geteuid() == 0:
            import pwd
            os.chown(p, pwd.getpwnam(owner).pw_uid, -1)
        os.chmod(p, mode)
        return name

    def root_warning(self, kind, d):
        return ('WARNING: %s writable directory %s\n' % (kind, d)) * 2 if os.geteuid() == 0 else ''

    def test_writable_directories_warn_root_and_build(self):
        for name, mode, kind in (('gw', 0o775, 'Group'), ('ww', 0o777, 'World'), ('sticky', 0o1777, 'World')):
            with self.subTest(mode=oct(mode)):
                d = self.directory(name, mode)
                self.assertEqual(self.run_mm(['hash', d + '/m']), (0, self.root_warning(kind, d)))
                self.assertEqual(self.run_mm(['-s', 'hash', d + '/s']), (0, self.root_warning(kind, d)))
                self.assertEqual(self.run_mm(['-u', 'hash', d + '/m']), (0, self.root_warning(kind, d)))
                self.assertTrue(os.path.exists(self.sb.path(d, 'm.db')))

    def test_a_writable_parent_and_the_current_directory(self):
        parent = self.directory('parent', 0o775)
        self.directory('parent/sub', 0o755)
        self.assertEqual(self.run_mm(['hash', parent + '/sub/m']), (0, self.root_warning('Group', parent)))
        self.assertEqual(self.run_mm(['hash', 'm'], cwd=self.sb.path(parent)), (0, self.root_warning('Group', '.')))
        # Only the directories named in the path count, not the cwd above them.
        self.assertEqual(self.run_mm(['hash', 'sub/m2'], cwd=self.sb.path(parent)), (0, ''))

    def test_other_users_are_not_warned(self):
        for name, mode in (('ngw', 0o775), ('nww', 0o777), ('nsticky', 0o1777)):
            with self.subTest(mode=oct(mode)):
                d = self.directory(name, mode, owner='nobody')
                self.assertEqual(self.run_mm(['hash', d + '/m'], user='nobody'), (0, ''))
                self.assertEqual(self.run_mm(['-u', 'hash', d + '/m'], user='nobody'), (0, ''))

    def test_writable_map_files_are_rebuilt_keeping_their_mode(self):
        for mode in (0o664, 0o666, 0o644):
            with self.subTest(mode=oct(mode)):
                m = 'f%o' % mode
                self.assertEqual(self.run_mm(['hash', m], 'old v\n'), (0, ''))
                os.chmod(self.sb.path(m + '.db'), mode)
                self.assertEqual(self.run_mm(['hash', m]), (0, ''))
                self.assertEqual(stat.S_IMODE(os.stat(self.sb.path(m + '.db')).st_mode), mode)
                self.assertEqual(self.run_mm(['-u', 'hash', m]), (0, ''))

    def test_symbolic_links_are_refused_without_s(self):
        self.run_mm(['hash', 'target'])
        os.symlink('target.db', self.sb.path('l.db'))
        os.mkdir(self.sb.path('d'))
        os.symlink('../target.db', self.sb.path('d/out.db'))
        refused = 'makemap: error opening type hash map %s: Symbolic links not allowed\n'
        self.assertEqual(self.run_mm(['hash', 'l']), (EX_CANTCREAT, refused % 'l'))
        self.assertEqual(self.run_mm(['-u', 'hash', 'l']), (EX_CANTCREAT, refused % 'l'))
        self.assertEqual(self.run_mm(['hash', 'd/out']), (EX_CANTCREAT, refused % 'd/out'))

    def test_s_writes_and_reads_through_a_link(self):
        self.run_mm(['hash', 'target'], 'x y\n')
        os.symlink('target.db', self.sb.path('l.db'))
        self.assertEqual(self.run_mm(['-s', 'hash', 'l'], 'k v\n'), (0, ''))
        self.assertTrue(os.path.islink(self.sb.path('l.db')))
        r = self.sb.run([self.mm, '-s', '-u', 'hash', 'l'])
        self.assertEqual((r.returncode, r.stdout), (0, b'k\tv\n'))
        r = self.sb.run([self.mm, '-u', 'hash', 'target'])
        self.assertEqual(r.stdout, b'k\tv\n')

    def test_s_with_a_dangling_link(self):
        os.symlink('nowhere.db', self.sb.path('dang.db'))
        self.assertEqual(self.run_mm(['hash', 'dang']),
                         (EX_CANTCREAT, 'makemap: error opening type hash map dang: Symbolic links not allowed\n'))
        self.assertEqual(self.run_mm(['-s', 'hash', 'dang']),
                         (EX_CANTCREAT, 'makemap: error opening type hash map dang: File exists\n'))
        self.assertEqual(self.run_mm(['-s', '-u', 'hash', 'dang']),
                         (EX_CANTCREAT, 'makemap: error opening type hash map dang: No such file or directory\n'))
        self.assertTrue(os.path.islink(self.sb.path('dang.db')))
        self.assertFalse(os.path.exists(self.sb.path('nowhere.db')))


if __name__ == '__main__':
    unittest.main()
