// test_host.cpp: the host class without a reachable name server: names in
// the hosts file (HostsFile option) are found, qualified with the local
// domain when they have one label; [addresses] are looked up in reverse; all
// else is a temporary failure "name: Name server timeout" (status 75), and
// bestmx/dns say nothing but tempfail too.
#include "dns/dns.hpp"
#include "map_test_support.hpp"
#include "maps/file_maps.hpp"

class HostMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostMapTest);
    CPPUNIT_TEST(test_hosts_file_name_is_canonicalised);
    CPPUNIT_TEST(test_one_label_name_gets_local_domain);
    CPPUNIT_TEST(test_address_literal_is_reversed_through_hosts_file);
    CPPUNIT_TEST(test_switch_without_dns_is_not_found);
    CPPUNIT_TEST(test_predefined_host_map);
    CPPUNIT_TEST(test_unknown_name_without_server_tempfails);
    CPPUNIT_TEST(test_D_defers_in_deferred_mode);
    CPPUNIT_TEST(test_trailing_dot_key);
    CPPUNIT_TEST(test_dns_and_bestmx_tempfail_quietly);
    CPPUNIT_TEST(test_dns_type_as_separate_word);
    CPPUNIT_TEST(test_flags_after_separate_type_word);
    CPPUNIT_TEST(test_text_after_address_literal_is_ignored);
    CPPUNIT_TEST(test_timeout_message_is_shown_where_looked_up);
    CPPUNIT_TEST(test_literal_failure_is_announced_when_looked_up_again);
    CPPUNIT_TEST(test_bestmx_of_address_literal_is_itself);
    CPPUNIT_TEST(test_dns_bad_record_type_is_refused);
    CPPUNIT_TEST(test_system_resolver_follows_nsswitch_hosts_line);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void setUp() override {
        dns::ResolverConfig rc;
        rc.servers = {"127.0.0.1:9"};  // the discard port: nothing answers DNS there
        rc.timeout = std::chrono::milliseconds(300);
        rc.tries = 1;
        dns::set_default_config(rc);
        ctx_.options["HostsFile"] = dir_.write("hosts", "127.0.0.1 localhost\n192.0.2.7 gw.example.com gw # c\n");
        ctx_.macros["m"] = "example.com";
        ctx_.options["ServiceSwitchFile"] = dir_.write("ss", "hosts files dns\n");
    }
    void test_hosts_file_name_is_canonicalised() {
        auto* m = ctx_.declare("h", "host", "-a.");
        ASSERT_FOUND("gw.example.com.", look(m, "gw"));
        ASSERT_FOUND("gw.example.com.", look(m, "GW.example.com"));
    }
    void test_one_label_name_gets_local_domain() {
        ASSERT_FOUND("localhost.example.com", look(ctx_.declare("h", "host", ""), "localhost"));
    }
    // Reverse lookups use the system's /etc/hosts, not HostsFile, as
    // sendmail's gethostbyaddr() does; then DNS, which is down here.
    void test_address_literal_is_reversed_through_hosts_file() {
        auto* m = ctx_.declare("h", "host", "-a.");
        ASSERT_FOUND("localhost.", look(m, "[127.0.0.1]"));
        auto r = look(m, "[192.0.2.7]");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(75, r.code);
    }
    void test_switch_without_dns_is_not_found() {
        ctx_.options["ServiceSwitchFile"] = dir_.write("ss", "hosts files\n");
        auto r = look(ctx_.declare("h", "host", "-a."), "nonexistent.invalid");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(68, r.code);
        auto b = look(ctx_.declare("b", "bestmx", ""), "example.org");
        CPPUNIT_ASSERT(b.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(0, b.code);
    }
    void test_predefined_host_map() {
        auto decls = maps::predefined_map_declarations();
        CPPUNIT_ASSERT_EQUAL(size_t(1), decls.size());
        auto m = maps::open_map(decls[0], ctx_);
        CPPUNIT_ASSERT(m.ok());
        ASSERT_FOUND("gw.example.com.", (*m)->lookup("gw", {}));
    }
    void test_unknown_name_without_server_tempfails() {
        auto r = look(ctx_.declare("h", "host", "-a."), "foo.example.org");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(75, r.code);
        CPPUNIT_ASSERT_EQUAL(std::string("foo.example.org: Name server timeout"), r.error);
    }
    void test_D_defers_in_deferred_mode() {
        ctx_.options["DeliveryMode"] = "deferred";
        CPPUNIT_ASSERT(look(ctx_.declare("h", "host", "-D"), "gw").status == maps::LookupStatus::TempFail);
        ctx_.options["DeliveryMode"] = "background";
        ASSERT_FOUND("gw.example.com", look(ctx_.declare("h2", "host", "-D"), "gw"));
    }
    void test_trailing_dot_key() {
        ASSERT_FOUND("gw.example.com", look(ctx_.declare("h", "host", ""), "gw.example.com."));
    }
    void test_dns_and_bestmx_tempfail_quietly() {
        for (auto [cls, args] : {std::pair{"dns", "-RA"}, std::pair{"dns", "-RTXT -z,"}, std::pair{"bestmx", ""}}) {
            auto r = look(ctx_.declare("d", cls, args), "foo.example.org");
            CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
            CPPUNIT_ASSERT_EQUAL(75, r.code);
            CPPUNIT_ASSERT_EQUAL(std::string(), r.error);
        }
    }
    void test_dns_type_as_separate_word() {
        CPPUNIT_ASSERT(maps::open_map({"d", "dns", "-R A -T<TMP>", "t.cf", 4}, ctx_).ok());
        CPPUNIT_ASSERT(!maps::open_map({"d", "dns", "-R BOGUS", "t.cf", 4}, ctx_).ok());
    }
    // "-R A -T<TMP>": the flags after the type word count (a rule then sees
    // key<TMP> on a temporary failure), and -z after it too.
    void test_flags_after_separate_type_word() {
        auto* m = ctx_.declare("d", "dns", "-R A -a. -T<TMP> -r5");
        CPPUNIT_ASSERT_EQUAL(std::string("<TMP>"), m->tempfail_text());
        CPPUNIT_ASSERT(look(m, "foo.example.org").status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string("<TEMP>"), ctx_.declare("e", "dns", "-R TXT -T<TEMP>")->tempfail_text());
    }
    // "[127.0.0.1] extra" and "[127.0.0.1]x" are the address's reverse
    // lookup, as in sendmail; a failure names the whole key.
    void test_text_after_address_literal_is_ignored() {
        auto* m = ctx_.declare("h", "host", "-a.");
        ASSERT_FOUND("localhost.", look(m, "[127.0.0.1] extra"));
        ASSERT_FOUND("localhost.", look(m, "[127.0.0.1]x"));
        auto r = look(m, "[192.0.2.7] x");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string("[192.0.2.7] x: Name server timeout"), r.error);
    }
    // sendmail prints "name: Name server timeout" each time the lookup
    // fails (on its own line); a reverse lookup only when "hosts" has dns.
    void test_timeout_message_is_shown_where_looked_up() {
        auto* m = ctx_.declare("h", "host", "");
        CPPUNIT_ASSERT(look(m, "foo.example.org").error_shown == maps::LookupResult::Shown::WhereLookedUp);
        CPPUNIT_ASSERT(look(m, "[192.0.2.7]").error_shown == maps::LookupResult::Shown::WhereLookedUp);
        ctx_.options["ServiceSwitchFile"] = dir_.write("ss", "hosts files\n");
        auto r = look(ctx_.declare("h2", "host", ""), "[192.0.2.7]");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string(), r.error);
    }
    // With "hosts files" sendmail's first failed reverse lookup of a literal
    // is quiet; it remembers the failure (for every host map), and each later
    // lookup of that literal prints "[addr]: Name server timeout".
    void test_literal_failure_is_announced_when_looked_up_again() {
        ctx_.options["ServiceSwitchFile"] = dir_.write("ss", "hosts files\n");
        auto* m = ctx_.declare("h", "host", "");
        auto first = look(m, "[192.0.2.9]");
        CPPUNIT_ASSERT(first.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string(), first.error);
        for (auto* map : {m, ctx_.declare("h2", "host", "-a.")}) {
            auto again = look(map, "[192.0.2.9]");
            CPPUNIT_ASSERT(again.status == maps::LookupStatus::TempFail);
            CPPUNIT_ASSERT_EQUAL(75, again.code);
            CPPUNIT_ASSERT_EQUAL(std::string("[192.0.2.9]: Name server timeout"), again.error);
            CPPUNIT_ASSERT(again.error_shown == maps::LookupResult::Shown::WhereLookedUp);
        }
        CPPUNIT_ASSERT_EQUAL(std::string(), look(m, "[192.0.2.10]").error);
    }
    void test_bestmx_of_address_literal_is_itself() {
        auto* m = ctx_.declare("b", "bestmx", "");
        ASSERT_FOUND("[192.0.2.11]", look(m, "[192.0.2.11]"));
        ctx_.options["ServiceSwitchFile"] = dir_.write("ss", "hosts files\n");
        ASSERT_FOUND("[192.0.2.11] x", look(ctx_.declare("b2", "bestmx", ""), "[192.0.2.11] x"));
    }
    void test_dns_bad_record_type_is_refused() {
        auto m = maps::open_map({"d", "dns", "-RBOGUS", "t.cf", 4}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("t.cf: line 4: dns map d: wrong type BOGUS"), m.error().describe());
    }
    // sendmail reverses an address literal with gethostbyaddr: DNS is
    // asked only when nsswitch.conf's "hosts" line names it (glibc's default
    // without one does).
    void test_system_resolver_follows_nsswitch_hosts_line() {
        CPPUNIT_ASSERT(!maps::system_resolver_asks_dns(dir_.write("ns1", "passwd: files\nhosts: files\n")));
        CPPUNIT_ASSERT(maps::system_resolver_asks_dns(dir_.write("ns2", "hosts:          files dns\n")));
        CPPUNIT_ASSERT(maps::system_resolver_asks_dns(dir_.write("ns3", "hosts: files [NOTFOUND=return] dns # x\n")));
        CPPUNIT_ASSERT(!maps::system_resolver_asks_dns(dir_.write("ns4", "# hosts: dns\nhosts:files\n")));
        CPPUNIT_ASSERT(maps::system_resolver_asks_dns(dir_.write("ns5", "passwd: files\n")));
        CPPUNIT_ASSERT(maps::system_resolver_asks_dns(dir_.path("missing")));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostMapTest);
