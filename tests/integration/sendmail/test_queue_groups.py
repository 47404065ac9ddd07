"""Queue groups from the cf's Q lines: a message waits in the directory of
the group its recipients' mailer names (Q=), mailq lists every group's
directory in cf order after the default one, -qGname takes only that group."""
import os
import re
import unittest

from submitkit import SubmitEnv, lines, use_slow_and_fast_groups

REMOTE = b'From: alice@example.com\nTo: bob@example.org\n\nbody\n'
LOCAL = b'From: alice@example.com\nTo: root\n\nbody\n'
EMPTY_LISTING = '%s is empty\n'


class QueueGroupTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.slow, self.fast = use_slow_and_fast_groups(self.e, slow_opts=', Flags=f, Runners=2, Interval=10m',
                                                        fast_opts=', Jobs=5')

    def in_dir(self, d, prefix='qf'):
        return sorted(n for n in os.listdir(d) if n.startswith(prefix))

    def test_mailer_queue_group_places_message_in_group_directory(self):
        self.e.submit(['-t', '-oi'], REMOTE)
        self.e.submit(['-t', '-oi'], LOCAL)
        self.assertEqual(len(self.in_dir(self.slow)), 1)
        self.assertEqual(len(self.in_dir(self.slow, 'df')), 1)
        self.assertEqual(len(self.e.files('qf')), 1)
        self.assertEqual(self.in_dir(self.fast), [])
        with open(os.path.join(self.slow, self.in_dir(self.slow)[0]), encoding='latin-1') as f:
            self.assertEqual(lines(f.read(), 'R'), ['PFD:bob@example.org'])

    def test_recipients_of_two_groups_make_one_entry_per_group(self):
        self.e.submit(['-t', '-oi'], b'From: alice@example.com\nTo: bob@example.org, root\n\nbody\n')
        (slow_qf,), (main_qf,) = self.in_dir(self.slow), self.e.files('qf')
        self.assertNotEqual(slow_qf, main_qf)
        with open(os.path.join(self.slow, slow_qf), encoding='latin-1') as f:
            self.assertEqual(lines(f.read(), 'R'), ['PFD:bob@example.org'])
        with open(os.path.join(self.e.queue, main_qf), encoding='latin-1') as f:
            self.assertEqual(lines(f.read(), 'R'), ['PFD:root'])
        with open(os.path.join(self.slow, 'd' + slow_qf[1:]), 'rb') as f:
            self.assertEqual(f.read(), b'body\n')
        self.assertEqual(self.e.df(main_qf[2:]), b'body\n')

    def test_mailq_lists_each_group_directory(self):
        self.e.submit(['-t', '-oi'], REMOTE)
        self.e.submit(['-t', '-oi'], LOCAL)
        out = self.e.mode(['-bp']).stdout.decode()
        heads = re.findall(r'(?m)^(?:\t\t(\S+) \(1 request\)|(\S+) is empty)$', out)
        self.assertEqual([a or b for a, b in heads], [self.e.queue, self.slow, self.fast])
        self.assertTrue(out.endswith('\t\tTotal requests: 2\n'))
        self.assertIn('\t\t\t\t\t bob@example.org\n', out.split(self.slow)[1])

    def test_qG_lists_and_runs_only_that_group(self):
        self.e.submit(['-t', '-oi'], REMOTE)
        self.e.submit(['-t', '-oi'], LOCAL)
        out = self.e.mode(['-bp', '-qGslow']).stdout.decode()
        self.assertTrue(out.startswith('\t\t%s (1 request)\n' % self.slow), out)
        self.assertNotIn(self.fast, out)
        # a listing of named groups has no total (sendmail 8.17's has none)
        self.assertTrue(out.endswith('\t\t\t\t\t bob@example.org\n'), out)
        self.assertNotIn('Total requests', out)
        out = self.e.mode(['-bp', '-qGfast']).stdout.decode()
        self.assertEqual(out, '%s is empty\n' % self.fast)
        self.e.run_queue(['-qGslow'])
        with open(os.path.join(self.slow, self.in_dir(self.slow)[0]), encoding='latin-1') as f:
            self.assertEqual(lines(f.read(), 'N'), ['1'])
        with open(os.path.join(self.e.queue, self.e.files('qf')[0]), encoding='latin-1') as f:
            self.assertEqual(lines(f.read(), 'N'), ['0'])

    def test_jobs_bounds_one_run_of_the_group(self):
        with open(self.e.cf) as f:
            cf = f.read().replace('Q=slow,', 'Q=fast,').replace('Jobs=5', 'Jobs=1')
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        for _ in range(3):
            self.e.submit(['-t', '-oi'], REMOTE)
        self.assertEqual(len(self.in_dir(self.fast)), 3)
        self.e.run_queue(['-qGfast'])
        tries = []
        for n in self.in_dir(self.fast):
            with open(os.path.join(self.fast, n), encoding='latin-1') as f:
                tries.append(lines(f.read(), 'N')[0])
        self.assertEqual(sorted(tries), ['0', '0', '1'])

    def set_cf(self, old, new):
        with open(self.e.cf) as f:
            cf = f.read()
        self.assertIn(old, cf)
        with open(self.e.cf, 'w') as f:
            f.write(cf.replace(old, new))

    def entries(self, d):
        out = []
        for n in self.in_dir(d):
            with open(os.path.join(d, n), encoding='latin-1') as f:
                out.append(sorted(lines(f.read(), 'R')))
        return sorted(out)

    def test_queuegroup_ruleset_picks_the_group(self):
        # as FEATURE(queuegroup) does with QGRP: entries: $# names the group
        self.set_cf('S3\n', 'Squeuegroup\nR$+ @ fast.example\t$# fast\nR$+ @ none.example\t$# nosuch\nS3\n')
        self.e.submit(['-oi', '-f', 'alice@example.com', 'a@fast.example', 'b@none.example', 'root'], b'\nbody\n')
        self.assertEqual(self.entries(self.fast), [['PFD:a@fast.example']])
        # an unknown group leaves the choice to the mailer (esmtp: Q=slow)
        self.assertEqual(self.entries(self.slow), [['PFD:b@none.example']])
        self.assertEqual(self.entries(self.e.queue), [['PFD:root']])
        # ids in group order: the default group's entry first, then cf order
        ids = [self.e.files('qf')[0], self.in_dir(self.slow)[0], self.in_dir(self.fast)[0]]
        self.assertEqual(sorted(ids), ids)

    def test_recipients_equate_splits_an_envelope(self):
        self.set_cf('Qslow, Path=%s, Flags=f' % self.slow, 'Qslow, Path=%s, recipients=2, Flags=f' % self.slow)
        rcpts = ['u%d@example.org' % i for i in range(5)]
        self.e.submit(['-oi', '-f', 'alice@example.com'] + rcpts + ['root'], b'\nbody\n')
        got = self.entries(self.slow)
        self.assertEqual(sorted(len(e) for e in got), [1, 2, 2])
        self.assertEqual(sorted(sum(got, [])), ['PFD:' + r for r in rcpts])
        self.assertEqual(self.entries(self.e.queue), [['PFD:root']])
        for n in self.in_dir(self.slow):
            with open(os.path.join(self.slow, 'd' + n[1:]), 'rb') as f:
                self.assertEqual(f.read(), b'body\n')

    def test_group_directory_outside_the_queue_directory_stops_sendmail(self):
        self.set_cf('Qfast, Path=%s' % self.fast, 'Qfast, Path=%s' % self.e.sb.dir)
        for args in (['-bp'], ['-q']):
            r = self.e.mode(args)
            self.assertEqual((r.returncode, r.stdout.decode()), (78, 'QueuePath %s not subpath of QueueDirectory %s/: '
                                                                  'No such file or directory\n' % (self.e.sb.dir, self.e.queue)))
        r = self.e.submit(['-t', '-oi'], LOCAL)
        self.assertEqual(r.returncode, 78)
        self.assertEqual(self.e.files('qf'), [])
        self.assertFalse(os.path.exists(self.e.sb.path('dead.letter')))

    def test_missing_group_directory_stops_sendmail(self):
        os.rmdir(self.fast)
        r = self.e.mode(['-bp'])
        self.assertEqual((r.returncode, r.stdout.decode()),
                         (78, 'can not opendir(%s): No such file or directory\n' % self.fast))

    def test_config_errors_name_the_line(self):
        self.set_cf('Jobs=5\n', 'Jobs=5, Xyz=1\n')
        self.set_cf('Mprog,\tP=/bin/sh,', 'Mprog,\tP=/bin/sh, Q=nosuch,')
        r = self.e.mode(['-bp'])
        with open(self.e.cf) as f:
            cf = f.read().split('\n')
        qline = 1 + next(i for i, l in enumerate(cf) if l.startswith('Qfast'))
        mline = 1 + next(i for i, l in enumerate(cf) if l.startswith('Mprog'))
        self.assertEqual(r.stdout.decode().split('\n')[:2], [
            '%s: line %d: Qfast: unknown queue equate X=' % (self.e.cf, qline),
            '%s: line %d: mailer prog: unknown queue nosuch' % (self.e.cf, mline)])

    def test_one_qG_only(self):
        for args in (['-bp', '-qGslow', '-qGfast'], ['-qGslow', '-qGslow']):
            r = self.e.mode(args)
            self.assertEqual((r.returncode, r.stdout.decode()), (64, 'Can not use multiple -qG options\n'))

    def test_bare_qG_names_no_group(self):
        self.e.submit(['-t', '-oi'], REMOTE)
        r = self.e.mode(['-bp', '-qG'])
        self.assertEqual((r.returncode, r.stdout.decode()), (0, 'Queue group  unknown\n'))

    def test_unknown_group(self):
        r = self.e.mode(['-qGnone'])
        self.assertEqual(r.stdout.decode(), 'Queue group none unknown\n')
        r = self.e.mode(['-bp', '-qGnone'])
        self.assertEqual((r.returncode, r.stdout.decode()), (0, 'Queue group none unknown\n'))


if __name__ == '__main__':
    unittest.main()
