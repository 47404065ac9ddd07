"""`sendmail -q1s` and `-qp1s` without -bd: the runner goes into the
background, writes the PidFile (pid, then the command line), runs the queue
every interval, and on SIGTERM stops and removes the PidFile. Queue groups
keep their own Interval=, Runners=, Flags=f and Nice=."""
import os
import signal
import time
import unittest

from submitkit import SubmitEnv, lines, poll, kill_quietly, process_title

MSG = b'From: alice@example.com\nTo: bob@example.org\n\nbody\n'


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
        self.addCleanup(kill_quietly, pid)
        self.assertIn(' ' + flag + ' ', cmd_line + ' ')
        return pid

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


class GroupScheduleTest(unittest.TestCase):
    """The periodic runner runs each queue group at its own Interval=, none
    with Runners=0, each in a process niced by Nice=; with F=f that process
    forks a child per entry, Runners= at a time."""

    def setUp(self):
        self.e = SubmitEnv(self)
        self.fast = os.path.join(self.e.queue, 'fast')
        os.makedirs(self.fast, mode=0o700)
        self.pidfile = self.e.sb.path('sendmail.pid')

    def configure(self, group):
        with open(self.e.cf) as f:
            cf = f.read()
        cf = cf.replace('Mesmtp,\tP=[IPC], F=mDFMuXa, L=990,', 'Mesmtp,\tP=[IPC], F=mDFMuXa, L=990, Q=fast,')
        cf = cf.replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\nQfast, Path=%s, %s\n' % (self.fast, group))
        with open(self.e.cf, 'w') as f:
            f.write(cf)

    def tries(self, d):
        out = {}
        for n in os.listdir(d):
            if n.startswith('qf'):
                try:
                    with open(os.path.join(d, n), encoding='latin-1') as f:
                        out[n[2:]] = int(lines(f.read(), 'N')[0])
                except (OSError, IndexError, ValueError):
                    out[n[2:]] = -1
        return out

    def start(self, flag):
        r = self.e.mode([flag, '-OPidFile=' + self.pidfile])
        self.assertEqual(r.returncode, 0)
        self.assertTrue(poll(lambda: os.path.exists(self.pidfile) and
                             open(self.pidfile).read().count('\n') == 2))
        with open(self.pidfile) as f:
            pid = int(f.read().split('\n')[0])
        self.addCleanup(kill_quietly, pid)
        return pid

    def children(self, pid):
        kids = []
        for p in os.listdir('/proc'):
            try:
                with open('/proc/%s/stat' % p) as f:
                    fields = f.read().rsplit(') ', 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid and fields[0] != 'Z':  # a finished runner not reaped yet is no runner
                kids.append((int(p), int(fields[16])))  # pid, nice
        return kids

    def test_group_interval_overrides_the_q_interval(self):
        self.configure('Interval=1s')
        self.e.submit(['-t', '-oi'], MSG)                                   # fast
        self.e.submit(['-t', '-oi'], b'From: a@example.com\nTo: root\n\nb\n')  # mqueue
        pid = self.start('-q1h')
        self.assertTrue(poll(lambda: min(self.tries(self.fast).values()) >= 3), self.tries(self.fast))
        self.assertEqual(list(self.tries(self.e.queue).values()), [1])
        PeriodicRunnerTest.stop(self, pid)

    def test_group_without_runners_is_not_run(self):
        self.configure('Runners=0')
        self.e.submit(['-t', '-oi'], MSG)
        self.e.submit(['-t', '-oi'], b'From: a@example.com\nTo: root\n\nb\n')
        pid = self.start('-q1s')
        self.assertTrue(poll(lambda: list(self.tries(self.e.queue).values())[0] >= 2))
        self.assertEqual(list(self.tries(self.fast).values()), [0])
        PeriodicRunnerTest.stop(self, pid)

    def test_forking_group_has_one_runner_that_forks_per_entry(self):
        # As sendmail 8.17: the group's runner, titled "running queue: dir"
        # and niced, forks a child per entry (Runners= at a time).
        self.configure('Flags=f, Runners=3, Nice=7')
        for _ in range(7):
            self.e.submit(['-t', '-oi'], MSG)
        # A FIFO among the qf files holds the runner while it reads the
        # queue, long enough to look at it.
        fifo = os.path.join(self.fast, 'qf6B2AAAAA000001')
        os.mkfifo(fifo)
        pid = self.start('-q1h')
        want = 'sendmail: running queue: ' + self.fast
        self.assertTrue(poll(lambda: [n for p, n in self.children(pid) if process_title(p) == want] == [7]),
                        [(process_title(p), n) for p, n in self.children(pid)])
        fd = os.open(fifo, os.O_WRONLY)
        os.close(fd)
        os.unlink(fifo)
        self.assertTrue(poll(lambda: sorted(self.tries(self.fast).values()) == [1] * 7), self.tries(self.fast))
        PeriodicRunnerTest.stop(self, pid)

    def test_group_without_fork_flag_has_one_runner(self):
        self.configure('Runners=3')
        self.e.submit(['-t', '-oi'], MSG)
        fifo = os.path.join(self.fast, 'qf6B2AAAAA000001')
        os.mkfifo(fifo)
        pid = self.start('-q1h')
        self.assertTrue(poll(lambda: len(self.children(pid)) >= 1))
        time.sleep(0.3)  # time for more runners to appear, were they started
        self.assertEqual(len(self.children(pid)), 1)
        os.close(os.open(fifo, os.O_WRONLY))
        os.unlink(fifo)
        self.assertTrue(poll(lambda: list(self.tries(self.fast).values()) == [1]), self.tries(self.fast))
        PeriodicRunnerTest.stop(self, pid)


if __name__ == '__main__':
    unittest.main()
