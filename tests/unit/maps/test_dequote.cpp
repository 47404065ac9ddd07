// test_dequote.cpp: dequote strips quotes; an unchanged key, an unbalanced
// quote, blanks, comments and backslashes outside quotes are "no match"
// (as sendmail answers); -S replaces blanks.
#include "map_test_support.hpp"

class DequoteMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DequoteMapTest);
    CPPUNIT_TEST(test_quotes_are_removed);
    CPPUNIT_TEST(test_unquoted_key_is_no_match);
    CPPUNIT_TEST(test_unbalanced_quote_is_no_match);
    CPPUNIT_TEST(test_backslashes_blanks_and_comments);
    CPPUNIT_TEST(test_S_replaces_blanks);
    CPPUNIT_TEST(test_escaped_quote_and_bracket_balance);
    CPPUNIT_TEST_SUITE_END();

    TestContext ctx_;

public:
    void test_quotes_are_removed() { ASSERT_FOUND("foo", look(ctx_.declare("d", "dequote", ""), "\"foo\"")); }
    void test_unquoted_key_is_no_match() { ASSERT_NOT_FOUND(look(ctx_.declare("d", "dequote", ""), "foo")); }
    void test_unbalanced_quote_is_no_match() { ASSERT_NOT_FOUND(look(ctx_.declare("d", "dequote", ""), "\"a")); }
    void test_backslashes_blanks_and_comments() {
        auto* m = ctx_.declare("d", "dequote", "");
        ASSERT_NOT_FOUND(look(m, "\\\"a\\\""));
        ASSERT_FOUND("a\\b", look(m, "\"a\\b\""));
        ASSERT_NOT_FOUND(look(m, "(comment) \"x\""));
        ASSERT_NOT_FOUND(look(m, "\"a b\""));
        ASSERT_FOUND("<a>", look(m, "<\"a\">"));
        ASSERT_FOUND("abc", look(m, "\"a\"b\"c\""));
        ASSERT_FOUND("", look(m, "\"\""));
    }
    void test_S_replaces_blanks() {
        auto* m = ctx_.declare("d", "dequote", "-S_");
        ASSERT_FOUND("a_b", look(m, "\"a b\""));
        ASSERT_FOUND("a_b", look(m, "\"a\" \"b\""));
        ASSERT_FOUND("a__b", look(m, "\"a  b\""));
        ASSERT_NOT_FOUND(look(m, "a b"));
        ASSERT_NOT_FOUND(look(m, "\"a\tb\""));
    }
    // sendmail 8.17's answers: a backslash keeps the character it quotes;
    // parentheses and angle brackets must balance, inside quotes too.
    void test_escaped_quote_and_bracket_balance() {
        auto* m = ctx_.declare("d", "dequote", "");
        ASSERT_FOUND("a\\\"b", look(m, "\"a\\\"b\""));
        ASSERT_NOT_FOUND(look(m, "\"x)>.a.b\""));
        ASSERT_NOT_FOUND(look(m, "\"a)(\""));
        ASSERT_FOUND("a(c)", look(m, "\"a\"(c)"));
        ASSERT_NOT_FOUND(look(m, "\"ab\\\""));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DequoteMapTest);
