"""`make install DESTDIR=...` lays files out where sendmail's are on Debian and
CentOS: /usr/sbin/sendmail and its other names, the other programs that are
built, /etc/mail's skeleton (never over an admin's file), the queue
directories with their modes, the man pages; `make uninstall` takes back only
what is still ours. Programs not built yet are not looked for."""
import grp
import os
import shutil
import stat
import subprocess
import tempfile
import unittest

from harness import TOP_BUILDDIR, TOP_SRCDIR

# The canonical layout, whatever prefix configure was given (distcheck uses its own).
LAYOUT = ['prefix=/usr', 'exec_prefix=/usr', 'sysconfdir=/etc', 'localstatedir=/var']
SKELETON = ['local-host-names', 'relay-domains', 'trusted-users', 'access', 'aliases',
            'virtusertable', 'mailertable', 'domaintable', 'genericstable']
# Programs other parts of the project build; each is checked once it exists.
OPTIONAL_PROGRAMS = {'makemap/makemap': 'usr/sbin/makemap', 'makemap/praliases': 'usr/sbin/praliases',
                     'mailstats/mailstats': 'usr/sbin/mailstats', 'sendmail/mail.local': None,
                     'sendmail/smrsh': None}
MAN_PAGES = ['man8/sendmail.8', 'man5/aliases.5', 'man1/mailq.1', 'man1/newaliases.1']


def make(target, destdir, *extra):
    """Runs make TARGET in the build tree, outside the caller's make (no jobserver)."""
    env = {k: v for k, v in os.environ.items() if k not in ('MAKEFLAGS', 'MFLAGS', 'MAKELEVEL')}
    return subprocess.run(['make', '-s', '-C', TOP_BUILDDIR, target, f'DESTDIR={destdir}', *LAYOUT, *extra],
                          capture_output=True, text=True, env=env, timeout=300)


class InstallLayoutTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dest = tempfile.mkdtemp(prefix='mtainstall-')
        cls.result = make('install', cls.dest)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dest, ignore_errors=True)

    def setUp(self):
        self.assertEqual(self.result.returncode, 0, f'make install failed:\n{self.result.stdout}{self.result.stderr}')

    def at(self, rel):
        return os.path.join(self.dest, rel)

    def assert_mode(self, rel, mode, kind=stat.S_ISREG):
        st = os.lstat(self.at(rel))
        self.assertTrue(kind(st.st_mode), f'{rel} has the wrong file type')
        self.assertEqual(oct(stat.S_IMODE(st.st_mode)), oct(mode), f'mode of {rel}')

    def test_sendmail_is_in_usr_sbin(self):
        try:
            smmsp = grp.getgrnam('smmsp').gr_gid
        except KeyError:
            smmsp = None
        if smmsp is not None and os.geteuid() == 0:
            # Set-group-id smmsp, so submissions can write clientmqueue, as sendmail's MSP.
            self.assert_mode('usr/sbin/sendmail', 0o2755)
            self.assertEqual(os.stat(self.at('usr/sbin/sendmail')).st_gid, smmsp)
        else:
            self.assert_mode('usr/sbin/sendmail', 0o755)

    def test_other_names_link_to_sendmail(self):
        links = {'usr/sbin/mailq': 'sendmail', 'usr/sbin/newaliases': 'sendmail',
                 'usr/sbin/hoststat': 'sendmail', 'usr/sbin/purgestat': 'sendmail',
                 'usr/bin/mailq': '../sbin/sendmail', 'usr/bin/newaliases': '../sbin/sendmail',
                 'usr/lib/sendmail': '../sbin/sendmail'}
        for rel, target in links.items():
            with self.subTest(link=rel):
                self.assertTrue(os.path.islink(self.at(rel)), f'{rel} is not a symbolic link')
                self.assertEqual(os.readlink(self.at(rel)), target)
                self.assertEqual(os.path.realpath(self.at(rel)), os.path.realpath(self.at('usr/sbin/sendmail')))

    def test_a_link_runs_sendmail_under_its_own_name(self):
        r = subprocess.run([self.at('usr/sbin/hoststat'), '-bz'], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 64)
        self.assertEqual(r.stderr, 'hoststat: Invalid operation mode z\n')

    def test_built_programs_are_installed(self):
        for built, installed in OPTIONAL_PROGRAMS.items():
            if installed and os.access(os.path.join(TOP_BUILDDIR, built), os.X_OK):
                with self.subTest(program=built):
                    self.assertTrue(os.access(self.at(installed), os.X_OK), f'{built} is built but not at /{installed}')

    def test_macro_package_is_in_usr_share_sendmail_cf(self):
        if not os.path.isfile(os.path.join(TOP_SRCDIR, 'cf', 'm4', 'cf.m4')):
            return  # cf/ is not part of this tree yet
        self.assertTrue(os.path.isfile(self.at('usr/share/sendmail-cf/m4/cf.m4')))

    def test_etc_mail_skeleton_is_installed(self):
        self.assert_mode('etc/mail', 0o755, stat.S_ISDIR)
        for name in SKELETON:
            with self.subTest(file=name):
                self.assert_mode(f'etc/mail/{name}', 0o644)
                with open(self.at(f'etc/mail/{name}'), 'rb') as got, \
                        open(os.path.join(TOP_SRCDIR, 'etc', 'mail', name), 'rb') as want:
                    self.assertEqual(got.read(), want.read())

    def test_aliases_send_postmaster_to_root(self):
        with open(self.at('etc/mail/aliases')) as f:
            lines = [l.split() for l in f if l.strip() and not l.startswith('#')]
        self.assertIn(['postmaster:', 'root'], lines)

    def test_queue_directories_and_modes(self):
        self.assert_mode('var/spool/mqueue', 0o700, stat.S_ISDIR)
        self.assert_mode('var/spool/clientmqueue', 0o770, stat.S_ISDIR)

    def test_clientmqueue_group_is_smmsp_where_it_exists(self):
        try:
            smmsp = grp.getgrnam('smmsp').gr_gid
        except KeyError:
            return  # no such group on this machine: the directory keeps the installer's group
        if os.geteuid() != 0:
            return  # only root can give a directory away
        self.assertEqual(os.stat(self.at('var/spool/clientmqueue')).st_gid, smmsp)

    def test_man_pages_are_installed(self):
        for page in MAN_PAGES:
            with self.subTest(page=page):
                self.assertTrue(os.path.isfile(self.at(f'usr/share/man/{page}')), f'/usr/share/man/{page} missing')


class ReinstallTest(unittest.TestCase):
    """A second install keeps what the admin changed; uninstall removes only ours."""

    def setUp(self):
        self.dest = tempfile.mkdtemp(prefix='mtainstall-')
        self.addCleanup(shutil.rmtree, self.dest, True)

    def install(self, target='install'):
        r = make(target, self.dest)
        self.assertEqual(r.returncode, 0, f'make {target} failed:\n{r.stdout}{r.stderr}')
        return r.stdout

    def test_reinstall_never_clobbers_admin_files(self):
        self.install()
        aliases = os.path.join(self.dest, 'etc/mail/aliases')
        with open(aliases, 'w') as f:
            f.write('postmaster: alice\n')
        os.unlink(os.path.join(self.dest, 'etc/mail/access'))
        out = self.install()
        with open(aliases) as f:
            self.assertEqual(f.read(), 'postmaster: alice\n')
        self.assertIn('KEEP     /etc/mail/aliases', out)
        self.assertTrue(os.path.isfile(os.path.join(self.dest, 'etc/mail/access')), 'a removed skeleton file comes back')

    def test_uninstall_keeps_edited_files_only(self):
        self.install()
        aliases = os.path.join(self.dest, 'etc/mail/aliases')
        with open(aliases, 'a') as f:
            f.write('alice: bob\n')
        self.install('uninstall')
        self.assertFalse(os.path.lexists(os.path.join(self.dest, 'usr/sbin/sendmail')))
        self.assertFalse(os.path.lexists(os.path.join(self.dest, 'usr/bin/mailq')))
        self.assertFalse(os.path.lexists(os.path.join(self.dest, 'etc/mail/access')))
        self.assertTrue(os.path.isfile(aliases))


if __name__ == '__main__':
    unittest.main()
