"""cf/etc/Makefile (installed as /etc/mail/Makefile): `make -C dir' builds the
.cf files with m4, each map .db with makemap and aliases.db with newaliases,
rebuilds exactly what is older than its source, and a second run does nothing.
makemap is ours once built (or $TEST_MAKEMAP); until then a small stand-in
records its calls. newaliases is always a stand-in: the real one rebuilds /etc/mail."""
import os
import shutil
import stat
import subprocess
import sys
import unittest

import harness

MAKEFILE = harness.source('cf/etc/Makefile')
OUR_MAKEMAP = os.environ.get("TEST_MAKEMAP") or harness.program("makemap/makemap")

MC = "divert(-1)\nthis line is dropped\ndivert(0)dnl\n# {name} built by m4\nhello from {name}\n"
MAP_SOURCES = {
    'access': 'Connect:127.0.0.1\tRELAY\n',
    'mailertable': '.example.net\tsmtp:[mx.example.net]\n',
    'virtusertable': 'info@example.com\troot\n',
    'genericstable': 'root\tadmin@example.com\n',
    'domaintable': 'old.example.com\texample.com\n',
    'authinfo': 'AuthInfo:relay.example.net "U:user" "P:secret"\n',
}
TARGETS = {'sendmail.cf': 'sendmail.mc', 'submit.cf': 'submit.mc', 'aliases.db': 'aliases',
           'userdb.db': 'userdb', **{f'{m}.db': m for m in MAP_SOURCES}}

# Stand-ins: write <name>.db from stdin / ./aliases and log each call.
MAKEMAP_STANDIN = """import os, sys
mode, name = sys.argv[1], sys.argv[2]
data = sys.stdin.read()
with open(name + '.db', 'w') as f:
    f.write(data)
with open('calls.log', 'a') as f:
    f.write('makemap %s %s\\n' % (mode, name))
"""
NEWALIASES_STANDIN = """import sys
with open('aliases') as src, open('aliases.db', 'w') as out:
    out.write(src.read())
with open('calls.log', 'a') as f:
    f.write('newaliases\\n')
"""

PAST = 1_700_000_000


class EtcMakefile(unittest.TestCase):
    def setUp(self):
        self.sb = harness.Sandbox(self)
        self.dir = self.sb.path('etc-mail')
        os.makedirs(self.dir)
        shutil.copy(MAKEFILE, os.path.join(self.dir, 'Makefile'))
        tools = self.sb.path('tools')
        os.makedirs(tools)
        self.ours = os.access(OUR_MAKEMAP, os.X_OK)
        if self.ours:
            self.makemap = OUR_MAKEMAP
        else:
            self.makemap = self.script(tools, 'makemap', MAKEMAP_STANDIN)
        self.newaliases = self.script(tools, 'newaliases', NEWALIASES_STANDIN)
        for name in ('sendmail', 'submit'):
            self.write(f'{name}.mc', MC.format(name=name))
        for name, text in MAP_SOURCES.items():
            self.write(name, text)
        self.write('aliases', 'postmaster: root\n')
        self.write('userdb', 'admin:maildrop\troot\n')

    def script(self, d, name, body):
        path = os.path.join(d, name)
        with open(path, 'w') as f:
            f.write(f'#!{sys.executable}\n{body}')
        os.chmod(path, 0o755)
        return path

    def write(self, name, text):
        with open(os.path.join(self.dir, name), 'w') as f:
            f.write(text)

    def make(self, *args, check=True):
        argv = ['make', '-C', self.dir, f'MAKEMAP={self.makemap}',
                f'NEWALIASES={self.newaliases}', f'CFDIR={self.sb.path("nocf")}', *args]
        r = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        if check:
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        return r

    def mtimes(self):
        return {t: os.stat(os.path.join(self.dir, t)).st_mtime_ns
                for t in TARGETS if os.path.exists(os.path.join(self.dir, t))}

    def age_everything(self):
        """Sources in the past, targets a little newer: all up to date."""
        for name in os.listdir(self.dir):
            t = PAST + 100 if name in TARGETS else PAST
            os.utime(os.path.join(self.dir, name), (t, t))

    def read(self, name):
        with open(os.path.join(self.dir, name)) as f:
            return f.read()

    def test_first_run_builds_every_target_whose_source_exists(self):
        self.make()
        self.assertEqual(sorted(self.mtimes()), sorted(TARGETS))
        self.assertEqual(self.read('sendmail.cf'), '# sendmail built by m4\nhello from sendmail\n')
        self.assertEqual(self.read('submit.cf'), '# submit built by m4\nhello from submit\n')
        for absent in ('bitdomain.db', 'uudomain.db'):
            self.assertFalse(os.path.exists(os.path.join(self.dir, absent)))

    def test_maps_are_built_with_makemap_and_aliases_with_newaliases(self):
        self.make()
        calls = sorted(self.read('calls.log').split('\n')[:-1])
        if self.ours:
            # Our makemap keeps no log: its databases must exist and hold data.
            for m in list(MAP_SOURCES) + ['userdb']:
                self.assertGreater(os.path.getsize(os.path.join(self.dir, m + '.db')), 0, m)
            self.assertEqual(calls, ['newaliases'])
            return
        expected = sorted([f'makemap hash {m}' for m in MAP_SOURCES] +
                          ['makemap btree userdb', 'newaliases'])
        self.assertEqual(calls, expected)

    def test_second_run_does_nothing(self):
        self.make()
        self.age_everything()
        before = self.mtimes()
        self.assertEqual(self.make('-q', check=False).returncode, 0)
        r = self.make()
        self.assertIn("Nothing to be done for 'all'", r.stdout)
        self.assertEqual(self.mtimes(), before)

    def test_only_the_target_of_a_newer_source_is_rebuilt(self):
        self.make()
        for target, source in sorted(TARGETS.items()):
            with self.subTest(source=source):
                self.age_everything()
                before = self.mtimes()
                os.utime(os.path.join(self.dir, source), (PAST + 200, PAST + 200))
                self.make()
                after = self.mtimes()
                changed = sorted(t for t in after if after[t] != before[t])
                self.assertEqual(changed, [target])

    def test_a_new_cf_package_rebuilds_the_cf_files_only(self):
        cfdir = self.sb.path('cfpkg')
        os.makedirs(os.path.join(cfdir, 'm4'))
        with open(os.path.join(cfdir, 'm4', 'cf.m4'), 'w') as f:
            f.write('divert(-1)\n')
        self.make(f'CFDIR={cfdir}')
        self.age_everything()
        os.utime(os.path.join(cfdir, 'm4', 'cf.m4'), (PAST + 200, PAST + 200))
        before = self.mtimes()
        self.make(f'CFDIR={cfdir}')
        after = self.mtimes()
        self.assertEqual(sorted(t for t in after if after[t] != before[t]),
                         ['sendmail.cf', 'submit.cf'])

    def test_failing_m4_keeps_the_old_cf(self):
        self.make()
        self.age_everything()
        self.write('sendmail.mc', 'divert(0)dnl\nhalf a config\nm4exit(1)\n')
        r = self.make(check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertEqual(self.read('sendmail.cf'), '# sendmail built by m4\nhello from sendmail\n')
        self.assertFalse(os.path.exists(os.path.join(self.dir, 'sendmail.cf.new')))

    def test_authinfo_db_is_not_world_readable(self):
        self.make()
        mode = os.stat(os.path.join(self.dir, 'authinfo.db')).st_mode
        self.assertEqual(stat.S_IMODE(mode) & 0o007, 0)

    def test_lint_target_runs_mclint_from_cfdir(self):
        r = self.make(f'CFDIR={harness.source("cf")}', 'lint', check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('sendmail.mc:1: error: no OSTYPE', r.stdout)


if __name__ == '__main__':
    unittest.main()
