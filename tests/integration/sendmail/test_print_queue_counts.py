"""`sendmail -bP`: the entries of each queue group, printed as sendmail 8.17
prints the counts its daemon keeps under SharedMemoryKey; without a running
daemon's segment sendmail has none, and says so."""
import os
import signal
import unittest

from submitkit import SubmitEnv, poll, kill_quietly

MSG = b'From: alice@example.com\nTo: bob@example.org\n\nbody\n'
UNAVAILABLE = b'Data unavailable: shared memory not updated\n'


def read(path):
    with open(path) as f:
        return f.read()


class PrintQueueCountsTest(unittest.TestCase):
    def setUp(self):
        # The group's path names the queue directory, known once the env exists.
        self.e = SubmitEnv(self, 'Qslow, Path=@QUEUE@/slow\n')

    def fix_cf(self):
        with open(self.e.cf) as f:
            text = f.read().replace('@QUEUE@', self.e.queue)
        with open(self.e.cf, 'w') as f:
            f.write(text)
        os.makedirs(os.path.join(self.e.queue, 'slow'), mode=0o700)

    def key_options(self):
        return ['-O', 'SharedMemoryKey=-1', '-O', 'SharedMemoryKeyFile=' + self.e.sb.path('shm.key')]

    def start_runner(self):
        pidfile = self.e.sb.path('sendmail.pid')
        r = self.e.mode(['-q1h', '-OPidFile=' + pidfile] + self.key_options())
        self.assertEqual(r.returncode, 0)
        self.assertTrue(poll(lambda: os.path.exists(pidfile) and read(pidfile).count('\n') == 2))
        self.assertTrue(poll(lambda: os.path.exists(self.e.sb.path('shm.key'))))
        pid = int(read(pidfile).split('\n')[0])
        self.addCleanup(kill_quietly, pid)
        return pid, pidfile

    def test_without_shared_memory_key_there_are_no_counts(self):
        self.fix_cf()
        self.e.submit(['-t'], MSG)
        r = self.e.mode(['-bP'])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, UNAVAILABLE, b''))

    def test_a_key_without_a_running_daemon_has_no_counts(self):
        self.fix_cf()
        r = self.e.mode(['-bP'] + self.key_options())
        self.assertEqual((r.returncode, r.stdout), (0, UNAVAILABLE))

    def test_counts_per_queue_group_while_the_runner_lives(self):
        self.fix_cf()
        for _ in range(2):
            self.e.submit(['-t'], MSG)
        with open(os.path.join(self.e.queue, 'slow', 'qfAAAAAAAAAAAA'), 'w') as f:
            f.write('V8\n')
        pid, pidfile = self.start_runner()
        r = self.e.mode(['-bP'] + self.key_options())
        expected = ('%s: entries=2\n%s/slow: entries=1\n\t\tTotal requests: 3\n' % (self.e.queue, self.e.queue))
        self.assertEqual((r.returncode, r.stdout.decode()), (0, expected))
        os.kill(pid, signal.SIGTERM)
        self.assertTrue(poll(lambda: not os.path.exists(pidfile)))
        self.assertFalse(os.path.exists(self.e.sb.path('shm.key')), 'the key file outlived the runner')
        r = self.e.mode(['-bP'] + self.key_options())
        self.assertEqual(r.stdout, UNAVAILABLE)


if __name__ == '__main__':
    unittest.main()
