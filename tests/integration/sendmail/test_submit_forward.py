"""A local user's .forward at submission: with DeliveryMode interactive or
background sendmail reads it while resolving the recipients (ForwardPath,
safe-file rules), so the qf holds the addresses it names, controlled by the
user; queue-only submissions leave that to the queue run."""
import os
import pwd
import unittest

from submitkit import SubmitEnv, lines

MSG = b'Subject: fw\n\nhello\n'


class ForwardTest(unittest.TestCase):
    def setUp(self):
        self.user = pwd.getpwuid(os.getuid())
        extra = ('O ForwardPath={d}/missing.$u:{d}/forward.$u\n'
                 'O DontBlameSendmail=MapInUnsafeDirPath,ForwardFileInUnsafeDirPath\n')
        self.e = SubmitEnv(self, extra.replace('{d}', '@DIR@'))
        with open(self.e.cf) as f:
            text = f.read().replace('@DIR@', self.e.sb.dir)
        with open(self.e.cf, 'w') as f:
            f.write(text)
        self.fwd = self.e.sb.path('forward.' + self.user.pw_name)

    def write_forward(self, text, mode=0o644):
        self.e.sb.write('forward.' + self.user.pw_name, text, mode)

    def submit(self, mode):
        argv = [self.e.sendmail, '-C', self.e.cf, '-Mjmx.example.com', mode, '-f', 'root', self.user.pw_name]
        return self.e.sb.run(self.e.wrap(argv), input=MSG, env=self.e.env)

    def ctl(self):
        u = self.user
        return ':' + u.pw_name if u.pw_uid == 0 else '%s:%d:%d:%s' % (u.pw_name, u.pw_uid, u.pw_gid, u.pw_name)

    def test_interactive_submission_expands_the_forward_file(self):
        self.write_forward('# where my mail goes\nbob@remote.example.net,\n carol@example.org\n')
        r = self.submit('-odi')
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b'', b''))
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'C'), [self.ctl()])
        self.assertEqual(lines(qf, 'r'), ['rfc822; %s@mx.example.com' % self.user.pw_name] * 2)
        self.assertEqual(lines(qf, 'R'), ['FD:carol@example.org', 'FD:bob@remote.example.net'])
        self.assertEqual(lines(qf, 'N'), ['1'])
        # The Received header still names the one envelope recipient.
        self.assertIn('\tfor %s;' % self.user.pw_name, qf)

    def test_queue_only_submission_does_not_read_it(self):
        self.write_forward('bob@remote.example.net\n')
        self.assertEqual(self.submit('-odq').returncode, 0)
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PFD:' + self.user.pw_name])

    def test_group_writable_forward_file_is_ignored(self):
        self.write_forward('bob@remote.example.net\n', 0o664)
        self.assertEqual(self.submit('-odb').returncode, 0)
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PFD:' + self.user.pw_name])

    def test_backslash_keeps_a_copy_in_the_users_own_mailbox(self):
        self.write_forward('\\%s, bob@remote.example.net\n' % self.user.pw_name)
        self.assertEqual(self.submit('-odi').returncode, 0)
        qf, _ = self.e.only_qf()
        self.assertEqual(sorted(lines(qf, 'R')), sorted(['FD:bob@remote.example.net',
                                                         'FD:\\' + self.user.pw_name]))


if __name__ == '__main__':
    unittest.main()
