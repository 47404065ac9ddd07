"""Quarantine (-Q reason, a bare -Q to release, -qQ) and lost entries (-qL)
as sendmail 8.17 handles them: a held entry's qf becomes an hf with a q line;
plain runs and listings skip it, -qQ lists and runs it, -qL takes Qf files."""
import os
import re
import unittest

from submitkit import SubmitEnv, lines

MSG = b'From: alice@example.com\nTo: bob@example.org\nSubject: s\n\nbody\n'


class QuarantineTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], MSG)
        _, self.qid = self.e.only_qf()

    def control(self, prefix):
        with open(os.path.join(self.e.queue, prefix + 'f' + self.qid), 'rb') as f:
            return f.read().decode('latin-1')

    def test_quarantine_renames_qf_to_hf_with_q_line(self):
        r = self.e.mode(['-Qspam suspected', '-v'])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode(), 'Processing %s:\n%s: Quarantined with "spam suspected"\n1 change\n'
                         % (self.e.queue, self.qid))
        self.assertEqual(self.e.files('qf'), [])
        self.assertEqual(lines(self.control('h'), 'q'), ['spam suspected'])

    def test_plain_listing_skips_and_qQ_lists_held_entry(self):
        self.e.mode(['-Q', 'held by admin'])
        self.assertEqual(self.e.mode(['-bp']).stdout.decode(), self.e.queue + ' is empty\n\t\tTotal requests: 0\n')
        out = self.e.mode(['-bp', '-qQ']).stdout.decode().split('\n')
        self.assertEqual(out[0], '\t\t%s (1 request)' % self.e.queue)
        self.assertRegex(out[2], '^' + self.qid + r'        \d+ .* alice@example.com$')
        self.assertEqual(out[3], '     QUARANTINE: held by admin')
        self.assertEqual(out[4:], ['\t\t\t\t\t bob@example.org', '\t\tTotal requests: 1', ''])

    def test_change_and_release(self):
        self.e.mode(['-Qfirst'])
        r = self.e.mode(['-qQ', '-Qsecond', '-v'])
        self.assertIn('%s: Quarantine changed from "first" to "second"\n1 change\n' % self.qid, r.stdout.decode())
        r = self.e.mode(['-qQ', '-Q', '-v'])
        self.assertIn('%s: Removed quarantine of "second"\n1 change\n' % self.qid, r.stdout.decode())
        self.assertEqual(self.e.files('hf'), [])
        self.assertEqual(lines(self.control('q'), 'q'), [])

    def test_same_reason_again_is_no_change(self):
        self.e.mode(['-Qsame'])
        r = self.e.mode(['-qQ', '-Qsame', '-v'])
        self.assertEqual(r.stdout.decode(), 'Processing %s:\n%s: Already quarantined with "same"\nNo changes\n'
                         % (self.e.queue, self.qid))

    def test_changes_are_logged_at_any_log_level(self):
        self.e.catch_syslog()
        self.e.mode(['-OLogLevel=0', '-Qspam suspected'])
        self.e.mode(['-OLogLevel=0', '-qQ', '-Qspam suspected'])  # no change: nothing logged
        self.e.mode(['-OLogLevel=0', '-qQ', '-Qsecond'])
        self.e.mode(['-OLogLevel=0', '-qQ', '-Q'])
        self.assertEqual(self.e.syslog_lines(), [
            (22, 'sendmail[PID]: %s: quarantine=spam suspected' % self.qid),
            (22, 'sendmail[PID]: %s: quarantine=second' % self.qid),
            (22, 'sendmail[PID]: %s: unquarantine' % self.qid)])

    def test_log_tag_names_the_logger(self):
        self.e.catch_syslog()
        self.e.mode(['-L', 'sm-admin', '-Qheld'])
        self.assertEqual(self.e.syslog_lines(), [(22, 'sm-admin[PID]: %s: quarantine=held' % self.qid)])

    def test_no_matches_and_no_changes(self):
        r = self.e.mode(['-Qx', '-qRnobody', '-v'])
        self.assertEqual(r.stdout.decode(), '%s: no matches\nNo changes\n' % self.e.queue)
        r = self.e.mode(['-Q', '-v'])  # releasing what is not held changes nothing
        self.assertEqual(r.stdout.decode(), 'Processing %s:\nNo changes\n' % self.e.queue)

    def test_selection_limits_quarantine(self):
        self.e.submit(['-oi', '-f', 'zed@example.com', 'two@example.org'], b'\nb\n')
        self.e.mode(['-Qjust one', '-qRtwo'])
        self.assertEqual(len(self.e.files('qf')), 1)
        self.assertEqual(len(self.e.files('hf')), 1)

    def test_submission_with_Q_does_not_read_a_message(self):
        before = self.e.files('df')
        r = self.e.submit(['-t', '-oi', '-Qheld'], MSG)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(self.e.files('df'), before)
        self.assertEqual(self.e.files('hf'), ['hf' + self.qid])

    def test_Q_refused_with_bp_and_qL(self):
        r = self.e.mode(['-bp', '-Qx'])
        self.assertEqual((r.returncode, r.stdout.decode()), (64, 'Can not use -Q with -bp\n'))
        r = self.e.mode(['-qL', '-Qx'])
        self.assertEqual((r.returncode, r.stdout.decode()), (64, 'Can not use -Q with -qL\n'))

    def test_queue_run_skips_held_and_qQ_runs_it(self):
        self.e.mode(['-Qheld'])
        self.e.run_queue(['-q'])
        self.assertEqual(lines(self.control('h'), 'N'), ['0'])
        self.e.run_queue(['-qQ'])
        self.assertEqual(lines(self.control('h'), 'N'), ['1'])
        self.assertEqual(lines(self.control('h'), 'q'), ['held'])

    def test_lost_entries_listed_with_question_mark_and_run_by_qL(self):
        os.rename(os.path.join(self.e.queue, 'qf' + self.qid), os.path.join(self.e.queue, 'Qf' + self.qid))
        self.assertIn('is empty', self.e.mode(['-bp']).stdout.decode())
        out = self.e.mode(['-bp', '-qL']).stdout.decode()
        self.assertRegex(out, '(?m)^' + self.qid + r'\?       \d+ ')
        self.e.run_queue(['-qL'])
        self.assertEqual(lines(self.control('Q'), 'N'), ['1'])
        self.e.run_queue(['-q'])  # the orphan sweep must not take a lost entry's df
        self.assertTrue(os.path.exists(os.path.join(self.e.queue, 'df' + self.qid)))


if __name__ == '__main__':
    unittest.main()
