// test_line_reader.cpp: LF and CRLF lines, the length bound, and input that
// never ends a line.
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "util/line_reader.hpp"

namespace {
// A pipe whose write end is filled by a thread, so large inputs don't block.
struct Pipe {
    int r = -1, w = -1;
    std::thread writer;
    explicit Pipe(std::string data) {
        int fds[2];
        CPPUNIT_ASSERT(::pipe(fds) == 0);
        r = fds[0];
        w = fds[1];
        writer = std::thread([this, d = std::move(data)] {
            size_t off = 0;
            while (off < d.size()) {
                ssize_t n = ::write(w, d.data() + off, d.size() - off);
                if (n <= 0) break;
                off += static_cast<size_t>(n);
            }
            ::close(w);
        });
    }
    ~Pipe() {
        writer.join();
        ::close(r);
    }
};
using S = util::LineReader::Status;
}  // namespace

class LineReaderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LineReaderTest);
    CPPUNIT_TEST(test_lf_and_crlf_lines);
    CPPUNIT_TEST(test_final_line_without_newline);
    CPPUNIT_TEST(test_line_over_bound_is_truncated_and_rest_skipped);
    CPPUNIT_TEST(test_huge_line_without_newline_stays_bounded);
    CPPUNIT_TEST(test_cr_at_exact_bound_fits);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_lf_and_crlf_lines() {
        Pipe p("one\ntwo\r\n\nthree");
        util::LineReader lr(p.r, 100);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string("one"), line);
        CPPUNIT_ASSERT(!lr.had_crlf());
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string("two"), line);
        CPPUNIT_ASSERT(lr.had_crlf());
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string(""), line);
    }
    void test_final_line_without_newline() {
        Pipe p("last");
        util::LineReader lr(p.r, 100);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string("last"), line);
        CPPUNIT_ASSERT(!lr.had_newline());
        CPPUNIT_ASSERT(lr.next(line) == S::End);
    }
    void test_line_over_bound_is_truncated_and_rest_skipped() {
        Pipe p(std::string(50, 'x') + "\nnext\n");
        util::LineReader lr(p.r, 10);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::TooLong);
        CPPUNIT_ASSERT_EQUAL(std::string(10, 'x'), line);
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string("next"), line);
    }
    void test_huge_line_without_newline_stays_bounded() {
        Pipe p(std::string(4 * 1024 * 1024, 'y'));
        util::LineReader lr(p.r, 1000);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::TooLong);
        CPPUNIT_ASSERT_EQUAL(size_t(1000), line.size());
        CPPUNIT_ASSERT(line.capacity() < 8192);
        CPPUNIT_ASSERT(lr.next(line) == S::End);
    }
    void test_cr_at_exact_bound_fits() {
        Pipe p(std::string(10, 'z') + "\r\n");
        util::LineReader lr(p.r, 10);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string(10, 'z'), line);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(LineReaderTest);
