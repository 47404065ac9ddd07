"""`sendmail -q` as sendmail 8.17 runs it: the command returns at once and
the run goes on in the background. With one queue group that background
process is the runner; with several, a "Queue control" process starts a
runner per group at the same time, each niced by its group's Nice= (one
with Flags=f titled "running queue: <dir>" forks per entry). The
periodic runner's titles: "Queue runner@01:00:00 for <QueueDirectory>", and
for -qp "Queue control" over a "running queue: <group directory>" per group;
either logs "starting daemon (version): queueing@01:00:00" at any LogLevel."""
import os
import signal
import time
import unittest

from submitkit import (SubmitEnv, background_processes, lines, make_group_dirs, poll, kill_quietly,
                       process_title)

MSG = b'From: alice@example.com\nTo: bob@example.org\n\nbody\n'
LOCAL = b'From: alice@example.com\nTo: root\n\nbody\n'


def children(pid):
    """(pid, nice) of the live children of pid."""
    kids = []
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % p) as f:
                fields = f.read().rsplit(') ', 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != 'Z':
            kids.append((int(p), int(fields[16])))
    return sorted(kids)


class OneShotRunTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def hold(self, d):
        """A FIFO among d's qf files: a runner reading the queue waits on it
        until release() opens it for writing."""
        fifo = os.path.join(d, 'qf6B2AAAAA000001')
        os.mkfifo(fifo)
        self.addCleanup(self.release, fifo)  # a failed test must not leave a runner waiting
        return fifo

    def release(self, fifo):
        """Lets a runner waiting on the FIFO go on (it reads nothing)."""
        if not os.path.exists(fifo):
            return
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:  # ENXIO: nobody waits on it
            pass
        os.unlink(fifo)

    def test_the_run_goes_on_after_the_command_returned(self):
        self.e.submit(['-t', '-oi'], MSG)
        fifo = self.hold(self.e.queue)
        started = time.time()
        r = self.e.mode(['-q'])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b'', b''))
        self.assertLess(time.time() - started, 5)
        self.assertTrue(poll(lambda: len(background_processes(self.e.sb.dir)) == 1))
        (runner,) = background_processes(self.e.sb.dir)
        self.assertNotIn('Queue control', process_title(runner))  # one group: the process is the runner
        self.release(fifo)
        self.assertTrue(self.e.settle())
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['1'])

    def test_several_groups_run_at_once_under_queue_control_each_at_its_nice(self):
        slow, fast = make_group_dirs(self.e, 'slow', 'fast')
        with open(self.e.cf) as f:
            cf = f.read()
        cf = cf.replace('Mesmtp,\tP=[IPC], F=mDFMuXa, L=990,', 'Mesmtp,\tP=[IPC], F=mDFMuXa, L=990, Q=slow,')
        cf = cf.replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\n'
                        'Qslow, Path=%s, Nice=5, Flags=f, Runners=2\nQfast, Path=%s, Nice=10\n' % (slow, fast))
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        self.e.submit(['-t', '-oi'], MSG)    # slow
        self.e.submit(['-t', '-oi'], LOCAL)  # the default group
        fifos = [self.hold(d) for d in (self.e.queue, slow, fast)]
        self.assertEqual(self.e.mode(['-q']).returncode, 0)
        control = []
        self.assertTrue(poll(lambda: control.extend(p for p in background_processes(self.e.sb.dir)
                                                    if process_title(p) == 'sendmail: Queue control') or control))
        # a runner sets its nice value just after the fork: wait for all three
        niced = lambda: sorted(n for _, n in children(control[0]))
        self.assertTrue(poll(lambda: niced() == [0, 5, 10]), children(control[0]))
        # slow's runner (Nice=5) forks per entry (Flags=f) and is titled so
        (slow_runner,) = [p for p, n in children(control[0]) if n == 5]
        self.assertEqual(process_title(slow_runner), 'sendmail: running queue: ' + slow)
        for f in fifos:
            self.release(f)
        self.assertTrue(self.e.settle())
        for d in (self.e.queue, slow):
            (name,) = [n for n in os.listdir(d) if n.startswith('qf')]
            with open(os.path.join(d, name), encoding='latin-1') as f:
                self.assertEqual(lines(f.read(), 'N'), ['1'])

    def test_verbose_run_stays_in_the_foreground(self):
        self.e.submit(['-t', '-oi'], MSG)
        r = self.e.mode(['-q', '-v'])
        self.assertIn(b'Running ', r.stdout)
        self.assertEqual(background_processes(self.e.sb.dir), [])
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'N'), ['1'])


class PeriodicTitleTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.pidfile = self.e.sb.path('sendmail.pid')

    def start(self, flag, *opts):
        self.assertEqual(self.e.mode([flag, '-OPidFile=' + self.pidfile] + list(opts)).returncode, 0)
        def written():
            try:
                with open(self.pidfile) as f:
                    return f.read().count('\n') == 2
            except OSError:
                return False
        self.assertTrue(poll(written))
        with open(self.pidfile) as f:
            pid = int(f.read().split('\n')[0])
        self.addCleanup(kill_quietly, pid)
        return pid

    def test_periodic_runner_title(self):
        pid = self.start('-q1h')
        want = 'sendmail: Queue runner@01:00:00 for %s' % self.e.queue
        self.assertTrue(poll(lambda: process_title(pid) == want), process_title(pid))

    def test_runner_logs_its_start_whatever_the_log_level(self):
        self.e.catch_syslog()
        for flag, kind in (('-q90s', 'queueing@00:01:30'), ('-qp1h', 'persistent-queueing@01:00:00')):
            pid = self.start(flag, '-OLogLevel=0')
            self.assertTrue(poll(lambda: any(kind in t for _, t in self.e.syslog_lines())), self.e.logged)
            (line,) = [(p, t) for p, t in self.e.logged if kind in t]
            self.assertRegex(line[1], r'^sendmail\[PID\]: starting daemon \([^()]+\): %s$' % kind)
            self.assertEqual(line[0], 22)  # LOG_MAIL|LOG_INFO
            os.kill(pid, signal.SIGTERM)
            self.assertTrue(poll(lambda: not os.path.exists(self.pidfile)))

    def test_persistent_runner_titles(self):
        (fast,) = make_group_dirs(self.e, 'fast')
        with open(self.e.cf) as f:
            cf = f.read().replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\nQfast, Path=%s\n' % fast)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        pid = self.start('-qp1h')
        self.assertTrue(poll(lambda: process_title(pid) == 'sendmail: Queue control'), process_title(pid))
        want = sorted('sendmail: running queue: ' + d for d in (self.e.queue, fast))
        self.assertTrue(poll(lambda: sorted(process_title(p) for p, _ in children(pid)) == want),
                        [process_title(p) for p, _ in children(pid)])


if __name__ == '__main__':
    unittest.main()
