// test_program.cpp: program runs its command with the key appended; the
// first output line is the value; a failing exit status is "no match" with
// that status; a K line without a program is refused.
#include <sys/stat.h>

#include "map_test_support.hpp"

class ProgramMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProgramMapTest);
    CPPUNIT_TEST(test_first_line_of_output);
    CPPUNIT_TEST(test_exit_status_is_the_code);
    CPPUNIT_TEST(test_key_is_last_argument);
    CPPUNIT_TEST(test_relative_program_declared_and_missing_one_refused);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void test_first_line_of_output() {
        ASSERT_FOUND("hello", look(ctx_.declare("p", "program", "/bin/echo"), "hello"));
    }
    void test_exit_status_is_the_code() {
        auto r = look(ctx_.declare("p", "program", "/bin/false"), "x");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(1, r.code);
    }
    void test_key_is_last_argument() {
        auto script = dir_.write("s.sh", "#!/bin/sh\nprintf '%s|%s\\nsecond\\n' \"$1\" \"$2\"\n");
        ::chmod(script.c_str(), 0755);
        ASSERT_FOUND("first|Key", look(ctx_.declare("p", "program", script + " first"), "Key"));
    }
    // sendmail takes any program name at the K line; only none is an error.
    void test_relative_program_declared_and_missing_one_refused() {
        CPPUNIT_ASSERT(maps::open_map({"p", "program", "echo", "t.cf", 1}, ctx_).ok());
        auto r = maps::open_map({"p", "program", "-t", "t.cf", 1}, ctx_);
        CPPUNIT_ASSERT(!r.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("No file name for program map p"), r.error().message);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ProgramMapTest);
