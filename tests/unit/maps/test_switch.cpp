// test_switch.cpp: switch maps a service to members "name.method" in the
// order of the service switch file (ServiceSwitchFile option).
#include "map_test_support.hpp"

class SwitchMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SwitchMapTest);
    CPPUNIT_TEST(test_members_follow_switch_file_order);
    CPPUNIT_TEST(test_missing_members_are_reported_when_first_used);
    CPPUNIT_TEST(test_no_service_name_is_an_error);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void test_members_follow_switch_file_order() {
        ctx_.options["ServiceSwitchFile"] = dir_.write("ss", "# c\naliases text files\nhosts files\n");
        ctx_.declare("al.files", "text", "-v1 " + dir_.write("f", "k fromfiles\nj onlyfiles\n"));
        ctx_.declare("al.text", "text", "-v1 " + dir_.write("t", "k fromtext\n"));
        auto* s = ctx_.declare("al", "switch", "aliases");
        CPPUNIT_ASSERT(s->warnings().empty());
        ASSERT_FOUND("fromtext", look(s, "k"));
        ASSERT_FOUND("onlyfiles", look(s, "j"));
    }
    // sendmail finds a switch map's members when the map is first used:
    // nothing is said at the K line, the missing ones are errors then, once.
    void test_missing_members_are_reported_when_first_used() {
        ctx_.options["ServiceSwitchFile"] = dir_.write("ss", "hosts files dns\n");
        auto* s = ctx_.declare("sw", "switch", "hosts");
        CPPUNIT_ASSERT(s->warnings().empty());
        CPPUNIT_ASSERT(ctx_.announced.empty());
        auto r = look(s, "x");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(68, r.code);
        CPPUNIT_ASSERT_EQUAL(size_t(2), ctx_.announced.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Switch map sw: unknown member map sw.files"), ctx_.announced[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("Switch map sw: unknown member map sw.dns"), ctx_.announced[1]);
        CPPUNIT_ASSERT_EQUAL(2, ctx_.announced_errors);
        look(s, "y");
        CPPUNIT_ASSERT_EQUAL(size_t(2), ctx_.announced.size());
        // -o: not open, and nothing said.
        CPPUNIT_ASSERT(!ctx_.declare("o", "switch", "-o hosts")->is_open());
        CPPUNIT_ASSERT_EQUAL(size_t(2), ctx_.announced.size());
    }
    void test_no_service_name_is_an_error() {
        auto r = maps::open_map({"sw", "switch", "", "x.cf", 2}, ctx_);
        CPPUNIT_ASSERT(!r.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("No file name for switch map sw"), r.error().message);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SwitchMapTest);
