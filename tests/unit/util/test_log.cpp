// test_log.cpp: sendmail's log line format and the LogLevel filter.
#include <cppunit/extensions/HelperMacros.h>
#include <syslog.h>
#include <unistd.h>

#include "util/files.hpp"
#include "util/log.hpp"

class LogTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LogTest);
    CPPUNIT_TEST(test_format_with_queue_id);
    CPPUNIT_TEST(test_format_without_queue_id);
    CPPUNIT_TEST(test_file_target_writes_line_and_honours_level);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_format_with_queue_id() {
        CPPUNIT_ASSERT_EQUAL(std::string("sm-mta[123]: 4B1C2A3D000123: from=<a@b>, size=10"),
                             util::log_format("sm-mta", 123, "4B1C2A3D000123", "from=<a@b>, size=10"));
    }
    void test_format_without_queue_id() {
        CPPUNIT_ASSERT_EQUAL(std::string("sendmail[9]: starting daemon"), util::log_format("sendmail", 9, "", "starting daemon"));
    }
    void test_file_target_writes_line_and_honours_level() {
        char tmpl[] = "/tmp/utillogXXXXXX";
        int fd = ::mkstemp(tmpl);
        ::close(fd);
        util::LogSettings s;
        s.target = util::LogTarget::File;
        s.file = tmpl;
        s.ident = "sm-mta";
        s.level = 9;
        util::log_configure(s);
        util::log_line(LOG_INFO, 9, "QID1", "stat=Sent");
        util::log_line(LOG_DEBUG, 12, "QID1", "too detailed");
        auto text = util::read_file(tmpl, 4096);
        ::unlink(tmpl);
        util::log_configure(util::LogSettings{});
        CPPUNIT_ASSERT(text.ok());
        std::string expect = util::log_format("sm-mta", ::getpid(), "QID1", "stat=Sent") + "\n";
        CPPUNIT_ASSERT(text->size() > expect.size());
        CPPUNIT_ASSERT_EQUAL(expect, text->substr(text->size() - expect.size()));
        CPPUNIT_ASSERT(text->find("too detailed") == std::string::npos);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(LogTest);
