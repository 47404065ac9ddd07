// test_reader.cpp: each cf line type (V D C F O S R M H K T P Q X E L,
// continuation lines, comments) and the diagnostics sendmail gives for bad ones.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>

#include <cstdio>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.hpp"
#include "read_cf.hpp"

class ReaderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReaderTest);
    CPPUNIT_TEST(test_version_and_vendor);
    CPPUNIT_TEST(test_queue_group_equates_and_errors);
    CPPUNIT_TEST(test_macros_short_and_long_names);
    CPPUNIT_TEST(test_classes_from_lines);
    CPPUNIT_TEST(test_class_from_file_and_missing_file);
    CPPUNIT_TEST(test_optional_class_file_is_silent);
    CPPUNIT_TEST(test_class_from_program);
    CPPUNIT_TEST(test_options_long_and_letter);
    CPPUNIT_TEST(test_unknown_option_is_warned_and_skipped);
    CPPUNIT_TEST(test_mta_sts_options_are_known);
    CPPUNIT_TEST(test_rulesets_numbered_and_named);
    CPPUNIT_TEST(test_rule_fields_and_comment);
    CPPUNIT_TEST(test_rule_without_tab_is_an_error);
    CPPUNIT_TEST(test_headers_with_flags_and_checks);
    CPPUNIT_TEST(test_trusted_priorities_queue_groups);
    CPPUNIT_TEST(test_continuation_lines_join);
    CPPUNIT_TEST(test_unknown_line_type);
    CPPUNIT_TEST(test_map_declaration_recorded);
    CPPUNIT_TEST(test_diagnostic_names_the_last_physical_line);
    CPPUNIT_TEST(test_last_line_without_newline_is_not_counted);
    CPPUNIT_TEST(test_empty_line_starts_a_logical_line);
    CPPUNIT_TEST(test_trailing_blanks_are_dropped);
    CPPUNIT_TEST(test_diagnostics_quote_dollar_as_stored_in_seven_bits);
    CPPUNIT_TEST(test_explicit_ruleset_numbers_stop_below_100);
    CPPUNIT_TEST(test_named_ruleset_number_errors);
    CPPUNIT_TEST(test_ruleset_name_keeps_its_first_number);
    CPPUNIT_TEST(test_rule_without_valid_ruleset);
    CPPUNIT_TEST(test_rule_with_empty_side_is_reported_and_kept);
    CPPUNIT_TEST(test_rule_side_over_1000_tokens_is_emptied);
    CPPUNIT_TEST(test_rule_side_and_macro_value_keep_2047_bytes);
    CPPUNIT_TEST(test_option_names_after_one_space);
    CPPUNIT_TEST(test_unknown_option_letters_in_hex);
    CPPUNIT_TEST(test_timeout_names_and_units);
    CPPUNIT_TEST(test_unknown_user_options);
    CPPUNIT_TEST(test_unknown_delivery_mode_stops_reading);
    CPPUNIT_TEST(test_unknown_eight_bit_mode_stops_reading);
    CPPUNIT_TEST(test_header_syntax_errors);
    CPPUNIT_TEST(test_header_check_needs_a_ruleset_name);
    CPPUNIT_TEST(test_macro_and_class_names_are_checked);
    CPPUNIT_TEST(test_class_file_name_required);
    CPPUNIT_TEST(test_version_line_arguments);
    CPPUNIT_TEST(test_version_level_warnings);
    CPPUNIT_TEST(test_map_name_and_class_required);
    CPPUNIT_TEST(test_map_name_and_class_end_at_any_byte);
    CPPUNIT_TEST(test_map_flags_a_class_does_not_take);
    CPPUNIT_TEST(test_class_program_runs_without_shell);
    CPPUNIT_TEST(test_queue_group_diagnostics);
    CPPUNIT_TEST(test_every_bad_time_unit_is_reported);
    CPPUNIT_TEST(test_carriage_return_ends_each_physical_line);
    CPPUNIT_TEST(test_bad_time_units_are_warnings);
    CPPUNIT_TEST(test_listed_option_values_are_checked);
    CPPUNIT_TEST(test_priority_line_needs_an_equals_sign);
    CPPUNIT_TEST(test_rulesets_named_by_mailers_and_headers_are_numbered);
    CPPUNIT_TEST(test_ruleset_lines_expand_macros_and_quote_20_characters);
    CPPUNIT_TEST(test_rule_diagnostics_show_long_macro_names_as_their_ids);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_version_and_vendor() {
        auto c = read("V10/Berkeley\n");
        CPPUNIT_ASSERT_EQUAL(10, c->version);
        CPPUNIT_ASSERT_EQUAL(std::string("Berkeley"), c->vendor);
    }
    void test_queue_group_equates_and_errors() {
        auto c = read("Qslow, Path=/q/slow, R=2, r=5, Zap=1\nMesmtp, P=[IPC], Q=slow, A=TCP $h\n"
                      "Mlocal, P=/bin/true, Q=nosuch, A=local $u\nMprog, P=/bin/sh, Q=mqueue, A=sh\n");
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->queue_groups.size());
        CPPUNIT_ASSERT_EQUAL(std::string("5"), c->queue_groups[0].params.at("r"));
        CPPUNIT_ASSERT_EQUAL(std::string("2"), c->queue_groups[0].params.at("R"));
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Qslow: unknown queue equate Z="), c->diagnostics[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: mailer local: unknown queue nosuch"), c->diagnostics[1]);
    }
    void test_macros_short_and_long_names() {
        auto c = read("DSrelay.example.net\nD{MTAHost}[127.0.0.1]\nDj$w.Foo.COM\n");
        CPPUNIT_ASSERT_EQUAL(std::string("relay.example.net"), *c->macros.find("S"));
        CPPUNIT_ASSERT_EQUAL(std::string("[127.0.0.1]"), *c->macros.find("MTAHost"));
        CPPUNIT_ASSERT_EQUAL(std::string("$w.Foo.COM"), *c->macros.find("j"));  // expanded when used
    }
    void test_classes_from_lines() {
        auto c = read("Cwlocalhost\nCw mx.example.com  mail\nC{VirtHost}virt.example\n");
        CPPUNIT_ASSERT(c->classes.contains(*c->classes.find_class("w"), "LOCALHOST"));
        CPPUNIT_ASSERT(c->classes.contains(*c->classes.find_class("w"), "mail"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->classes.members("VirtHost").size());
    }
    void test_class_from_file_and_missing_file() {
        // In the current directory: sendmail refuses class files below /tmp.
        char path[] = "cftestXXXXXX";
        int fd = mkstemp(path);
        std::string text = "# comment\nexample.com\nmail.example.com other\n";
        CPPUNIT_ASSERT(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        close(fd);
        auto c = read(std::string("Fw") + path + "\nFX/nonexistent/file\n");
        unlink(path);
        // Only the first word of a line counts, as in sendmail 8.17.
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->classes.members("w").size());
        CPPUNIT_ASSERT(c->classes.contains(*c->classes.find_class("w"), "mail.example.com"));
        CPPUNIT_ASSERT(!c->classes.contains(*c->classes.find_class("w"), "other"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: fileclass: cannot open '/nonexistent/file': No such file or directory"),
                             c->diagnostics[0]);
        // An OS error: -bt exits 71 (EX_OSERR) when it is the first error.
        CPPUNIT_ASSERT_EQUAL(71, c->error_status);
        CPPUNIT_ASSERT_EQUAL(70, read("O NoSuchOptionXyz=1\nFX/nonexistent/file\n")->error_status);
    }
    void test_optional_class_file_is_silent() {
        auto c = read("FR-o /nonexistent/relay-domains\n");
        CPPUNIT_ASSERT(c->diagnostics.empty());
    }
    // The program runs without arguments (the rest is a format); the
    // first word of each line it prints joins the class.
    void test_class_from_program() {
        char path[] = "/tmp/cfprogXXXXXX";
        int fd = mkstemp(path);
        std::string text = "#!/bin/sh\necho \"args:$#\" two\necho three\n";
        CPPUNIT_ASSERT(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        fchmod(fd, 0700);
        close(fd);
        auto c = read(std::string("FP|") + path + " x y\n");
        unlink(path);
        auto members = c->classes.members("P");
        std::sort(members.begin(), members.end());
        CPPUNIT_ASSERT_EQUAL(size_t(2), members.size());
        CPPUNIT_ASSERT_EQUAL(std::string("args:0"), members[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("three"), members[1]);
    }
    void test_options_long_and_letter() {
        auto c = read("O OperatorChars=.:%@!^/[]+\nOA/etc/aliases\nO Timeout.queuereturn=5d\n");
        CPPUNIT_ASSERT_EQUAL(std::string(".:%@!^/[]+"), c->options["OperatorChars"]);
        CPPUNIT_ASSERT_EQUAL(std::string("/etc/aliases"), c->options["AliasFile"]);
        CPPUNIT_ASSERT_EQUAL(std::string("5d"), c->options["Timeout.queuereturn"]);
        CPPUNIT_ASSERT_EQUAL(std::string(".:%@!^/[]+"), c->operator_chars());
    }
    void test_unknown_option_is_warned_and_skipped() {
        auto c = read("V10\nO FooBar=1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: readcf: unknown option name FooBar"), c->diagnostics.at(0));
        CPPUNIT_ASSERT(c->options.find("FooBar") == c->options.end());
    }
    void test_mta_sts_options_are_known() {
        // FEATURE(sts) writes both; sendmail 8.17 takes them without a word
        auto c = read("V10\nO StrictTransportSecurity=true\nO SetCertAltnames=true\n");
        CPPUNIT_ASSERT(c->diagnostics.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("true"), c->options["StrictTransportSecurity"]);
    }
    void test_rulesets_numbered_and_named() {
        auto c = read("S3\nScanonify=3\nSParse0\nSfinal=4\n");
        CPPUNIT_ASSERT_EQUAL(3, c->find_ruleset("canonify"));
        CPPUNIT_ASSERT_EQUAL(4, c->find_ruleset("final"));
        CPPUNIT_ASSERT_EQUAL(199, c->find_ruleset("Parse0"));  // unnumbered names count down from 199
        CPPUNIT_ASSERT_EQUAL(std::string("canonify"), c->ruleset_label(3));
        CPPUNIT_ASSERT_EQUAL(-1, c->find_ruleset("NoSuch"));
    }
    void test_rule_fields_and_comment() {
        auto c = read("S1\nR$+ @ $+\t\t$@ $1 < @ $2 >\tmake it canonical\n");
        const auto& r = c->rulesets[1].rules.at(0);
        CPPUNIT_ASSERT_EQUAL(std::string("$+ @ $+"), r.lhs);
        CPPUNIT_ASSERT_EQUAL(std::string("$@ $1 < @ $2 >"), r.rhs);
        CPPUNIT_ASSERT_EQUAL(2, r.line);
    }
    void test_rule_without_tab_is_an_error() {
        auto c = read("S1\nRnotab\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: invalid rewrite line \"Rnotab\" (tab expected)"), c->diagnostics.at(0));
        CPPUNIT_ASSERT(c->rulesets[1].rules.empty());
    }
    void test_headers_with_flags_and_checks() {
        auto c = read("H?P?Return-Path: <$g>\nHSubject: $>CheckSubject\nH?${auth_type}?X-Auth: yes\n");
        CPPUNIT_ASSERT_EQUAL(size_t(3), c->headers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("P"), c->headers[0].flags);
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), c->headers[0].value);
        CPPUNIT_ASSERT_EQUAL(std::string("199"), c->headers[1].ruleset);
        CPPUNIT_ASSERT_EQUAL(199, c->find_ruleset("CheckSubject"));
        CPPUNIT_ASSERT_EQUAL(std::string("{auth_type}"), c->headers[2].macro);
    }
    void test_trusted_priorities_queue_groups() {
        auto c = read("Troot daemon\nPjunk=-100\nQmqueue, P=/var/spool/mqueue, F=f\nXtest, S=inet:8891@127.0.0.1\nEPATH=/bin\nL9\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->trusted_users.size());
        CPPUNIT_ASSERT_EQUAL(std::string("-100"), c->priorities["junk"]);
        CPPUNIT_ASSERT_EQUAL(std::string("/var/spool/mqueue"), c->queue_groups.at(0).params["P"]);
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->mail_filters.size());
        CPPUNIT_ASSERT(c->diagnostics.empty());
    }
    void test_continuation_lines_join() {
        auto c = read("HReceived: from $s\n\tby $j\n# comment\n\nS1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("from $s\n\tby $j"), c->headers.at(0).value);
    }
    void test_unknown_line_type() {
        auto c = read("Z junk line\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: unknown configuration line \"Z junk line\""), c->diagnostics.at(0));
    }
    // Expected texts below were observed with sendmail 8.17.1.9.
    void test_diagnostic_names_the_last_physical_line() {
        auto c = read("S1\nR$:\t$@ x\n  x\n\ty\nA\n \n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 4: Inappropriate use of $: on LHS"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 6: unknown configuration line \"A\""), c->diagnostics.at(1));
    }
    void test_last_line_without_newline_is_not_counted() {
        auto c = read("V10\n\n\nA\n\n\nB");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 4: unknown configuration line \"A\""), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 6: unknown configuration line \"B\""), c->diagnostics.at(1));
    }
    void test_empty_line_starts_a_logical_line() {
        auto c = read("V10\n#c\n\tcommented too\n\n\tbar\n");
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 5: unknown configuration line \"\n\tbar\""),
                             c->diagnostics.at(0));
    }
    void test_trailing_blanks_are_dropped() {
        auto c = read("Dx a \t\nB \r\n");
        CPPUNIT_ASSERT_EQUAL(std::string(" a"), *c->macros.find("x"));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: unknown configuration line \"B\""), c->diagnostics.at(0));
    }
    void test_diagnostics_quote_dollar_as_stored_in_seven_bits() {
        auto c = read("Z$x\n\xe9x\nZ\xe9\xff\x81\x80$x\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: unknown configuration line \"Z\x01x\""),
                             c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: unknown configuration line \"ix\""), c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: unknown configuration line \"Zi\x7f\x7f\x7f\x01\x7f"),
                             c->diagnostics.at(2));
    }
    void test_explicit_ruleset_numbers_stop_below_100() {
        auto c = read("S99\nS100\nS9999999999\nS-1\nS\n");
        CPPUNIT_ASSERT_EQUAL(size_t(4), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: bad ruleset 100 (100 max)"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: bad ruleset 1410065407 (100 max)"), c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 4: invalid ruleset name: \"-1\""), c->diagnostics.at(2));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 5: invalid ruleset name: \"\""), c->diagnostics.at(3));
    }
    void test_named_ruleset_number_errors() {
        auto c = read("Sfuzz=abc\nSfuzz=\nSfuzz=100\nSok= 5\n");
        CPPUNIT_ASSERT_EQUAL(size_t(3), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(
            std::string("test.cf: line 1: bad ruleset definition \"fuzz=abc\" (number required after `=')"),
            c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: bad ruleset number 100 in \"fuzz=100\" (100 max)"),
                             c->diagnostics.at(2));
        CPPUNIT_ASSERT_EQUAL(5, c->find_ruleset("ok"));
    }
    void test_ruleset_name_keeps_its_first_number() {
        auto c = read("Sbar=7\nR$*\t$@ q\nSbar=6\nR$* a\t$@ r\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: bar=6: ruleset changed value (old 7, new 6)"),
                             c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->rulesets.at(7).rules.size());
    }
    void test_rule_without_valid_ruleset() {
        auto c = read("R$* $@ x\nS200\nR$*\t$@ y\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: missing valid ruleset for \"R\x01* \x01@ x\""),
                             c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: missing valid ruleset for \"R\x01*\t\x01@ y\""),
                             c->diagnostics.at(2));
    }
    void test_rule_with_empty_side_is_reported_and_kept() {
        auto c = read("S1\nR$z\t$@ x\nR$*\t$z\nR$*\t$@ ok\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: R line: null LHS"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: R line: null RHS"), c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL(size_t(3), c->rulesets.at(1).rules.size());  // all kept
    }
    // Observed with sendmail 8.17: 1000 tokens are fine, 1001 are "prescan:
    // too many tokens" (the side shortened to its first and last 100 bytes),
    // then "null LHS"/"null RHS"; the rule stays with that side empty.
    void test_rule_side_over_1000_tokens_is_emptied() {
        std::string ok = "x", many = "x";
        for (int i = 1; i < 1000; ++i) ok += " x";
        many = ok + " x";
        auto c = read("S1\nR" + ok + "\t" + ok + "\nR" + many + "\t$@ ok\nR$*\t" + many + "\n");
        std::string shown = many.substr(0, 100) + "..." + many.substr(many.size() - 100);
        CPPUNIT_ASSERT_EQUAL(size_t(4), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL("test.cf: line 3: " + shown + "... prescan: too many tokens", c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: R line: null LHS"), c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL("test.cf: line 4: " + shown + "... prescan: too many tokens", c->diagnostics.at(2));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 4: R line: null RHS"), c->diagnostics.at(3));
        const auto& rules = c->rulesets.at(1).rules;
        CPPUNIT_ASSERT_EQUAL(size_t(3), rules.size());
        CPPUNIT_ASSERT_EQUAL(ok, rules.at(0).lhs);
        CPPUNIT_ASSERT_EQUAL(std::string(), rules.at(1).lhs);
        CPPUNIT_ASSERT_EQUAL(std::string(), rules.at(2).rhs);
    }
    void test_rule_side_and_macro_value_keep_2047_bytes() {
        std::string words;
        for (int i = 0; words.size() < 3000; ++i) words += "a" + std::to_string(i) + " ";
        auto c = read("DX" + std::string(3000, 'y') + "\nS1\nR$*\t" + words + "\n");
        CPPUNIT_ASSERT(c->diagnostics.empty());
        CPPUNIT_ASSERT_EQUAL(std::string(2047, 'y'), *c->macros.find("X"));
        CPPUNIT_ASSERT_EQUAL(words.substr(0, 2047), c->rulesets.at(1).rules.at(0).rhs);
    }
    void test_option_names_after_one_space() {
        auto c = read("O  NiceQueueRun = no\nO =x\nO Bogus.x = 1\nO Foo Bar=1\nO\tSaveFromLine=1\nO MeToo = True\n");
        CPPUNIT_ASSERT_EQUAL(size_t(5), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: readcf: unknown option name  NiceQueueRun"),
                             c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: readcf: null option name"), c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: readcf: unknown option name Bogus"), c->diagnostics.at(2));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 4: readcf: unknown option name Foo Bar"), c->diagnostics.at(3));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 5: readcf: unknown option name 0x9"), c->diagnostics.at(4));
        CPPUNIT_ASSERT_EQUAL(std::string("True"), c->options.at("MeToo"));
    }
    void test_unknown_option_letters_in_hex() {
        auto c = read("O4 x\nO\nOMx y\nOg12\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: readcf: unknown option name 0x34"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: readcf: unknown option name 0x0"), c->diagnostics.at(1));
    }
    void test_timeout_names_and_units() {
        auto c = read(
            "O Timeout.bogus=1h\nO Timeout.QUEUEwarn=5x\nO Timeout.initial=5x\nO Timeout.ident=1h30m\n"
            "O AliasWait=3y\nOT1x\n");
        CPPUNIT_ASSERT_EQUAL(size_t(7), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: settimeout: invalid timeout bogus"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: Invalid time unit `x'"), c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: Invalid time unit `x'"), c->diagnostics.at(2));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: Invalid time unit `x'"), c->diagnostics.at(3));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 5: Invalid time unit `y'"), c->diagnostics.at(4));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 6: Invalid time unit `x'"), c->diagnostics.at(6));
    }
    void test_unknown_user_options() {
        auto c = read("O DefaultUser=nosuchuser\nO RunAsUser=nosuchuser:12\nO TrustedUser=root\nO DefaultUser=8:12\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: readcf: option u: unknown user nosuchuser"),
                             c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: readcf: option RunAsUser: unknown user nosuchuser"),
                             c->diagnostics.at(1));
    }
    void test_unknown_delivery_mode_stops_reading() {
        auto c = read("O DeliveryMode=background\nO DeliveryMode=z\nZ\n");
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: Unknown delivery mode z"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(64, c->stop_status);
    }
    void test_unknown_eight_bit_mode_stops_reading() {
        auto c = read("O EightBitMode=mime\nO EightBitMode=\nZ\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: Unknown 8-bit mode "), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(64, c->stop_status);
    }
    void test_header_syntax_errors() {
        auto c = read(
            "HX-Fuzz\nH?P?Subject\nH?\nH??X: v\nH?x\nHX Fuzz: v\nH: v\nH?$?Q: v\nHX-\xe9: v\nH?\xe9?X: $>\n\t\t\n"
            "HX-Fuzz :x\nH\nH?${fuzz}?Z: v\n");
        const char* expected[] = {
            "test.cf: line 1: header syntax error, line \"X-Fuzz\"",
            "test.cf: line 2: header syntax error, line \"?P\"",
            "test.cf: line 3: header syntax error, line \"?\"",
            "test.cf: line 5: header syntax error, line \"?x\"",
            "test.cf: line 6: header syntax error, line \"X Fuzz: v\"",
            "test.cf: line 7: header syntax error, line \": v\"",
            "test.cf: line 8: header syntax error, line \"?\x01?Q: v\"",
            "test.cf: line 9: header syntax error, line \"X-i: v\"",
            "test.cf: line 11: header syntax error, line \"?i?X: \x01>\"",
            "test.cf: line 13: header syntax error, line \"\"",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT_EQUAL(size_t(3), c->headers.size());  // X, X-Fuzz, Z
        CPPUNIT_ASSERT_EQUAL(std::string("{fuzz}"), c->headers[2].macro);
    }
    void test_header_check_needs_a_ruleset_name() {
        auto c = read("HX-Fuzz: $>\nHX-Ok: $>check\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: invalid ruleset name: \"\""), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->headers.size());
    }
    void test_macro_and_class_names_are_checked() {
        auto c = read(
            "D\nD*y\nD{}x\nD{ab c}v\nD{abc\nC{\nD{a$b}v\nD{n234567890123456789012345}v\n"
            "D{n2345678901234567890123456}v\nF\nD{abcdefghijklmnopqrstuvwxyz0123\n");
        const char* expected[] = {
            "test.cf: line 1: Name required for macro/class",
            "test.cf: line 3: Name required for macro/class",
            "test.cf: line 4: Invalid macro/class character  ",
            "test.cf: line 5: Unbalanced { on abc",
            "test.cf: line 5: Unable to assign macro/class ID (mid = 0xffffffff)",
            "test.cf: line 6: Unbalanced { on ",
            "test.cf: line 6: Unable to assign macro/class ID (mid = 0xffffffff)",
            "test.cf: line 7: Invalid macro/class character \x01",
            "test.cf: line 9: Macro/class name ({n234567890123456789012345}) too long (25 chars max)",
            "test.cf: line 9: Unable to assign macro/class ID (mid = 0xffffffff)",
            "test.cf: line 10: Name required for macro/class",
            "test.cf: line 11: Macro/class name ({abcdefghijklmnopqrstuvwxy}) too long (25 chars max)",
            "test.cf: line 11: Unable to assign macro/class ID (mid = 0xffffffff)",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT_EQUAL(std::string("y"), *c->macros.find("*"));
        CPPUNIT_ASSERT_EQUAL(std::string("v"), *c->macros.find("n234567890123456789012345"));
    }
    void test_class_file_name_required() {
        auto c = read("F{x}\nFX-o\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: fileclass: missing file name"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: fileclass: missing file name"), c->diagnostics.at(1));
    }
    void test_version_line_arguments() {
        auto c = read("V\nVabc\nV10/Foo\nV10/\nV-1\nV 7\nV10/berkeley\n");
        const char* expected[] = {
            "test.cf: line 1: invalid argument to V line: \"\"",
            "test.cf: line 2: invalid argument to V line: \"abc\"",
            "test.cf: line 3: invalid V line vendor code: \"Foo\"",
            "test.cf: line 4: invalid V line vendor code: \"\"",
            "test.cf: line 5: invalid argument to V line: \"-1\"",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT_EQUAL(10, c->version);
    }
    // The last V line counts; only a level above 10 is an error (exit 70).
    std::vector<std::string> load_warnings(const std::string& text, int errors = 0) {
        char path[] = "/tmp/cfversionXXXXXX";
        int fd = mkstemp(path);
        CPPUNIT_ASSERT(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        close(fd);
        config::LoadOptions lo;
        lo.path = path;
        auto c = config::load(lo);
        unlink(path);
        CPPUNIT_ASSERT(c);
        CPPUNIT_ASSERT_EQUAL(errors, (*c)->errors);
        return (*c)->diagnostics;
    }
    void test_version_level_warnings() {
        const std::string local = "Mlocal, P=/bin/true, A=x\n";
        CPPUNIT_ASSERT_EQUAL(std::string("Warning: .cf file is out of date: sendmail 8.17.1.9 supports version 10, "
                                         ".cf file is version 0"),
                             load_warnings(local).at(0));
        CPPUNIT_ASSERT_EQUAL(
            std::string("Warning: .cf version level (99) exceeds sendmail version 8.17.1.9 functionality (10)"),
            load_warnings("V10\nV99\n" + local, 1).at(0));
        CPPUNIT_ASSERT(load_warnings("V11\nV10/Berkeley\n" + local).empty());
    }
    void test_map_name_and_class_required() {
        auto c = read("K\nK dns -R A\nKfuzz\nK{x} text x\nKfuzz bogus x\nKf\xe9 nosuch\nKok DEQUOTE\n");
        const char* expected[] = {
            "test.cf: line 1: readcf: config K line: no map name",
            "test.cf: line 2: readcf: config K line, map dns: no map class",
            "test.cf: line 3: readcf: config K line, map fuzz: no map class",
            "test.cf: line 4: readcf: config K line: no map name",
            "test.cf: line 5: readcf: map fuzz: class bogus not available",
            "test.cf: line 6: readcf: map f: class nosuch not available",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT(c->find_map("ok"));
    }
    // The byte after a map's name and after its class is dropped, whatever it is.
    void test_map_name_and_class_end_at_any_byte() {
        auto c = read("Kfoo-bar hash /x\nKq@ dequote\nK\tr\tnull\nKf\xe9oo hash /x\n");
        const char* expected[] = {
            "test.cf: line 1: readcf: map foo: class bar not available",
            "test.cf: line 4: readcf: map f: class oo not available",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT(c->find_map("q"));
        CPPUNIT_ASSERT(c->find_map("r"));
    }
    // sendmail's option parsers: the common one (hash, null, ...) names the
    // map, syslog's names its class; a flag's value may not stand apart
    // except -k and -v's; the map is declared all the same.
    void test_map_flags_a_class_does_not_take() {
        auto c = read("Kh hash -R x /etc/x\nKn null -l -k 9 -v x\nKs syslog -t -D\nKe hash -\nKr regex -R x\n");
        const char* expected[] = {
            "test.cf: line 1: Illegal option R map h",
            "test.cf: line 2: Illegal option l map n",
            "test.cf: line 3: Illegal option t map syslog",
            "test.cf: line 4: Illegal option ",
            "test.cf: line 4: No file name for hash map e",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT(c->find_map("h"));
        CPPUNIT_ASSERT_EQUAL(70, c->error_status);
    }
    // F|program: run without a shell, quotes keep blanks in it, and a
    // program that cannot run gives the child's diagnostic as the output.
    void test_class_program_runs_without_shell() {
        auto c = read("FX|\"/bin/echo x y\" fmt\nFY|/bin/echo a b\nFZ|/nonexistent/prog\n");
        CPPUNIT_ASSERT(c->diagnostics.empty());
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->classes.members("X").size());
        CPPUNIT_ASSERT(c->classes.contains(*c->classes.find_class("X"), "x"));
        CPPUNIT_ASSERT(c->classes.members("Y").empty());
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->classes.members("Z").size());
        CPPUNIT_ASSERT(c->classes.contains(*c->classes.find_class("Z"), "test.cf:"));
    }
    void test_queue_group_diagnostics() {
        auto c = read("Q\nQ fuzz\nQf3, Z=1\nQf4, I=bogus\nQf7 P=/x\nQf8, =1\nQf9, P\n");
        // A group without P= before O QueueDirectory: sendmail 8.17 says so after its equates.
        const char* expected[] = {
            "test.cf: line 1: name required for queue",
            "test.cf: line 2: queue : `=' expected",
            "test.cf: line 3: Qf3: unknown queue equate Z=",
            "test.cf: line 3: QueueDir must be defined before queue groups",
            "test.cf: line 4: Invalid time unit `b'",
            "test.cf: line 4: Invalid time unit `o'",
            "test.cf: line 4: Invalid time unit `g'",
            "test.cf: line 4: Invalid time unit `u'",
            "test.cf: line 4: QueueDir must be defined before queue groups",
            "test.cf: line 6: Qf8: unknown queue equate ==",
            "test.cf: line 6: QueueDir must be defined before queue groups",
            "test.cf: line 7: queue f9: `=' expected",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
    }
    void test_every_bad_time_unit_is_reported() {
        auto c = read("O MinQueueAge=1.5x\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Invalid time unit `.'"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Invalid time unit `x'"), c->diagnostics.at(1));
    }
    void test_carriage_return_ends_each_physical_line() {
        auto c = read("I\r\n\tx\r\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: unknown configuration line \"I\n\tx\""),
                             c->diagnostics.at(0));
    }
    // sendmail 8.17 -bt -C with these lines prints exactly these.
    void test_listed_option_values_are_checked() {
        auto c = read(
            "O PrivacyOptions=goaway;noexpn,bogus\nO DontBlameSendmail=safe\ta;b\nO ResolverOptions=+AAONLY,bogus x\n"
            "O QueueSortOrder=\nO QueueSortOrder=Z\nO DaemonPortOptions=Name=MTA,children=3, b=2 ,zzz,D=1\n"
            "O DaemonPortOptions=Family=bogus\nO Milter.macros.bogus=1\nO Milter=x\nOg root\nOg12\n");
        const char* want[] = {
            "test.cf: line 1: readcf: Op line: bogus unrecognized",
            "test.cf: line 2: readcf: DontBlameSendmail option: a unrecognized",
            "test.cf: line 2: readcf: DontBlameSendmail option: b unrecognized",
            "test.cf: line 3: readcf: I option value AAONLY,bogus unrecognized",
            "test.cf: line 3: readcf: I option value x unrecognized",
            "test.cf: line 4: Invalid queue sort order \"\"",
            "test.cf: line 5: Invalid queue sort order \"Z\"",
            "test.cf: line 6: PortOptions parameter \"b=2 \" unknown",
            "test.cf: line 6: Unknown delivery mode 1",
            "test.cf: line 7: Unknown address family bogus in Family=option",
            "test.cf: line 8: milter_set_option: invalid Milter option macros.bogus",
            "test.cf: line 9: milter_set_option: invalid Milter option, must specify suboption",
            "test.cf: line 10: readcf: option g: unknown group  root",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(want), c->diagnostics.size());
        for (size_t i = 0; i < std::size(want); ++i) CPPUNIT_ASSERT_EQUAL(std::string(want[i]), c->diagnostics.at(i));
    }
    void test_bad_time_units_are_warnings() {
        auto c = read("OK 5m\nO MinQueueAge= 5m\nOd q\n");
        CPPUNIT_ASSERT_EQUAL(0, c->errors);  // sendmail's exit status stays 0
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Invalid time unit ` '"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("5m"), c->options.at("ConnectionCacheTimeout"));
        CPPUNIT_ASSERT_EQUAL(std::string("q"), c->options.at("DeliveryMode"));
    }
    void test_priority_line_needs_an_equals_sign() {
        auto c = read("P\nPnoeq\nP=5\nPbulk=-60\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: unknown configuration line \"P\""), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 2: unknown configuration line \"Pnoeq\""),
                             c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL(std::string("-60"), c->priorities.at("bulk"));
    }
    void test_map_declaration_recorded() {
        auto c = read("Kdequote dequote\nKaccess hash -T<TMPF> -o /etc/mail/access\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->map_declarations.size());
        CPPUNIT_ASSERT_EQUAL(std::string("hash"), c->map_declarations[1].class_name);
        CPPUNIT_ASSERT_EQUAL(std::string("-T<TMPF> -o /etc/mail/access"), c->map_declarations[1].arguments);
        CPPUNIT_ASSERT_EQUAL(2, c->map_declarations[1].line);
    }
    void test_rulesets_named_by_mailers_and_headers_are_numbered() {
        auto c = read("Mlocal, P=/x, S=sfuzz, R=rfuzz/hfuzz, A=y $u\nHX-A: $>+hdrfuzz\nHX-B: $>hk=5\n"
                      "Sdef\nSsfuzz=1\nMm, P=/x, R=a b, S= 5 / 7, A=y\nSbad=abc\n");
        CPPUNIT_ASSERT_EQUAL(199, c->find_ruleset("sfuzz"));
        CPPUNIT_ASSERT_EQUAL(198, c->find_ruleset("rfuzz"));
        CPPUNIT_ASSERT_EQUAL(197, c->find_ruleset("hfuzz"));
        CPPUNIT_ASSERT_EQUAL(196, c->find_ruleset("hdrfuzz"));
        CPPUNIT_ASSERT_EQUAL(5, c->find_ruleset("hk"));
        CPPUNIT_ASSERT_EQUAL(195, c->find_ruleset("def"));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 5: sfuzz=1: ruleset changed value (old 199, new 1)"),
                             c->diagnostics.at(0));
        const config::Mailer* m = c->find_mailer("m");
        CPPUNIT_ASSERT_EQUAL(std::string("194/194"), m->recipient_rules[0] + "/" + m->recipient_rules[1]);  // "a"
        CPPUNIT_ASSERT_EQUAL(std::string("5/5"), m->sender_rules[0] + "/" + m->sender_rules[1]);
        // Known, but without a number until -bt asks for one.
        CPPUNIT_ASSERT_EQUAL(-1, c->find_ruleset("bad"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->ruleset_names.count("bad"));
    }
    void test_ruleset_lines_expand_macros_and_quote_20_characters() {
        auto c = read("DxFOO\nS$x\nR$*\t$@ x\nS{abcdefghijklmnopqrstuvwxyz}\nSfuzz =5\nSfuzz =6\n");
        CPPUNIT_ASSERT_EQUAL(size_t(1), c->rulesets.at(c->find_ruleset("FOO")).rules.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 4: invalid ruleset name: \"{abcdefghijklmnopqrs\""),
                             c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 6: fuzz: ruleset changed value (old 5, new 6)"),
                             c->diagnostics.at(1));
    }
    void test_rule_diagnostics_show_long_macro_names_as_their_ids() {
        // {auth_authen} and {Fuzz} are the first long names met: ids 0xA2 and
        // 0xA3, which print in 7 bits as '"' and '#'.
        auto c = read("R$* <$&{auth_authen}> $$ x\t$@ $={Fuzz}\nS0\nR$={Fuzz} $#error\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: missing valid ruleset for \"R\x01* <\x01&\"> $ x\t\x01@ \x01=#\""),
                             c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 3: invalid rewrite line \"R\x01=# \x01#error\" (tab expected)"),
                             c->diagnostics.at(1));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(ReaderTest);
