"""cf/sh/mclint: each classic .mc mistake is reported with its exact line and
message, a correct file is clean, and the oracle's real-world .mc files lint
clean apart from the warnings they deserve."""
import glob
import os
import subprocess
import sys
import unittest

import harness

MCLINT = harness.source('cf/sh/mclint')

HEAD = """divert(-1)dnl
dnl # test configuration
divert(0)dnl
include(`/usr/share/sendmail-cf/m4/cf.m4')dnl
VERSIONID(`test')dnl
OSTYPE(`linux')dnl
"""
# HEAD is lines 1-6, so BODY lines start at 7.
BODY = """define(`confMAX_HOP', `30')dnl
FEATURE(`use_cw_file')dnl
FEATURE(`access_db', `hash -o /etc/mail/access.db')dnl
"""
TAIL = """MAILER(`local')dnl
MAILER(`smtp')dnl
"""


class McLint(unittest.TestCase):
    def setUp(self):
        self.sb = harness.Sandbox(self)

    def lint(self, text, *opts, name='test.mc'):
        path = self.sb.write(name, text)
        r = subprocess.run([sys.executable, MCLINT, *opts, path], capture_output=True,
                           text=True, timeout=30)
        return r.returncode, [ln.replace(path, name) for ln in r.stdout.splitlines()], r.stderr

    def expect(self, text, *lines):
        rc, out, err = self.lint(text)
        self.assertEqual(out, list(lines))
        self.assertEqual(rc, 1 if lines else 0, err)

    def body(self, extra_body='', extra_tail='', head=HEAD, tail=TAIL):
        return head + BODY + extra_body + tail + extra_tail

    # --- a correct file ---
    def test_correct_file_is_clean(self):
        self.expect(self.body())

    # --- names ---
    def test_misspelled_feature_suggests_the_closest(self):
        self.expect(self.body("FEATURE(`use_cw_flie')dnl\n"),
                    "test.mc:10: error: unknown FEATURE `use_cw_flie' (did you mean `use_cw_file'?)")

    def test_sts_map_without_type(self):
        self.expect(self.body("FEATURE(`sts', `inet:5461@127.0.0.1')dnl\n"),
                    "test.mc:10: error: FEATURE(`sts', `inet:5461@127.0.0.1'): the map type "
                    "comes first, `socket -d5 -T<TMPF> inet:5461@127.0.0.1'; sendmail cannot read "
                    "`Ksts inet:5461@127.0.0.1'")

    def test_sts_map_without_tempfail_mark(self):
        self.expect(self.body("FEATURE(`sts', `socket inet:5461@127.0.0.1')dnl\n"),
                    "test.mc:10: warning: FEATURE(`sts', `socket inet:5461@127.0.0.1') without "
                    "-T<TMPF>: a policy lookup that fails counts as a domain without a policy")

    def test_sts_default_and_full_map_are_clean(self):
        self.expect(self.body("FEATURE(`sts')dnl\n"))
        self.expect(self.body("FEATURE(`sts', `socket -d5 -T<TMPF> local:/run/sts.sock')dnl\n"))

    def test_vnet_without_gateway(self):
        self.expect(self.body("FEATURE(`vnet')dnl\n"),
                    "test.mc:10: warning: FEATURE(`vnet') sends VNET and RSCS mail to the gateway "
                    "$A, which this file never sets: add a line `DAgateway.host' after LOCAL_CONFIG")

    def test_vnet_with_gateway_is_clean(self):
        self.expect(self.body("FEATURE(`vnet')dnl\n", "LOCAL_CONFIG\nDArscs.example.com\n"))

    def test_unknown_feature_without_close_match(self):
        self.expect(self.body("FEATURE(`frobnicate_everything')dnl\n"),
                    "test.mc:10: error: unknown FEATURE `frobnicate_everything'")

    def test_misspelled_conf_option_in_define(self):
        self.expect(self.body("define(`confMAX_HOPS', `40')dnl\n"),
                    "test.mc:10: error: unknown option confMAX_HOPS (did you mean confMAX_HOP?): "
                    "m4 ignores it")

    def test_misspelled_conf_option_in_undefine(self):
        self.expect(self.body("undefine(`confHOST_STATUS_DIRECTROY')dnl\n"),
                    "test.mc:10: error: unknown option confHOST_STATUS_DIRECTROY (did you mean "
                    "confHOST_STATUS_DIRECTORY?): m4 ignores it")

    def test_obsolete_conf_option(self):
        self.expect(self.body("define(`confDAEMON_OPTIONS', `Port=25')dnl\n"),
                    "test.mc:10: error: confDAEMON_OPTIONS is no longer valid: use "
                    "DAEMON_OPTIONS(`...')")

    def test_devtools_build_option_in_mc(self):
        self.expect(self.body("define(`confENVDEF', `-DSTARTTLS')dnl\n"),
                    "test.mc:10: error: confENVDEF is a devtools option for building sendmail "
                    "(site.config.m4), not an .mc option")

    def test_misspelled_ostype(self):
        self.expect(self.body(head=HEAD.replace("`linux'", "`linx'")),
                    "test.mc:6: error: unknown OSTYPE `linx' (did you mean `linux'?)")

    def test_misspelled_mailer(self):
        self.expect(self.body(tail=TAIL.replace("`local'", "`lcoal'")),
                    "test.mc:10: error: unknown MAILER `lcoal' (did you mean `local'?)")

    def test_misspelled_macro_is_copied_into_the_cf(self):
        self.expect(self.body("FEATUER(`redirect')dnl\n"),
                    "test.mc:10: error: unknown macro FEATUER: m4 copies it into sendmail.cf "
                    "unchanged (did you mean FEATURE?)")

    # --- m4 syntax ---
    def test_unclosed_quote(self):
        self.expect(self.body("define(`confMAX_HOP', `40)dnl\n"),
                    "test.mc:10: error: unclosed quote: this ` has no matching ' and m4 swallows "
                    "the rest of the file")

    def test_straight_quotes_instead_of_m4_quotes(self):
        self.expect(self.body("FEATURE('redirect')dnl\n"),
                    "test.mc:10: error: stray ' in FEATURE(...): m4 quotes open with ` and close "
                    "with ', as in `text'")

    def test_unclosed_parenthesis(self):
        self.expect(self.body("FEATURE(`redirect'dnl\n"),
                    "test.mc:10: error: unclosed parenthesis: FEATURE( has no matching ')'")

    def test_space_before_parenthesis(self):
        self.expect(self.body("FEATURE (`redirect')dnl\n"),
                    "test.mc:10: error: space between FEATURE and '(': m4 calls FEATURE without "
                    "arguments and copies the rest as text")

    def test_unquoted_commas_split_a_define(self):
        self.expect(self.body("define(`confPRIVACY_FLAGS', authwarnings,novrfy)dnl\n"),
                    "test.mc:10: error: define(`confPRIVACY_FLAGS') got 3 arguments: quote a value "
                    "that holds commas, as in `a,b', or m4 drops all after the first")

    def test_missing_dnl_leaves_a_blank_line(self):
        self.expect(self.body("FEATURE(`redirect')\n"),
                    "test.mc:10: warning: no dnl after FEATURE(...): m4 copies this newline into "
                    "sendmail.cf as a blank line")

    def test_blank_lines_in_local_config_are_fine(self):
        self.expect(self.body(extra_tail="LOCAL_CONFIG\nKfoo hash /etc/mail/foo\n\n"
                              "LOCAL_RULESETS\nSLocal_check_mail\nR$*\t$: $1\n"))

    def test_dos_line_ends(self):
        self.expect(self.body().replace("\n", "\r\n"),
                    "test.mc:1: warning: DOS line ends (CR LF): m4 copies the carriage returns "
                    "into sendmail.cf; convert the file with dos2unix")

    # --- order ---
    def test_feature_after_mailer(self):
        self.expect(self.body(extra_tail="FEATURE(`redirect')dnl\n"),
                    "test.mc:12: error: FEATURE(`redirect') after MAILER(`local') (line 10): "
                    "every FEATURE must come before the MAILER lines")

    def test_feature_after_nullclient(self):
        text = ("include(`/usr/share/sendmail-cf/m4/cf.m4')dnl\nOSTYPE(`linux')dnl\n"
                "FEATURE(`nullclient', `hub.example.com')dnl\nFEATURE(`nocanonify')dnl\n")
        self.expect(text, "test.mc:4: error: FEATURE(`nocanonify') after FEATURE(`nullclient') "
                    "(line 3), which brings MAILER(`local') and MAILER(`smtp'): put it before")

    def test_feature_before_nullclient_is_clean(self):
        self.expect("include(`/usr/share/sendmail-cf/m4/cf.m4')dnl\nOSTYPE(`linux')dnl\n"
                    "FEATURE(`nocanonify')dnl\nFEATURE(`nullclient', `hub.example.com')dnl\n")

    def test_local_mailer_after_smtp(self):
        self.expect(self.body(tail="MAILER(`smtp')dnl\nMAILER(`local')dnl\n"),
                    "test.mc:11: warning: MAILER(`local') after MAILER(`smtp') (line 10): put "
                    "MAILER(`local') first")

    def test_smtp_mailer_after_uucp(self):
        self.expect(self.body(tail="MAILER(`local')dnl\nMAILER(`uucp')dnl\nMAILER(`smtp')dnl\n"),
                    "test.mc:11: warning: MAILER(`uucp') before MAILER(`smtp'): put MAILER(`smtp') "
                    "first",
                    "test.mc:12: error: MAILER(`smtp') after MAILER(`uucp') (line 11): "
                    "MAILER(`smtp') must come first")

    def test_mailer_included_twice(self):
        self.expect(self.body(extra_tail="MAILER(`smtp')dnl\n"),
                    "test.mc:12: error: MAILER(`smtp') already included at line 11")

    def test_mailer_setting_after_its_mailer(self):
        self.expect(self.body(extra_tail="define(`SMTP_MAILER_MAX', `1000000')dnl\n"),
                    "test.mc:12: error: SMTP_MAILER_MAX after MAILER(`smtp') (line 11) has no "
                    "effect: define mailer settings before the MAILER line")

    def test_define_after_the_feature_it_influences(self):
        self.expect(self.body("FEATURE(`local_procmail')dnl\n"
                              "define(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')dnl\n"),
                    "test.mc:11: error: PROCMAIL_MAILER_PATH after FEATURE(`local_procmail') "
                    "(line 10): define it before the FEATURE it influences")

    def test_missing_ostype(self):
        self.expect(self.body(head=HEAD.replace("OSTYPE(`linux')dnl\n", "dnl\n")),
                    "test.mc:4: error: no OSTYPE: sendmail.cf will not build; add "
                    "OSTYPE(`linux')dnl right after the include of cf.m4")

    def test_ostype_after_mailer(self):
        self.expect(self.body(head=HEAD.replace("OSTYPE(`linux')dnl\n", "dnl\n"),
                              extra_tail="OSTYPE(`linux')dnl\n"),
                    "test.mc:12: error: OSTYPE after MAILER(`local') (line 10): the mailers were "
                    "already built without it")

    def test_ostype_twice(self):
        self.expect(self.body("OSTYPE(`debian')dnl\n"),
                    "test.mc:10: error: OSTYPE given twice (first at line 6)")

    def test_tls_section_before_mailer(self):
        self.expect(self.body("LOCAL_SRV_FEATURES\n"),
                    "test.mc:10: warning: LOCAL_SRV_FEATURES before the MAILER lines: put it "
                    "after them")

    def test_missing_cf_m4_include(self):
        self.expect(self.body(head=HEAD.replace("include(`/usr/share/sendmail-cf/m4/cf.m4')dnl\n",
                                                "dnl\n")),
                    "test.mc:5: warning: VERSIONID before any include(`.../m4/cf.m4'): this file "
                    "only compiles as `m4 CFDIR/m4/cf.m4 file.mc'")

    def test_cf_lines_outside_local_config(self):
        self.expect(self.body("Kfoo hash /etc/mail/foo\n"),
                    "test.mc:10: warning: sendmail.cf line outside LOCAL_CONFIG: m4 leaves it at "
                    "the top of sendmail.cf, where later lines can override it")

    def test_rules_outside_a_section(self):
        self.expect(self.body("R$* < @ spam.example >\t$#error $: 550 go away\n"),
                    "test.mc:10: error: rule outside a section: put it after LOCAL_RULESETS, or "
                    "m4 leaves it at the top of sendmail.cf, outside any ruleset")

    def test_rule_continued_on_an_indented_line_is_fine(self):
        self.expect(self.body(extra_tail="LOCAL_RULESETS\nSLocal_check_mail\nR$* <@ x >\n"
                              "\t\t$#error $: 550 no\n"))

    def test_rule_without_tabs(self):
        self.expect(self.body(extra_tail="LOCAL_RULESETS\nSLocal_check_mail\nR$*   $: $1\n"),
                    "test.mc:14: error: rule without a tab: sendmail separates the left side, right "
                    "side and comment of an R line with tabs, not spaces")

    def test_no_smtp_mailer(self):
        self.expect(self.body(tail="MAILER(`local')dnl\n"),
                    "test.mc:10: warning: no MAILER(`smtp'): this host cannot send mail to other "
                    "hosts")

    # --- relay hosts ---
    def test_smart_host_without_brackets(self):
        self.expect(self.body("define(`SMART_HOST', `relay.example.net')dnl\n"),
                    "test.mc:10: warning: SMART_HOST `relay.example.net' without brackets: sendmail "
                    "looks up its MX records; write `[relay.example.net]' to connect to that host "
                    "itself")

    def test_smart_host_ip_without_brackets(self):
        self.expect(self.body("define(`SMART_HOST', `esmtp:192.0.2.7')dnl\n"),
                    "test.mc:10: error: SMART_HOST `192.0.2.7' is an IP address: write it in "
                    "brackets, `[192.0.2.7]', or sendmail looks it up as a host name")

    def test_mail_hub_without_brackets(self):
        self.expect(self.body("define(`MAIL_HUB', `hub.example.net')dnl\n"),
                    "test.mc:10: warning: MAIL_HUB `hub.example.net' without brackets: sendmail "
                    "looks up its MX records; write `[hub.example.net]' to connect to that host "
                    "itself")

    def test_luser_relay_without_brackets(self):
        self.expect(self.body("define(`LUSER_RELAY', `relay:mx.example.net')dnl\n"),
                    "test.mc:10: warning: LUSER_RELAY `mx.example.net' without brackets: sendmail "
                    "looks up its MX records; write `[mx.example.net]' to connect to that host "
                    "itself")

    def test_smart_host_with_a_port(self):
        self.expect(self.body("define(`SMART_HOST', `[smtp.example.net]:587')dnl\n"),
                    "test.mc:10: error: SMART_HOST cannot carry a port (`:587'): set it with "
                    "define(`RELAY_MAILER_ARGS', `TCP $h 587')")

    def test_bracketed_ipv6_smart_host_is_fine(self):
        self.expect(self.body("define(`SMART_HOST', `esmtp:[IPv6:2001:db8::25]')dnl\n"))

    def test_masquerade_as_an_address(self):
        self.expect(self.body("MASQUERADE_AS(`postmaster@example.com')dnl\n"),
                    "test.mc:10: error: MASQUERADE_AS takes a domain, not the address "
                    "`postmaster@example.com'")

    def test_bracketed_and_local_relays_are_fine(self):
        self.expect(self.body("define(`SMART_HOST', `relay:[relay.example.net]')dnl\n"
                              "define(`MAIL_HUB', `[192.0.2.1]')dnl\n"
                              "define(`LUSER_RELAY', `local:postmaster')dnl\n"))

    # --- FEATURE arguments ---
    def test_map_path_without_map_type(self):
        self.expect(self.body("FEATURE(`mailertable', `/etc/mail/mailertable')dnl\n"),
                    "test.mc:10: error: map `/etc/mail/mailertable' for FEATURE(`mailertable') has "
                    "no map type: write `hash /etc/mail/mailertable'")

    def test_map_type_with_a_colon(self):
        self.expect(self.body("FEATURE(`virtusertable', `hash:/etc/mail/virtusertable')dnl\n"),
                    "test.mc:10: error: map `hash:/etc/mail/virtusertable' for "
                    "FEATURE(`virtusertable'): separate the map type with a space, "
                    "`hash /etc/mail/virtusertable', not a colon")

    def test_feature_that_needs_access_db_first(self):
        text = HEAD + "FEATURE(`greet_pause', `1000')dnl\nFEATURE(`access_db')dnl\n" + TAIL
        self.expect(text, "test.mc:7: error: FEATURE(`greet_pause') needs FEATURE(`access_db') "
                    "before it")

    def test_nouucp_needs_its_argument(self):
        self.expect(self.body("FEATURE(`nouucp')dnl\n"),
                    "test.mc:10: error: FEATURE(`nouucp') needs an argument, `reject' or "
                    "`nospecial'")

    def test_open_relay_feature(self):
        self.expect(self.body("FEATURE(`promiscuous_relay')dnl\n"),
                    "test.mc:10: warning: FEATURE(`promiscuous_relay') makes this host an open "
                    "relay")

    def test_misspelled_privacy_flag(self):
        self.expect(self.body("define(`confPRIVACY_FLAGS', `authwarnings,novfry')dnl\n"),
                    "test.mc:10: error: unknown confPRIVACY_FLAGS flag `novfry' (did you mean "
                    "novrfy?)")

    def test_message_size_with_a_unit(self):
        self.expect(self.body("define(`confMAX_MESSAGE_SIZE', `10M')dnl\n"),
                    "test.mc:10: error: confMAX_MESSAGE_SIZE is a number of bytes: sendmail reads "
                    "`10M' as 10")

    def test_macro_in_a_hash_comment_is_expanded(self):
        self.expect(self.body("# FEATURE(`redirect') is off for now\n"),
                    "test.mc:10: warning: FEATURE(...) in a # comment is expanded anyway: cf.m4 "
                    "turns off m4's # comments; comment it out with dnl")

    def test_dnl_in_a_hash_comment_eats_the_newline(self):
        self.expect(self.body(extra_tail="LOCAL_CONFIG\n# maps, see dnl\nKfoo hash /etc/foo\n"),
                    "test.mc:13: warning: dnl in a # comment also deletes the newline: the next "
                    "line is joined to this comment")

    def test_hash_comments_before_cf_m4_are_plain_comments(self):
        self.expect("divert(-1)\n# FEATURE(`redirect') dnl define(`x')\n" + self.body())

    def test_doubly_quoted_values(self):
        self.expect(self.body("define(`confPRIVACY_FLAGS', ``authwarnings,noexpn'')dnl\n"))

    def test_defined_twice(self):
        self.expect(self.body("define(`confMAX_HOP', `40')dnl\n"),
                    "test.mc:10: warning: confMAX_HOP defined again (first at line 7): the last "
                    "definition wins")

    # --- command line ---
    def test_w_hides_warnings(self):
        rc, out, _ = self.lint(self.body("FEATURE(`redirect')\n"), '-w')
        self.assertEqual((rc, out), (0, []))

    def test_usage_errors_exit_2(self):
        r = subprocess.run([sys.executable, MCLINT], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn('usage: mclint', r.stderr)
        r = subprocess.run([sys.executable, MCLINT, self.sb.path('missing.mc')],
                           capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn('missing.mc: No such file or directory', r.stderr)

    def test_installed_script_is_executable(self):
        self.assertTrue(os.access(MCLINT, os.X_OK))


# The warnings the oracle's real-world files deserve; everything else must be clean.
ORACLE_EXPECTED = {
    'antispam.mc': [],
    'centos7.mc': ["centos7.mc:108: warning: FEATURE(`blacklist_recipients') is deprecated: use "
                   "FEATURE(`blocklist_recipients')"],
    'debian.mc': ["debian.mc:83: warning: no dnl after VERSIONID(...): m4 copies this newline "
                  "into sendmail.cf as a blank line"],
    'generic.mc': [],
    'nullclient.mc': [],
    'seed.mc': ["seed.mc:32: warning: SMART_HOST `smtp.gmail.com' without brackets: sendmail "
                "looks up its MX records; write `[smtp.gmail.com]' to connect to that host itself",
                "seed.mc:110: warning: FEATURE(`blacklist_recipients') is deprecated: use "
                "FEATURE(`blocklist_recipients')"],
    'smarthost.mc': [],
}


def oracle_dir():
    """harness.ORACLE, or (from a git worktree deeper down) the nearest shared/oracle above."""
    if os.path.isdir(harness.ORACLE):
        return harness.ORACLE
    d = os.path.abspath(harness.TOP_SRCDIR)
    while d != os.path.dirname(d):
        d = os.path.dirname(d)
        if os.path.isdir(os.path.join(d, 'shared', 'oracle')):
            return os.path.join(d, 'shared', 'oracle')
    return harness.ORACLE


class OracleFiles(unittest.TestCase):
    def test_oracle_mc_files_lint_as_expected(self):
        files = sorted(glob.glob(os.path.join(oracle_dir(), 'mc', '*.mc')))
        self.assertTrue(files, f'no .mc files under {oracle_dir()}/mc')
        for path in files:
            name = os.path.basename(path)
            with self.subTest(mc=name):
                r = subprocess.run([sys.executable, MCLINT, path], capture_output=True, text=True,
                                   timeout=30, cwd=os.path.dirname(path))
                out = [ln.replace(path, name) for ln in r.stdout.splitlines()]
                self.assertEqual(out, ORACLE_EXPECTED.get(name, []))
                self.assertEqual(r.returncode, 1 if out else 0)


if __name__ == '__main__':
    unittest.main()
