"""Crash safety: submitters and queue runners killed with SIGKILL at random
moments (fixed seed, bounded count). Afterwards every message whose
submission exited 0 is in the queue exactly once and complete, and no qf in
the queue is ever partial."""
import os
import random
import re
import signal
import subprocess
import time
import unittest

from submitkit import SubmitEnv, lines

SUBMISSIONS = 60


class CrashTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def message(self, n):
        body = ''.join('message %d line %d %s\n' % (n, i, 'x' * 60) for i in range(400))
        return ('From: a@example.com\nTo: r%d@example.org\nX-Seq: %d\nSubject: crash %d\n\n' % (n, n, n)) + body

    def start(self, argv, stdin_path=None):
        stdin = open(stdin_path, 'rb') if stdin_path else subprocess.DEVNULL
        p = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=self.e.env, cwd=self.e.sb.dir)
        if stdin_path:
            stdin.close()
        return p

    def test_killed_submitters_and_runners_lose_nothing_accepted(self):
        rng = random.Random(20261202)
        base = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com']
        accepted, bodies, runners = [], {}, []
        for n in range(SUBMISSIONS):
            text = self.message(n)
            path = self.e.sb.write('msg%d' % n, text)
            bodies[n] = text.split('\n\n', 1)[1].encode()
            p = self.start(base + ['-odq', '-t', '-oi'], path)
            if rng.random() < 0.3:
                runners.append(self.start(base + ['-q', '-v']))  # -v: in the foreground, to be killed
            if rng.random() < 0.5:
                time.sleep(rng.random() * 0.01)
                p.send_signal(signal.SIGKILL)
            if p.wait(30) == 0:
                accepted.append(n)
            for r in runners:
                if r.poll() is None and rng.random() < 0.5:
                    r.send_signal(signal.SIGKILL)
        for r in runners:
            r.wait(30)
        self.assertTrue(self.e.settle())
        self.assertGreater(len(accepted), 5)
        seen = {}
        for name in self.e.files('qf'):
            qid = name[2:]
            with open(os.path.join(self.e.queue, name), 'rb') as f:
                qf = f.read().decode('latin-1')
            self.assertTrue(qf.endswith('\n.\n'), 'partial qf ' + name)
            seq = int(re.search(r'(?m)^H\?\?X-Seq: (\d+)$', qf).group(1))
            seen.setdefault(seq, []).append(qid)
            self.assertEqual(self.e.df(qid), bodies[seq], 'incomplete df for message %d' % seq)
            self.assertEqual(lines(qf, 'R'), ['PFD:r%d@example.org' % seq])
        for n in accepted:
            self.assertEqual(len(seen.get(n, [])), 1, 'message %d accepted but queued %r' % (n, seen.get(n)))
        for n, ids in seen.items():
            self.assertEqual(len(ids), 1, 'message %d queued twice' % n)


if __name__ == '__main__':
    unittest.main()
