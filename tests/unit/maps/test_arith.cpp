// test_arith.cpp: arith's operators on its two $@ arguments. Operands are
// read as sendmail reads them (empty or non-numeric text is 0, "0x10" is 16,
// "010" is 8); a missing argument and division by zero are "no match" (78).
#include "map_test_support.hpp"

class ArithMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ArithMapTest);
    CPPUNIT_TEST(test_operators);
    CPPUNIT_TEST(test_comparisons_say_true_or_false);
    CPPUNIT_TEST(test_missing_arguments_are_config_errors);
    CPPUNIT_TEST(test_division_by_zero);
    CPPUNIT_TEST(test_empty_and_non_numeric_operands_are_zero);
    CPPUNIT_TEST(test_c_number_prefixes);
    CPPUNIT_TEST(test_only_first_operator_character_counts);
    CPPUNIT_TEST(test_overflow_wraps_and_results_are_cut_to_15);
    CPPUNIT_TEST(test_random_in_range);
    CPPUNIT_TEST_SUITE_END();

    TestContext ctx_;

public:
    void test_operators() {
        auto* m = ctx_.declare("a", "arith", "");
        ASSERT_FOUND("3", look(m, "+", {"1", "2"}));
        ASSERT_FOUND("-1", look(m, "-", {"1", "2"}));
        ASSERT_FOUND("6", look(m, "*", {"2", "3"}));
        ASSERT_FOUND("3", look(m, "/", {"7", "2"}));
        ASSERT_FOUND("1", look(m, "%", {"7", "2"}));
        ASSERT_FOUND("2", look(m, "&", {"6", "3"}));
        ASSERT_FOUND("7", look(m, "|", {"6", "3"}));
    }
    void test_comparisons_say_true_or_false() {
        auto* m = ctx_.declare("a", "arith", "");
        ASSERT_FOUND("TRUE", look(m, "l", {"1", "2"}));
        ASSERT_FOUND("FALSE", look(m, "l", {"2", "2"}));
        ASSERT_FOUND("TRUE", look(m, "=", {"2", "2"}));
    }
    void test_missing_arguments_are_config_errors() {
        auto* m = ctx_.declare("a", "arith", "");
        auto r = look(m, "+ 1 2");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(78, r.code);
        CPPUNIT_ASSERT_EQUAL(78, look(m, "+", {"2"}).code);
    }
    void test_division_by_zero() {
        CPPUNIT_ASSERT_EQUAL(78, look(ctx_.declare("a", "arith", ""), "/", {"1", "0"}).code);
    }
    // $(arith l $@ 2 $@ $&{client_rate} $) with the macro unset is FALSE.
    void test_empty_and_non_numeric_operands_are_zero() {
        auto* m = ctx_.declare("a", "arith", "");
        ASSERT_FOUND("FALSE", look(m, "l", {"2", ""}));
        ASSERT_FOUND("TRUE", look(m, "l", {"", "5"}));
        ASSERT_FOUND("TRUE", look(m, "=", {"", ""}));
        ASSERT_FOUND("5", look(m, "+", {"abc", "5"}));
        ASSERT_FOUND("0", look(m, "*", {"5", ""}));
        ASSERT_FOUND("17", look(m, "+", {"12abc", "5"}));
        ASSERT_FOUND("0", look(m, "/", {"", "5"}));
        CPPUNIT_ASSERT_EQUAL(78, look(m, "/", {"5", "x"}).code);
    }
    void test_c_number_prefixes() {
        auto* m = ctx_.declare("a", "arith", "");
        ASSERT_FOUND("17", look(m, "+", {"0x10", "1"}));
        ASSERT_FOUND("9", look(m, "+", {"010", "1"}));
        ASSERT_FOUND("5", look(m, "+", {"+3", "2"}));
        ASSERT_FOUND("12", look(m, "+", {" 5", "7"}));
    }
    void test_only_first_operator_character_counts() {
        auto* m = ctx_.declare("a", "arith", "");
        ASSERT_FOUND("TRUE", look(m, "lt", {"3", "4"}));
        ASSERT_FOUND("7", look(m, "++", {"3", "4"}));
        CPPUNIT_ASSERT(look(m, "L", {"3", "4"}).status == maps::LookupStatus::NotFound);
    }
    void test_overflow_wraps_and_results_are_cut_to_15() {
        auto* m = ctx_.declare("a", "arith", "");
        ASSERT_FOUND("-92233720368547", look(m, "+", {"9223372036854775807", "1"}));
        ASSERT_FOUND("922337203685477", look(m, "+", {"99999999999999999999", "0"}));
        ASSERT_FOUND("999989999990000", look(m, "*", {"99999999999", "99999"}));
        CPPUNIT_ASSERT_EQUAL(78, look(m, "/", {"-9223372036854775808", "-1"}).code);
    }
    void test_random_in_range() {
        auto r = look(ctx_.declare("a", "arith", ""), "r", {"5", "5"});
        ASSERT_FOUND("5", r);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ArithMapTest);
