// test_collect.cpp: message input as sendmail's collect reads it: the dot
// rule, CRLF, a missing final newline, mbox From lines, the end of headers,
// MaxHeadersLength, 8-bit detection and the size used for the priority.
#include <cppunit/extensions/HelperMacros.h>

#include "message/collect.hpp"

namespace {

struct Run {
    std::string body;
    message::CollectedMessage msg;
    bool dot = false;
};

Run collect(const std::string& input, bool ignore_dots = true, size_t max_headers = 0, size_t chunk = 3) {
    Run r;
    message::CollectOptions o;
    o.ignore_dots = ignore_dots;
    o.max_header_bytes = max_headers;
    message::Collector c(o, [&](std::string_view d) {
        r.body += d;
        return true;
    });
    for (size_t i = 0; i < input.size() && !c.ended_by_dot(); i += chunk) c.feed(std::string_view(input).substr(i, chunk));
    c.finish();
    r.dot = c.ended_by_dot();
    r.msg = c.message();
    return r;
}

}  // namespace

class CollectTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CollectTest);
    CPPUNIT_TEST(test_headers_and_body_split_at_blank_line);
    CPPUNIT_TEST(test_lone_dot_ends_input_unless_ignored);
    CPPUNIT_TEST(test_crlf_becomes_lf);
    CPPUNIT_TEST(test_missing_final_newline_is_kept);
    CPPUNIT_TEST(test_mbox_from_line_is_taken_out);
    CPPUNIT_TEST(test_non_header_line_starts_the_body);
    CPPUNIT_TEST(test_continuation_lines_join_their_field);
    CPPUNIT_TEST(test_max_headers_length_is_flagged);
    CPPUNIT_TEST(test_eight_bit_is_noticed);
    CPPUNIT_TEST(test_seven_bit_input_strips_the_high_bit);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_headers_and_body_split_at_blank_line() {
        Run r = collect("To: a@b\nSubject: s\n\nbody\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.msg.headers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Subject"), r.msg.headers[1].name);
        CPPUNIT_ASSERT_EQUAL(std::string(" s"), r.msg.headers[1].value);
        CPPUNIT_ASSERT_EQUAL(std::string("body\n"), r.body);
        CPPUNIT_ASSERT_EQUAL(size_t(25), r.msg.size);
    }
    void test_lone_dot_ends_input_unless_ignored() {
        Run r = collect("To: a@b\n\nline1\n.\nline3\n", false);
        CPPUNIT_ASSERT(r.dot);
        CPPUNIT_ASSERT_EQUAL(std::string("line1\n"), r.body);
        CPPUNIT_ASSERT_EQUAL(size_t(15), r.msg.size);
        CPPUNIT_ASSERT_EQUAL(std::string("line1\n.\nline3\n"), collect("To: a@b\n\nline1\n.\nline3\n").body);
        CPPUNIT_ASSERT_EQUAL(std::string("..x\n"), collect("To: a@b\n\n..x\n.\n", false).body);
    }
    void test_crlf_becomes_lf() {
        Run r = collect("To: a@b\r\n\r\nx\r\ny\r\n");
        CPPUNIT_ASSERT_EQUAL(std::string("x\ny\n"), r.body);
        CPPUNIT_ASSERT_EQUAL(std::string(" a@b"), r.msg.headers[0].value);
    }
    void test_missing_final_newline_is_kept() {
        CPPUNIT_ASSERT_EQUAL(std::string("last"), collect("To: a@b\n\nlast").body);
    }
    void test_mbox_from_line_is_taken_out() {
        Run r = collect("From alice Mon Jan  1 00:00:00 2024\nTo: a@b\n\nx\n");
        CPPUNIT_ASSERT_EQUAL(std::string("alice Mon Jan  1 00:00:00 2024"), r.msg.unix_from);
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.msg.headers.size());
    }
    void test_non_header_line_starts_the_body() {
        Run r = collect("To: a@b\nnot a header\nSubject: s\n\nbody\n");
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.msg.headers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("not a header\nSubject: s\n\nbody\n"), r.body);
    }
    void test_continuation_lines_join_their_field() {
        Run r = collect("To: a@b,\n\tc@d\nSubject: x\n y\n\n");
        CPPUNIT_ASSERT_EQUAL(std::string(" a@b,\n\tc@d"), r.msg.headers[0].value);
        CPPUNIT_ASSERT_EQUAL(std::string(" x\n y"), r.msg.headers[1].value);
        CPPUNIT_ASSERT_EQUAL(std::string(""), r.body);
    }
    void test_max_headers_length_is_flagged() {
        Run r = collect("To: a@b\nX-Long: " + std::string(100, 'x') + "\n\nbody\n", true, 50);
        CPPUNIT_ASSERT(r.msg.headers_too_long);
        CPPUNIT_ASSERT(!collect("To: a@b\n\nbody\n", true, 50).msg.headers_too_long);
    }
    void test_seven_bit_input_strips_the_high_bit() {
        message::CollectOptions o;
        o.strip_8bit = true;
        std::string body;
        message::Collector c(o, [&](std::string_view d) {
            body += d;
            return true;
        });
        c.feed("Subject: \xe4\n\nb\xe4\n");
        c.finish();
        CPPUNIT_ASSERT_EQUAL(std::string("bd\n"), body);
        CPPUNIT_ASSERT_EQUAL(std::string(" d"), c.message().headers[0].value);
        CPPUNIT_ASSERT(!c.message().has_8bit);
    }
    void test_eight_bit_is_noticed() {
        CPPUNIT_ASSERT(collect("To: a@b\n\nk\xe4se\n").msg.has_8bit);
        CPPUNIT_ASSERT(!collect("To: a@b\n\nplain\n").msg.has_8bit);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(CollectTest);
