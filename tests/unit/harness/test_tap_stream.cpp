// test_tap_stream.cpp: the unit-test runner keeps its TAP stream apart from
// what the code under test prints. If it did not, the "ok 7" lines written
// here would reach the TAP driver as results out of sequence: an ERROR.
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

class TapStreamTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TapStreamTest);
    CPPUNIT_TEST(test_stdout_noise_is_not_a_result);
    CPPUNIT_TEST(test_fd1_noise_is_not_a_result);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_stdout_noise_is_not_a_result() {
        std::cout << "ok 7 - forged by std::cout" << std::endl;
        std::printf("not ok 8 - forged by printf\n1..1\n");
        std::fflush(stdout);
        CPPUNIT_ASSERT(true);
    }
    void test_fd1_noise_is_not_a_result() {
        const char line[] = "not ok 9 - forged on descriptor 1\n";
        CPPUNIT_ASSERT_EQUAL(ssize_t(sizeof line - 1), ::write(1, line, sizeof line - 1));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(TapStreamTest);
