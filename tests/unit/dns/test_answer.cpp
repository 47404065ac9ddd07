// test_answer.cpp: decoding of DNS replies built byte by byte: A, MX, TXT
// with several strings, CNAME chains, compression pointers, truncated and
// hostile replies, and the record type names.
#include <cppunit/extensions/HelperMacros.h>

#include <string>

#include "dns/answer.hpp"

namespace {

std::string name_bytes(const std::string& dotted) {
    std::string out;
    size_t start = 0;
    while (start < dotted.size()) {
        size_t dot = dotted.find('.', start);
        if (dot == std::string::npos) dot = dotted.size();
        out.push_back(static_cast<char>(dot - start));
        out += dotted.substr(start, dot - start);
        start = dot + 1;
    }
    out.push_back('\0');
    return out;
}

std::string u16(unsigned v) { return std::string{static_cast<char>(v >> 8), static_cast<char>(v & 255)}; }

// A reply to `qname`/`qtype` with the given answer records (owner, type, rdata).
std::string reply(const std::string& qname, int qtype,
                  const std::vector<std::tuple<std::string, int, std::string>>& an) {
    std::string r = u16(0x1234) + u16(0x8180) + u16(1) + u16(static_cast<unsigned>(an.size())) + u16(0) + u16(0);
    r += name_bytes(qname) + u16(static_cast<unsigned>(qtype)) + u16(1);
    for (const auto& [owner, type, rdata] : an)
        r += name_bytes(owner) + u16(static_cast<unsigned>(type)) + u16(1) + u16(0) + u16(300) +
             u16(static_cast<unsigned>(rdata.size())) + rdata;
    return r;
}

}  // namespace

class AnswerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AnswerTest);
    CPPUNIT_TEST(test_a_records);
    CPPUNIT_TEST(test_mx_preference_and_exchange);
    CPPUNIT_TEST(test_txt_strings);
    CPPUNIT_TEST(test_cname_is_followed);
    CPPUNIT_TEST(test_cname_query_returns_alias);
    CPPUNIT_TEST(test_compression_pointer);
    CPPUNIT_TEST(test_truncated_reply_is_permfail);
    CPPUNIT_TEST(test_no_records_of_type_is_nodata);
    CPPUNIT_TEST(test_type_names);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_a_records() {
        auto a = dns::decode_answer(reply("h.example", dns::A,
                                          {{"h.example", dns::A, std::string("\xc0\x00\x02\x01", 4)},
                                           {"h.example", dns::A, std::string("\xc0\x00\x02\x02", 4)}}),
                                    "h.example", dns::A);
        CPPUNIT_ASSERT(a.status == dns::Status::Ok);
        CPPUNIT_ASSERT_EQUAL(size_t(2), a.records.size());
        CPPUNIT_ASSERT_EQUAL(std::string("192.0.2.1"), a.records[0].data);
        CPPUNIT_ASSERT_EQUAL(300u, a.records[0].ttl);
    }
    void test_mx_preference_and_exchange() {
        auto a = dns::decode_answer(
            reply("d.example", dns::MX, {{"d.example", dns::MX, u16(10) + name_bytes("mx.d.example")}}), "d.example",
            dns::MX);
        CPPUNIT_ASSERT_EQUAL(10, a.records.at(0).preference);
        CPPUNIT_ASSERT_EQUAL(std::string("mx.d.example"), a.records[0].data);
    }
    void test_txt_strings() {
        auto a = dns::decode_answer(
            reply("t.example", dns::TXT, {{"t.example", dns::TXT, std::string("\x03one\x03two", 8)}}), "t.example",
            dns::TXT);
        CPPUNIT_ASSERT_EQUAL(std::string("onetwo"), a.records.at(0).data);
        CPPUNIT_ASSERT_EQUAL(size_t(2), a.records[0].strings.size());
        CPPUNIT_ASSERT_EQUAL(std::string("one"), a.records[0].strings[0]);
    }
    void test_cname_is_followed() {
        auto a = dns::decode_answer(reply("alias.example", dns::A,
                                          {{"alias.example", dns::CNAME, name_bytes("real.example")},
                                           {"real.example", dns::A, std::string("\x7f\x00\x00\x01", 4)}}),
                                    "alias.example", dns::A);
        CPPUNIT_ASSERT_EQUAL(std::string("real.example"), a.canonical);
        CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), a.records.at(0).data);
    }
    void test_cname_query_returns_alias() {
        auto a = dns::decode_answer(
            reply("alias.example", dns::CNAME, {{"alias.example", dns::CNAME, name_bytes("real.example")}}),
            "alias.example", dns::CNAME);
        CPPUNIT_ASSERT(a.status == dns::Status::Ok);
        CPPUNIT_ASSERT_EQUAL(std::string("real.example"), a.records.at(0).data);
    }
    void test_compression_pointer() {
        // Owner name as a pointer to the question name at offset 12.
        std::string r =
            u16(1) + u16(0x8180) + u16(1) + u16(1) + u16(0) + u16(0) + name_bytes("c.example") + u16(1) + u16(1);
        r += std::string("\xc0\x0c", 2) + u16(1) + u16(1) + u16(0) + u16(60) + u16(4) +
             std::string("\x0a\x00\x00\x01", 4);
        auto a = dns::decode_answer(r, "c.example", dns::A);
        CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.1"), a.records.at(0).data);
        CPPUNIT_ASSERT_EQUAL(std::string("c.example"), a.records[0].name);
    }
    void test_truncated_reply_is_permfail() {
        std::string r = reply("h.example", dns::A, {{"h.example", dns::A, std::string("\xc0\x00\x02\x01", 4)}});
        auto a = dns::decode_answer(r.substr(0, r.size() - 8), "h.example", dns::A);
        CPPUNIT_ASSERT(a.status == dns::Status::PermFail);
        // A pointer that points at itself must not loop.
        std::string loop = u16(1) + u16(0x8180) + u16(0) + u16(1) + u16(0) + u16(0) + std::string("\xc0\x0c", 2);
        CPPUNIT_ASSERT(dns::decode_answer(loop, "x", dns::A).status == dns::Status::PermFail);
    }
    void test_no_records_of_type_is_nodata() {
        auto a = dns::decode_answer(reply("h.example", dns::MX, {}), "h.example", dns::MX);
        CPPUNIT_ASSERT(a.status == dns::Status::NoData);
    }
    void test_type_names() {
        CPPUNIT_ASSERT_EQUAL(int(dns::MX), dns::type_from_name("mx"));
        CPPUNIT_ASSERT_EQUAL(99, dns::type_from_name("TYPE99"));
        CPPUNIT_ASSERT_EQUAL(-1, dns::type_from_name("BOGUS"));
        CPPUNIT_ASSERT_EQUAL(std::string("AAAA"), dns::type_name(28));
        CPPUNIT_ASSERT_EQUAL(std::string("TYPE77"), dns::type_name(77));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AnswerTest);
