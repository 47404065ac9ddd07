"""sendmail -bt and -bv over a small sendmail.cf written by the test: the
banner and prompts, ruleset traces, macros and classes, =S, /parse, /try,
and -bv's "deliverable" lines, byte for byte as sendmail prints them."""
import os
import unittest

from harness import Sandbox

CF = """V10/Berkeley
O OperatorChars=.:%@!^/[]+
O BlankSub=.
DMmasq.example
CWexample.com mail.example.com
Scanonify=3
R$* < $* > $*\t$2
R$+ @ $+\t$@ $1 < @ $2 >
Sparse=0
R$* < @ $=W > $*\t$#local $: $1
R$* < @ $+ > $*\t$#esmtp $@ $2 $: $1 < @ $2 >
R$+\t$#local $: $1
S1
S2
Sfinal=4
R$* < @ $+ > $*\t$@ $1 @ $2
SLocalCheck
R$*\t$: $1 $| $>"Inner" $1
SInner
R$* x\t$@ $1 y
Mlocal,\tP=/bin/true, F=lsDFM, S=0, R=0, A=true $u
Mesmtp,\tP=[IPC], F=mDFMuXa, S=0, R=0, A=TCP $h
"""


class AddressTestModeTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.sendmail = self.sb.program('sendmail/sendmail')
        self.cf = self.sb.write('sendmail.cf', CF)

    def bt(self, text, *args):
        # bytes in, latin-1 out: for input that is not UTF-8.
        raw = isinstance(text, bytes)
        r = self.sb.run([self.sendmail, '-bt', '-C', self.cf, '-O', 'DontProbeInterfaces=true', *args],
                        input=text if raw else text.encode())
        decode = (lambda b: b.decode('latin-1')) if raw else (lambda b: b.decode())
        return r.returncode, decode(r.stdout), decode(r.stderr)

    def test_banner_prompt_and_trace(self):
        rc, out, err = self.bt('3,0 User@Example.COM\n')
        self.assertEqual(rc, 0)
        self.assertEqual(err, '')
        self.assertEqual(out, 'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n'
                              'Enter <ruleset> <address>\n'
                              '> canonify           input: User @ Example . COM\n'
                              'canonify         returns: User < @ Example . COM >\n'
                              'parse              input: User < @ Example . COM >\n'
                              'parse            returns: $# local $: User\n'
                              '> ')

    def test_macros_classes_and_definitions(self):
        # .D keeps the blank after the name, as sendmail does; $=W lists in
        # sendmail's symbol-table order.
        rc, out, _ = self.bt('$M\n$Q\n.DQ quux\n$Q\n.CW zap\n$=W\n')
        self.assertEqual(out.split('> ')[2:], ['masq.example\n', 'Undefined\n', '', ' quux\n', '',
                                                'mail.example.com\nzap\nexample.com\n', ''])

    def test_ruleset_dump_and_undefined_ruleset(self):
        rc, out, _ = self.bt('=SLocalCheck\n=SNoSuch\nNoSuch a\n')
        self.assertIn('> R$* \t\t$: $1 $| $> "Inner" $1 \n', out)
        self.assertIn('> Undefined ruleset NoSuch\n> Undefined ruleset NoSuch\n', out)

    def test_parse_builds_the_mailer_triple(self):
        rc, out, _ = self.bt('/parse John Doe <jd@remote.example.net>\n')
        self.assertIn('Cracked address = John Doe <$g>\n', out)
        self.assertIn('mailer esmtp, host remote.example.net, user jd@remote.example.net\n', out)

    def test_try_rewrites_for_a_mailer(self):
        rc, out, _ = self.bt('/try esmtp a@b.example\n')
        self.assertIn('Trying envelope recipient address a@b.example for mailer esmtp\n', out)
        self.assertIn('Rcode = 0, addr = a@b.example\n', out)

    def test_unbalanced_input_is_reported_and_repaired(self):
        rc, out, _ = self.bt('canonify <a@b\n')
        self.assertIn('> <a@b... Unbalanced \'<\'\ncanonify           input: < a @ b >\n', out)

    def test_parse_goes_on_after_unbalanced_comment(self):
        rc, out, _ = self.bt('/parse x(c\n')
        self.assertIn('x(c... Unbalanced \'(\'\ncanonify           input: x\n', out)

    def test_parse_of_nothing_cannot_parse(self):
        # A comment alone, or a lone backslash, leaves no address.
        rc, out, _ = self.bt('/parse (c)\n/parse \\\n')
        self.assertIn('> Cracked address = (c)\nParsing envelope recipient address\nCannot parse\n'
                      '> Cracked address = $g\nParsing envelope recipient address\nCannot parse\n', out)

    def test_trailing_backslash_is_dropped(self):
        rc, out, _ = self.bt('canonify x\\\n')
        self.assertIn('> canonify           input: x\n', out)

    def test_version_banner_with_d0(self):
        rc, out, _ = self.bt('', '-d0.1')
        self.assertTrue(out.startswith('Version 8.17.1.9\n Compiled with:'))
        self.assertIn('============ SYSTEM IDENTITY (after readcf) ============\n', out)

    # CF has no QueueDirectory: -bv gets one on the command line (sendmail
    # 8.17 stops without one).
    def test_verify_reports_deliverable_recipients(self):
        r = self.sb.run([self.sendmail, '-bv', '-C', self.cf, '-oQ' + self.sb.dir, 'root', 'x@remote.example.net'])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode(),
                         'root... deliverable: mailer local, user root\n'
                         'x@remote.example.net... deliverable: mailer esmtp, host remote.example.net, '
                         'user x@remote.example.net\n')

    def test_verify_unknown_local_user(self):
        r = self.sb.run([self.sendmail, '-bv', '-C', self.cf, '-oQ' + self.sb.dir, 'nosuchuser-xyz'])
        self.assertEqual(r.returncode, 67)
        self.assertEqual(r.stdout.decode(), 'nosuchuser-xyz... User unknown\n')

    def test_verify_refuses_files_programs_and_includes(self):
        # sendmail 8.17 -bv: a user's own "/file", "|program" or ":include:"
        # is refused (only an alias may name one), exit status 64.
        cf = self.sb.write('flags.cf', CF.replace('F=lsDFM,', 'F=lsDFM:/|,'))
        r = self.sb.run([self.sendmail, '-bv', '-C', cf, '-oQ' + self.sb.dir, '/tmp/x', '"|prog"', ':include:/etc/x', 'root'])
        self.assertEqual(r.returncode, 64)
        self.assertEqual(r.stdout.decode(), '/tmp/x... Cannot mail directly to files\n'
                                            '"|prog"... Cannot mail directly to programs\n'
                                            ':include:/etc/x... Cannot mail directly to :include:s\n'
                                            'root... deliverable: mailer local, user root\n')

    def test_first_error_status_stands(self):
        cf = self.sb.write('errors.cf', 'V10/Berkeley\nO OperatorChars=.:%@!^/[]+\nScanonify=3\nSparse=0\n'
                           'R$* x\t$#error $@ 5.1.3 $: "553 bad syntax"\n'
                           'R$* y\t$#error $@ 5.1.2 $: "553 bad host"\n'
                           'Sdeep\nR$*\t$@ $>deep $1\n'
                           'Mlocal,\tP=/bin/true, F=lsDFM, S=0, R=0, A=true $u\n')
        # Even a software error (excessive recursion, 70) leaves it alone.
        for text, status in (('/parse x\n/parse y\n', 64), ('/parse y\n/parse x\n', 68),
                             ('/parse y\ndeep a\n', 68)):
            r = self.sb.run([self.sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true'], input=text.encode())
            self.assertIn('mailer *error*, host 5.1.2', r.stdout.decode())
            self.assertEqual(r.returncode, status)

    def test_config_errors_make_bt_exit_70(self):
        # sendmail's syserr()s while reading (a misplaced metasymbol, a
        # missing local mailer) leave -bt's exit status at 70.
        cf = self.sb.write('bad.cf', 'V10/Berkeley\nSx\nR$:\tx\n')
        r = self.sb.run([self.sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true'], input=b'')
        self.assertEqual(r.returncode, 70)
        self.assertEqual(r.stdout.decode().splitlines()[:2],
                         ['%s: line 3: Inappropriate use of $: on LHS' % cf, 'No local mailer defined'])

    def test_replacement_out_of_bounds_when_read_and_when_run(self):
        # As sendmail 8.17: the rule's diagnostic in file order, "No local
        # mailer defined" after all of them; running the rule abandons the
        # ruleset with status 78 and no "returns:" line.
        cf = self.sb.write('oob.cf', 'V10/Berkeley\nS1\nR$*\t$: $2\nR$+\t$: $1 $3\n')
        r = self.sb.run([self.sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true'], input=b'1 a\n')
        self.assertEqual(r.returncode, 70)
        self.assertEqual(r.stdout.decode(),
                         '%s: line 3: replacement $2 out of bounds\n'
                         '%s: line 4: replacement $3 out of bounds\n'
                         'No local mailer defined\n'
                         'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n'
                         'Enter <ruleset> <address>\n'
                         '> 1                  input: a\n'
                         'rewrite: ruleset 1: replacement $2 out of bounds\n'
                         '== Ruleset 1 (1) status 78\n'
                         '> ' % (cf, cf))

    def test_map_key_and_k_line_dollars(self):
        # `$|` in a K line and in a rule-built key are the same byte.
        cf = self.sb.write('dollar.cf', CF + 'Kr regex -a.OK ^a$|b$\nSkey\nR$*\t$: $(r $1 $| b $)\n')
        r = self.sb.run([self.sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true'],
                        input=b'key a\n/map r a$|b\n')
        self.assertEqual(r.returncode, 0)
        self.assertIn('key              returns: . OK\n', r.stdout.decode())
        self.assertIn('map_lookup: r (a$|b) no match (0)\n', r.stdout.decode())

    def test_queue_id_and_metasymbols_as_macros(self):
        # -bt has an envelope with a queue id: $i is it, whatever the cf
        # says; a metasymbol given as a macro name shows as itself.
        cf = self.sb.write('qid.cf', CF + 'Dimine\n')
        r = self.sb.run([self.sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true'],
                        input=b'$i\n${i}\n$|\n$&j\n$1\n$z\n')
        out = r.stdout.decode().split('> ')[2:]
        self.assertRegex(out[0], r'^[0-9A-Za-z]{8}[0-9]{6}\n$')
        self.assertEqual(out[1], out[0])
        self.assertEqual(out[2:6], ['$|\n', '$&\n', '$1\n', 'Undefined\n'])

    def test_class_from_program_and_file_take_first_words(self):
        prog = self.sb.write('prog.sh', '#!/bin/sh\necho "args:$#" more\necho next\n', mode=0o755)
        words = self.sb.write('words.txt', '# comment\nfirst second\n  third # x\n')
        cf = self.sb.write('fcls.cf', CF + 'FP|%s a b\nFF%s\n' % (prog, words))
        # The sandbox may be below /tmp, where sendmail refuses class files.
        r = self.sb.run([self.sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true',
                         '-O', 'DontBlameSendmail=ClassFileInUnsafeDirPath'],
                        input=b'$=P\n$=F\n')
        out = r.stdout.decode().split('> ')[2:]
        self.assertEqual(sorted(out[0].split()), ['args:0', 'next'])
        self.assertEqual(sorted(out[1].split()), ['first', 'third'])

    def class_file_bt(self, spec, *options):
        cf = self.sb.write('fclass.cf', CF + 'FZ%s\n' % spec)
        r = self.sb.run([self.sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true', *options],
                        input=b'$=Z\n')
        return r.returncode, r.stdout.decode(), cf

    @staticmethod
    def class_members(out):
        # What $=Z printed: between the first prompt and the last.
        return out.split('Enter <ruleset> <address>\n> ', 1)[1][:-2]

    def test_class_file_below_world_writable_directory_is_refused(self):
        # As sendmail 8.17 -bt: the message names the file, the class stays
        # empty, and the refusal (an OS error) makes -bt exit 71.
        open_dir = self.sb.path('open')
        os.mkdir(open_dir)
        os.chmod(open_dir, 0o777)
        words = self.sb.write('open/words', 'alpha\n')
        rc, out, cf = self.class_file_bt(words)
        self.assertEqual(rc, 71)
        self.assertEqual(out, "%s: line 23: fileclass: cannot open '%s': World writable directory\n"
                              'ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n'
                              'Enter <ruleset> <address>\n> > ' % (cf, words))
        # -o: refused without a word; DontBlameSendmail=ClassFileInUnsafeDirPath reads it.
        rc, out, _ = self.class_file_bt('-o ' + words)
        self.assertEqual((rc, self.class_members(out)), (0, ''))
        rc, out, _ = self.class_file_bt(words, '-O', 'DontBlameSendmail=ClassFileInUnsafeDirPath')
        self.assertEqual((rc, self.class_members(out)), (0, 'alpha\n'))

    def test_class_file_must_be_a_regular_file_and_exist(self):
        rc, out, cf = self.class_file_bt('/dev/null')
        self.assertEqual(rc, 71)
        self.assertIn("%s: line 23: fileclass: cannot open '/dev/null': Regular files only\n" % cf, out)
        missing = self.sb.path('missing')
        rc, out, cf = self.class_file_bt(missing, '-O', 'DontBlameSendmail=ClassFileInUnsafeDirPath')
        self.assertEqual(rc, 71)
        self.assertIn("fileclass: cannot open '%s': No such file or directory\n" % missing, out)

    def test_parse_complaints_show_a_long_address_shortened(self):
        # sendmail 8.17: over 203 bytes, the first and last 100 around "...".
        addr = '<' + 'a' * 100 + ' ' + 'b' * 110
        _, out, _ = self.bt('/parse %s\n' % addr)
        self.assertIn('\n%s...%s... Unbalanced \'<\'\n' % (addr[:100], addr[-100:]), out)

    def test_ruleset_test_complaints_show_a_long_address_shortened(self):
        # "3,0 ADDR" shortens the address in its complaints as /parse does.
        addr = 'a' * 100 + '>' + 'b' * 110
        _, out, _ = self.bt('3,0 %s\n' % addr)
        self.assertIn('> %s...%s... Unbalanced \'>\'\n' % (addr[:100], addr[-100:]), out)

    def test_parse_of_overlong_word_is_token_too_long(self):
        # A word over 256 bytes stops /parse before the address length is
        # looked at; a long address of short words is "too long".
        word = 'a' * 257
        _, out, _ = self.bt('/parse %s\n/parse %s.%s\n' % (word, 'a' * 200, 'b' * 100))
        shown = 'a' * 100 + '...' + 'a' * 100
        self.assertIn('Parsing envelope recipient address\n%s... prescan: token too long\nCannot parse\n' % shown,
                      out)
        self.assertIn('" too long (255 bytes max)\nCannot parse\n', out)

    def test_parse_sends_file_program_and_include_users_to_builtin_mailers(self):
        # sendmail 8.17's buildaddr: with the mailer's F=/, F=| and F=: a user
        # "/..." goes to *file*, "|..." (quoted too) to prog, and
        # ":include:..." to *include*, with no recipient rules run over it.
        self.cf = self.sb.write('flags.cf', CF.replace('F=lsDFM,', 'F=lsDFM:/|,'))
        _, out, _ = self.bt('/parse /var/Mail\n/parse "|Cmd x"\n/parse :include:/etc/List\n')
        self.assertIn('final            returns: / var / Mail\nmailer *file*, user /var/Mail\n', out)
        self.assertIn('final            returns: "|Cmd x"\nmailer prog, user "|Cmd x"\n', out)
        self.assertIn('parse            returns: $# local $: : include : / etc / List\n'
                      'mailer *include*, user /etc/List\n', out)
        # Without the flags they stay the local mailer's.
        self.cf = self.sb.write('sendmail.cf', CF)
        _, out, _ = self.bt('/parse /var/Mail\n')
        self.assertIn('mailer local, user /var/mail\n', out)

    def test_long_command_lines_come_in_pieces(self):
        # sendmail 8.17 reads -bt commands 2047 bytes at a time: the rest of
        # a longer line is a command of its own (here a ruleset name alone).
        _, out, _ = self.bt('.Dz%s\n$z\n' % ('v' * 2500))
        self.assertIn('> > No address!\n> %s\n> ' % ('v' * 2044), out)

    def test_macro_echo_shows_8bit_and_control_bytes_as_sendmail(self):
        _, out, _ = self.bt(b'.Dx \xe9t\x01\t\x81|\x80\n$x\n')
        self.assertIn('> >  M-it\\tM-$|M-M-\n', out)

    def test_mailer_list_shows_8bit_argv_and_no_8bit_flags(self):
        self.cf = self.sb.write('8bit.cf', CF.encode() + b'Mtest8, P=/bin/\xe9cho, F=\xe9u, A=\xe9cho $u \xff\n')
        _, out, _ = self.bt(b'=M\n')
        self.assertIn('mailer 5 (test8): P=/bin/\xe9cho S=parse/parse R=parse/parse M=0 U=-1:-1 F=u L=0 E=\\n '
                      'T=<undefined>/<undefined>/<undefined> r=100 A=M-icho $u M-M-\n', out)

    def test_parse_and_try_of_an_address_that_fills_prescan_buffer(self):
        # 626 one-letter words and their NULs fill sendmail's 1251 bytes;
        # /try hands such an address back as it came.
        fits, over = '.'.join(['b'] * 313), '.'.join(['b'] * 314)
        shown = over[:100] + '...' + over[-100:]
        _, out, _ = self.bt('/parse %s\n/parse %s\n/try esmtp %s\n' % (fits, over, over))
        self.assertIn('" too long (255 bytes max)\nCannot parse\n', out)
        self.assertIn('Parsing envelope recipient address\n%s... Address too long\nCannot parse\n' % shown, out)
        self.assertIn('for mailer esmtp\n%s... Address too long\nRcode = 0, addr = %s\n' % (shown, over[:256]), out)
        word = 'w' * 300
        _, out, _ = self.bt('/try esmtp %s\n' % word)
        self.assertIn('for mailer esmtp\n%s... prescan: token too long\nRcode = 0, addr = %s\n'
                      % (word[:100] + '...' + word[-100:], word), out)


if __name__ == '__main__':
    unittest.main()
