// test_null.cpp: null never finds (status 68, even with -a); syslog logs the
// key and returns an empty value.
#include "map_test_support.hpp"
#include "util/log.hpp"

class NullMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(NullMapTest);
    CPPUNIT_TEST(test_null_never_finds);
    CPPUNIT_TEST(test_syslog_logs_and_returns_empty);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void test_null_never_finds() {
        auto r = look(ctx_.declare("n", "null", "-afoo"), "x");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(68, r.code);
    }
    void test_syslog_logs_and_returns_empty() {
        util::LogSettings s;
        s.target = util::LogTarget::File;
        s.file = dir_.path("log");
        util::log_configure(s);
        ASSERT_FOUND("", look(ctx_.declare("s", "syslog", ""), "hello there"));
        std::ifstream in(s.file);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CPPUNIT_ASSERT(text.find("hello there") != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(NullMapTest);
