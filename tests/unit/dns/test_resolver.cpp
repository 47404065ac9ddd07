// test_resolver.cpp: the resolver facade without a name server: a server
// that does not answer is a temporary failure, quickly; bad server lists and
// bad reverse addresses are refused.
#include <cppunit/extensions/HelperMacros.h>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "dns/dns.hpp"

class ResolverTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ResolverTest);
    CPPUNIT_TEST(test_unreachable_server_is_tempfail);
    CPPUNIT_TEST(test_mx_and_addresses_tempfail_too);
    CPPUNIT_TEST(test_bad_server_list_is_refused);
    CPPUNIT_TEST(test_reverse_of_non_address);
    CPPUNIT_TEST(test_default_resolver_uses_set_config);
    CPPUNIT_TEST(test_async_queries_driven_by_caller);
    CPPUNIT_TEST(test_destroying_resolver_answers_pending_queries);
    CPPUNIT_TEST(test_resolv_conf_timeout_and_attempts_apply);
    CPPUNIT_TEST(test_resolv_conf_search_list_and_options);
    CPPUNIT_TEST(test_localdomain_replaces_search_list);
    CPPUNIT_TEST(test_missing_resolv_conf_gives_defaults);
    CPPUNIT_TEST_SUITE_END();

    static dns::ResolverConfig quiet() {
        dns::ResolverConfig c;
        c.servers = {"127.0.0.1:9"};
        c.timeout = std::chrono::milliseconds(300);
        c.tries = 1;
        return c;
    }

public:
    void test_unreachable_server_is_tempfail() {
        auto r = dns::Resolver::create(quiet());
        CPPUNIT_ASSERT(r.ok());
        auto start = std::chrono::steady_clock::now();
        auto a = (*r)->query("example.org", dns::A);
        CPPUNIT_ASSERT(a.status == dns::Status::TempFail);
        CPPUNIT_ASSERT(!a.error.empty());
        CPPUNIT_ASSERT(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    }
    void test_mx_and_addresses_tempfail_too() {
        auto r = dns::Resolver::create(quiet());
        CPPUNIT_ASSERT((*r)->mx("example.org").status == dns::Status::TempFail);
        CPPUNIT_ASSERT((*r)->addresses("example.org").status == dns::Status::TempFail);
        CPPUNIT_ASSERT((*r)->reverse("192.0.2.1").status == dns::Status::TempFail);
    }
    void test_bad_server_list_is_refused() {
        dns::ResolverConfig c;
        c.servers = {"not an address"};
        CPPUNIT_ASSERT(!dns::Resolver::create(c).ok());
    }
    void test_reverse_of_non_address() {
        auto r = dns::Resolver::create(quiet());
        CPPUNIT_ASSERT((*r)->reverse("example.org").status == dns::Status::PermFail);
    }
    void test_default_resolver_uses_set_config() {
        dns::set_default_config(quiet());
        dns::Resolver* r = dns::default_resolver();
        CPPUNIT_ASSERT(r != nullptr);
        CPPUNIT_ASSERT(r->query("example.org", dns::TXT).status == dns::Status::TempFail);
    }
    // What an event loop does: watch sockets(), call process() on readiness
    // or when next_timeout() passed; every handler runs exactly once.
    void test_async_queries_driven_by_caller() {
        auto r = dns::Resolver::create(quiet());
        std::vector<dns::Status> got;
        (*r)->start("a.example.org", dns::A, false, [&](dns::Answer a) { got.push_back(a.status); });
        (*r)->start("b.example.org", dns::MX, true, [&](dns::Answer a) { got.push_back(a.status); });
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (got.size() < 2 && std::chrono::steady_clock::now() < deadline) {
            std::vector<pollfd> fds;
            for (const auto& s : (*r)->sockets()) fds.push_back({s.fd, short(s.read ? POLLIN : 0), 0});
            if (poll(fds.data(), fds.size(), int((*r)->next_timeout().count())) <= 0) {
                (*r)->process(-1, false, false);
                continue;
            }
            for (const auto& p : fds)
                if (p.revents) (*r)->process(p.fd, true, false);
        }
        CPPUNIT_ASSERT_EQUAL(size_t(2), got.size());
        CPPUNIT_ASSERT(got[0] == dns::Status::TempFail && got[1] == dns::Status::TempFail);
    }
    void test_destroying_resolver_answers_pending_queries() {
        int calls = 0;
        dns::Status st = dns::Status::Ok;
        {
            auto r = dns::Resolver::create(quiet());
            (*r)->start("a.example.org", dns::A, false, [&](dns::Answer a) {
                ++calls;
                st = a.status;
            });
        }
        CPPUNIT_ASSERT_EQUAL(1, calls);
        CPPUNIT_ASSERT(st == dns::Status::TempFail);
    }
    // A server that takes the query and never answers: without a timeout
    // of its own the resolver follows resolv.conf's "options timeout:1
    // attempts:1" (sendmail's resolver does), not a built-in 5 s x 2.
    void test_resolv_conf_timeout_and_attempts_apply() {
        int fd = socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof sa;
        CPPUNIT_ASSERT(bind(fd, reinterpret_cast<sockaddr*>(&sa), len) == 0);
        CPPUNIT_ASSERT(getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len) == 0);
        char conf[] = "resolvconfXXXXXX";
        int cfd = mkstemp(conf);
        close(cfd);
        std::ofstream(conf) << "options timeout:1 attempts:1\n";
        dns::ResolverConfig c;
        c.servers = {"127.0.0.1:" + std::to_string(ntohs(sa.sin_port))};
        c.resolv_conf = conf;
        auto r = dns::Resolver::create(c);
        CPPUNIT_ASSERT(r.ok());
        auto start = std::chrono::steady_clock::now();
        auto a = (*r)->query("example.org", dns::A, false);
        auto took = std::chrono::steady_clock::now() - start;
        unlink(conf);
        close(fd);
        CPPUNIT_ASSERT(a.status == dns::Status::TempFail);
        CPPUNIT_ASSERT(took < std::chrono::milliseconds(2500));
    }

    static std::string write_conf(const std::string& text) {
        char conf[] = "resolvconfXXXXXX";
        int cfd = mkstemp(conf);
        close(cfd);
        std::ofstream(conf) << text;
        return conf;
    }
    // The last search/domain line wins, trailing dots go, options last wins
    // and are clamped, comments are ignored: as the C library reads it.
    void test_resolv_conf_search_list_and_options() {
        unsetenv("LOCALDOMAIN");
        std::string conf = write_conf(
            "domain old.example\nsearch example.org. corp.example # comment\n"
            "options ndots:3 timeout:99 attempts:0\noptions ndots:2\n; search ignored.example\n");
        dns::ResolvConf rc = dns::read_resolv_conf(conf);
        unlink(conf.c_str());
        CPPUNIT_ASSERT_EQUAL(size_t(2), rc.search.size());
        CPPUNIT_ASSERT_EQUAL(std::string("example.org"), rc.search[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("corp.example"), rc.search[1]);
        CPPUNIT_ASSERT_EQUAL(2, rc.ndots);
        CPPUNIT_ASSERT_EQUAL(30000, rc.timeout_ms);
        CPPUNIT_ASSERT_EQUAL(2, rc.attempts);
    }
    void test_localdomain_replaces_search_list() {
        std::string conf = write_conf("search example.org\n");
        setenv("LOCALDOMAIN", "a.example b.example.", 1);
        dns::ResolvConf rc = dns::read_resolv_conf(conf);
        unsetenv("LOCALDOMAIN");
        unlink(conf.c_str());
        CPPUNIT_ASSERT_EQUAL(size_t(2), rc.search.size());
        CPPUNIT_ASSERT_EQUAL(std::string("b.example"), rc.search[1]);
    }
    void test_missing_resolv_conf_gives_defaults() {
        unsetenv("LOCALDOMAIN");
        dns::ResolvConf rc = dns::read_resolv_conf("/nonexistent/resolv.conf");
        CPPUNIT_ASSERT(rc.search.empty());
        CPPUNIT_ASSERT_EQUAL(1, rc.ndots);
        CPPUNIT_ASSERT_EQUAL(5000, rc.timeout_ms);
        CPPUNIT_ASSERT_EQUAL(2, rc.attempts);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ResolverTest);
