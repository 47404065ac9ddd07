"""scripts/dev.sh, the README's commands, on a machine that lacks packages:
it installs exactly the missing ones, through sudo when not root, and a
failed set-up still ends the test command with the totals line. dpkg-query,
apt-get, sudo and id are test doubles on PATH that log what they were asked."""
import os
import subprocess
import unittest

from harness import TOP_SRCDIR, Sandbox

DEV = os.path.join(TOP_SRCDIR, 'scripts', 'dev.sh')
LOCK = '-o DPkg::Lock::Timeout=600'  # waits out unattended-upgrades on a fresh VM


class DevShTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.log = self.sb.path('calls.log')
        self.missing = []

    def fake(self, name, body):
        self.sb.write(f'bin/{name}', f'#!/bin/sh\n{body}\n', mode=0o755)

    def run_dev(self, mode, uid=0, apt_fails=False):
        missing = ' '.join(self.missing)
        # dpkg-query -W -f=... PKG: installed unless listed as missing.
        self.fake('dpkg-query', f'for p in "$@"; do :; done; case " {missing} " in *" $p "*) exit 1;; esac; '
                                "printf 'install ok installed'")
        self.fake('apt-get', f'echo "apt-get $*" >> {self.log}; exit {1 if apt_fails else 0}')
        self.fake('sudo', f'echo "sudo $1" >> {self.log}; exec "$@"')
        self.fake('id', f'[ "$1" = -u ] && echo {uid} || /usr/bin/id "$@"')
        env = dict(os.environ, PATH=self.sb.path('bin') + ':' + os.environ['PATH'])
        r = subprocess.run(['bash', DEV, mode], capture_output=True, text=True, env=env, timeout=120)
        calls = open(self.log).read().splitlines() if os.path.exists(self.log) else []
        return r, calls

    def test_nothing_missing_installs_nothing(self):
        r, calls = self.run_dev('deps')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(calls, [])

    def test_only_the_missing_packages_are_installed(self):
        self.missing = ['swaks', 'libasio-dev']
        r, calls = self.run_dev('deps')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(calls[0], f'apt-get {LOCK} update -qq')
        self.assertTrue(calls[1].startswith(f'apt-get {LOCK} install -y -qq --no-install-recommends '), calls)
        self.assertEqual(sorted(calls[1].split()[7:]), ['libasio-dev', 'swaks'])
        self.assertIn('installing missing Debian packages: libasio-dev swaks', r.stderr)

    def test_a_user_installs_through_sudo(self):
        self.missing = ['curl']
        r, calls = self.run_dev('deps', uid=1000)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(calls, ['sudo apt-get', f'apt-get {LOCK} update -qq', 'sudo env',
                                 f'apt-get {LOCK} install -y -qq --no-install-recommends curl'])

    def test_failed_install_still_ends_test_command_with_totals(self):
        self.missing = ['curl']
        r, calls = self.run_dev('test', apt_fails=True)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.splitlines()[-1], '0 passed, 1 failed')
        self.assertIn('apt-get update failed', r.stderr)

    def test_unknown_command_is_a_usage_error(self):
        r, _ = self.run_dev('frobnicate')
        self.assertEqual(r.returncode, 2)
        self.assertIn('usage:', r.stderr)


if __name__ == '__main__':
    unittest.main()
