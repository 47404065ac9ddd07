// test_regex.cpp: the regex class: case-insensitive by default, -f, -n, -b,
// -s captures with -d, -a and -m, a bad pattern and a bad capture number, and
// the POSIX (glibc regexec) answers where a Perl-style engine differs.
#include "map_test_support.hpp"

class RegexMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RegexMapTest);
    CPPUNIT_TEST(test_match_returns_empty_plus_a);
    CPPUNIT_TEST(test_case_insensitive_unless_f);
    CPPUNIT_TEST(test_n_inverts);
    CPPUNIT_TEST(test_s_returns_captures_joined_by_d);
    CPPUNIT_TEST(test_s_default_delimiter_is_condelse);
    CPPUNIT_TEST(test_b_uses_basic_syntax);
    CPPUNIT_TEST(test_m_returns_key);
    CPPUNIT_TEST(test_pattern_with_spaces);
    CPPUNIT_TEST(test_bad_pattern_reports_regerror_text);
    CPPUNIT_TEST(test_capture_number_beyond_pattern_is_refused);
    CPPUNIT_TEST(test_repeated_group_reports_its_last_longest_iteration);
    CPPUNIT_TEST(test_star_of_star_group_keeps_the_nonempty_iteration);
    CPPUNIT_TEST(test_delimiter_is_the_whole_d_text);
    CPPUNIT_TEST(test_extended_escaped_paren_is_literal);
    CPPUNIT_TEST(test_doubled_star_is_accepted);
    CPPUNIT_TEST(test_unmatched_brace_is_refused_with_regerror_text);
    CPPUNIT_TEST(test_reversed_range_is_refused_with_regerror_text);
    CPPUNIT_TEST(test_capture_with_blank_or_open_quote_or_paren_is_no_match);
    CPPUNIT_TEST(test_capture_balance_runs_across_fields_without_the_delimiter);
    CPPUNIT_TEST_SUITE_END();

    TestContext ctx_;

public:
    void test_match_returns_empty_plus_a() {
        auto* m = ctx_.declare("r", "regex", "-a@MATCH ^(a+)b$");
        ASSERT_FOUND("@MATCH", look(m, "aaab"));
        ASSERT_NOT_FOUND(look(m, "xx"));
        ASSERT_FOUND("", look(ctx_.declare("e", "regex", "^x"), "xyz"));
    }
    void test_case_insensitive_unless_f() {
        ASSERT_FOUND("!", look(ctx_.declare("r", "regex", "-a! ^ab$"), "AB"));
        ASSERT_NOT_FOUND(look(ctx_.declare("f", "regex", "-f -a! ^ab$"), "AB"));
    }
    void test_n_inverts() {
        auto* m = ctx_.declare("r", "regex", "-n -aNOT ^(a+)b$");
        ASSERT_FOUND("NOT", look(m, "xx"));
        ASSERT_NOT_FOUND(look(m, "aab"));
    }
    void test_s_returns_captures_joined_by_d() {
        auto* m = ctx_.declare("r", "regex", "-f -s1,2 -d+ ^(a+)(b+)$");
        ASSERT_FOUND("aa+bb", look(m, "aabb"));
        ASSERT_NOT_FOUND(look(m, "AABB"));
        ASSERT_FOUND("aa!", look(ctx_.declare("s", "regex", "-s1 -a! ^(a+)(b+)$"), "aabb"));
    }
    void test_s_default_delimiter_is_condelse() {
        ASSERT_FOUND(
            "bb\x9b"
            "aa",
            look(ctx_.declare("r", "regex", "-s2,1 ^(a+)(b+)$"), "aabb"));
        ASSERT_FOUND(
            "aabb\x9b"
            "aa\x9b"
            "bb",
            look(ctx_.declare("a", "regex", "-s ^(a+)(b+)$"), "aabb"));
        ASSERT_FOUND("aabb", look(ctx_.declare("z", "regex", "-s0 ^(a+)(b+)$"), "aabb"));
        ASSERT_FOUND("aa:", look(ctx_.declare("u", "regex", "-d: -s1,2 ^(a+)(b+)?$"), "aa"));
    }
    void test_b_uses_basic_syntax() {
        auto* m = ctx_.declare("r", "regex", "-b -s1 ^\\(a\\)b+$");
        ASSERT_FOUND("a", look(m, "ab+"));
        ASSERT_NOT_FOUND(look(m, "abb"));
    }
    void test_m_returns_key() { ASSERT_FOUND("Key.x", look(ctx_.declare("r", "regex", "-m -a.x ^k"), "Key")); }
    void test_pattern_with_spaces() { ASSERT_FOUND("", look(ctx_.declare("r", "regex", "^a b c$"), "a b c")); }
    void test_bad_pattern_reports_regerror_text() {
        auto m = maps::open_map({"bad", "regex", "^(a", "x.cf", 3}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("x.cf: line 3: pattern-compile-error: Unmatched ( or \\("),
                             m.error().describe());
    }
    void test_capture_number_beyond_pattern_is_refused() {
        auto m = maps::open_map({"bad", "regex", "-s3 ^(a)$", "x.cf", 3}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("x.cf: line 3: field (3) out of range, only 2 substrings in pattern"),
                             m.error().describe());
    }
    // sendmail (regexec) answers "xx" for cxx and "c" for xxc; PCRE gave "".
    void test_repeated_group_reports_its_last_longest_iteration() {
        auto* m = ctx_.declare("r", "regex", "-s1 (c|x*)+");
        ASSERT_FOUND("xx", look(m, "cxx"));
        ASSERT_FOUND("c", look(m, "xxc"));
        ASSERT_FOUND(
            "aaa\x9b"
            "aaa",
            look(ctx_.declare("p", "regex", "-s0,1 (a*)+"), "aaa"));
    }
    void test_star_of_star_group_keeps_the_nonempty_iteration() {
        ASSERT_FOUND(
            "aa\x9b"
            "b",
            look(ctx_.declare("r", "regex", "-s1,2 (a*)*(b)"), "aab"));
    }
    void test_delimiter_is_the_whole_d_text() {
        ASSERT_FOUND("axyzb", look(ctx_.declare("r", "regex", "-s1,2 -dxyz ^(a+)(b+)$"), "ab"));
    }
    void test_extended_escaped_paren_is_literal() {
        ASSERT_FOUND("", look(ctx_.declare("r", "regex", "^\\(x\\)$"), "(x)"));
        auto m = maps::open_map({"bad", "regex", "-s1 \\(x\\)", "x.cf", 3}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("x.cf: line 3: field (1) out of range, only 1 substrings in pattern"),
                             m.error().describe());
    }
    void test_doubled_star_is_accepted() { ASSERT_FOUND("", look(ctx_.declare("r", "regex", "a**b"), "ab")); }
    void test_unmatched_brace_is_refused_with_regerror_text() {
        auto m = maps::open_map({"bad", "regex", "x{", "x.cf", 3}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("x.cf: line 3: pattern-compile-error: Unmatched \\{"), m.error().describe());
    }
    void test_reversed_range_is_refused_with_regerror_text() {
        auto m = maps::open_map({"bad", "regex", "[z-a]", "x.cf", 3}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("x.cf: line 3: pattern-compile-error: Invalid range end"),
                             m.error().describe());
    }
    // sendmail 8.17 answers "no match" for these captures (recorded with
    // -bt /map, K r regex -s1 ^(.*)$).
    void test_capture_with_blank_or_open_quote_or_paren_is_no_match() {
        auto* m = ctx_.declare("r", "regex", "-s1 ^(.*)$");
        for (const char* key : {"a b", "(a b)", "\"a b", "(a", "a)", "<a", "a>", "a\\", "\"a\\\"", "(\")", "a  b"})
            ASSERT_NOT_FOUND(look(m, key));
        for (const char* key : {"a\tb", "\"a b\"", "a\\ b", "\\(a", "a(b)c", "a))((", "\"(a\"", "a\xa0" "b"})
            ASSERT_FOUND(key, look(m, key));
        // Without -s nothing is returned, so nothing is looked at.
        ASSERT_FOUND("", look(ctx_.declare("w", "regex", "^.*$"), "a b"));
    }
    void test_capture_balance_runs_across_fields_without_the_delimiter() {
        auto* m = ctx_.declare("r", "regex", "-s1,2 -d( ^(.*)-(.*)$");
        ASSERT_FOUND("a(b", look(m, "a-b"));
        ASSERT_NOT_FOUND(look(m, "a(-b"));
        auto* two = ctx_.declare("t", "regex", "-s1,2 -d+ ^(.*)-(.*)$");
        ASSERT_FOUND("a(+b)", look(two, "a(-b)"));
        ASSERT_FOUND("a\\+b", look(two, "a\\-b"));
        ASSERT_NOT_FOUND(look(ctx_.declare("s", "regex", "-s2 ^(.*)-(.*)$"), "a(-b)"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RegexMapTest);
