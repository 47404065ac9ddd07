// test_arith.cpp: arith's operators on its two $@ arguments; a missing or
// bad argument and division by zero are "no match" with status 78.
#include "map_test_support.hpp"

class ArithMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ArithMapTest);
    CPPUNIT_TEST(test_operators);
    CPPUNIT_TEST(test_comparisons_say_true_or_false);
    CPPUNIT_TEST(test_missing_arguments_are_config_errors);
    CPPUNIT_TEST(test_division_by_zero);
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
        CPPUNIT_ASSERT_EQUAL(78, look(m, "+", {"x", "2"}).code);
    }
    void test_division_by_zero() {
        CPPUNIT_ASSERT_EQUAL(78, look(ctx_.declare("a", "arith", ""), "/", {"1", "0"}).code);
    }
    void test_random_in_range() {
        auto r = look(ctx_.declare("a", "arith", ""), "r", {"5", "5"});
        ASSERT_FOUND("5", r);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ArithMapTest);
