// test_match.cpp: the LHS operators ($* $+ $- $@ $=X $~X $&x, literals)
// and sendmail's shortest-first backtracking.
#include <cppunit/extensions/HelperMacros.h>

#include <unistd.h>

#include <cstdio>

#include "cf_fixture.hpp"

class MatchTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MatchTest);
    CPPUNIT_TEST(test_zero_or_more_takes_shortest_first);
    CPPUNIT_TEST(test_one_or_more_needs_a_token);
    CPPUNIT_TEST(test_exactly_one);
    CPPUNIT_TEST(test_dollar_at_matches_empty_input_only);
    CPPUNIT_TEST(test_literals_ignore_case);
    CPPUNIT_TEST(test_class_member_may_span_tokens);
    CPPUNIT_TEST(test_class_words_keep_spaces_between_words);
    CPPUNIT_TEST(test_not_in_class_matches_one_token);
    CPPUNIT_TEST(test_deferred_macro_is_read_at_match_time);
    CPPUNIT_TEST(test_backtracking_into_earlier_operator);
    CPPUNIT_TEST(test_metasymbol_literal_does_not_match_other_metasymbol);
    CPPUNIT_TEST(test_misplaced_metasymbols_are_reported);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_zero_or_more_takes_shortest_first() {
        CfFixture f("Stest\nR$* @ $*\t$@ <$1> <$2>\n");
        CPPUNIT_ASSERT_EQUAL(std::string("< a > < b @ c >"), f.run("test", "a@b@c"));
        CPPUNIT_ASSERT_EQUAL(std::string("< > < b >"), f.run("test", "@b"));
    }
    void test_one_or_more_needs_a_token() {
        CfFixture f("Stest\nR$+ @ $+\t$@ ok\n");
        CPPUNIT_ASSERT_EQUAL(std::string("@ b"), f.run("test", "@b"));
        CPPUNIT_ASSERT_EQUAL(std::string("ok"), f.run("test", "a@b"));
    }
    void test_exactly_one() {
        CfFixture f("Stest\nR$- ! $+\t$@ $2 <$1>\n");
        CPPUNIT_ASSERT_EQUAL(std::string("user < host >"), f.run("test", "host!user"));
        CPPUNIT_ASSERT_EQUAL(std::string("a . b ! user"), f.run("test", "a.b!user"));
    }
    void test_dollar_at_matches_empty_input_only() {
        CfFixture f("Stest\nR$@\t$@ empty\n");
        CPPUNIT_ASSERT_EQUAL(std::string("empty"), f.run("test", ""));
        CPPUNIT_ASSERT_EQUAL(std::string("x"), f.run("test", "x"));
    }
    void test_literals_ignore_case() {
        CfFixture f("Stest\nR$* < @ LOCALHOST >\t$@ local\n");
        CPPUNIT_ASSERT_EQUAL(std::string("local"), f.run("test", "u<@localhost>"));
    }
    void test_class_member_may_span_tokens() {
        CfFixture f("Cwmx.example.com\nStest\nR$* < @ $=w >\t$@ $1 is local at $2\n");
        CPPUNIT_ASSERT_EQUAL(std::string("u is local at MX . example . com"), f.run("test", "u<@MX.example.com>"));
        CPPUNIT_ASSERT_EQUAL(std::string("u < @ other . com >"), f.run("test", "u<@other.com>"));
    }
    void test_class_words_keep_spaces_between_words() {
        CfFixture f("CZexample.com\nStest\nR$=Z\t$@ yes\n");
        CPPUNIT_ASSERT_EQUAL(std::string("exa mple . com"), f.run("test", "exa mple.com"));
        CPPUNIT_ASSERT_EQUAL(std::string("yes"), f.run("test", "example.com"));
    }
    void test_not_in_class_matches_one_token() {
        CfFixture f("CO @ % !\nStest\nR$* $~O $*\t$@ found $2\n");
        CPPUNIT_ASSERT_EQUAL(std::string("found a"), f.run("test", "a"));
        CPPUNIT_ASSERT_EQUAL(std::string("@ %"), f.run("test", "@%"));
    }
    void test_deferred_macro_is_read_at_match_time() {
        CfFixture f("Stest\nR$&x\t$@ same\n");
        f.cfg->macros.define("x", "a.b");
        CPPUNIT_ASSERT_EQUAL(std::string("same"), f.run("test", "a.b"));
        f.cfg->macros.define("x", "c");
        CPPUNIT_ASSERT_EQUAL(std::string("a . b"), f.run("test", "a.b"));
    }
    void test_backtracking_into_earlier_operator() {
        CfFixture f("Stest\nR$+ . $- ! $+\t$@ <$1> <$2> <$3>\n");
        CPPUNIT_ASSERT_EQUAL(std::string("< a . b > < c > < u >"), f.run("test", "a.b.c!u"));
    }
    void test_metasymbol_literal_does_not_match_other_metasymbol() {
        CfFixture f("Stest\nR$*\t$: $1 $| x\nR$* $| $# $*\t$@ wrong\nR$* $| $*\t$@ right\n");
        CPPUNIT_ASSERT_EQUAL(std::string("right"), f.run("test", "a"));
    }
    // sendmail names each metasymbol that has no meaning on its side of a
    // rule, with file and line; the rule is kept.
    void test_misplaced_metasymbols_are_reported() {
        std::fflush(stdout);
        int saved = dup(1);
        std::FILE* tmp = std::tmpfile();
        dup2(fileno(tmp), 1);
        {
            CfFixture f("Stest\nR$: $> $1 $#\t$- $= $+ $@\nR$( $) $[ $] $.\t$* $~x\n");
            std::fflush(stdout);
        }
        dup2(saved, 1);
        close(saved);
        std::rewind(tmp);
        std::string got;
        char buf[512];
        while (std::fgets(buf, sizeof buf, tmp)) got += buf;
        std::fclose(tmp);
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 4: Inappropriate use of $: on LHS\n"
                                         "test.cf: line 4: Inappropriate use of $> on LHS\n"
                                         "test.cf: line 4: Inappropriate use of $1-$9 on LHS\n"
                                         "test.cf: line 4: Inappropriate use of $- on RHS\n"
                                         "test.cf: line 4: Inappropriate use of $= on RHS\n"
                                         "test.cf: line 4: Inappropriate use of $+ on RHS\n"
                                         "test.cf: line 5: Inappropriate use of $( on LHS\n"
                                         "test.cf: line 5: Inappropriate use of $) on LHS\n"
                                         "test.cf: line 5: Inappropriate use of $[ on LHS\n"
                                         "test.cf: line 5: Inappropriate use of $] on LHS\n"
                                         "test.cf: line 5: Inappropriate use of $. on LHS\n"
                                         "test.cf: line 5: Inappropriate use of $* on RHS\n"
                                         "test.cf: line 5: Inappropriate use of $~ on RHS\n"),
                             got);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(MatchTest);
