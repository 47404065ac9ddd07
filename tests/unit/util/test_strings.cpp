// test_strings.cpp: ASCII case folding, trimming and splitting.
#include <cppunit/extensions/HelperMacros.h>

#include "util/strings.hpp"

class StringsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StringsTest);
    CPPUNIT_TEST(test_lowercase_folds_ascii_only);
    CPPUNIT_TEST(test_iequals);
    CPPUNIT_TEST(test_trim_removes_blanks_and_line_ends);
    CPPUNIT_TEST(test_split_keeps_empty_fields);
    CPPUNIT_TEST(test_split_words_skips_runs_of_blanks);
    CPPUNIT_TEST(test_empty_and_edge_inputs);
    CPPUNIT_TEST(test_eight_bit_bytes_are_not_folded);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_lowercase_folds_ascii_only() {
        CPPUNIT_ASSERT_EQUAL(std::string("user@example.com\xc3\x89"), util::to_lower("User@EXAMPLE.com\xc3\x89"));
        CPPUNIT_ASSERT_EQUAL(std::string("ABC-1"), util::to_upper("abC-1"));
    }
    void test_iequals() {
        CPPUNIT_ASSERT(util::iequals("Postmaster", "POSTMASTER"));
        CPPUNIT_ASSERT(!util::iequals("postmaster", "postmasters"));
        CPPUNIT_ASSERT(util::starts_with_nocase("Connect:127.0.0.1", "connect:"));
    }
    void test_trim_removes_blanks_and_line_ends() {
        CPPUNIT_ASSERT_EQUAL(std::string("a b"), std::string(util::trim(" \ta b\r\n")));
        CPPUNIT_ASSERT_EQUAL(std::string(""), std::string(util::trim("  \t ")));
    }
    void test_split_keeps_empty_fields() {
        auto v = util::split("a::b", ':');
        CPPUNIT_ASSERT_EQUAL(size_t(3), v.size());
        CPPUNIT_ASSERT_EQUAL(std::string(""), v[1]);
    }
    void test_split_words_skips_runs_of_blanks() {
        auto v = util::split_words("  hash\t -o   /etc/mail/access ");
        CPPUNIT_ASSERT_EQUAL(size_t(3), v.size());
        CPPUNIT_ASSERT_EQUAL(std::string("/etc/mail/access"), v[2]);
    }
    void test_empty_and_edge_inputs() {
        CPPUNIT_ASSERT_EQUAL(size_t(1), util::split("", ':').size());
        CPPUNIT_ASSERT_EQUAL(size_t(2), util::split(":", ':').size());
        CPPUNIT_ASSERT(util::split_words("").empty());
        CPPUNIT_ASSERT(util::split_words(" \t ").empty());
        CPPUNIT_ASSERT(util::iequals("", ""));
        CPPUNIT_ASSERT(util::starts_with_nocase("x", ""));
        CPPUNIT_ASSERT(!util::starts_with_nocase("", "x"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), util::to_lower(""));
        CPPUNIT_ASSERT_EQUAL(std::string("a\0b", 3), util::to_lower(std::string("A\0B", 3)));
    }
    void test_eight_bit_bytes_are_not_folded() {
        // 0xC9 is 'E' acute in Latin-1; ASCII folding must not touch it nor match it to 'i'.
        CPPUNIT_ASSERT(!util::iequals("\xc9", "\xe9"));
        CPPUNIT_ASSERT(!util::iequals("\xc9", "i"));
        CPPUNIT_ASSERT_EQUAL('\xc9', util::ascii_lower('\xc9'));
        CPPUNIT_ASSERT_EQUAL(std::string("\xff"), util::to_upper("\xff"));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(StringsTest);
