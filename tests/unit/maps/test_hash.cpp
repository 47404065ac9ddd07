// test_hash.cpp: the hash and btree classes: case folding and -f, the NUL
// conventions (-N, -O, adaptive), -m, -a, %n substitution, -o for a missing
// file, sendmail's message for a missing non-optional file, reopening.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "map_test_support.hpp"

class HashMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HashMapTest);
    CPPUNIT_TEST(test_key_is_folded_to_lower_case);
    CPPUNIT_TEST(test_f_keeps_case);
    CPPUNIT_TEST(test_adaptive_nul_finds_both_layouts);
    CPPUNIT_TEST(test_N_requires_the_nul);
    CPPUNIT_TEST(test_O_refuses_the_nul);
    CPPUNIT_TEST(test_m_returns_the_key_and_a_appends);
    CPPUNIT_TEST(test_percent_arguments_are_substituted);
    CPPUNIT_TEST(test_empty_key_and_key_with_spaces);
    CPPUNIT_TEST(test_empty_value_is_found);
    CPPUNIT_TEST(test_missing_file_tempfails_with_sendmail_message);
    CPPUNIT_TEST(test_optional_missing_file_is_not_open);
    CPPUNIT_TEST(test_no_file_name_is_an_error);
    CPPUNIT_TEST(test_btree_duplicates_first_value);
    CPPUNIT_TEST(test_name_ending_in_db_is_kept);
    CPPUNIT_TEST(test_t_turns_tempfail_into_not_found);
    CPPUNIT_TEST(test_S_does_not_touch_the_key);
    CPPUNIT_TEST(test_replaced_file_is_reopened);
    CPPUNIT_TEST(test_unsafe_directory_is_refused_with_message);
    CPPUNIT_TEST(test_writable_or_linked_file_is_quietly_ignored);
    CPPUNIT_TEST(test_bad_file_and_directory);
    CPPUNIT_TEST(test_implicit_missing_file_is_quiet);
    CPPUNIT_TEST(test_N_and_O_together_find_nothing);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void test_key_is_folded_to_lower_case() {
        auto f = dir_.make_db("m", {{"user@example.com", "ok"}});
        auto* m = ctx_.declare("m", "hash", f);
        ASSERT_FOUND("ok", look(m, "User@Example.COM"));
    }
    void test_f_keeps_case() {
        auto f = dir_.make_db("m", {{"CamelKey", "v"}});
        auto* m = ctx_.declare("m", "hash", "-f " + f);
        ASSERT_FOUND("v", look(m, "CamelKey"));
        ASSERT_NOT_FOUND(look(m, "camelkey"));
    }
    void test_adaptive_nul_finds_both_layouts() {
        auto f = dir_.make_db("m", {{std::string("withnul\0", 8), std::string("v1\0", 3)}, {"plain", "v2"}});
        auto* m = ctx_.declare("m", "hash", f);
        ASSERT_FOUND("v1", look(m, "withnul"));
        auto* m2 = ctx_.declare("m2", "hash", f);
        ASSERT_FOUND("v2", look(m2, "plain"));
    }
    void test_N_requires_the_nul() {
        auto f = dir_.make_db("m", {{"plain", "v"}, {std::string("nul\0", 4), std::string("w\0", 2)}});
        auto* m = ctx_.declare("m", "hash", "-N " + f);
        ASSERT_NOT_FOUND(look(m, "plain"));
        ASSERT_FOUND("w", look(m, "nul"));
    }
    void test_O_refuses_the_nul() {
        auto f = dir_.make_db("m", {{std::string("nul\0", 4), "w"}});
        auto* m = ctx_.declare("m", "hash", "-O " + f);
        ASSERT_NOT_FOUND(look(m, "nul"));
    }
    void test_m_returns_the_key_and_a_appends() {
        auto f = dir_.make_db("m", {{"a", "b"}});
        auto* m = ctx_.declare("m", "hash", "-a.X -m " + f);
        ASSERT_FOUND("a.X", look(m, "a"));
        auto* m2 = ctx_.declare("m2", "btree", "-a<OK> " + dir_.make_db("b", {{"a", "b"}}, true));
        ASSERT_FOUND("b<OK>", look(m2, "a"));
    }
    void test_percent_arguments_are_substituted() {
        auto f = dir_.make_db("m", {{"k", "x%0y%1z%%w%q%2"}});
        auto* m = ctx_.declare("m", "hash", f);
        ASSERT_FOUND("xkyz%w%q", look(m, "k"));
        ASSERT_FOUND("xkyONEz%w%qTWO", look(m, "k", {"ONE", "TWO"}));
    }
    void test_empty_key_and_key_with_spaces() {
        auto f = dir_.make_db("m", {{"", "empty"}, {"a b", "spaced"}});
        auto* m = ctx_.declare("m", "hash", f);
        ASSERT_FOUND("empty", look(m, ""));
        ASSERT_FOUND("spaced", look(m, "a b"));
    }
    void test_empty_value_is_found() {
        auto f = dir_.make_db("m", {{"k", ""}});
        ASSERT_FOUND("", look(ctx_.declare("m", "hash", f), "k"));
    }
    void test_missing_file_tempfails_with_sendmail_message() {
        auto* m = ctx_.declare("x", "hash", dir_.path("nosuch"));
        auto r = look(m, "key");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(75, r.code);
        CPPUNIT_ASSERT_EQUAL(
            "hash map \"x\": missing map file " + dir_.path("nosuch") + ".db: No such file or directory", r.error);
        CPPUNIT_ASSERT(m->is_open());
    }
    void test_optional_missing_file_is_not_open() {
        auto* m = ctx_.declare("o", "hash", "-o " + dir_.path("nosuch"));
        CPPUNIT_ASSERT(m->optional());
        CPPUNIT_ASSERT(!m->is_open());
        ASSERT_NOT_FOUND(look(m, "key"));
    }
    void test_no_file_name_is_an_error() {
        auto m = maps::open_map({"x", "hash", "-o", "my.cf", 12}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("my.cf: line 12: No file name for hash map x"), m.error().describe());
    }
    void test_btree_duplicates_first_value() {
        auto f = dir_.make_db("d", {{"k", "1"}, {"k", "2"}}, true, true);
        ASSERT_FOUND("1", look(ctx_.declare("d", "btree", f), "k"));
    }
    void test_name_ending_in_db_is_kept() {
        auto f = dir_.make_db("n", {{"k", "v"}});
        ASSERT_FOUND("v", look(ctx_.declare("n", "hash", f + ".db"), "k"));
    }
    void test_t_turns_tempfail_into_not_found() {
        auto* m = ctx_.declare("x", "hash", "-t " + dir_.path("nosuch"));
        auto r = look(m, "key");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(75, r.code);
    }
    // makemap renames a new file over the old one; the map notices (it looks
    // at most once a second, hence the wait) and reads the new file.
    void test_replaced_file_is_reopened() {
        auto f = dir_.make_db("r", {{"k", "old"}});
        auto* m = ctx_.declare("r", "hash", f);
        ASSERT_FOUND("old", look(m, "k"));
        auto g = dir_.make_db("r2", {{"k", "new"}});
        CPPUNIT_ASSERT(::rename((g + ".db").c_str(), (f + ".db").c_str()) == 0);
        ::usleep(1100 * 1000);
        ASSERT_FOUND("new", look(m, "k"));
    }
    void test_unsafe_directory_is_refused_with_message() {
        ::mkdir(dir_.path("gw").c_str(), 0775);
        ::chmod(dir_.path("gw").c_str(), 0775);
        auto f = dir_.make_db("gw/m", {{"k", "v"}});
        ctx_.options.erase("DontBlameSendmail");
        auto r = look(ctx_.declare("g", "hash", f), "k");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL("hash map \"g\": unsafe map file " + f + ".db: Group writable directory", r.error);
        ctx_.options["DontBlameSendmail"] = "MapInUnsafeDirPath";
        ASSERT_FOUND("v", look(ctx_.declare("h", "hash", f), "k"));
    }
    void test_writable_or_linked_file_is_quietly_ignored() {
        auto f = dir_.make_db("w", {{"k", "v"}});
        ::chmod((f + ".db").c_str(), 0664);
        auto r = look(ctx_.declare("w", "hash", f), "k");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(0, r.code);
        CPPUNIT_ASSERT_EQUAL(std::string(), r.error);
        auto g = dir_.make_db("target", {{"k", "v"}});
        ::symlink((g + ".db").c_str(), dir_.path("link.db").c_str());
        ASSERT_NOT_FOUND(look(ctx_.declare("l", "hash", dir_.path("link")), "k"));
    }
    void test_bad_file_and_directory() {
        dir_.write("bad.db", "garbage");
        auto r = look(ctx_.declare("b", "btree", dir_.path("bad")), "k");
        CPPUNIT_ASSERT_EQUAL("Cannot open btree database " + dir_.path("bad.db") + ": Invalid argument", r.error);
        ::mkdir(dir_.path("dir.db").c_str(), 0755);
        r = look(ctx_.declare("d", "hash", dir_.path("dir")), "k");
        CPPUNIT_ASSERT_EQUAL("hash map \"d\": unsafe map file " + dir_.path("dir.db") + ": Regular files only",
                             r.error);
    }
    void test_implicit_missing_file_is_quiet() {
        auto r = look(ctx_.declare("i", "implicit", dir_.path("none")), "k");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(std::string(), r.error);
    }
    // sendmail's -S acts on dequote's result, not on a hash map's key.
    void test_S_does_not_touch_the_key() {
        auto f = dir_.make_db("s", {{"a_b", "v"}});
        ASSERT_NOT_FOUND(look(ctx_.declare("s", "hash", "-S_ " + f), "a b"));
    }
    void test_N_and_O_together_find_nothing() {
        auto f = dir_.make_db("m", {{"a", "b"}, {std::string("c\0", 2), "d"}});
        ASSERT_NOT_FOUND(look(ctx_.declare("m", "hash", "-N -O " + f), "a"));
        ASSERT_NOT_FOUND(look(ctx_.declare("n", "hash", "-N -O " + f), "c"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HashMapTest);
