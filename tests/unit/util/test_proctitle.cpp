// test_proctitle.cpp: the title is written over the argv block with the
// prefix, the rest cleared; a long title is cut at the block's end and a
// gap in the argv strings bounds the block.
#include <cppunit/extensions/HelperMacros.h>

#include <cstring>
#include <string>

#include "util/proctitle.hpp"

namespace {
// An argv block laid out as the kernel lays it out: strings back to back,
// followed by a guard the title must never touch.
struct ArgvBlock {
    char mem[64];
    char* argv[4];
    explicit ArgvBlock(bool gap) {
        std::memset(mem, '#', sizeof mem);
        std::memcpy(mem, "sendmail\0-q\0-v", 15);  // 15 bytes, the last NUL included
        argv[0] = mem;
        argv[1] = mem + 9;
        argv[2] = gap ? mem + 20 : mem + 12;  // a gap: argv[2] is not adjacent
        argv[3] = nullptr;
        if (gap) std::memcpy(mem + 20, "-v", 3);
    }
};
}  // namespace

class ProctitleTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProctitleTest);
    CPPUNIT_TEST(test_title_overwrites_argv_and_clears_the_rest);
    CPPUNIT_TEST(test_long_title_is_cut_at_the_block_end);
    CPPUNIT_TEST(test_gap_ends_the_block);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_title_overwrites_argv_and_clears_the_rest() {
        ArgvBlock b(false);
        util::proctitle_init(3, b.argv, "sm: ");
        CPPUNIT_ASSERT_EQUAL(size_t(14), util::proctitle_room());
        util::set_proctitle("run");
        CPPUNIT_ASSERT_EQUAL(std::string("sm: run"), std::string(b.mem));
        CPPUNIT_ASSERT_EQUAL(std::string(8, '\0'), std::string(b.mem + 7, 8));
        CPPUNIT_ASSERT_EQUAL('#', b.mem[15]);
    }

    void test_long_title_is_cut_at_the_block_end() {
        ArgvBlock b(false);
        util::proctitle_init(3, b.argv, "sendmail: ");
        util::set_proctitle("./6B26tmHJ028657 from queue");
        CPPUNIT_ASSERT_EQUAL(std::string("sendmail: ./6"), std::string(b.mem, 13));
        CPPUNIT_ASSERT_EQUAL('\0', b.mem[14]);
        CPPUNIT_ASSERT_EQUAL('#', b.mem[15]);
    }

    void test_gap_ends_the_block() {
        ArgvBlock b(true);
        util::proctitle_init(3, b.argv, "");
        CPPUNIT_ASSERT_EQUAL(size_t(11), util::proctitle_room());
        util::set_proctitle("0123456789abcdef");
        CPPUNIT_ASSERT_EQUAL(std::string("0123456789a"), std::string(b.mem));
        CPPUNIT_ASSERT_EQUAL(std::string("-v"), std::string(b.mem + 20));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ProctitleTest);
