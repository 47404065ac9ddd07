"""bench/contenders/ours.sh speaks the shared harness's contender verbs, and
refuses to start, saying why, while our SMTP daemon is not built. The harness
lives outside the repository; a stand-in with the same lib.sh functions and
a netiso.sh that only runs its command takes its place."""
import os
import subprocess
import textwrap
import unittest

from harness import TOP_BUILDDIR, TOP_SRCDIR, Sandbox

OURS = os.path.join(TOP_SRCDIR, 'bench', 'contenders', 'ours.sh')
LIB_SH = textwrap.dedent('''\
    RUN=${RUN:-$BENCH/run}
    PIDDIR=$RUN/pids
    mkdir -p "$PIDDIR"
    die() { echo "$(basename "$0"): $*" >&2; exit 1; }
    wait_port() { local i; for ((i = 0; i < ${2:-20} * 10; i++)); do
        (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
    port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
    ''')


def daemon_is_stub():
    r = subprocess.run([os.path.join(TOP_BUILDDIR, 'sendmail', 'sendmail'), '-bD', '-C', '/nonexistent/x.cf'],
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)
    return 'not built yet' in r.stdout + r.stderr


class ContenderTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.sb.write('bench/lib.sh', LIB_SH)
        self.sb.write('bench/netiso.sh', '#!/bin/sh\nexec "$@"\n', mode=0o755)

    def ours(self, *args):
        env = dict(os.environ, BENCH=self.sb.path('bench'),
                   OURS_SENDMAIL=os.path.join(TOP_BUILDDIR, 'sendmail', 'sendmail'))
        return subprocess.run(['bash', OURS, *args], capture_output=True, text=True, env=env, timeout=120)

    def test_ports_are_its_own(self):
        self.assertEqual(self.ours('port').stdout, '2527\n')
        self.assertEqual(self.ours('sinkport').stdout, '2603\n')

    def test_version_names_our_system(self):
        r = self.ours('version')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith('sendmail-compat '), r.stdout)

    def test_empty_queue_counts_zero_and_clears(self):
        self.assertEqual(self.ours('queued').stdout, '0\n')
        self.assertEqual(self.ours('clear').returncode, 0)

    def test_stop_without_start_is_harmless(self):
        self.assertEqual(self.ours('stop').returncode, 0)

    def test_start_refuses_while_the_daemon_is_not_built(self):
        if not daemon_is_stub():
            return  # the daemon exists: refusing is no longer this script's job
        r = self.ours('start', 'accept')
        self.assertEqual(r.returncode, 1)
        self.assertIn('ours.sh: our SMTP daemon is not built yet', r.stderr)
        self.assertIn('nothing to measure', r.stderr)
        self.assertFalse(os.path.exists(self.sb.path('bench/run/pids/ours.pid')))

    def test_unknown_verb_is_refused(self):
        r = self.ours('dance')
        self.assertEqual(r.returncode, 1)
        self.assertIn('usage:', r.stderr)


if __name__ == '__main__':
    unittest.main()
