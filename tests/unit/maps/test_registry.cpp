// test_registry.cpp: open_map's registry: every class it lists opens, the
// classes this system lacks are refused naming class, file and line, and the
// common K-line flag parser (attached values, quoting, the rest).
#include <algorithm>

#include "map_test_support.hpp"
#include "maps/map_base.hpp"

class RegistryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RegistryTest);
    CPPUNIT_TEST(test_class_names);
    CPPUNIT_TEST(test_refused_classes_name_class_file_line);
    CPPUNIT_TEST(test_unknown_class);
    CPPUNIT_TEST(test_flag_parsing);
    CPPUNIT_TEST(test_quoted_flag_value);
    CPPUNIT_TEST(test_tempfail_text_is_exposed);
    CPPUNIT_TEST(test_substitution_edge_cases);
    CPPUNIT_TEST_SUITE_END();

    TestContext ctx_;

public:
    void test_class_names() {
        auto names = maps::map_class_names();
        for (const char* c : {"hash", "btree", "implicit", "text", "regex", "sequence", "switch", "stab", "dequote",
                              "arith", "macro", "user", "host", "dns", "program", "socket", "null", "syslog", "bestmx"})
            CPPUNIT_ASSERT_MESSAGE(c, std::find(names.begin(), names.end(), c) != names.end());
    }
    void test_refused_classes_name_class_file_line() {
        for (const char* c : {"nis", "nisplus", "hesiod", "ldap"}) {
            auto m = maps::open_map({"mymap", c, "-k uid=%0", "/etc/mail/sendmail.cf", 42}, ctx_);
            CPPUNIT_ASSERT(!m.ok());
            CPPUNIT_ASSERT_EQUAL("/etc/mail/sendmail.cf: line 42: map mymap: class " + std::string(c) +
                                     " is not supported by this mail system",
                                 m.error().describe());
        }
    }
    void test_unknown_class() {
        auto m = maps::open_map({"m", "frobnicate", "", "x.cf", 1}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT(m.error().message.find("unknown map class frobnicate") != std::string::npos);
    }
    void test_flag_parsing() {
        auto a = maps::parse_map_arguments("-o -a. -T<TMPF> -s1,2  /etc/mail/access extra word");
        CPPUNIT_ASSERT(a.has('o'));
        CPPUNIT_ASSERT_EQUAL(std::string("."), a.get('a'));
        CPPUNIT_ASSERT_EQUAL(std::string("<TMPF>"), a.get('T'));
        CPPUNIT_ASSERT_EQUAL(std::string("1,2"), a.get('s'));
        CPPUNIT_ASSERT_EQUAL(std::string("/etc/mail/access extra word"), a.rest);
        CPPUNIT_ASSERT_EQUAL(size_t(3), a.words.size());
    }
    void test_quoted_flag_value() {
        auto a = maps::parse_map_arguments("-a\"x y\" file");
        CPPUNIT_ASSERT_EQUAL(std::string("x y"), a.get('a'));
        CPPUNIT_ASSERT_EQUAL(std::string("file"), a.rest);
    }
    void test_tempfail_text_is_exposed() {
        auto* m = ctx_.declare("n", "null", "-T<TMPF>");
        CPPUNIT_ASSERT_EQUAL(std::string("<TMPF>"), m->tempfail_text());
    }
    void test_substitution_edge_cases() {
        std::vector<std::string> av = {"one"};
        CPPUNIT_ASSERT_EQUAL(std::string("k-one--%"), maps::substitute_arguments("%0-%1-%9-%", "k", av));
        CPPUNIT_ASSERT_EQUAL(std::string("%x%"), maps::substitute_arguments("%x%%", "k", av));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RegistryTest);
