// test_recipients.cpp: the recipient list's rules, with a router by domain
// and a fixed alias table: each list taken last to first, aliases expanded in
// place, duplicates dropped, stable order by host, R flags and C lines.
#include <cppunit/extensions/HelperMacros.h>

#include <map>

#include "sendmail/recipients.hpp"

using sendmail::RecipientList;

namespace {

RecipientList make(std::map<std::string, std::string> aliases, std::string notify = "") {
    RecipientList::Settings s;
    s.router = [](const std::string&, const std::string& bare) {
        return sendmail::route_by_domain(bare, [](const std::string& h) { return h == "mx.example.com"; });
    };
    auto table = std::make_shared<std::map<std::string, std::string>>(std::move(aliases));
    s.aliases = [table](const std::string& n) -> std::optional<std::string> {
        auto it = table->find(n);
        if (it == table->end()) return std::nullopt;
        return it->second;
    };
    s.notify = std::move(notify);
    s.local_domain = "mx.example.com";
    s.default_uid = 8;
    s.check_local_users = false;
    return RecipientList(std::move(s));
}

std::vector<std::string> r_lines(const RecipientList& l) {
    std::vector<std::string> out;
    for (const auto& q : l.queue_recipients()) out.push_back(q.flags + ":" + q.address);
    return out;
}

}  // namespace

class RecipientsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RecipientsTest);
    CPPUNIT_TEST(test_list_is_taken_last_first_then_sorted_by_host);
    CPPUNIT_TEST(test_alias_members_are_not_primary_unless_alone);
    CPPUNIT_TEST(test_duplicates_keep_the_first_and_its_primary_flag);
    CPPUNIT_TEST(test_controlling_user_lines);
    CPPUNIT_TEST(test_notify_flags);
    CPPUNIT_TEST(test_local_detail_routes_by_detail);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_list_is_taken_last_first_then_sorted_by_host() {
        auto l = make({});
        l.add_list("x@zz.example.net, y@aa.example.net, z@mm.example.net, w@aa.example.net");
        std::vector<std::string> want = {"PFD:w@aa.example.net", "PFD:y@aa.example.net", "PFD:z@mm.example.net",
                                         "PFD:x@zz.example.net"};
        CPPUNIT_ASSERT(want == r_lines(l));
    }
    void test_alias_members_are_not_primary_unless_alone() {
        auto l = make({{"staff", "root, mail, bob@remote.example.net"}, {"bob", "daemon"}});
        l.add_list("bob@example.org, staff");
        l.add_list("bob");
        std::vector<std::string> want = {"FDA:mail", "FDA:root", "PFDA:daemon", "PFD:bob@example.org",
                                         "FDA:bob@remote.example.net"};
        CPPUNIT_ASSERT(want == r_lines(l));
        CPPUNIT_ASSERT_EQUAL(size_t(5), l.count());
    }
    void test_duplicates_keep_the_first_and_its_primary_flag() {
        auto l = make({{"webmaster", "root, remote-admin@remote.example.net"}, {"info", "root"}});
        l.add_list("info, webmaster");
        std::vector<std::string> want = {"PFDA:root", "FDA:remote-admin@remote.example.net"};
        CPPUNIT_ASSERT(want == r_lines(l));
    }
    void test_controlling_user_lines() {
        auto l = make({{"staff", "root, bob@remote.example.net"}});
        l.add_list("staff, carol@example.org");
        auto q = l.queue_recipients();
        CPPUNIT_ASSERT_EQUAL(size_t(3), q.size());
        CPPUNIT_ASSERT_EQUAL(std::string(":staff"), q[0].ctladdr.value_or("-"));
        CPPUNIT_ASSERT(!q[1].ctladdr);
        CPPUNIT_ASSERT_EQUAL(std::string("staff:8:0:staff"), q[2].ctladdr.value_or("-"));
        CPPUNIT_ASSERT_EQUAL(std::string("rfc822; staff@mx.example.com"), q[2].orcpt);
    }
    void test_notify_flags() {
        auto l = make({{"list", "a@x.example.org, b@x.example.org"}}, "NS");
        l.add_list("list, c@x.example.org");
        std::vector<std::string> want = {"PNS:c@x.example.org", "NSA:b@x.example.org", "NSA:a@x.example.org"};
        CPPUNIT_ASSERT(want == r_lines(l));
    }
    void test_local_detail_routes_by_detail() {
        auto r = sendmail::local_route("root+Tag");
        CPPUNIT_ASSERT_EQUAL(std::string("tag"), r.host);
        CPPUNIT_ASSERT_EQUAL(std::string("root"), r.user);
        CPPUNIT_ASSERT_EQUAL(std::string(""), sendmail::local_route("+x").host);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(RecipientsTest);
