// test_macro.cpp: the macro class defines a macro through the context and
// returns an empty value.
#include "map_test_support.hpp"

class MacroMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MacroMapTest);
    CPPUNIT_TEST(test_sets_macro_and_returns_empty);
    CPPUNIT_TEST(test_without_value_clears);
    CPPUNIT_TEST_SUITE_END();

    TestContext ctx_;

public:
    void test_sets_macro_and_returns_empty() {
        ASSERT_FOUND("", look(ctx_.declare("storage", "macro", ""), "{MyMacro}", {"value"}));
        CPPUNIT_ASSERT_EQUAL(std::string("value"), ctx_.macros["{MyMacro}"]);
    }
    void test_without_value_clears() {
        ctx_.macros["x"] = "old";
        ASSERT_FOUND("", look(ctx_.declare("storage", "macro", ""), "x"));
        CPPUNIT_ASSERT_EQUAL(std::string(), ctx_.macros["x"]);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(MacroMapTest);
