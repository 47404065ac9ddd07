// test_tables.cpp: macro expansion with conditionals, and the class table's
// symbol-table order that `$=X` listings follow.
#include <cppunit/extensions/HelperMacros.h>

#include "config/config.hpp"

class TablesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TablesTest);
    CPPUNIT_TEST(test_expand_plain_and_long_macros);
    CPPUNIT_TEST(test_expand_conditionals);
    CPPUNIT_TEST(test_expand_keeps_rule_metasymbols);
    CPPUNIT_TEST(test_class_listing_follows_hash_order);
    CPPUNIT_TEST(test_class_lookup_ignores_case);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_expand_plain_and_long_macros() {
        config::MacroTable m;
        m.define("w", "mx");
        m.define("m", "example.com");
        m.define("j", "$w.$m");
        m.define("client_addr", "192.0.2.1");
        CPPUNIT_ASSERT_EQUAL(std::string("mx.example.com [192.0.2.1]"), config::expand_macros("$j [${client_addr}]", m));
    }
    void test_expand_conditionals() {
        config::MacroTable m;
        m.define("s", "client");
        CPPUNIT_ASSERT_EQUAL(std::string("from client"), config::expand_macros("$?sfrom $s$|local$.", m));
        CPPUNIT_ASSERT_EQUAL(std::string("local"), config::expand_macros("$?xfrom $x$|local$.", m));
    }
    void test_expand_keeps_rule_metasymbols() {
        config::MacroTable m;
        CPPUNIT_ASSERT_EQUAL(std::string("$* < @ $=w > $&{x} $1 $# $| $:"),
                             config::expand_macros("$* < @ $=w > $&{x} $1 $# $| $:", m));
    }
    void test_class_listing_follows_hash_order() {
        config::ClassTable t;
        for (const char* w : {"mx.example.com", "localhost", "[192.0.2.10]", "mx"}) t.add("w", w);
        auto members = t.members("w");
        std::vector<std::string> want{"mx", "[192.0.2.10]", "localhost", "mx.example.com"};
        CPPUNIT_ASSERT(want == members);
    }
    void test_class_lookup_ignores_case() {
        config::ClassTable t;
        t.add("R", "Partner.Example.NET");
        CPPUNIT_ASSERT(t.contains(*t.find_class("R"), "partner.example.net"));
        CPPUNIT_ASSERT_EQUAL(std::string("Partner.Example.NET"), t.members("R").at(0));
        CPPUNIT_ASSERT(!t.find_class("Q"));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(TablesTest);
