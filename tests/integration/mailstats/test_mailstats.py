"""mailstats: reads sendmail's binary statistics file (version 4 layout),
prints sendmail's columns, -o/-P/-p, refuses foreign files; submissions
count as received from the sender's mailer."""
import os
import struct
import sys
import unittest

from harness import Sandbox

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'sendmail'))
from submitkit import SubmitEnv  # noqa: E402


def stats_file(itime, conns, per):
    cols = [[0] * 25 for _ in range(7)]
    for m, vals in per.items():
        for i, v in enumerate(vals):
            cols[i][m] = v
    data = struct.pack('<iiqhxxxxxxqqq', 0x1B1DE, 4, itime, 1448, *conns)
    for c in cols:
        data += struct.pack('<25q', *c)
    return data


class MailstatsTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.mailstats = self.e.sb.program('mailstats/mailstats')
        self.st = self.e.sb.path('statistics')

    def run_ms(self, *args):
        return self.e.sb.run([self.mailstats, '-C', self.e.cf, '-f', self.st] + list(args), env=self.e.env)

    def test_columns_totals_and_connections(self):
        self.e.sb.write('statistics', stats_file(1700000000, (7, 8, 9), {3: (3, 12, 1, 2, 0, 0, 0), 4: (1, 1, 0, 0, 4, 0, 1)}))
        r = self.run_ms()
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode().split('\n')[1:], [
            ' M   msgsfr  bytes_from   msgsto    bytes_to  msgsrej msgsdis msgsqur  Mailer',
            ' 3        3         12K        1          2K        0       0       0  local',
            ' 4        1          1K        0          0K        4       0       1  esmtp',
            '=====================================================================',
            ' T        4         13K        1          2K        4       0       1',
            ' C        7                    8                    9', ''])

    def test_program_readable_and_no_names(self):
        self.e.sb.write('statistics', stats_file(1700000000, (1, 2, 3), {1: (5, 6, 7, 8, 9, 10, 11)}))
        out = self.run_ms('-P', '-o').stdout.decode().split('\n')
        self.assertRegex(out[0], r'^1700000000 \d+$')
        self.assertEqual(out[1:], [' 1        5          6        7          8        9      10      11',
                                   ' T        5          6        7          8        9      10      11',
                                   ' C        1        2      3', ''])

    def test_p_clears_counters(self):
        self.e.sb.write('statistics', stats_file(1700000000, (1, 0, 0), {0: (1, 1, 0, 0, 0, 0, 0)}))
        self.run_ms('-p')
        with open(self.st, 'rb') as f:
            data = f.read()
        self.assertEqual(len(data), 1448)
        self.assertEqual(data[24:], b'\0' * (1448 - 24))

    def test_foreign_file_is_refused(self):
        self.e.sb.write('statistics', b'garbage!')
        r = self.run_ms()
        self.assertEqual((r.returncode, r.stderr), (71, b'mailstats: incorrect magic number in ' + self.st.encode() + b'\n'))
        data = bytearray(stats_file(0, (0, 0, 0), {}))
        data[4] = 3
        self.e.sb.write('statistics', bytes(data))
        r = self.run_ms()
        self.assertEqual(r.stderr, b'mailstats version (4) incompatible with ' + self.st.encode() + b' version (3)\n')

    def test_submission_counts_message_from_senders_mailer(self):
        self.e.sb.write('statistics', b'')
        self.e.submit(['-oi', '-O', 'StatusFile=' + self.st, '-f', 'root', 'x@example.org'], b'\n' + b'y' * 2500 + b'\n')
        self.e.submit(['-oi', '-O', 'StatusFile=' + self.st, '-f', 'a@remote.example', 'x@example.org'], b'\nb\n')
        out = self.run_ms('-P').stdout.decode().split('\n')
        # Mailers 0-2 are prog, *file* and *include*; local and esmtp follow.
        self.assertEqual(out[1:3], [' 3        1          3        0          0        0       0       0  local',
                                    ' 4        1          1        0          0        0       0       0  esmtp'])


if __name__ == '__main__':
    unittest.main()
