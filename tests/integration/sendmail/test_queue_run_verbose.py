"""`sendmail -q -v` as sendmail 8.17 prints a queue run: a blank line and
"Running <dir>/<id> (sequence N of M)" per entry of the work list, then one
"address... status" line per recipient; the rewritten qf gains the I line
(the df's device and inode); the process title names the entry being run
("sendmail: ./ID from queue"). Queue groups are run the group with the most
runners first; Runners=0 keeps a group out of runs unless -qG names it."""
import os
import re
import subprocess
import time
import unittest

from submitkit import SubmitEnv, lines, make_group_dirs

DEFERRED = 'Deferred: no delivery agent in this version'


def message(to, subject='s'):
    return ('From: alice@example.com\nTo: %s\nSubject: %s\n\nbody\n' % (to, subject)).encode()


class VerboseRunTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def qf_text(self, qid, d=None):
        with open(os.path.join(d or self.e.queue, 'qf' + qid), encoding='latin-1') as f:
            return f.read()

    def ids_by_priority(self):
        ids = [n[2:] for n in self.e.files('qf')]
        return sorted(ids, key=lambda i: (int(lines(self.qf_text(i), 'P')[0]), i))

    def test_each_entry_and_recipient_is_printed(self):
        self.e.submit(['-t', '-oi'], message('bob@example.org'))
        self.e.submit(['-t', '-oi'], message('root, carol@example.net'))
        first, second = self.ids_by_priority()
        r = self.e.mode(['-q', '-v'])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode(), (
            '\nRunning {q}/{a} (sequence 1 of 2)\n'
            'bob@example.org... {d}\n'
            '\nRunning {q}/{b} (sequence 2 of 2)\n'
            'root... {d}\n'
            'carol@example.net... {d}\n').format(q=self.e.queue, a=first, b=second, d=DEFERRED))

    def test_queuereturn_now_returns_each_entry_taken(self):
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], message('bob@example.org'))
        (qid,) = [n[2:] for n in self.e.files('qf')]
        r = self.e.mode(['-q', '-v', '-OTimeout.queuereturn=now'])
        self.assertEqual(r.stdout.decode(), '\nRunning %s/%s (sequence 1 of 1)\n'
                         'bob@example.org... Cannot send message for too long\n' % (self.e.queue, qid))
        (nid,) = [n[2:] for n in self.e.files('qf')]
        self.assertNotEqual(nid, qid)
        self.assertEqual(lines(self.qf_text(nid), 'R'), ['PF:alice@example.com'])

    def test_quiet_run_prints_nothing(self):
        self.e.submit(['-t', '-oi'], message('bob@example.org'))
        self.assertEqual(self.e.run_queue(['-q']).stdout, b'')

    def test_selection_counts_only_the_selected_entries(self):
        self.e.submit(['-t', '-oi'], message('bob@example.org'))
        self.e.submit(['-t', '-oi'], message('carol@example.net'))
        out = self.e.mode(['-q', '-v', '-qRcarol']).stdout.decode()
        self.assertEqual(re.findall(r'\(sequence (\d+) of (\d+)\)', out), [('1', '1')])
        self.assertIn('carol@example.net... ' + DEFERRED, out)

    def test_max_queue_run_size_bounds_the_work_list(self):
        # sendmail 8.17 stops reading the directory at the bound: the run
        # takes the first entry the directory lists, whatever its priority.
        self.e.submit(['-t', '-oi'], message('bob@example.org'))
        self.e.submit(['-t', '-oi'], message('root, carol@example.net'))
        first = [n[2:] for n in os.listdir(self.e.queue) if n.startswith('qf')][0]
        out = self.e.mode(['-q', '-v', '-OMaxQueueRunSize=1']).stdout.decode()
        self.assertEqual(re.findall(r'(?m)^Running .*/(\w+) \(sequence (\d+) of (\d+)\)$', out), [(first, '1', '1')])

    def test_rewritten_qf_has_the_df_inode_line(self):
        self.e.submit(['-t', '-oi'], message('bob@example.org'))
        (qid,) = [n[2:] for n in self.e.files('qf')]
        self.assertEqual(lines(self.qf_text(qid), 'I'), [])
        self.e.run_queue(['-q'])
        st = os.stat(os.path.join(self.e.queue, 'df' + qid))
        qf = self.qf_text(qid)
        self.assertEqual(lines(qf, 'I'), ['%d/%d/%d' % (os.major(st.st_dev), os.minor(st.st_dev), st.st_ino)])
        self.assertRegex(qf, r'\nP\d+\nI[\d/]+\nM' + DEFERRED + '\n')

    def test_process_title_names_the_entry(self):
        # Enough recipients that their lines fill the pipe: the runner waits
        # in the middle of the entry while we look at its title.
        rcpts = ['user%04d@example.org' % i for i in range(3000)]
        self.e.submit(['-oi', '-f', 'alice@example.com'] + rcpts, message('list:;'))
        (qid,) = [n[2:] for n in self.e.files('qf')]
        p = subprocess.Popen([self.e.sendmail, '-C', self.e.cf, '-q', '-v'], stdout=subprocess.PIPE,
                             env=self.e.env)
        try:
            self.assertEqual(p.stdout.readline(), b'\n')
            self.assertEqual(p.stdout.readline().decode(), 'Running %s/%s (sequence 1 of 1)\n' % (self.e.queue, qid))
            with open('/proc/%d/cmdline' % p.pid, 'rb') as f:
                title = f.read()
            self.assertEqual(title.rstrip(b'\0'), ('sendmail: ./%s from queue' % qid).encode())
            rest = p.stdout.read()
        finally:
            p.stdout.close()
            p.wait()
        self.assertEqual(rest.count(b'... ' + DEFERRED.encode()), 3000)


class GroupOrderTest(unittest.TestCase):
    """Three groups: the default, slow (Runners=0), and fast (F=f, R=3);
    local mail waits in fast, the prog mailer's in slow."""

    def setUp(self):
        self.e = SubmitEnv(self)
        self.slow, self.fast = make_group_dirs(self.e, 'slow', 'fast')

    def configure(self, groups):
        with open(self.e.cf) as f:
            cf = f.read()
        cf = cf.replace('Mlocal,\tP=/bin/true, F=lsDFMAw5:/|@qPn9,', 'Mlocal,\tP=/bin/true, F=lsDFMAw5:/|@qPn9, Q=fast,')
        cf = cf.replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\n' + groups)
        with open(self.e.cf, 'w') as f:
            f.write(cf)

    def running(self, out):
        return re.findall(r'(?m)^Running (.*)/\w+ \(sequence', out)

    def test_most_runners_run_first(self):
        self.configure('Qfast, Path=%s, Flags=f, Runners=3\n' % self.fast)
        self.e.submit(['-t', '-oi'], message('bob@example.org'))
        self.e.submit(['-t', '-oi'], message('root'))
        r = self.e.mode(['-q', '-v'])
        self.assertEqual(self.running(r.stdout.decode()), [self.fast, self.e.queue])

    def test_each_groups_nice_adds_up_in_the_foreground(self):
        # seen with sendmail 8.17: -q -v runs the groups in its own process,
        # calling nice(Nice=) as each comes (fast: 3, then the default: +0).
        self.configure('Qfast, Path=%s, Flags=f, Runners=2, Nice=3\n' % self.fast)
        with open(self.e.cf) as f:
            cf = f.read().replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\nQmqueue, Path=%s, Nice=2\n'
                                  % self.e.queue)
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        self.e.submit(['-oi', '-f', 'alice@example.com', 'root'], message('list:;'))  # fast
        # enough recipients to fill the pipe: the default group's entry waits for us
        self.e.submit(['-oi', '-f', 'alice@example.com'] + ['u%04d@example.org' % i for i in range(3000)],
                      message('list:;'))
        p = subprocess.Popen([self.e.sendmail, '-C', self.e.cf, '-q', '-v'], stdout=subprocess.PIPE, env=self.e.env)
        try:
            seen = []
            default_entry = re.compile(r'^Running %s/\w+ \(sequence' % re.escape(self.e.queue))
            while not (seen and default_entry.match(seen[-1])):
                seen.append(p.stdout.readline().decode())
                self.assertNotEqual(seen[-1], '', seen)
            with open('/proc/%d/stat' % p.pid) as f:
                self.assertEqual(int(f.read().rsplit(') ', 1)[1].split()[16]), 5)
            self.assertIn('Running %s/' % self.fast, ''.join(seen))  # fast came first, at 3
            p.stdout.read()
        finally:
            p.stdout.close()
            p.wait()

    def test_ties_keep_cf_order_default_first(self):
        self.configure('Qfast, Path=%s\n' % self.fast)
        self.e.submit(['-t', '-oi'], message('root'))
        self.e.submit(['-t', '-oi'], message('bob@example.org'))
        r = self.e.mode(['-q', '-v'])
        self.assertEqual(self.running(r.stdout.decode()), [self.e.queue, self.fast])

    def test_no_runners_no_run_unless_named(self):
        self.configure('Qfast, Path=%s, Runners=0\n' % self.fast)
        self.e.submit(['-t', '-oi'], message('root'))
        self.assertEqual(self.e.mode(['-q', '-v']).stdout, b'')
        r = self.e.mode(['-q', '-v', '-qGfast'])
        self.assertEqual(self.running(r.stdout.decode()), [self.fast])

    def test_process_title_of_a_group_entry_names_its_directory(self):
        self.configure('Qfast, Path=%s\n' % self.fast)
        with open(self.e.cf) as f:
            cf = f.read().replace('Mesmtp,\tP=[IPC], F=mDFMuXa, L=990,', 'Mesmtp,\tP=[IPC], F=mDFMuXa, L=990, Q=fast,')
        with open(self.e.cf, 'w') as f:
            f.write(cf)
        rcpts = ['user%04d@example.org' % i for i in range(3000)]
        self.e.submit(['-oi', '-f', 'alice@example.com'] + rcpts, message('list:;'))
        (qid,) = [n[2:] for n in os.listdir(self.fast) if n.startswith('qf')]
        p = subprocess.Popen([self.e.sendmail, '-C', self.e.cf, '-q', '-v'], stdout=subprocess.PIPE, env=self.e.env)
        try:
            p.stdout.readline()
            p.stdout.readline()
            with open('/proc/%d/cmdline' % p.pid, 'rb') as f:
                self.assertEqual(f.read().rstrip(b'\0'), ('sendmail: fast/%s from queue' % qid).encode())
        finally:
            p.stdout.read()
            p.stdout.close()
            p.wait()

    def test_runners_without_fork_flag_are_warned_of(self):
        self.configure('Qfast, Path=%s, Runners=2\n' % self.fast)
        r = self.e.mode(['-bp'])
        self.assertTrue(r.stdout.decode().startswith(
            "Warning: Q=fast: R=2: multiple queue runners specified\n\tbut flag 'f' is not set\n"), r.stdout)


if __name__ == '__main__':
    unittest.main()
