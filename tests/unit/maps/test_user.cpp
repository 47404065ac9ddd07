// test_user.cpp: the user class returns passwd fields by column name; an
// unknown user is 67 (EX_NOUSER); a bad column name tempfails with
// sendmail's message.
#include "map_test_support.hpp"

class UserMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(UserMapTest);
    CPPUNIT_TEST(test_default_is_name);
    CPPUNIT_TEST(test_key_is_folded_even_with_f);
    CPPUNIT_TEST(test_columns);
    CPPUNIT_TEST(test_unknown_user);
    CPPUNIT_TEST(test_bad_column);
    CPPUNIT_TEST_SUITE_END();

    TestContext ctx_;

public:
    void test_default_is_name() { ASSERT_FOUND("root", look(ctx_.declare("u", "user", ""), "root")); }
    void test_key_is_folded_even_with_f() {
        ASSERT_FOUND("root", look(ctx_.declare("u", "user", ""), "ROOT"));
        ASSERT_FOUND("root", look(ctx_.declare("f", "user", "-f"), "ROOT"));
    }
    void test_columns() {
        ASSERT_FOUND("0", look(ctx_.declare("u", "user", "-vuid"), "root"));
        ASSERT_FOUND("/root", look(ctx_.declare("d", "user", "-vdir"), "root"));
    }
    void test_unknown_user() {
        auto r = look(ctx_.declare("u", "user", ""), "nosuchuser-xyz");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(67, r.code);
    }
    void test_bad_column() {
        auto r = look(ctx_.declare("u", "user", "-v6"), "root");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string("User map u: unknown column name 6"), r.error);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(UserMapTest);
