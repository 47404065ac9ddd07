"""The types in r lines and notices come from the mailer's T= as sendmail
8.17 writes them: rfc822 and smtp when the mailer has none, the cf's own
words otherwise; X-Actual-Recipient appears when what the mailer got is not,
to the letter, the final recipient (so a T=DNS/RFC822/... mailer always
gets one, "rfc822" being lower case)."""
import os
import re
import unittest

from submitkit import SubmitEnv, lines

MSG = b'Subject: t\n\nbody\n'


class DsnTypesTest(unittest.TestCase):
    def env(self, local_types=None, esmtp_types=None, extra_cf=''):
        e = SubmitEnv(self, extra_cf=extra_cf)
        with open(e.cf) as f:
            cf = f.read()
        cf = cf.replace('S0\n', 'S0\nR$* < @ err.test > $*\t$#error $@ 5.1.3 $: "553 no such domain"\n')
        if local_types:
            cf = cf.replace('A=local $u', 'T=%s, A=local $u' % local_types)
        if esmtp_types:
            cf = cf.replace('L=990,', 'L=990, T=%s,' % esmtp_types)
        with open(e.cf, 'w') as f:
            f.write(cf)
        with open(e.sb.path('aliases'), 'a') as f:
            f.write('ghost: nobody-here-xyz\n')
        return e

    def notice(self, e):
        for name in e.files('qf'):
            with open(os.path.join(e.queue, name), encoding='latin-1') as f:
                qf = f.read()
            if lines(qf, 'S') == ['MAILER-DAEMON']:
                return qf, e.df(name[2:]).decode()
        self.fail('no notice queued')

    def failed_addresses(self, e):
        _, body = self.notice(e)
        part = body.split('----- The following addresses had permanent fatal errors -----\n')[1].split('\n\n')[0]
        return [l for l in part.split('\n') if not l.startswith(' ')]

    def test_no_types_on_the_mailer_give_rfc822_and_smtp(self):
        e = self.env()
        e.submit(['-oem', 'ghost', 'NOBODY-here-xyz', 'root'], MSG)
        orig = [q for q in map(lambda n: open(os.path.join(e.queue, n), encoding='latin-1').read(), e.files('qf'))
                if lines(q, 'S') == ['root']][0]
        self.assertEqual(lines(orig, 'r'), ['rfc822; root@mx.example.com'])
        qf, body = self.notice(e)
        self.assertEqual(lines(qf, 'r'), ['rfc822; root@mx.example.com'])
        # The alias failed through its member, which is what the mailer got;
        # the same user named again does not fail twice.
        self.assertEqual(body.count('Final-Recipient:'), 1)
        self.assertIn('nobody-here-xyz\n    (reason: 550 5.1.1 User unknown)\n    (expanded from: ghost)\n', body)
        self.assertIn('\nFinal-Recipient: rfc822; ghost@mx.example.com\n'
                      'X-Actual-Recipient: rfc822; nobody-here-xyz@mx.example.com\nAction: failed\nStatus: 5.1.1\n'
                      'Diagnostic-Code: smtp; 550 5.1.1 User unknown\nLast-Attempt-Date: ', body)
        # The returned message has the headers the *file* mailer takes.
        self.assertNotIn('Full-Name:', body)

    def test_rfc822_in_capitals_adds_x_actual_recipient(self):
        e = self.env(local_types='DNS/RFC822/X-Unix')
        e.submit(['-oem', 'nobody-here-xyz', 'other-XYZ@mx.example.com'], MSG)
        self.assertEqual(self.failed_addresses(e), ['nobody-here-xyz', 'other-XYZ@mx.example.com'])
        qf, body = self.notice(e)
        self.assertEqual(lines(qf, 'r'), ['RFC822; root@mx.example.com'])
        self.assertIn('\nFinal-Recipient: RFC822; nobody-here-xyz@mx.example.com\n'
                      'X-Actual-Recipient: rfc822; nobody-here-xyz@mx.example.com\nAction: failed\nStatus: 5.1.1\n'
                      'Diagnostic-Code: X-Unix; 550 5.1.1 User unknown\n', body)
        # Final: as written; actual: the user the local mailer got.
        self.assertIn('\nFinal-Recipient: RFC822; other-XYZ@mx.example.com\n'
                      'X-Actual-Recipient: rfc822; other-xyz@mx.example.com\n', body)

    def test_privacy_option_noactualrecipient_drops_the_line(self):
        e = self.env(local_types='DNS/RFC822/X-Unix')
        e.submit(['-oem', '-O', 'PrivacyOptions=noactualrecipient', 'nobody-here-xyz'], MSG)
        _, body = self.notice(e)
        self.assertIn('\nFinal-Recipient: RFC822; nobody-here-xyz@mx.example.com\nAction: failed\n', body)
        self.assertNotIn('X-Actual-Recipient', body)

    def test_a_type_of_its_own_names_the_user_unqualified(self):
        e = self.env(local_types='DNSL/LocType/X-LocDiag', esmtp_types='DNSE/EsmType/EsmDiag')
        e.submit(['-oem', 'ghost', 'other-XYZ@mx.example.com', 'root', 'x@example.org'], MSG)
        orig = [q for q in map(lambda n: open(os.path.join(e.queue, n), encoding='latin-1').read(), e.files('qf'))
                if lines(q, 'S') == ['root']][0]
        self.assertEqual(lines(orig, 'r'), ['LocType; root', 'EsmType; x@example.org'])
        qf, body = self.notice(e)
        self.assertEqual(lines(qf, 'r'), ['LocType; root'])
        self.assertIn('\nFinal-Recipient: LocType; ghost\nX-Actual-Recipient: LocType; nobody-here-xyz\n'
                      'Action: failed\nStatus: 5.1.1\nDiagnostic-Code: X-LocDiag; 550 5.1.1 User unknown\n', body)
        self.assertIn('\nFinal-Recipient: LocType; other-xyz\nAction: failed\n', body)

    def queued(self, e):
        return [q for q in map(lambda n: open(os.path.join(e.queue, n), encoding='latin-1').read(), e.files('qf'))
                if lines(q, 'S') != ['MAILER-DAEMON']][0]

    def test_the_senders_mailer_decides_the_form_of_r_lines(self):
        # A sender whose mailer's type is rfc822 (or none): that type and
        # the address as written, whatever the recipient's mailer says.
        e = self.env(esmtp_types='DNSE/EsmType/EsmDiag')
        e.submit(['root', 'x@example.org'], MSG)
        self.assertEqual(lines(self.queued(e), 'r'), ['rfc822; root@mx.example.com', 'rfc822; x@example.org'])
        # Any other type: each recipient's mailer's type ("(null)" for a
        # mailer without T=, as sendmail prints it) and the user it gets.
        e = self.env(esmtp_types='DNSE/EsmType/EsmDiag')
        e.submit(['-oem', '-f', 'alice@example.org', 'root', 'x@example.org', 'nobody-here-xyz', 'u@err.test'], MSG)
        self.assertEqual(lines(self.queued(e), 'r'), ['(null); root', 'EsmType; x@example.org'])
        qf, body = self.notice(e)
        self.assertEqual(lines(qf, 'r'), ['EsmType; alice@example.org'])
        self.assertIn('\nFinal-Recipient: (null); nobody-here-xyz\n'
                      'X-Actual-Recipient: rfc822; nobody-here-xyz@mx.example.com\nAction: failed\n', body)
        self.assertIn('\nFinal-Recipient: (null); "553 no such domain"\n'
                      'X-Actual-Recipient: rfc822; "553 no such domain"@mx.example.com\n', body)

    def test_error_mailer_failure_names_its_text_as_what_it_got(self):
        e = self.env()
        r = e.submit(['-oem', 'u@err.test', 'x@example.org'], MSG)
        # Not printed: a command-line address outside print mode.
        self.assertEqual((r.returncode, r.stdout), (64, b''))
        orig = [q for q in map(lambda n: open(os.path.join(e.queue, n), encoding='latin-1').read(), e.files('qf'))
                if lines(q, 'S') == ['root']][0]
        self.assertEqual(lines(orig, 'M'), ['u@err.test... no such domain'])
        _, body = self.notice(e)
        self.assertIn('   ----- Transcript of session follows -----\n553 5.1.3 u@err.test... no such domain\n', body)
        self.assertIn('\nFinal-Recipient: rfc822; u@err.test\n'
                      'X-Actual-Recipient: rfc822; "553 no such domain"@mx.example.com\nAction: failed\n'
                      'Status: 5.1.3\nLast-Attempt-Date: ', body)

    def test_queue_run_timeout_notice_has_x_actual_recipient_for_rfc822_capitals(self):
        e = self.env(esmtp_types='DNS/RFC822/SMTP')
        e.submit(['-f', 'alice@example.org', 'bob@example.org'], MSG)
        qf, qid = e.only_qf()
        self.assertEqual(lines(qf, 'r'), ['RFC822; bob@example.org'])
        path = os.path.join(e.queue, 'qf' + qid)
        with open(path, encoding='latin-1') as f:
            text = f.read()
        text = re.sub(r'\nT(\d+)', lambda m: '\nT%d' % (int(m.group(1)) - 6 * 86400), text)
        with open(path, 'w', encoding='latin-1') as f:
            f.write(text)
        e.run_queue()
        qf, body = self.notice(e)
        self.assertEqual(lines(qf, 'r'), ['RFC822; alice@example.org'])
        self.assertIn('\nFinal-Recipient: RFC822; bob@example.org\nX-Actual-Recipient: rfc822; bob@example.org\n'
                      'Action: failed\nStatus: 4.4.7\n', body)


if __name__ == '__main__':
    unittest.main()
