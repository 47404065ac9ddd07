// test_message.cpp: header classification, address lists as sendmail splits
// them, the queue-file folding of address fields, dates, xtext and macros.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <map>

#include "message/dsn.hpp"
#include "message/message.hpp"

using message::bare_address;
using message::split_address_list;

class MessageTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MessageTest);
    CPPUNIT_TEST(test_header_name_needs_colon);
    CPPUNIT_TEST(test_known_header_kinds);
    CPPUNIT_TEST(test_list_split_respects_quotes_comments_angles);
    CPPUNIT_TEST(test_group_splits_like_sendmail);
    CPPUNIT_TEST(test_bare_address_forms);
    CPPUNIT_TEST(test_commaize_wraps_before_column_78);
    CPPUNIT_TEST(test_commaize_keeps_short_list);
    CPPUNIT_TEST(test_old_style_lists_split_at_blanks);
    CPPUNIT_TEST(test_arpadate_utc_says_gmt);
    CPPUNIT_TEST(test_xtext_encodes_plus_and_equals);
    CPPUNIT_TEST(test_macro_conditionals);
    CPPUNIT_TEST(test_dsn_has_three_parts);
    CPPUNIT_TEST(test_dsn_actual_recipient_and_diagnostic_type);
    CPPUNIT_TEST(test_interval_words);
    CPPUNIT_TEST(test_delivery_headers_drop_bcc_and_foreign_defaults);
    CPPUNIT_TEST(test_stored_header_quotes_meta_bytes);
    CPPUNIT_TEST(test_header_from_storage_unquotes_or_keeps_macros);
    CPPUNIT_TEST(test_message_header_byte_0x81_is_no_macro);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_header_name_needs_colon() {
        CPPUNIT_ASSERT_EQUAL(size_t(7), message::header_name_length("Subject: x"));
        CPPUNIT_ASSERT_EQUAL(size_t(7), message::header_name_length("Subject : x"));
        CPPUNIT_ASSERT_EQUAL(size_t(0), message::header_name_length("From alice Mon Jan 1"));
        CPPUNIT_ASSERT_EQUAL(size_t(0), message::header_name_length(" folded"));
        CPPUNIT_ASSERT_EQUAL(size_t(0), message::header_name_length(": empty name"));
        CPPUNIT_ASSERT(message::is_continuation("\tmore"));
    }
    void test_known_header_kinds() {
        CPPUNIT_ASSERT(message::header_kind("BCC") & message::kHdrBcc);
        CPPUNIT_ASSERT(message::header_kind("Resent-To") & message::kHdrResent);
        CPPUNIT_ASSERT(message::header_kind("Received") & message::kHdrTrace);
        CPPUNIT_ASSERT_EQUAL(0u, message::header_kind("X-Mailer"));
    }
    void test_list_split_respects_quotes_comments_angles() {
        auto v = split_address_list(" \"Doe, John\" <john@example.org>,\n\tjane@example.org (Jane, J.), <a,b@c>");
        CPPUNIT_ASSERT_EQUAL(size_t(3), v.size());
        CPPUNIT_ASSERT_EQUAL(std::string("\"Doe, John\" <john@example.org>"), v[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("jane@example.org (Jane, J.)"), v[1]);
        CPPUNIT_ASSERT_EQUAL(std::string("<a,b@c>"), v[2]);
        CPPUNIT_ASSERT(split_address_list(" , ,").empty());
    }
    void test_group_splits_like_sendmail() {
        auto v = split_address_list("Group: g1@example.net, g2@example.net;");
        CPPUNIT_ASSERT_EQUAL(size_t(2), v.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Group: g1@example.net"), v[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("g1@example.net"), bare_address(v[0]));
        CPPUNIT_ASSERT_EQUAL(std::string("g2@example.net"), bare_address(v[1]));
    }
    void test_bare_address_forms() {
        CPPUNIT_ASSERT_EQUAL(std::string("carol@remote.example.net"), bare_address("Carol <carol@remote.example.net>"));
        CPPUNIT_ASSERT_EQUAL(std::string("jane@example.org"), bare_address("jane@example.org (Jane)"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), bare_address("<>"));
        CPPUNIT_ASSERT_EQUAL(std::string("@relay:u@x"), bare_address("@relay:u@x"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a b\"@x"), bare_address("\"a b\"@x"));
        CPPUNIT_ASSERT_EQUAL(std::string("john@example.org"), bare_address("\"Doe, <John>\" <john@example.org>"));
    }
    void test_commaize_wraps_before_column_78() {
        std::string v = message::commaize(
            "To", " \"Doe, John\" <john@example.org>,\n\tjane@example.org (Jane),\n  Group: g1@example.net, g2@example.net;");
        CPPUNIT_ASSERT_EQUAL(std::string(" \"Doe, John\" <john@example.org>, jane@example.org (Jane),\n"
                                         "        Group: g1@example.net, g2@example.net;"),
                             v);
    }
    void test_commaize_keeps_short_list() {
        CPPUNIT_ASSERT_EQUAL(std::string(" bob@example.org, staff"), message::commaize("To", " bob@example.org,staff"));
        CPPUNIT_ASSERT_EQUAL(std::string(" "), message::commaize("To", " "));
        CPPUNIT_ASSERT_EQUAL(std::string("b@x, c@y"), message::commaize("cc", "b@x,c@y"));
    }
    void test_old_style_lists_split_at_blanks() {
        CPPUNIT_ASSERT(message::is_old_style_list("ro   ot"));
        CPPUNIT_ASSERT(message::is_old_style_list("a \"b\" c) d>"));
        for (const char* s : {"a,b", "a;b", "a <b>", "a (c)"}) CPPUNIT_ASSERT(!message::is_old_style_list(s));
        std::vector<std::string> want = {"ro", "ot"};
        CPPUNIT_ASSERT(want == message::split_blank_list(" ro \t ot "));
        want = {"a", "\"b c\"@x", "d"};
        CPPUNIT_ASSERT(want == message::split_blank_list("a \"b c\"@x d"));
        CPPUNIT_ASSERT_EQUAL(std::string(" a@x, b@y"), message::commaize("To", " a@x b@y", 78, true));
        CPPUNIT_ASSERT_EQUAL(std::string(" a@x b@y"), message::commaize("To", " a@x b@y"));
    }
    void test_arpadate_utc_says_gmt() {
        setenv("TZ", "UTC", 1);
        tzset();
        CPPUNIT_ASSERT_EQUAL(std::string("Wed, 2 Dec 2026 03:35:24 GMT"), message::arpadate(1796182524));
    }
    void test_xtext_encodes_plus_and_equals() {
        CPPUNIT_ASSERT_EQUAL(std::string("alice+2Bx+3Dy@example.com"), message::xtext("alice+x=y@example.com"));
    }
    void test_macro_conditionals() {
        std::map<std::string, std::string> m = {{"x", "Joe"}, {"g", "joe@x"}, {"j", "mx.example.com"}};
        auto look = [&](std::string_view n) -> std::optional<std::string> {
            auto it = m.find(std::string(n));
            if (it == m.end()) return std::nullopt;
            return it->second;
        };
        CPPUNIT_ASSERT_EQUAL(std::string("Joe <joe@x>"), message::expand_macros("$?x$x <$g>$|$g$.", look));
        m.erase("x");
        CPPUNIT_ASSERT_EQUAL(std::string("joe@x"), message::expand_macros("$?x$x <$g>$|$g$.", look));
        CPPUNIT_ASSERT_EQUAL(std::string("by mx.example.com id"), message::expand_macros("by ${j}$?r with $r$. id", look));
        CPPUNIT_ASSERT_EQUAL(std::string("a$b"), message::expand_macros("a$$b", look));
    }
    void test_dsn_has_three_parts() {
        message::DsnRequest r;
        r.reporting_mta = "mx.example.com";
        r.boundary = "B";
        r.original_headers = "Subject: s\n";
        r.original_body = "body";
        r.relay = "from root@localhost";
        r.warn_after = "5 days";
        r.recipients.push_back(
            {"bob@example.org", "RFC822; bob@example.org", "4.4.7", "", "", "RFC822; bob@example.org", ""});
        std::string b = message::dsn_body(r);
        CPPUNIT_ASSERT(b.find("\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n") !=
                       std::string::npos);
        CPPUNIT_ASSERT(b.find("Final-Recipient: RFC822; bob@example.org\nAction: failed\nStatus: 4.4.7\n") !=
                       std::string::npos);
        CPPUNIT_ASSERT(b.find("X-Actual-Recipient") == std::string::npos);
        // the last boundary, then an empty line, as sendmail ends its notices
        CPPUNIT_ASSERT(b.ends_with("Content-Type: message/rfc822\n\nSubject: s\n\nbody\n\n--B--\n\n"));
        CPPUNIT_ASSERT_EQUAL(std::string("Returned mail: see transcript for details"), message::dsn_subject(r));
        r.failure = false;
        r.warn_after = "4 hours";
        CPPUNIT_ASSERT_EQUAL(std::string("Warning: could not send message for past 4 hours"), message::dsn_subject(r));
    }
    void test_dsn_actual_recipient_and_diagnostic_type() {
        message::DsnRequest r;
        r.boundary = "B";
        // Texts that differ only in case still differ, as sendmail compares them.
        r.recipients.push_back(
            {"u", "RFC822; u@mx", "5.1.1", "550 5.1.1 User unknown", "X-Unix", "rfc822; u@mx", "ghost"});
        r.recipients.push_back({"v", "rfc822; v@mx", "5.1.1", "550 5.1.1 User unknown", "", "rfc822; v@mx", ""});
        std::string b = message::dsn_body(r);
        CPPUNIT_ASSERT(b.find("u\n    (reason: 550 5.1.1 User unknown)\n    (expanded from: ghost)\nv\n") !=
                       std::string::npos);
        CPPUNIT_ASSERT(b.find("\nFinal-Recipient: RFC822; u@mx\nX-Actual-Recipient: rfc822; u@mx\nAction: failed\n"
                              "Status: 5.1.1\nDiagnostic-Code: X-Unix; 550 5.1.1 User unknown\n") != std::string::npos);
        CPPUNIT_ASSERT(b.find("\nFinal-Recipient: rfc822; v@mx\nAction: failed\nStatus: 5.1.1\n"
                              "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n") != std::string::npos);
    }
    void test_delivery_headers_drop_bcc_and_foreign_defaults() {
        std::vector<message::Header> hs = {{"Return-Path", " <\x81g>", "P", true},
                                           {"Full-Name", " Joe", "x", true},
                                           {"To", " a@b", "", false},
                                           {"Bcc", " secret@b", "", false}};
        auto look = [](std::string_view n) -> std::optional<std::string> {
            if (n == "g") return std::string("joe@x");
            return std::nullopt;
        };
        CPPUNIT_ASSERT_EQUAL(std::string("Return-Path: <joe@x>\nTo: a@b\n"),
                             message::delivery_headers(hs, "lsDFMAw5:/|@qPn9S", true, look));
        CPPUNIT_ASSERT_EQUAL(std::string("To: a@b\nBcc: secret@b\n"), message::delivery_headers(hs, "mDFMuX", false, look));
    }
    void test_stored_header_quotes_meta_bytes() {
        message::Header h{"X", std::string(" a\x80\x9f\xa0\xff", 6), "", false};
        CPPUNIT_ASSERT_EQUAL(std::string(" a\xff\x80\xff\x9f\xa0\xff\xff", 9), message::stored_value(h));
        h.from_config = true;
        CPPUNIT_ASSERT_EQUAL(h.value, message::stored_value(h));
    }
    void test_header_from_storage_unquotes_or_keeps_macros() {
        message::Header h = message::header_from_storage("X", "", " a\xff\x80\xff\xff\xc3");
        CPPUNIT_ASSERT_EQUAL(std::string(" a\x80\xff\xc3"), h.value);
        CPPUNIT_ASSERT(!h.from_config);
        h = message::header_from_storage("Return-Path", "P", " <\x81g>");
        CPPUNIT_ASSERT_EQUAL(std::string(" <\x81g>"), h.value);
        CPPUNIT_ASSERT(h.from_config);
        CPPUNIT_ASSERT_EQUAL(std::string("P"), h.mailer_flags);
    }
    void test_message_header_byte_0x81_is_no_macro() {
        std::vector<message::Header> hs = {{"X-A", " \x81g", "", false}, {"X-B", " \x81g", "", true}};
        auto look = [](std::string_view) -> std::optional<std::string> { return std::string("joe"); };
        CPPUNIT_ASSERT_EQUAL(std::string("X-A: \x81g\nX-B: joe\n"), message::delivery_headers(hs, "", false, look));
    }
    void test_interval_words() {
        CPPUNIT_ASSERT_EQUAL(std::string("5 days"), message::interval_words(5 * 86400));
        CPPUNIT_ASSERT_EQUAL(std::string("4 hours"), message::interval_words(4 * 3600));
        CPPUNIT_ASSERT_EQUAL(std::string("1 minute"), message::interval_words(60));
        // as sendmail 8.17 words Timeout.queuewarn=7d, 90m, 25h and 3d4h5m6s
        CPPUNIT_ASSERT_EQUAL(std::string("1 week"), message::interval_words(7 * 86400));
        CPPUNIT_ASSERT_EQUAL(std::string("1 hour, 30 minutes"), message::interval_words(90 * 60));
        CPPUNIT_ASSERT_EQUAL(std::string("1 day, 1 hour"), message::interval_words(25 * 3600));
        CPPUNIT_ASSERT_EQUAL(std::string("3 days, 4 hours, 5 minutes, 6 seconds"),
                             message::interval_words(3 * 86400 + 4 * 3600 + 5 * 60 + 6));
        CPPUNIT_ASSERT_EQUAL(std::string("1 second"), message::interval_words(1));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(MessageTest);
