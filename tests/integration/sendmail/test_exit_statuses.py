"""Exit statuses as sendmail 8.17 gives them (observed with the real one,
run under `unshare --net --uts`):
- in -bt, a hash map whose file is missing is an OS error: exit 71
  (EX_OSERR), where other system errors there give 70;
- a cf without a QueueDirectory option stops every mode but -bt with
  "QueueDirectory (Q) option must be set" on stdout and exit 78 (EX_CONFIG)."""
import unittest

from harness import Sandbox

LOCAL_MAILER = 'Mlocal, P=/bin/true, F=lsDFMAw5:/|@qPSXfmnz9, S=0, R=0, A=true\n'
MAP_CF = 'V10\nKx hash {dir}/nonexistent\nS0\nR$*\t$#local $: $1\nS10\nR$*\t$: $(x $1 $)\n' + LOCAL_MAILER
NO_QUEUE_CF = 'V10\nS0\nR$*\t$#local $: $1\n' + LOCAL_MAILER


class ExitStatusTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)

    def sendmail(self, args, text=''):
        return self.sb.run([self.sb.program('sendmail/sendmail')] + args, input=text.encode())

    def test_missing_map_file_in_bt_exits_71(self):
        cf = self.sb.write('map.cf', MAP_CF.format(dir=self.sb.dir))
        for line in ('/map x foo', '10 foo'):
            r = self.sendmail(['-bt', '-C', cf], line + '\n')
            self.assertEqual(r.returncode, 71, (line, r))
            self.assertIn(b'hash map "x": missing map file ', r.stdout)

    def test_no_queue_directory_stops_all_but_bt(self):
        cf = self.sb.write('noq.cf', NO_QUEUE_CF)
        for args in (['-bv', 'root'], ['-bp'], ['-t'], ['root'], ['-bi']):
            r = self.sendmail(['-C', cf] + args, 'To: root\n\nhi\n')
            self.assertEqual((r.returncode, r.stdout), (78, b'QueueDirectory (Q) option must be set\n'), args)
        r = self.sendmail(['-C', cf, '-bt'], '0 root\n')
        self.assertEqual(r.returncode, 0, r)
        self.assertNotIn(b'QueueDirectory', r.stdout)

    def test_queue_directory_on_the_command_line_is_enough(self):
        cf = self.sb.write('noq.cf', NO_QUEUE_CF)
        r = self.sendmail(['-C', cf, '-oQ' + self.sb.dir, '-bv', 'root'])
        self.assertNotIn(b'QueueDirectory', r.stdout)
        self.assertEqual(r.returncode, 0, r)


if __name__ == '__main__':
    unittest.main()
