"""sendmail submission (-t, -i, -f, -F, -N, -R, -V, -B, -p): what each flag
puts into the queue file, compared line by line with sendmail's format."""
import os
import unittest

from submitkit import PRIVATE_PASSWD, SubmitEnv, headers, lines

BASIC = (b'From: Alice <alice@example.com>\nTo: bob@example.org, staff\n'
         b'Cc: Carol <carol@remote.example.net>\nBcc: secret@example.org\n'
         b'Subject: test one\n\nline1\n.\nline3\n')


class SubmitFlagsTest(unittest.TestCase):
    def setUp(self):
        self.e = SubmitEnv(self)

    def test_t_takes_recipients_from_to_cc_bcc_in_sendmail_order(self):
        r = self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], BASIC)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b'', b''))
        qf, qid = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['FDA:mail', 'FDA:root', 'PFD:bob@example.org', 'PFD:secret@example.org',
                                          'FDA:bob@remote.example.net', 'PFD:Carol <carol@remote.example.net>'])
        self.assertEqual(lines(qf, 'C'), ['mail:8:8:staff', ':staff', '', 'staff:8:0:staff', ''])
        self.assertEqual(self.e.df(qid), b'line1\n.\nline3\n')

    def test_bcc_header_stays_in_queue_file(self):
        self.e.submit(['-t', '-oi'], BASIC)
        qf, _ = self.e.only_qf()
        self.assertIn(('', 'Bcc', ' secret@example.org'), headers(qf))

    def test_lone_dot_ends_input_without_i(self):
        self.e.submit(['-t', '-f', 'alice@example.com'], BASIC)
        qf, qid = self.e.only_qf()
        self.assertEqual(self.e.df(qid), b'line1\n')
        self.assertEqual(lines(qf, 'P'), ['180145'])

    def test_ignore_dots_false_option_keeps_dot_rule(self):
        self.e.submit(['-t', '-O', 'IgnoreDots=false'], BASIC)
        _, qid = self.e.only_qf()
        self.assertEqual(self.e.df(qid), b'line1\n')

    def test_priority_is_size_plus_30000_per_recipient(self):
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], BASIC)
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'P'), [str(len(BASIC) + 6 * 30000)])

    def test_precedence_bulk_lowers_priority(self):
        self.e.submit(['-oi', 'x@example.org'], b'Precedence: bulk\n\nb\n')
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'P'), [str(20 + 60 * 1800 + 30000)])

    def test_missing_from_date_message_id_are_added(self):
        self.e.submit(['-t', '-oi', '-f', 'alice@example.com'], b'To: bob@example.org\nSubject: s\n\nbody\n')
        qf, qid = self.e.only_qf()
        h = headers(qf)
        self.assertEqual([(f, n) for f, n, _ in h],
                         [('P', 'Return-Path'), ('', 'Received'), ('D', 'Date'), ('F', 'From'), ('M', 'Message-Id'),
                          ('', 'To'), ('', 'Subject')])
        self.assertEqual(h[0][2], ' <\x81g>')
        self.assertEqual(h[3][2], ' alice@example.com')
        self.assertRegex(h[4][2], r'^ <\d{12}\.' + qid + r'@mx\.example\.com>$')
        self.assertRegex(h[1][2], r'^ \(from [^@]+@localhost\)\n\tby mx\.example\.com \(.*\) id ' + qid + ';\n\t')

    def test_received_names_a_single_command_line_recipient(self):
        self.e.submit(['-oi', 'bob@remote.example.net'], b'Subject: s\n\nb\n')
        qf, qid = self.e.only_qf()
        received = [v for _, n, v in headers(qf) if n == 'Received'][0]
        self.assertRegex(received, r'id ' + qid + r'\n\tfor bob@remote.example.net; ')

    def test_message_ids_and_date_are_kept(self):
        msg = b'To: bob@example.org\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-Id: <fixed@x>\n\nhi\n'
        self.e.submit(['-t', '-oi', '-f', 'a@example.com'], msg)
        qf, _ = self.e.only_qf()
        names = [n for _, n, _ in headers(qf)]
        self.assertEqual(names.count('Date'), 1)
        self.assertIn(('', 'Message-Id', ' <fixed@x>'), headers(qf))

    def test_F_sets_full_name_in_from_and_full_name(self):
        self.e.submit(['-oi', '-F', 'Sender Full Name', '-f', 'alice@example.com', 'x@example.org'],
                      b'To: bob@example.org\n\nbody\n')
        qf, _ = self.e.only_qf()
        h = headers(qf)
        self.assertIn(('F', 'From', ' Sender Full Name <alice@example.com>'), h)
        self.assertIn(('x', 'Full-Name', ' Sender Full Name'), h)

    def test_null_sender_has_no_from_and_no_auth_line(self):
        self.e.submit(['-oi', '-f', '<>', 'x@example.org'], b'To: bob@example.org\n\nbody\n')
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'S'), ['<>'])
        self.assertEqual(lines(qf, 'A'), [])
        self.assertNotIn('From', [n for _, n, _ in headers(qf)])

    def test_auth_line_is_xtext_of_sender(self):
        self.e.submit(['-oi', '-f', 'Alice <alice+x=y@example.com>', 'x@example.org'], b'\nb\n')
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'S'), ['Alice <alice+x=y@example.com>'])
        self.assertEqual(lines(qf, 'A'), ['alice+2Bx+3Dy@example.com'])

    def test_dsn_flags_N_R_V_and_body_type(self):
        self.e.submit(['-t', '-oi', '-N', 'success,delay', '-R', 'hdrs', '-V', 'env1', '-B', '8BITMIME'],
                      b'To: x@example.org\n\nb\n')
        qf, _ = self.e.only_qf()
        self.assertEqual(lines(qf, 'R'), ['PNSD:x@example.org'])
        self.assertEqual(lines(qf, 'Z'), ['env1'])
        self.assertEqual(lines(qf, 'B'), ['8BITMIME'])
        self.assertEqual(sorted(lines(qf, 'F')[0]), sorted('8bdns'))

    def test_protocol_p_sets_r_and_s_macros(self):
        self.e.submit(['-oi', '-p', 'esmtp:client.example.net', 'x@example.org'], b'\nb\n')
        qf, _ = self.e.only_qf()
        self.assertIn('$resmtp', qf.split('\n'))
        self.assertIn('$sclient.example.net', qf.split('\n'))

    def test_bad_N_R_B_are_usage_errors(self):
        for args, text in ((['-N', 'bogus'], b'Invalid -N argument\n'), (['-R', 'x'], b'Invalid -R value\n'),
                           (['-B', 'x'], b'Illegal body type x\n')):
            r = self.e.submit(['-t'] + args, b'To: a@b.c\n\nb\n')
            self.assertEqual((r.returncode, r.stdout), (64, text))
        self.assertEqual(self.e.files('qf') + self.e.files('df'), [])

    def test_no_recipients_in_headers_saves_nothing(self):
        # sendmail 8.17 neither queues nor keeps the text: the caller has it.
        r = self.e.submit(['-t', '-oi'], b'Subject: none\n\nkeep me\n')
        self.assertEqual((r.returncode, r.stdout), (0, b'No recipient addresses found in header\n'))
        self.assertEqual(self.e.files('qf') + self.e.files('df'), [])
        self.assertIsNone(self.e.dead_letter())
        self.assertFalse(os.path.exists(self.e.sb.path('dead.letter')))

    @unittest.skipUnless(os.geteuid() == 0, 'needs root to run as another user')
    def test_untrusted_user_setting_sender_gets_authentication_warning(self):
        import pwd
        nobody = pwd.getpwnam('nobody')
        os.chown(self.e.queue, nobody.pw_uid, nobody.pw_gid)
        argv = ['setpriv', '--reuid', 'nobody', '--regid', str(nobody.pw_gid), '--clear-groups', self.e.sendmail,
                '-C', self.e.cf, '-odq', '-Mjmx.example.com', '-oi', '-f', 'alice@example.com', 'x@example.org']
        r = self.e.sb.run(self.e.wrap(argv), input=b'Subject: s\n\nb\n', env=self.e.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        qf, _ = self.e.only_qf()
        warnings = [v for _, n, v in headers(qf) if n == 'X-Authentication-Warning']
        self.assertEqual(warnings, [' mx.example.com: nobody set sender to alice@example.com using -f',
                                    ' mx.example.com: Processed by nobody with -C ' + self.e.cf])
        self.assertEqual(lines(qf, 'A'), [])

    def test_queue_file_mode_option(self):
        self.e.submit(['-oi', '-O', 'QueueFileMode=0660', 'x@example.org'], b'\nb\n')
        _, qid = self.e.only_qf()
        for prefix in ('qf', 'df'):
            st = os.stat(os.path.join(self.e.queue, prefix + qid))
            self.assertEqual(st.st_mode & 0o777, 0o660)

    @unittest.skipUnless(os.geteuid() == 0, 'needs root to run as another user')
    def test_unwritable_queue_saves_nothing(self):
        import pwd
        nobody = pwd.getpwnam('nobody')
        home = self.e.sb.path('nobody-home')
        os.makedirs(home)
        os.chown(home, nobody.pw_uid, nobody.pw_gid)
        env = dict(self.e.env, HOME=home)
        argv = ['setpriv', '--reuid', 'nobody', '--regid', str(nobody.pw_gid), '--clear-groups', self.e.sendmail,
                '-C', self.e.cf, '-odq', '-oi', 'x@example.org']
        r = self.e.sb.run(self.e.wrap(argv), input=b'Subject: s\n\nprecious\n', env=env)
        self.assertEqual((r.returncode, r.stdout), (78, b'can not chdir(%s/): Permission denied\n' % self.e.queue.encode()))
        self.assertEqual(os.listdir(home), [])

    def test_too_many_hops_outside_print_mode_makes_a_lost_notice(self):
        # The notice is over the hop count too: sendmail keeps it as a lost
        # queue file (Qf) and sends nothing; quiet mode makes none.
        for mode, rc, lost in (('m', 69, True), ('e', 0, True), ('q', 69, False)):
            with self.subTest(mode=mode):
                r = self.e.submit(['-oe' + mode, '-h', '26', '-oi', 'x@example.org'], b'Subject: hops\n\nb\n')
                self.assertEqual((r.returncode, r.stdout), (rc, b''))
                self.assertEqual(self.e.files('qf'), [])
                self.assertIsNone(self.e.dead_letter())
                qfs = self.e.files('Qf')
                self.assertEqual(len(qfs), 1 if lost else 0)
                if lost:
                    with open(os.path.join(self.e.queue, qfs[0]), encoding='latin-1') as f:
                        notice = f.read()
                    self.assertEqual((lines(notice, 'F'), lines(notice, 'R')), (['r'], ['PF:root']))
                    body = self.e.df(qfs[0][2:]).decode()
                    self.assertIn('   ----- Transcript of session follows -----\n554 5.4.6 Too many hops 26 (25 max): '
                                  'from root via localhost, to x@example.org\n', body)
                    self.assertIn('x@example.org\n    (reason: 554 5.4.6 Too many hops)\n', body)
                    self.assertIn('\nStatus: 5.4.6\nDiagnostic-Code: smtp; 554 5.4.6 Too many hops\n', body)
                for name in os.listdir(self.e.queue):
                    os.unlink(os.path.join(self.e.queue, name))

    def test_received_names_the_one_command_line_address(self):
        # sendmail's $u: the address as written when the command line names
        # exactly one, with -t too and for an alias; none for two.
        msg = b'To: bob@example.org, carol@example.org\nSubject: s\n\nb\n'
        cases = ((['-t', 'dave@example.org'], True, 'dave@example.org'), (['-t', 'staff'], True, 'staff'),
                 (['staff'], False, 'staff'), (['-t', 'dave@example.org', 'erin@example.org'], True, None),
                 (['-t'], True, None))
        for args, _, want in cases:
            with self.subTest(args=args):
                self.e.submit(['-oi'] + args, msg)
                qf, qid = self.e.only_qf()
                received = [v for _, n, v in headers(qf) if n == 'Received'][0]
                if want:
                    self.assertIn('\n\tfor %s; ' % want, received)
                else:
                    self.assertNotIn('\tfor ', received)
                for p in ('qf', 'df'):
                    os.unlink(os.path.join(self.e.queue, p + qid))

    def test_gateway_G_marks_daemon_flags(self):
        self.e.submit(['-G', '-oi', 'x@example.org'], b'\nb\n')
        qf, _ = self.e.only_qf()
        self.assertIn('${daemon_flags}CC f', qf.split('\n'))

    @unittest.skipUnless(PRIVATE_PASSWD, 'needs root and unshare to give root a home in the sandbox')
    def test_too_many_hops_goes_to_dead_letter(self):
        r = self.e.submit(['-h', '26', '-oi', 'x@example.org'], b'Subject: hops\n\nb\n')
        path = os.path.join(self.e.root_home, 'dead.letter')
        self.assertEqual((r.returncode, r.stdout.decode()), (69, '%s... Saved message in %s\n' % (path, path)))
        self.assertEqual(self.e.files('qf'), [])
        # The message as it would have been queued, "for" its one recipient.
        self.assertRegex(self.e.dead_letter().decode(),
                         r'^From root  \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\nReturn-Path: <root>\n'
                         r'Received: \(from root@localhost\)\n\tby mx\.example\.com \(.*\) id \w{14}\n'
                         r'\tfor x@example\.org; .*\nDate: .*\nFrom: root <root>\nMessage-Id: <.*>\n'
                         r'Subject: hops\n\nb\n\n$')
        r = self.e.submit(['-h', '25', '-oi', 'x@example.org'], b'Subject: hops\n\nb\n')
        self.assertEqual(len(self.e.files('qf')), 1)

    def test_unknown_local_user_is_returned_at_once(self):
        # A remote sender: a local one that is unknown too gets a postmaster
        # notify instead (test_submit_double_bounce.py).
        r = self.e.submit(['-t', '-oi', '-f', 'alice@remote.example.net'],
                          b'To: nosuchuser-xyz, x@example.org\nSubject: s\n\nbody\n')
        self.assertEqual((r.returncode, r.stdout), (67, b'nosuchuser-xyz... User unknown\n'))
        qfs = {}
        for name in self.e.files('qf'):
            with open(os.path.join(self.e.queue, name), 'rb') as f:
                qfs[name[2:]] = f.read().decode('latin-1')
        self.assertEqual(len(qfs), 2)
        orig = [q for q in qfs.values() if lines(q, 'S') == ['alice@remote.example.net']][0]
        self.assertEqual(lines(orig, 'R'), ['PFD:x@example.org'])
        self.assertEqual(lines(orig, 'M'), ['User unknown'])
        self.assertEqual(lines(orig, 'P'), [str(len(b'To: nosuchuser-xyz, x@example.org\nSubject: s\n\nbody\n') + 60000)])
        nid, notice = [(i, q) for i, q in qfs.items() if lines(q, 'S') == ['MAILER-DAEMON']][0]
        self.assertEqual(lines(notice, 'R'), ['PF:alice@remote.example.net'])
        body = self.e.df(nid).decode()
        self.assertIn('nosuchuser-xyz\n    (reason: 550 5.1.1 User unknown)\n', body)
        # No T= on the local mailer: sendmail's default types, rfc822 and smtp.
        self.assertIn('Final-Recipient: rfc822; nosuchuser-xyz@mx.example.com\nAction: failed\n', body)
        self.assertIn('Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n', body)

    def test_no_recipient_action_adds_headers(self):
        cases = (('none', []), ('add-to', [('To', ' b@y.example.org'), ('To', ' a@x.example.org')]),
                 ('add-apparently-to', [('Apparently-To', ' b@y.example.org'), ('Apparently-To', ' a@x.example.org')]),
                 ('add-to-undisclosed', [('To', ' undisclosed-recipients:;')]), ('add-bcc', [('Bcc', '  ')]))
        for action, want in cases:
            r = self.e.submit(['-oi', '-O', 'NoRecipientAction=' + action, 'a@x.example.org', 'b@y.example.org'],
                              b'Subject: s\n\nb\n')
            self.assertEqual(r.returncode, 0)
            qf, qid = self.e.only_qf()
            got = [(n, v) for _, n, v in headers(qf)][6:]
            self.assertEqual(got, [('Subject', ' s')] + want, action)
            for p in ('qf', 'df'):
                os.unlink(os.path.join(self.e.queue, p + qid))

    def test_message_over_max_size_is_returned(self):
        msg = b'To: x@example.org\nSubject: big\n\n' + b'a' * 3000 + b'\n'
        r = self.e.submit(['-t', '-oi', '-f', 'alice@example.com', '-O', 'MaxMessageSize=1000'], msg)
        self.assertEqual((r.returncode, r.stdout), (0, b'Message exceeds maximum fixed size (1000)\n'))
        qf, nid = self.e.only_qf()
        self.assertEqual(lines(qf, 'S'), ['MAILER-DAEMON'])
        body = self.e.df(nid).decode()
        self.assertIn('552 5.2.3 Message exceeds maximum fixed size (1000)\n', body)
        self.assertIn('Content-Type: text/rfc822-headers\n', body)
        self.assertIsNone(self.e.dead_letter())

    def test_mbox_from_line_gives_the_date(self):
        self.e.submit(['-t', '-oi'], b'From someone@x.org Mon Jan  1 00:00:00 2024\nTo: a@x.example.org\n\nb\n')
        qf, qid = self.e.only_qf()
        self.assertIn(('D', 'Date', ' Mon, 1 Jan 2024 00:00:00 GMT'), headers(qf))
        self.assertEqual(self.e.df(qid), b'b\n')

    def test_eight_bit_body_sets_flag_unless_stripped(self):
        self.e.submit(['-t', '-oi'], b'To: a@x.example.org\n\nk\xe4se\n')
        qf, qid = self.e.only_qf()
        self.assertIn('8', lines(qf, 'F')[0])
        os.unlink(os.path.join(self.e.queue, 'qf' + qid))
        os.unlink(os.path.join(self.e.queue, 'df' + qid))
        self.e.submit(['-t', '-oi', '-O', 'SevenBitInput=true'], b'To: a@x.example.org\n\nk\xe4se\n')
        qf, qid = self.e.only_qf()
        self.assertEqual(lines(qf, 'F'), ['bs'])
        self.assertEqual(self.e.df(qid), b'kdse\n')

    def test_detail_addresses_and_self_referencing_alias(self):
        r = self.e.submit(['-oi', 'root+tag', 'sales+x', 'mail'], b'\nb\n')
        self.assertEqual((r.returncode, r.stdout), (0, b''))
        qf, _ = self.e.only_qf()
        # user+detail sorts by its detail, as sendmail's host for it
        self.assertEqual(lines(qf, 'R'), ['PFD:mail', 'PFDA:carol@example.org', 'PFD:root+tag'])
        self.assertEqual(lines(qf, 'C'), ['sales+*:8:0:sales+x', ':root+tag'])
        os.unlink(os.path.join(self.e.queue, 'qf' + _))
        self.e.submit(['-oi', 'daemon'], b'\nb\n')
        qf, _ = [q for q in [self.e.only_qf()]][0]
        self.assertEqual(lines(qf, 'R'), ['PFD:daemon', 'PFDA:root'])
        self.assertEqual(lines(qf, 'C'), [':daemon'])

    def test_empty_group_goes_to_the_rules_and_recipient_keeps_trailing_blank(self):
        # This cf has no rule for "list:;" syntax: sendmail 8.17 hands the
        # group to ruleset 0 like any address, which makes it a local user.
        r = self.e.submit(['-t', '-oi', '-f', 'alice@remote.example.org'],
                          b'To: undisclosed-recipients:;\nCc: a@example.org , b@example.org\n\nb\n')
        self.assertEqual((r.returncode, r.stdout), (67, b'undisclosed-recipients:;... User unknown\n'))
        qfs = {}
        for n in self.e.files('qf'):
            with open(os.path.join(self.e.queue, n), 'rb') as f:
                qfs[n[2:]] = f.read().decode('latin-1')
        orig = [i for i, q in qfs.items() if lines(q, 'S') == ['alice@remote.example.org']][0]
        notice = [i for i in qfs if i != orig][0]
        self.assertEqual((lines(qfs[orig], 'R'), lines(qfs[orig], 'M'), lines(qfs[orig], 'P')),
                         (['PFD:b@example.org', 'PFD:a@example.org '], ['User unknown'], ['90066']))
        self.assertIn('\nFinal-Recipient: rfc822; undisclosed-recipients:;@mx.example.com\nAction: failed\n'
                      'Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n', self.e.df(notice).decode())

    def test_full_name_of_a_local_sender(self):
        self.e.submit(['-t', '-oi', '-f', 'daemon'], b'To: a@example.org\n\nb\n')
        qf, _ = self.e.only_qf()
        import pwd
        name = pwd.getpwnam('daemon').pw_gecos.split(',')[0]
        self.assertIn(('F', 'From', ' %s <daemon>' % name), headers(qf))
        self.assertIn(('x', 'Full-Name', ' ' + name), headers(qf))

    def test_no_recipient_arguments_is_usage_error(self):
        r = self.e.submit(['-oi'], b'Subject: x\n\nb\n')
        self.assertEqual((r.returncode, r.stdout), (64, b'Recipient names must be specified\n'))


if __name__ == '__main__':
    unittest.main()
