// test_rhs.cpp: the right-hand side: $n, $: and $@ prefixes, $> calls
// (nested right to left), $( map lookups with defaults, $# triples, the
// loop limit and the recursion limit with sendmail's messages.
#include <cppunit/extensions/HelperMacros.h>

#include "cf_fixture.hpp"

class RhsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RhsTest);
    CPPUNIT_TEST(test_positional_substitution);
    CPPUNIT_TEST(test_rule_repeats_until_no_match);
    CPPUNIT_TEST(test_colon_prefix_applies_once);
    CPPUNIT_TEST(test_at_prefix_returns);
    CPPUNIT_TEST(test_mailer_triple_returns);
    CPPUNIT_TEST(test_subroutine_calls_nest_right_to_left);
    CPPUNIT_TEST(test_quoted_ruleset_name_in_call);
    CPPUNIT_TEST(test_undeclared_map_keeps_default);
    CPPUNIT_TEST(test_deferred_macro_in_rhs);
    CPPUNIT_TEST(test_macros_expand_when_rule_is_read);
    CPPUNIT_TEST(test_loop_limit_reports_and_returns);
    CPPUNIT_TEST(test_recursion_limit_fails_with_config_status);
    CPPUNIT_TEST(test_failed_call_leaves_other_calls_in_place);
    CPPUNIT_TEST(test_unknown_ruleset_in_call);
    CPPUNIT_TEST(test_calls_into_empty_rulesets_are_dropped);
    CPPUNIT_TEST(test_workspace_starting_with_triple_is_final);
    CPPUNIT_TEST(test_default_is_tokenized_again);
    CPPUNIT_TEST(test_trace_format);
    CPPUNIT_TEST(test_trace_shows_tab_as_backslash_t);
    CPPUNIT_TEST(test_unbound_replacement_abandons_the_ruleset);
    CPPUNIT_TEST(test_expansion_over_1000_tokens_abandons_the_ruleset);
    CPPUNIT_TEST(test_dump_ruleset);
    CPPUNIT_TEST(test_map_key_carries_dollar_bar_as_its_byte);
    CPPUNIT_TEST(test_metasymbol_byte_in_map_value_acts_as_one);
    CPPUNIT_TEST(test_byte_inside_a_word_stays_a_word);
    CPPUNIT_TEST(test_call_to_invalid_or_too_big_ruleset_number);
    CPPUNIT_TEST(test_map_value_loses_its_comments);
    CPPUNIT_TEST(test_map_value_all_comment_abandons_the_ruleset);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_positional_substitution() {
        CfFixture f("Stest\nR$+ @ $+\t$@ $2 ! $1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("host ! user"), f.run("test", "user@host"));
    }
    void test_rule_repeats_until_no_match() {
        CfFixture f("Stest\nR$* % $*\t$1 @ $2\n");
        CPPUNIT_ASSERT_EQUAL(std::string("a @ b @ c"), f.run("test", "a%b%c"));
    }
    void test_colon_prefix_applies_once() {
        CfFixture f("Stest\nR$*\t$: x $1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("x a"), f.run("test", "a"));
    }
    void test_at_prefix_returns() {
        CfFixture f("Stest\nR$*\t$@ first\nR$*\t$@ second\n");
        CPPUNIT_ASSERT_EQUAL(std::string("first"), f.run("test", "a"));
    }
    void test_mailer_triple_returns() {
        CfFixture f("Stest\nR$+\t$#local $: $1\nR$*\t$@ not reached\n");
        CPPUNIT_ASSERT_EQUAL(std::string("$# local $: u"), f.run("test", "u"));
    }
    void test_subroutine_calls_nest_right_to_left() {
        CfFixture f("SA\nR$*\t$@ a $1\nSB\nR$*\t$@ b $1\nStest\nR$*\t$@ $>A $>B $1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("a b x"), f.run("test", "x"));
    }
    void test_quoted_ruleset_name_in_call() {
        CfFixture f("SA\nR$*\t$@ a $1\nStest\nR$*\t$@ $>\"A\" $1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("a x"), f.run("test", "x"));
    }
    void test_undeclared_map_keeps_default() {
        CfFixture f("Stest\nR$*\t$@ $(nomap $1 $: def $)\n");
        CPPUNIT_ASSERT_EQUAL(std::string("def"), f.run("test", "key"));
        CPPUNIT_ASSERT_EQUAL(std::string("rewrite: map nomap not found\n"), f.output());
    }
    void test_deferred_macro_in_rhs() {
        CfFixture f("Stest\nR$*\t$@ $&{client_addr} $1\n");
        f.cfg->macros.define("client_addr", "192.0.2.1");
        CPPUNIT_ASSERT_EQUAL(std::string("192 . 0 . 2 . 1 x"), f.run("test", "x"));
    }
    void test_macros_expand_when_rule_is_read() {
        CfFixture f("Djmx.example.com\nStest\nR$*\t$@ $1 < @ $j >\n");
        f.cfg->macros.define("j", "changed");
        CPPUNIT_ASSERT_EQUAL(std::string("u < @ mx . example . com >"), f.run("test", "u"));
    }
    // sendmail 8.17 -bt: after 100 applications the ruleset returns what it
    // has ("a" and 101 x's); the rule after the looping one does not run.
    void test_loop_limit_reports_and_returns() {
        CfFixture f("S1\nR$* x\t$1 x x\nR$*\t$@ done\n");
        std::string xs;
        for (int i = 0; i < 101; ++i) xs += " x";
        CPPUNIT_ASSERT_EQUAL("a" + xs, f.run("1", "a x"));
        CPPUNIT_ASSERT_EQUAL(std::string("Infinite loop in ruleset 1, rule 1\n"), f.output());
        CPPUNIT_ASSERT(f.eng->system_error);
    }
    void test_recursion_limit_fails_with_config_status() {
        CfFixture f("S5\nR$*\t$@ $>5 $1\n");
        int status = 0;
        f.run("5", "a", &status);
        CPPUNIT_ASSERT_EQUAL(rewrite::kConfigError, status);
        CPPUNIT_ASSERT_EQUAL(std::string("rewrite: excessive recursion (max 50), ruleset 5\n"), f.output());
    }
    void test_failed_call_leaves_other_calls_in_place() {
        CfFixture f("SBad\nR$*\t$@ $>Undefd $1\nStest\nR$*\t$@ $>A $>Bad $1\nSA\nR$*\t$@ a\n");
        int status = 0;
        CPPUNIT_ASSERT_EQUAL(std::string("$> A $> Undefd x"), f.run("test", "x", &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kConfigError, status);
        CPPUNIT_ASSERT_EQUAL(std::string("Unknown ruleset Undefd\n"), f.output());
    }
    void test_unknown_ruleset_in_call() {
        CfFixture f("S1\nR$+\t$: $>Undefd $1\nR$*\t$@ x $1\n");
        int status = 0;
        CPPUNIT_ASSERT_EQUAL(std::string("x $> Undefd a"), f.run("1", "a", &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kConfigError, status);
    }
    void test_calls_into_empty_rulesets_are_dropped() {
        CfFixture f("SEmpty\nStest\nR$*\t$@ $>Empty $1 y\n");
        CPPUNIT_ASSERT_EQUAL(std::string("x y"), f.run("test", "x"));
    }
    void test_workspace_starting_with_triple_is_final() {
        CfFixture f("S1\nR$*\t$#local $: $1\nS2\nR$*\t$: changed $1\n");
        auto t = f.eng->tokenize("a").tokens;
        f.eng->run(1, t);
        f.eng->run(2, t);
        CPPUNIT_ASSERT_EQUAL(std::string("$# local $: a"), rewrite::format_tokens(t));
    }
    void test_default_is_tokenized_again() {
        CfFixture f("Stest\nR$*\t$@ $(nomap $1 $: @ < $1 $)\n");
        CPPUNIT_ASSERT_EQUAL(std::string("@ < a >"), f.run("test", "a"));
        CPPUNIT_ASSERT_EQUAL(std::string("rewrite: map nomap not found\n@<a... Unbalanced '<'\n"), f.output());
    }
    void test_trace_format() {
        CfFixture f("SCanonify2\nR$*\t$@ $1\n");
        f.eng->set_trace(true);
        f.run("Canonify2", "a@b");
        CPPUNIT_ASSERT_EQUAL(std::string("Canonify2          input: a @ b\nCanonify2        returns: a @ b\n"), f.output());
    }
    // sendmail 8.17's trace of 3,0 "a<TAB>b" reads "a\tb"; of a\<TAB>b, a\\tb.
    void test_trace_shows_tab_as_backslash_t() {
        CfFixture f("SCanonify2\nR$*\t$@ $1\n");
        f.eng->set_trace(true);
        f.run("Canonify2", "\"a\tb\"");
        CPPUNIT_ASSERT_EQUAL(std::string("Canonify2          input: \"a\\tb\"\nCanonify2        returns: \"a\\tb\"\n"),
                             f.output());
    }
    // sendmail 8.17 -bt: "rewrite: ruleset 1: replacement $2 out of bounds",
    // no "returns:" line, status 78; a caller goes on with the workspace.
    void test_unbound_replacement_abandons_the_ruleset() {
        CfFixture f("S1\nR$*\t$: $2\nS2\nR$*\t$: x $>1 $1\nR$*\t$: y $1\n");
        f.eng->set_trace(true);
        int status = 0;
        CPPUNIT_ASSERT_EQUAL(std::string("a"), f.run("1", "a", &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kConfigError, status);
        CPPUNIT_ASSERT_EQUAL(std::string("y x b"), f.run("2", "b", &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kConfigError, status);
        CPPUNIT_ASSERT_EQUAL(std::string("1                  input: a\n"
                                         "rewrite: ruleset 1: replacement $2 out of bounds\n"
                                         "2                  input: b\n"
                                         "1                  input: b\n"
                                         "rewrite: ruleset 1: replacement $2 out of bounds\n"
                                         "2                returns: y x b\n"),
                             f.output());
    }
    // sendmail 8.17: 1000 tokens are fine, 1001 say "rewrite: expansion too
    // long" and end the ruleset with EX_DATAERR and no "returns:" line.
    void test_expansion_over_1000_tokens_abandons_the_ruleset() {
        CfFixture f("S1\nR$*\t$: $1 $1 $1 $1 $1 $1 $1 $1 $1 $1\nS2\nR$*\t$: $1 $1 $1 $1 $1 $1 $1 $1 $1 $1 x\n");
        std::string words = "a";
        for (int i = 1; i < 100; ++i) words += " a";
        int status = 0;
        f.run("1", words, &status);
        CPPUNIT_ASSERT_EQUAL(rewrite::kOk, status);
        CPPUNIT_ASSERT_EQUAL(words, f.run("2", words, &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kDataError, status);
        CPPUNIT_ASSERT_EQUAL(std::string("rewrite: expansion too long\n"), f.output());
    }
    void test_dump_ruleset() {
        CfFixture f("Stest\nR$* < @ $=w >\t$#local $: $1\tcomment\n");
        CPPUNIT_ASSERT_EQUAL(std::string("R$* < @ $=w > \t\t$# local $: $1 \n"),
                             f.eng->dump_ruleset(f.eng->find_ruleset("test")));
    }
    // sendmail hands a map the key <a 0x9B b> for `$1 $| b`; the K line's
    // `$|` is the same byte, so the pattern matches.
    void test_map_key_carries_dollar_bar_as_its_byte() {
        CfFixture f("Kr regex -a.OK ^a$|b$\nStest\nR$*\t$: $(r $1 $| b $)\n");
        CPPUNIT_ASSERT_EQUAL(std::string(". OK"), f.run("test", "a"));
    }
    // A token that is exactly sendmail's `$|` byte matches `$|` in a LHS.
    void test_metasymbol_byte_in_map_value_acts_as_one() {
        CfFixture f("Kt regex -a$|.x ^x$\nStest\nR$*\t$: $(t $1 $)\nR$| . $*\t$@ bar $1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("bar x"), f.run("test", "x"));
    }
    void test_byte_inside_a_word_stays_a_word() {
        CfFixture f("Kt regex -a$|z ^x$\nStest\nR$*\t$: $(t $1 $)\nR$| $*\t$@ bar $1\n");
        CPPUNIT_ASSERT_EQUAL(std::string("$|z"), f.run("test", "x"));
    }
    void test_call_to_invalid_or_too_big_ruleset_number() {
        CfFixture f("Ka regex -a@$>@ ^x$\nKdq dequote\nSA\nR$*\t$: $(a $1 $)\n"
                    "SB\nR$*\t$: $>150 $1\n");
        int status = 0;
        CPPUNIT_ASSERT_EQUAL(std::string("@ $> @"), f.run("A", "x", &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kConfigError, status);
        CPPUNIT_ASSERT_EQUAL(std::string("$> 150 x"), f.run("B", "x", &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kConfigError, status);
        CPPUNIT_ASSERT_EQUAL(std::string("invalid ruleset name: \"@\"\nUnknown ruleset @\n"
                                         "bad ruleset 150 (100 max)\nUnknown ruleset 150\n"),
                             f.output());
    }
    // sendmail 8.17 prescans a map value as an address: "a(c)" dequoted is
    // `a`, not `a ( c )`.
    void test_map_value_loses_its_comments() {
        CfFixture f("Kdq dequote\nStest\nR$-\t$: $(dq $1 $) < @ L >\n");
        CPPUNIT_ASSERT_EQUAL(std::string("a < @ L >"), f.run("test", "\"a(c)\""));
        CPPUNIT_ASSERT_EQUAL(std::string("d < @ L >"), f.run("test", "\"(c)d\""));
    }
    // A value that is only a comment ends the ruleset with EX_DATAERR and
    // no message; a caller goes on with its workspace as it was.
    void test_map_value_all_comment_abandons_the_ruleset() {
        CfFixture f("Kdq dequote\nSinner\nR$-\t$: $(dq $1 $) < @ L >\nR$*\t$@ never\n"
                    "Stest\nR$*\t$: $>inner $1\nR$*\t$: after $1\n");
        int status = 0;
        CPPUNIT_ASSERT_EQUAL(std::string("after \"(c)\""), f.run("test", "\"(c)\"", &status));
        CPPUNIT_ASSERT_EQUAL(rewrite::kDataError, status);
        CPPUNIT_ASSERT_EQUAL(std::string(""), f.output());
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(RhsTest);
