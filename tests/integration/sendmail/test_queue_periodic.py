"""`sendmail -q1s` and `-qp1s` without -bd: the runner goes into the
background, writes the PidFile (pid, then the command line), runs the queue
every interval, and on SIGTERM stops and removes the PidFile."""
import os
import signal
import time
import unittest

from submitkit import SubmitEnv, lines

MSG = b'From: alice@example.com\nTo: bob@example.org\n\nbody\n'


def poll(cond, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


class PeriodicRunnerTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.e.submit(['-t', '-oi'], MSG)
        _, self.qid = self.e.only_qf()
        self.pidfile = self.e.sb.path('sendmail.pid')

    def tries(self):
        try:
            with open(os.path.join(self.e.queue, 'qf' + self.qid), encoding='latin-1') as f:
                return int(lines(f.read(), 'N')[0])
        except (OSError, IndexError, ValueError):
            return -1

    def start(self, flag):
        started = time.time()
        r = self.e.mode([flag, '-OPidFile=' + self.pidfile])
        self.assertEqual(r.returncode, 0)
        self.assertLess(time.time() - started, 5, 'the parent must return at once')
        self.assertTrue(poll(lambda: os.path.exists(self.pidfile) and
                             open(self.pidfile).read().count('\n') == 2))
        with open(self.pidfile) as f:
            pid_line, cmd_line = f.read().split('\n')[:2]
        pid = int(pid_line)
        self.addCleanup(self.kill_quietly, pid)
        self.assertIn(' ' + flag + ' ', cmd_line + ' ')
        return pid

    @staticmethod
    def kill_quietly(pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def stop(self, pid):
        os.kill(pid, signal.SIGTERM)
        self.assertTrue(poll(lambda: not os.path.exists(self.pidfile)), 'PidFile left behind')
        # The runner was started by a child of ours and reparented: it is gone
        # once kill(pid, 0) fails (or it is a zombie of init's).
        def gone():
            try:
                with open('/proc/%d/stat' % pid) as f:
                    return f.read().split(') ')[1][0] == 'Z'
            except OSError:
                return True
        self.assertTrue(poll(gone))

    def test_periodic_runner_runs_every_interval_until_sigterm(self):
        pid = self.start('-q1s')
        self.assertTrue(poll(lambda: self.tries() >= 2), 'the queue was not run twice')
        self.stop(pid)
        n = self.tries()
        time.sleep(1.5)
        self.assertEqual(self.tries(), n, 'still running after SIGTERM')

    def test_persistent_runner(self):
        pid = self.start('-qp1s')
        self.assertTrue(poll(lambda: self.tries() >= 2))
        self.stop(pid)


if __name__ == '__main__':
    unittest.main()
