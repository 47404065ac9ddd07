"""Several queue directories per queue group, as sendmail 8.17 has them: a
QueueDirectory (or a Q line's Path=) ending in '*' stands for every
subdirectory of its parent whose name starts with the text before the '*'.
A submission writes into one of them (qf/ and df/ inside it if present),
mailq and -bP list each, in the order the parent directory lists them, and
a queue run takes the entries of all of a group's directories as one work
list. The expected texts were seen with the real sendmail 8.17."""
import fcntl
import os
import re
import signal
import unittest

from submitkit import SubmitEnv, lines, poll, kill_quietly

LOCAL = b'From: alice@example.com\nTo: root\n\nbody\n'
REMOTE = b'From: alice@example.com\nTo: bob@example.org\n\nbody\n'
DEFERRED = 'Deferred: no delivery agent in this version'


def qf_names(d):
    return [n for n in os.listdir(d) if n.startswith('qf')]


def read(path):
    with open(path, encoding='latin-1') as f:
        return f.read()


class QueueDirectoriesTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.q = self.e.queue

    def use_queue_directory(self, value):
        with open(self.e.cf) as f:
            cf = f.read().replace('O QueueDirectory=%s\n' % self.q, 'O QueueDirectory=%s\n' % value)
        with open(self.e.cf, 'w') as f:
            f.write(cf)

    def make_dirs(self, *names):
        for n in names:
            os.makedirs(os.path.join(self.q, n), mode=0o700)

    def dirs_in_listing_order(self, prefix):
        """What sendmail takes: the matching directories as the parent lists them."""
        return [os.path.join(self.q, n) for n in os.listdir(self.q)
                if n.startswith(prefix) and os.path.isdir(os.path.join(self.q, n))]

    def where(self, qid):
        """The directories holding qid's qf and df files."""
        found = {}
        for top, _, files in os.walk(self.q):
            for n in files:
                if n[2:] == qid:
                    found[n[:2]] = top
        return found

    def test_submission_writes_into_one_of_the_matching_directories(self):
        self.make_dirs('q1', 'q2', 'q3', 'slow')
        with open(os.path.join(self.q, 'qnotes'), 'w') as f:
            f.write('not a directory\n')
        self.use_queue_directory(self.q + '/q*')
        for _ in range(6):
            r = self.e.submit(['-t', '-oi'], LOCAL)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b'', b''))
        ids = []
        for d in ('q1', 'q2', 'q3'):
            ids += [n[2:] for n in qf_names(os.path.join(self.q, d))]
        self.assertEqual(len(ids), 6)
        for qid in ids:
            found = self.where(qid)
            self.assertEqual(found['qf'], found['df'])
            self.assertIn(os.path.basename(found['qf']), ('q1', 'q2', 'q3'))
        self.assertEqual(qf_names(self.q), [])
        self.assertEqual(os.listdir(os.path.join(self.q, 'slow')), [])

    def test_qf_and_df_subdirectories_of_each_directory_are_used(self):
        self.make_dirs('q1/qf', 'q1/df', 'q2/qf', 'q2/df')
        self.use_queue_directory(self.q + '/q*')
        for _ in range(4):
            self.e.submit(['-t', '-oi'], LOCAL)
        n = 0
        for d in ('q1', 'q2'):
            qfs = qf_names(os.path.join(self.q, d, 'qf'))
            n += len(qfs)
            for name in qfs:
                self.assertTrue(os.path.exists(os.path.join(self.q, d, 'df', 'd' + name[1:])))
            self.assertEqual(sorted(os.listdir(os.path.join(self.q, d))), ['df', 'qf'])
        self.assertEqual(n, 4)

    def test_mailq_lists_every_directory_in_the_parents_order(self):
        self.make_dirs('qz', 'qa', 'qm/qf', 'qm/df', 'q5', 'xq')
        self.use_queue_directory(self.q + '/q*')
        for _ in range(5):
            self.e.submit(['-t', '-oi'], LOCAL)
        expected, total = [], 0
        for d in self.dirs_in_listing_order('q'):
            control = os.path.join(d, 'qf') if os.path.isdir(os.path.join(d, 'qf')) else d
            shown = os.path.join(d, 'df') if os.path.isdir(os.path.join(d, 'df')) else d
            n = len(qf_names(control))
            total += n
            if n == 0:
                expected.append('%s is empty' % shown)
            else:
                expected.append('\t\t%s (%d request%s)' % (shown, n, '' if n == 1 else 's'))
        r = self.e.mode(['-bp'])
        self.assertEqual(r.returncode, 0)
        out = r.stdout.decode()
        heads = re.findall(r'(?m)^(?:\t\t/.*\(\d+ requests?\)|/.* is empty)$', out)
        self.assertEqual(heads, expected)
        self.assertEqual(total, 5)
        self.assertTrue(out.endswith('\t\tTotal requests: 5\n'), out)
        self.assertEqual(out.count('\t\t\t\t\t root\n'), 5)

    def test_group_path_with_wildcard_and_qG(self):
        self.make_dirs('slowA', 'slowB', 'other')
        with open(self.e.cf) as f:
            cf = f.read()
        cf = cf.replace('Mesmtp,\tP=[IPC], F=mDFMuXa, L=990,', 'Mesmtp,\tP=[IPC], F=mDFMuXa, L=990, Q=slow,')
        cf = cf.replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\nQslow, Path=%s/slow*\n' % self.q)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        for _ in range(4):
            self.e.submit(['-t', '-oi'], REMOTE)
        self.e.submit(['-t', '-oi'], LOCAL)
        slow = self.dirs_in_listing_order('slow')
        self.assertEqual(sum(len(qf_names(d)) for d in slow), 4)
        self.assertEqual(len(qf_names(self.q)), 1)
        self.assertEqual(os.listdir(os.path.join(self.q, 'other')), [])
        out = self.e.mode(['-bp', '-qGslow']).stdout.decode()
        heads = re.findall(r'(?m)^\t\t(/\S+) \(\d+ requests?\)$|^(/\S+) is empty$', out)
        self.assertEqual([a or b for a, b in heads], slow)
        self.assertNotIn('Total requests', out)
        out = self.e.mode(['-bp']).stdout.decode()
        heads = re.findall(r'(?m)^\t\t(/\S+) \(\d+ requests?\)$|^(/\S+) is empty$', out)
        self.assertEqual([a or b for a, b in heads], [self.q] + slow)
        self.assertTrue(out.endswith('\t\tTotal requests: 5\n'))

    def test_queue_run_takes_every_directory_as_one_work_list(self):
        self.make_dirs('q1', 'q2')
        self.use_queue_directory(self.q + '/q*')
        for _ in range(4):
            self.e.submit(['-t', '-oi'], REMOTE)
        r = self.e.mode(['-q', '-v'])
        self.assertEqual(r.returncode, 0)
        runs = re.findall(r'(?m)^Running (/\S+)/(\w+) \(sequence (\d) of (\d)\)$', r.stdout.decode())
        self.assertEqual([(s, t) for _, _, s, t in runs], [('1', '4'), ('2', '4'), ('3', '4'), ('4', '4')])
        self.assertEqual(r.stdout.decode().count('bob@example.org... ' + DEFERRED), 4)
        for d, qid, _, _ in runs:
            self.assertEqual(lines(read(os.path.join(d, 'qf' + qid)), 'N'), ['1'])
        self.assertEqual(sorted(qid for _, qid, _, _ in runs),
                         sorted(n[2:] for d in ('q1', 'q2') for n in qf_names(os.path.join(self.q, d))))

    def test_jobs_bound_is_reached_while_gathering_directory_after_directory(self):
        self.make_dirs('q1', 'q2')
        self.use_queue_directory(self.q + '/q*')
        for _ in range(4):
            self.e.submit(['-t', '-oi'], REMOTE)
        # sendmail stops gathering at MaxQueueRunSize: the first directory's
        # entries first, each directory in the order it lists them.
        gathered = [(d, n[2:]) for d in self.dirs_in_listing_order('q') for n in qf_names(d)]
        out = self.e.mode(['-q', '-v', '-OMaxQueueRunSize=3']).stdout.decode()
        runs = re.findall(r'(?m)^Running (/\S+)/(\w+) \(sequence \d of 3\)$', out)
        self.assertEqual(sorted(runs), sorted(gathered[:3]))

    def test_selection_looks_into_every_directory(self):
        self.make_dirs('q1', 'q2', 'q3')
        self.use_queue_directory(self.q + '/q*')
        for n in range(6):
            self.e.submit(['-t', '-oi'], ('From: alice@example.com\nTo: user%d@example.org\n\nbody\n' % n).encode())
        where = {}
        for d in self.dirs_in_listing_order('q'):
            for name in qf_names(d):
                (rcpt,) = lines(read(os.path.join(d, name)), 'R')
                where[rcpt.split(':', 1)[1]] = (d, name[2:])
        out = self.e.mode(['-bp', '-qRuser4']).stdout.decode()
        self.assertEqual(re.findall(r'(?m)^(\w{14}) ', out), [where['user4@example.org'][1]])
        self.assertTrue(out.endswith('\t\tTotal requests: 1\n'))
        d, qid = where['user2@example.org']
        out = self.e.mode(['-q', '-v', '-qI' + qid]).stdout.decode()
        self.assertEqual(re.findall(r'(?m)^Running (.*) \(sequence (\d) of (\d)\)$', out), [(d + '/' + qid, '1', '1')])

    def test_a_locked_entry_in_any_directory_is_left_to_its_holder(self):
        self.make_dirs('q1', 'q2')
        self.use_queue_directory(self.q + '/q*')
        for _ in range(4):
            self.e.submit(['-t', '-oi'], REMOTE)
        entries = [(d, n) for d in self.dirs_in_listing_order('q') for n in qf_names(d)]
        held_dir, held = entries[-1]
        with open(os.path.join(held_dir, held), 'rb') as f:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            out = self.e.mode(['-q', '-v']).stdout.decode()
        self.assertIn('%s: locked\n' % held[2:], out)
        for d, n in entries:
            self.assertEqual(lines(read(os.path.join(d, n)), 'N'), ['0' if n == held else '1'])

    def test_forking_group_runs_the_entries_of_every_directory(self):
        self.make_dirs('q1', 'q2', 'q3')
        self.use_queue_directory(self.q + '/q*')
        with open(self.e.cf) as f:
            cf = f.read().replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\n'
                                  'Qmqueue, Path=%s/q*, Flags=f, Runners=2\n' % self.q)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        for _ in range(5):
            self.e.submit(['-t', '-oi'], REMOTE)
        self.e.run_queue(['-q'])
        entries = [os.path.join(d, n) for d in self.dirs_in_listing_order('q') for n in qf_names(d)]
        self.assertEqual(len(entries), 5)
        for p in entries:
            self.assertEqual(lines(read(p), 'N'), ['1'], p)

    def test_quarantine_finds_entries_in_every_directory(self):
        self.make_dirs('q1', 'q2')
        self.use_queue_directory(self.q + '/q*')
        for _ in range(3):
            self.e.submit(['-t', '-oi'], LOCAL)
        r = self.e.mode(['-Qheld', '-v'])
        self.assertEqual(r.stdout.decode().count(': Quarantined with "held"'), 3)
        for d in ('q1', 'q2'):
            self.assertEqual(qf_names(os.path.join(self.q, d)), [])

    def test_bP_counts_each_directory(self):
        self.make_dirs('q1', 'q2')
        self.use_queue_directory(self.q + '/q*')
        with open(os.path.join(self.q, 'q1', 'qfAAAAAAAAAAAA'), 'w') as f:
            f.write('V8\n')
        keys = ['-O', 'SharedMemoryKey=-1', '-O', 'SharedMemoryKeyFile=' + self.e.sb.path('shm.key')]
        pidfile = self.e.sb.path('sendmail.pid')
        self.assertEqual(self.e.mode(['-q1h', '-OPidFile=' + pidfile] + keys).returncode, 0)
        self.assertTrue(poll(lambda: os.path.exists(pidfile) and read(pidfile).count('\n') == 2))
        self.assertTrue(poll(lambda: os.path.exists(self.e.sb.path('shm.key'))))
        pid = int(read(pidfile).split('\n')[0])
        self.addCleanup(kill_quietly, pid)
        expected = ''.join('%s: entries=1\n' % d if d.endswith('q1') else '%s is empty\n' % d
                           for d in self.dirs_in_listing_order('q')) + '\t\tTotal requests: 1\n'
        r = self.e.mode(['-bP'] + keys)
        self.assertEqual((r.returncode, r.stdout.decode()), (0, expected))
        os.kill(pid, signal.SIGTERM)
        self.assertTrue(poll(lambda: not os.path.exists(pidfile)))


class QueueDirectoryErrorsTest(unittest.TestCase):
    """What sendmail says when a '*' matches no directory."""

    def setUp(self):
        self.e = SubmitEnv(self)
        self.q = self.e.queue
        with open(self.e.cf) as f:
            cf = f.read().replace('O QueueDirectory=%s\n' % self.q, 'O QueueDirectory=%s/q*\n' % self.q)
        with open(self.e.cf, 'w') as f:
            f.write(cf)

    def test_no_match_is_refused_by_every_mode(self):
        os.makedirs(os.path.join(self.q, 'a'))
        with open(os.path.join(self.q, 'qfile'), 'w') as f:
            f.write('x\n')
        said = ('can not opendir(%s/q): No such file or directory\n' % self.q).encode()
        for r in (self.e.mode(['-bp']), self.e.mode(['-q', '-v']), self.e.submit(['-t'], LOCAL)):
            self.assertEqual((r.returncode, r.stdout), (78, said))
        self.assertEqual(sorted(os.listdir(self.q)), ['a', 'qfile'])

    def test_no_match_but_the_name_exists_uses_the_parent(self):
        with open(os.path.join(self.q, 'q'), 'w') as f:
            f.write('a file, not a directory\n')
        r = self.e.mode(['-bp'])
        self.assertEqual((r.returncode, r.stdout.decode()), (0, '%s is empty\n\t\tTotal requests: 0\n' % self.q))
        self.assertEqual(self.e.submit(['-t', '-oi'], LOCAL).returncode, 0)
        self.assertEqual(len(self.e.files('qf')), 1)

    def test_every_missing_directory_is_named_before_giving_up(self):
        with open(self.e.cf) as f:
            cf = f.read().replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\n'
                                  'Qa, Path=%s/a\nQb, Path=%s/b*\n' % (self.q, self.q))
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        r = self.e.mode(['-bp'])
        self.assertEqual((r.returncode, r.stdout.decode()), (78, ''.join(
            'can not opendir(%s/%s): No such file or directory\n' % (self.q, n) for n in ('q', 'a', 'b'))))

    def test_a_path_that_is_no_directory_is_listed_empty_and_fails_the_run(self):
        os.makedirs(os.path.join(self.q, 'q1'))
        with open(os.path.join(self.q, 'slowfile'), 'w') as f:
            f.write('x\n')
        with open(self.e.cf) as f:
            cf = f.read().replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\n'
                                  'Qslow, Path=%s/slowfile\n' % self.q)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        said = 'gatherq: cannot open "%s/slowfile": Not a directory\n' % self.q
        r = self.e.mode(['-bp'])
        self.assertEqual((r.returncode, r.stdout.decode()), (0, '%s/q1 is empty\n%s%s/slowfile is empty\n'
                                                             '\t\tTotal requests: 0\n' % (self.q, said, self.q)))
        r = self.e.mode(['-q', '-v'])
        self.assertEqual((r.returncode, r.stdout.decode()), (71, said))

    def test_submission_to_a_group_whose_path_is_a_file_is_refused(self):
        os.makedirs(os.path.join(self.q, 'q1'))
        with open(os.path.join(self.q, 'slowfile'), 'w') as f:
            f.write('x\n')
        with open(self.e.cf) as f:
            cf = f.read().replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\n'
                                  'Qslow, Path=%s/slowfile\n' % self.q)
            cf = cf.replace('Mesmtp,\tP=[IPC], F=mDFMuXa, L=990,', 'Mesmtp,\tP=[IPC], F=mDFMuXa, L=990, Q=slow,')
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        r = self.e.submit(['-t', '-oi'], REMOTE)
        out = re.sub(r'([dq]f)\w{14}', r'\1ID', r.stdout.decode())
        self.assertEqual((r.returncode, out), (71, (
            'collect: Cannot write slowfile/dfID (bfcommit, uid=%d, gid=%d): Not a directory\n'
            'queueup: cannot create queue file slowfile/qfID, euid=%d, fd=-1, fp=0x0: Not a directory\n'
            % (os.geteuid(), os.getegid(), os.geteuid()))))
        self.assertEqual(os.listdir(os.path.join(self.q, 'q1')), [])

    def test_missing_parent_cannot_be_entered(self):
        os.rmdir(self.q)
        r = self.e.mode(['-bp'])
        self.assertEqual((r.returncode, r.stdout),
                         (78, ('can not chdir(%s/): No such file or directory\n' % self.q).encode()))


if __name__ == '__main__':
    unittest.main()
