// test_result.cpp: Result<T> and Error formatting.
#include <cppunit/extensions/HelperMacros.h>
#include <sysexits.h>

#include "util/result.hpp"

class ResultTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ResultTest);
    CPPUNIT_TEST(test_value_is_ok);
    CPPUNIT_TEST(test_error_is_not_ok_and_keeps_code);
    CPPUNIT_TEST(test_error_names_file_and_line);
    CPPUNIT_TEST(test_error_without_line_names_file);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_value_is_ok() {
        util::Result<int> r(42);
        CPPUNIT_ASSERT(r.ok());
        CPPUNIT_ASSERT_EQUAL(42, *r);
    }
    void test_error_is_not_ok_and_keeps_code() {
        util::Result<int> r(util::Error("no such map", EX_CONFIG));
        CPPUNIT_ASSERT(!r.ok());
        CPPUNIT_ASSERT_EQUAL(EX_CONFIG, r.error().code);
        CPPUNIT_ASSERT_EQUAL(std::string("no such map"), r.error().describe());
    }
    void test_error_names_file_and_line() {
        util::Error e("/etc/mail/sendmail.cf", 12, "unknown option");
        CPPUNIT_ASSERT_EQUAL(std::string("/etc/mail/sendmail.cf: line 12: unknown option"), e.describe());
    }
    void test_error_without_line_names_file() {
        util::Error e("/etc/mail/access", 0, "cannot open");
        CPPUNIT_ASSERT_EQUAL(std::string("/etc/mail/access: cannot open"), e.describe());
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(ResultTest);
