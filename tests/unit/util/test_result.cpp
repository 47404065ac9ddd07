// test_result.cpp: Result<T> and Error formatting.
#include <cppunit/extensions/HelperMacros.h>
#include <sysexits.h>

#include <memory>
#include <string>
#include <variant>

#include "util/result.hpp"

class ResultTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ResultTest);
    CPPUNIT_TEST(test_value_is_ok);
    CPPUNIT_TEST(test_error_is_not_ok_and_keeps_code);
    CPPUNIT_TEST(test_error_names_file_and_line);
    CPPUNIT_TEST(test_error_without_line_names_file);
    CPPUNIT_TEST(test_status_ok_and_failed);
    CPPUNIT_TEST(test_value_of_an_error_is_a_programming_error);
    CPPUNIT_TEST(test_result_moves_its_value_out);
    CPPUNIT_TEST(test_error_with_file_keeps_code);
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
    void test_status_ok_and_failed() {
        util::Status good = util::ok_status();
        util::Status bad = util::Error("queue directory missing", EX_OSFILE);
        CPPUNIT_ASSERT(good.ok());
        CPPUNIT_ASSERT(static_cast<bool>(good));
        CPPUNIT_ASSERT(!bad);
        CPPUNIT_ASSERT_EQUAL(EX_OSFILE, bad.error().code);
    }
    void test_value_of_an_error_is_a_programming_error() {
        util::Result<int> r(util::Error("x"));
        CPPUNIT_ASSERT_THROW((void)r.value(), std::bad_variant_access);
        util::Result<int> v(1);
        CPPUNIT_ASSERT_THROW((void)v.error(), std::bad_variant_access);
    }
    void test_result_moves_its_value_out() {
        util::Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
        std::unique_ptr<int> p = std::move(r).value();
        CPPUNIT_ASSERT_EQUAL(7, *p);
        util::Result<std::string> s(std::string("sendmail.cf"));
        CPPUNIT_ASSERT_EQUAL(size_t(11), s->size());
    }
    void test_error_with_file_keeps_code() {
        util::Error e("/etc/mail/sendmail.cf", 3, "unknown mailer", EX_CONFIG);
        CPPUNIT_ASSERT_EQUAL(EX_CONFIG, e.code);
        CPPUNIT_ASSERT_EQUAL(3, e.line);
        CPPUNIT_ASSERT_EQUAL(std::string("/etc/mail/sendmail.cf"), e.file);
        CPPUNIT_ASSERT_EQUAL(std::string("/etc/mail/sendmail.cf: line 3: unknown mailer"), e.describe());
        CPPUNIT_ASSERT_EQUAL(std::string(""), util::Error().describe());
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(ResultTest);
