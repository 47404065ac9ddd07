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
    CPPUNIT_TEST(test_line_of_exactly_bound_fits_and_one_more_does_not);
    CPPUNIT_TEST(test_crlf_split_across_buffer_refill);
    CPPUNIT_TEST(test_many_lines_across_buffers_keep_order);
    CPPUNIT_TEST(test_nul_and_bare_cr_are_kept_as_data);
    CPPUNIT_TEST(test_empty_input_is_end_and_stays_end);
    CPPUNIT_TEST(test_lone_newline_is_one_empty_line);
    CPPUNIT_TEST(test_read_error_is_reported);
    CPPUNIT_TEST(test_zero_bound_reports_every_nonempty_line_too_long);
    CPPUNIT_TEST(test_endless_newlines_cost_nothing);
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
    void test_line_of_exactly_bound_fits_and_one_more_does_not() {
        Pipe p(std::string(10, 'a') + "\n" + std::string(11, 'b') + "\r\n" + "c\n");
        util::LineReader lr(p.r, 10);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string(10, 'a'), line);
        CPPUNIT_ASSERT(lr.next(line) == S::TooLong);
        CPPUNIT_ASSERT_EQUAL(std::string(10, 'b'), line);
        CPPUNIT_ASSERT(lr.had_newline());
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string("c"), line);
    }
    void test_crlf_split_across_buffer_refill() {
        // The reader's buffer is 8192 bytes: put the CR at its end and the LF in the next read.
        std::string first(8191, 'x');
        Pipe p(first + "\r\nnext\r\n");
        util::LineReader lr(p.r, 10000);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(first, line);
        CPPUNIT_ASSERT(lr.had_crlf());
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string("next"), line);
    }
    void test_many_lines_across_buffers_keep_order() {
        std::string data;
        for (int i = 0; i < 5000; ++i) data += "line " + std::to_string(i) + (i % 2 ? "\r\n" : "\n");
        Pipe p(data);
        util::LineReader lr(p.r, 100);
        std::string line;
        for (int i = 0; i < 5000; ++i) {
            CPPUNIT_ASSERT(lr.next(line) == S::Line);
            CPPUNIT_ASSERT_EQUAL("line " + std::to_string(i), line);
            CPPUNIT_ASSERT_EQUAL(i % 2 == 1, lr.had_crlf());
        }
        CPPUNIT_ASSERT(lr.next(line) == S::End);
    }
    void test_nul_and_bare_cr_are_kept_as_data() {
        Pipe p(std::string("a\0b\rc\n\r", 7));
        util::LineReader lr(p.r, 100);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string("a\0b\rc", 5), line);
        CPPUNIT_ASSERT(!lr.had_crlf());
        CPPUNIT_ASSERT(lr.next(line) == S::Line);  // a final lone CR is a line of its own
        CPPUNIT_ASSERT_EQUAL(std::string("\r"), line);
        CPPUNIT_ASSERT(!lr.had_newline());
    }
    void test_empty_input_is_end_and_stays_end() {
        Pipe p("");
        util::LineReader lr(p.r, 100);
        std::string line = "stale";
        CPPUNIT_ASSERT(lr.next(line) == S::End);
        CPPUNIT_ASSERT_EQUAL(std::string(""), line);
        CPPUNIT_ASSERT(lr.next(line) == S::End);
    }
    void test_lone_newline_is_one_empty_line() {
        Pipe p("\n");
        util::LineReader lr(p.r, 100);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT_EQUAL(std::string(""), line);
        CPPUNIT_ASSERT(lr.had_newline());
        CPPUNIT_ASSERT(lr.next(line) == S::End);
    }
    void test_read_error_is_reported() {
        util::LineReader lr(-1, 100);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::Error);
        CPPUNIT_ASSERT(lr.next(line) == S::Error);
    }
    void test_zero_bound_reports_every_nonempty_line_too_long() {
        Pipe p("a\n\nbc\n");
        util::LineReader lr(p.r, 0);
        std::string line;
        CPPUNIT_ASSERT(lr.next(line) == S::TooLong);
        CPPUNIT_ASSERT_EQUAL(std::string(""), line);
        CPPUNIT_ASSERT(lr.next(line) == S::Line);
        CPPUNIT_ASSERT(lr.next(line) == S::TooLong);
        CPPUNIT_ASSERT(lr.next(line) == S::End);
    }
    void test_endless_newlines_cost_nothing() {
        Pipe p(std::string(1 << 20, '\n'));
        util::LineReader lr(p.r, 10);
        std::string line;
        size_t n = 0;
        while (lr.next(line) == S::Line) {
            CPPUNIT_ASSERT(line.empty());
            ++n;
        }
        CPPUNIT_ASSERT_EQUAL(size_t(1) << 20, n);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(LineReaderTest);
