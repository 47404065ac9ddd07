// test_search.cpp: res_search's walk along the search list (search_walk),
// with a table of answers instead of a name server: which names are asked
// in which order, and which answer wins.
#include <cppunit/extensions/HelperMacros.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dns/dns.hpp"

namespace {

struct FakeDns {
    std::map<std::string, dns::Status> table;  // names not in it: NotFound
    std::vector<std::string> asked;
    dns::Answer operator()(const std::string& name) {
        asked.push_back(name);
        dns::Answer a;
        auto it = table.find(name);
        a.status = it == table.end() ? dns::Status::NotFound : it->second;
        if (a.status == dns::Status::Ok) a.records.push_back({name, dns::A, 60, 0, "192.0.2.1", {}});
        return a;
    }
};

dns::ResolvConf conf(std::vector<std::string> search, int ndots = 1) {
    dns::ResolvConf c;
    c.search = std::move(search);
    c.ndots = ndots;
    return c;
}

}  // namespace

class SearchTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SearchTest);
    CPPUNIT_TEST(test_dotted_name_is_asked_first);
    CPPUNIT_TEST(test_short_name_tries_search_domains_first);
    CPPUNIT_TEST(test_trailing_dot_asks_only_the_name);
    CPPUNIT_TEST(test_failure_of_dotted_name_as_given_is_the_answer);
    CPPUNIT_TEST(test_nodata_on_the_way_beats_later_not_found);
    CPPUNIT_TEST(test_tempfail_on_the_way_makes_result_temporary);
    CPPUNIT_TEST(test_permanent_failure_stops_the_list);
    CPPUNIT_TEST(test_ndots_decides_the_order);
    CPPUNIT_TEST(test_resolver_search_uses_its_resolv_conf);
    CPPUNIT_TEST_SUITE_END();

    static std::vector<std::string> v(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

public:
    void test_dotted_name_is_asked_first() {
        FakeDns d;
        d.table["host.example"] = dns::Status::Ok;
        auto a = dns::search_walk(conf({"a.test", "b.test"}), "host.example", std::ref(d));
        CPPUNIT_ASSERT(a.answer.status == dns::Status::Ok);
        CPPUNIT_ASSERT_EQUAL(std::string("host.example"), a.asked);
        CPPUNIT_ASSERT(d.asked == v({"host.example"}));
    }
    void test_short_name_tries_search_domains_first() {
        FakeDns d;
        d.table["mail.b.test"] = dns::Status::Ok;
        auto a = dns::search_walk(conf({"a.test", "b.test"}), "mail", std::ref(d));
        CPPUNIT_ASSERT(a.answer.status == dns::Status::Ok);
        CPPUNIT_ASSERT_EQUAL(std::string("mail.b.test"), a.asked);
        CPPUNIT_ASSERT(d.asked == v({"mail.a.test", "mail.b.test"}));
        FakeDns none;
        auto b = dns::search_walk(conf({"a.test"}), "mail", std::ref(none));
        CPPUNIT_ASSERT(b.answer.status == dns::Status::NotFound);
        CPPUNIT_ASSERT(none.asked == v({"mail.a.test", "mail"}));
        CPPUNIT_ASSERT_EQUAL(std::string("mail"), b.asked);
    }
    void test_trailing_dot_asks_only_the_name() {
        FakeDns d;
        auto a = dns::search_walk(conf({"a.test"}), "mail.", std::ref(d));
        CPPUNIT_ASSERT(d.asked == v({"mail"}));
        CPPUNIT_ASSERT_EQUAL(std::string("mail"), a.asked);
    }
    void test_failure_of_dotted_name_as_given_is_the_answer() {
        FakeDns d;
        d.table["x.example"] = dns::Status::NoData;
        auto a = dns::search_walk(conf({"a.test"}), "x.example", std::ref(d));
        CPPUNIT_ASSERT(d.asked == v({"x.example", "x.example.a.test"}));
        CPPUNIT_ASSERT(a.answer.status == dns::Status::NoData);
        CPPUNIT_ASSERT_EQUAL(std::string("x.example"), a.asked);
    }
    void test_nodata_on_the_way_beats_later_not_found() {
        FakeDns d;
        d.table["mail.a.test"] = dns::Status::NoData;
        auto a = dns::search_walk(conf({"a.test", "b.test"}), "mail", std::ref(d));
        CPPUNIT_ASSERT(d.asked == v({"mail.a.test", "mail.b.test", "mail"}));
        CPPUNIT_ASSERT(a.answer.status == dns::Status::NoData);
        CPPUNIT_ASSERT_EQUAL(std::string("mail.a.test"), a.asked);
    }
    void test_tempfail_on_the_way_makes_result_temporary() {
        FakeDns d;
        d.table["mail.a.test"] = dns::Status::TempFail;
        auto a = dns::search_walk(conf({"a.test", "b.test"}), "mail", std::ref(d));
        CPPUNIT_ASSERT(d.asked == v({"mail.a.test", "mail.b.test", "mail"}));
        CPPUNIT_ASSERT(a.answer.status == dns::Status::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string("mail"), a.asked);
    }
    void test_permanent_failure_stops_the_list() {
        FakeDns d;
        d.table["mail.a.test"] = dns::Status::PermFail;
        dns::search_walk(conf({"a.test", "b.test"}), "mail", std::ref(d));
        CPPUNIT_ASSERT(d.asked == v({"mail.a.test", "mail"}));
    }
    void test_ndots_decides_the_order() {
        FakeDns d;
        dns::search_walk(conf({"a.test"}, 2), "x.example", std::ref(d));
        CPPUNIT_ASSERT(d.asked == v({"x.example.a.test", "x.example"}));
    }
    // Through a resolver whose server does not answer: every name of the
    // walk fails temporarily, and the answer says for which name.
    void test_resolver_search_uses_its_resolv_conf() {
        char path[] = "/tmp/test_search_XXXXXX";
        int fd = mkstemp(path);
        CPPUNIT_ASSERT(fd >= 0);
        std::string text = "nameserver 127.0.0.1\nsearch a.test\n";
        CPPUNIT_ASSERT(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        close(fd);
        dns::ResolverConfig c;
        c.servers = {"127.0.0.1:9"};
        c.resolv_conf = path;
        c.timeout = std::chrono::milliseconds(200);
        c.tries = 1;
        auto r = dns::Resolver::create(c);
        unlink(path);
        CPPUNIT_ASSERT(r.ok());
        auto a = (*r)->search("mail", dns::A);
        CPPUNIT_ASSERT(a.answer.status == dns::Status::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string("mail"), a.asked);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SearchTest);
