"""Queues of several directories per group (QueueDirectory=.../q*, a Q line's
Path=.../slow*) shared with the real sendmail 8.17: its mailq reads the
queue ours wrote and ours reads the queue it wrote, line for line alike.
The real one runs in its own namespaces with host name mx.example.com (an
unqualified name makes it wait a minute) and no network."""
import os
import shutil
import subprocess
import unittest

from submitkit import SubmitEnv

REAL_SENDMAIL = os.environ.get('REAL_SENDMAIL', '/usr/libexec/sendmail/sendmail')
HOSTS = '127.0.0.1\tlocalhost\n192.0.2.25\tmx.example.com mx\n'
LOCAL = b'From: alice@example.com\nTo: root\n\nbody\n'
REMOTE = b'From: alice@example.com\nTo: bob@example.org\n\nremote body\n'
LISTINGS = (['-bp'], ['-bp', '-v'], ['-bp', '-qGslow'], ['-bp', '-qGmqueue'])


class RealMailqTest(unittest.TestCase):
    def setUp(self):
        if not os.access(REAL_SENDMAIL, os.X_OK) or os.geteuid() != 0 or not shutil.which('unshare'):
            self.fail('needs root, unshare and the real sendmail 8.17 at %s (REAL_SENDMAIL)' % REAL_SENDMAIL)
        self.e = SubmitEnv(self)
        q = self.e.queue
        for d in ('q1', 'q2/qf', 'q2/df', 'q3', 'slowA', 'slowB/qf', 'slowB/df', 'other'):
            os.makedirs(os.path.join(q, d), mode=0o700)
        with open(self.e.cf) as f:
            cf = f.read()
        cf = cf.replace('O QueueDirectory=%s\n' % q, 'O QueueDirectory=%s/q*\n' % q)
        cf = cf.replace('Mesmtp,\tP=[IPC], F=mDFMuXa, L=990,', 'Mesmtp,\tP=[IPC], F=mDFMuXa, L=990, Q=slow,')
        cf = cf.replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\nQslow, Path=%s/slow*\n' % q)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        self.hosts = self.e.sb.write('hosts', HOSTS)

    def real(self, args, message=b''):
        script = 'mount --bind "$0" /etc/hosts && hostname mx.example.com && exec "$@"'
        argv = ['unshare', '--mount', '--uts', '--net', '--propagation', 'private', '/bin/sh', '-c', script,
                self.hosts, REAL_SENDMAIL, '-C', self.e.cf] + list(args)
        return subprocess.run(argv, input=message, capture_output=True, timeout=60, env=self.e.env)

    def assert_listings_agree(self):
        for args in LISTINGS:
            theirs, ours = self.real(args), self.e.mode(args)
            self.assertEqual((ours.returncode, ours.stdout.decode()), (theirs.returncode, theirs.stdout.decode()),
                             ' '.join(args))

    def entries(self):
        out = []
        for top, _, files in os.walk(self.e.queue):
            out += [os.path.join(top, n) for n in files if n.startswith('qf')]
        return out

    def test_real_mailq_reads_our_queue(self):
        for _ in range(3):
            self.assertEqual(self.e.submit(['-t', '-oi'], LOCAL).returncode, 0)
            self.assertEqual(self.e.submit(['-t', '-oi'], REMOTE).returncode, 0)
        self.assertEqual(len(self.entries()), 6)
        self.assert_listings_agree()

    def test_our_mailq_reads_the_real_queue(self):
        for _ in range(3):
            self.assertEqual(self.real(['-odq', '-t', '-oi'], LOCAL).returncode, 0)
            self.assertEqual(self.real(['-odq', '-t', '-oi'], REMOTE).returncode, 0)
        self.assertEqual(len(self.entries()), 6)
        self.assertEqual(os.listdir(os.path.join(self.e.queue, 'other')), [])
        self.assert_listings_agree()

    def test_both_refuse_a_pattern_that_matches_nothing_alike(self):
        for d in ('q1', 'q2/qf', 'q2/df', 'q2', 'q3'):
            os.rmdir(os.path.join(self.e.queue, d))
        for args in (['-bp'], ['-q']):
            theirs, ours = self.real(args), self.e.mode(args)
            self.assertEqual((ours.returncode, ours.stdout), (theirs.returncode, theirs.stdout))
            self.assertEqual(ours.returncode, 78)

    def test_both_say_the_same_of_missing_and_unreadable_directories(self):
        with open(os.path.join(self.e.queue, 'bfile'), 'w') as f:
            f.write('not a directory\n')
        with open(self.e.cf) as f:
            cf = f.read().replace('Qslow, ', 'Qb, Path=%s/bfile\nQslow, ' % self.e.queue)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        for args in (['-bp'], ['-q', '-v']):
            theirs, ours = self.real(args), self.e.mode(args)
            self.assertEqual((ours.returncode, ours.stdout), (theirs.returncode, theirs.stdout), args)
        with open(self.e.cf) as f:
            cf = f.read().replace('Qb, Path=%s/bfile\n' % self.e.queue, 'Qb, Path=%s/nothing*\n' % self.e.queue)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        os.rmdir(os.path.join(self.e.queue, 'q1'))
        for args in (['-bp'], ['-q']):
            theirs, ours = self.real(args), self.e.mode(args)
            self.assertEqual((ours.returncode, ours.stdout), (theirs.returncode, theirs.stdout), args)


if __name__ == '__main__':
    unittest.main()
