"""The README's run command: scripts/demo.sh sets up run/demo, starts what is
built on loopback, names what is not built, never claims a listener that is
not there, and stops everything it started on Ctrl-C. scripts/dev.sh run is
run as the README says (in a build inside the checkout)."""
import os
import signal
import socket
import subprocess
import sys
import textwrap
import unittest

from harness import TOP_BUILDDIR, TOP_SRCDIR, Sandbox, free_port, wait_for_port, wait_for_text, wait_until

DEMO = os.path.join(TOP_SRCDIR, 'scripts', 'demo.sh')
DEV = os.path.join(TOP_SRCDIR, 'scripts', 'dev.sh')


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ('MAKEFLAGS', 'MFLAGS', 'MAKELEVEL')}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def port_open(port):
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=0.5):
            return True
    except OSError:
        return False


class DemoTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.ports = {'SMTP_PORT': free_port(), 'POP3_PORT': free_port(), 'IMAP_PORT': free_port()}

    def run_demo(self, builddir=TOP_BUILDDIR, script=DEMO, timeout=120):
        env = clean_env(DEMO_DIR=self.sb.path('demo'), top_builddir=builddir, DEMO_ONCE=1, **self.ports)
        r = subprocess.run(['bash', script], capture_output=True, text=True, env=env, timeout=timeout,
                           cwd=self.sb.dir)
        self.assertEqual(r.returncode, 0, f'exit {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}')
        return r.stdout

    def test_demo_sets_up_its_directory(self):
        self.run_demo()
        for sub in ('etc', 'mqueue', 'clientmqueue', 'mail', 'log'):
            self.assertTrue(os.path.isdir(self.sb.path('demo', sub)), f'{sub}/ missing')
        self.assertEqual(os.stat(self.sb.path('demo', 'mqueue')).st_mode & 0o777, 0o700)
        with open(self.sb.path('demo', 'etc', 'aliases')) as f:
            self.assertIn(f"demo: {self.sb.path('demo', 'mail', 'demo')}\n", f.read())

    def test_demo_names_each_part_not_built(self):
        out = self.run_demo()
        parts = {'cf/m4/cf.m4': 'the cf/ macro package', 'makemap/makemap': 'makemap',
                 'pop3d/pop3d': 'pop3d', 'imapd/imapd': 'imapd'}
        for path, name in parts.items():
            root = TOP_SRCDIR if path.startswith('cf/') else TOP_BUILDDIR
            built = os.path.exists(os.path.join(root, path))
            with self.subTest(part=name):
                self.assertEqual(f'not built yet: {name}' in out, not built, out)

    def test_demo_claims_only_real_listeners(self):
        out = self.run_demo()
        for proto, port in (('SMTP', 'SMTP_PORT'), ('POP3', 'POP3_PORT'), ('IMAP', 'IMAP_PORT')):
            claimed = f'{proto} listening on 127.0.0.1:{self.ports[port]}' in out
            # DEMO_ONCE stopped everything again: what was claimed must be gone too.
            self.assertFalse(port_open(self.ports[port]), f'{proto} still open after the demo stopped')
            if not claimed:
                self.assertNotIn(f'listening on 127.0.0.1:{self.ports[port]}', out)

    def stand_in_tree(self, accepts):
        """A private build tree whose pop3d is a test double that listens and
        exits after `accepts` connections (0: never), so the demo has something
        to start and stop."""
        tree = self.sb.path('tree')
        os.makedirs(os.path.join(tree, 'sendmail'))
        os.symlink(os.path.join(TOP_BUILDDIR, 'sendmail', 'sendmail'), os.path.join(tree, 'sendmail', 'sendmail'))
        self.sb.write('tree/pop3d/pop3d', textwrap.dedent(f'''\
            #!{sys.executable}
            import os, socket, sys, time
            if os.fork() == 0:  # a child of the server, as a daemon's session would be
                open({self.sb.path('child.pid')!r}, 'w').write(str(os.getpid()))
                time.sleep(1000)
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[sys.argv.index('-p') + 1]))); s.listen()
            n = 0
            while {accepts} == 0 or n < {accepts}:
                s.accept()[0].close(); n += 1
            sys.exit(3)
            '''), mode=0o755)
        return tree

    def test_a_server_that_stops_takes_the_demo_down_loudly(self):
        tree = self.stand_in_tree(accepts=1)
        env = clean_env(DEMO_DIR=self.sb.path('demo'), top_builddir=tree, **self.ports)
        r = subprocess.run(['bash', DEMO], capture_output=True, text=True, env=env, timeout=60, cwd=self.sb.dir)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn('exited (status 3)', r.stdout)
        self.assertIn('a server stopped on its own; stopping the rest', r.stdout)

    def test_ctrl_c_stops_everything_it_started(self):
        tree = self.stand_in_tree(accepts=0)
        env = clean_env(DEMO_DIR=self.sb.path('demo'), top_builddir=tree, **self.ports)
        log = open(self.sb.path('demo.out'), 'w+')
        proc = subprocess.Popen(['bash', DEMO], stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.sb.dir,
                                start_new_session=True)
        self.sb.procs.append(proc)
        wait_for_port(self.ports['POP3_PORT'], timeout=30, proc=proc)
        wait_for_text(self.sb.path('demo.out'), 'Ctrl-C stops everything')
        os.kill(proc.pid, signal.SIGINT)
        self.assertEqual(proc.wait(timeout=30), 130)
        self.assertFalse(port_open(self.ports['POP3_PORT']), 'the stand-in pop3d still listens after Ctrl-C')
        child = int(wait_for_text(self.sb.path('child.pid'), ''))
        wait_until(lambda: not os.path.exists(f'/proc/{child}') or
                   open(f'/proc/{child}/stat').read().split()[2] == 'Z', 10, "the server's child to be gone")
        out = open(self.sb.path('demo.out')).read()
        self.assertIn(f"POP3 listening on 127.0.0.1:{self.ports['POP3_PORT']}", out)
        self.assertIn('stopped everything it started', out)

    def test_dev_sh_run_starts_and_exits_cleanly(self):
        if os.path.realpath(TOP_SRCDIR) != os.path.realpath(TOP_BUILDDIR):
            # A VPATH build (distcheck): dev.sh builds in the checkout, which is not
            # this build, so the demo it would start is run against this build instead.
            out = self.run_demo()
        else:
            out = self.dev_run()
        self.assertIn('demo: files under', out)

    def dev_run(self):
        env = clean_env(DEMO_DIR=self.sb.path('demo'), DEMO_ONCE=1, **self.ports)
        r = subprocess.run(['bash', DEV, 'run'], capture_output=True, text=True, env=env, timeout=600,
                           cwd=self.sb.dir)
        self.assertEqual(r.returncode, 0, f'exit {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}')
        return r.stdout


if __name__ == '__main__':
    unittest.main()
