// test_aliasdb.cpp: the alias database layout: NUL-terminated records,
// lower-cased names, the "@" end marker, last expansion of a repeated name,
// and that the hash map class with -N finds what was written.
#include "map_test_support.hpp"
#include "maps/aliasdb.hpp"

class AliasDbTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AliasDbTest);
    CPPUNIT_TEST(test_layout_and_marker);
    CPPUNIT_TEST(test_repeated_alias_keeps_last);
    CPPUNIT_TEST(test_map_class_reads_it);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void test_layout_and_marker() {
        auto st = maps::write_alias_db(dir_.path("aliases"), {{"Postmaster", "root"}, {"staff", "root, mail"}});
        CPPUNIT_ASSERT(st.ok());
        CPPUNIT_ASSERT_EQUAL(size_t(2), st->aliases);
        CPPUNIT_ASSERT_EQUAL(size_t(10), st->longest);
        CPPUNIT_ASSERT_EQUAL(size_t(14), st->bytes);
        auto db = maps::DbFile::open(dir_.path("aliases.db"), {});
        CPPUNIT_ASSERT(db.ok());
        auto v = db->get(std::string("postmaster\0", 11));
        CPPUNIT_ASSERT(v.ok() && v->has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("root\0", 5), **v);
        auto m = db->get(std::string("@\0", 2));
        CPPUNIT_ASSERT_EQUAL(std::string("@\0", 2), **m);
    }
    void test_repeated_alias_keeps_last() {
        CPPUNIT_ASSERT(maps::write_alias_db(dir_.path("a"), {{"x", "one"}, {"X", "two"}}).ok());
        ASSERT_FOUND("two", look(ctx_.declare("a", "hash", "-N " + dir_.path("a")), "x"));
    }
    void test_map_class_reads_it() {
        CPPUNIT_ASSERT(maps::write_alias_db(dir_.path("al"), {{"root", "admin"}}, maps::DbType::Btree).ok());
        ASSERT_FOUND("admin", look(ctx_.declare("al", "btree", dir_.path("al")), "ROOT"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AliasDbTest);
