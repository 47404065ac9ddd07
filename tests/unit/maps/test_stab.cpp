// test_stab.cpp: the stab class reads an aliases file into the table that
// all stab maps share, when first used, with sendmail's continuation lines,
// diagnostics and summary; lookups ignore case and a missing file tempfails.
// The expected values are what the real sendmail 8.17's -bt /map printed.
#include "map_test_support.hpp"

class StabMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StabMapTest);
    CPPUNIT_TEST(test_entries_and_continuation_lines);
    CPPUNIT_TEST(test_lookups_ignore_case_even_with_f);
    CPPUNIT_TEST(test_not_found_has_status_0);
    CPPUNIT_TEST(test_the_last_duplicate_wins);
    CPPUNIT_TEST(test_maps_share_one_table);
    CPPUNIT_TEST(test_file_is_read_on_first_lookup_with_its_summary);
    CPPUNIT_TEST(test_bad_lines_are_announced_and_skipped);
    CPPUNIT_TEST(test_names_go_through_the_alias_parser);
    CPPUNIT_TEST(test_match_only_and_append);
    CPPUNIT_TEST(test_missing_file_tempfails);
    CPPUNIT_TEST(test_missing_optional_file_is_not_open);
    CPPUNIT_TEST(test_stab_needs_a_file_name);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

    std::string aliases() {
        return dir_.write("a1",
                          "# comment\n"
                          "Foo: bar@example.com\n"
                          "multi: one,\n\ttwo\n  three\n"
                          "\n"
                          "trail: value   \n"
                          "sp ace : v2\n");
    }

public:
    void test_entries_and_continuation_lines() {
        auto* m = ctx_.declare("one", "stab", aliases());
        ASSERT_FOUND("bar@example.com", look(m, "foo"));
        ASSERT_FOUND("one,\ttwo  three", look(m, "multi"));
        ASSERT_FOUND("value   ", look(m, "trail"));
        ASSERT_FOUND("v2", look(m, "sp ace"));
    }
    void test_lookups_ignore_case_even_with_f() {
        auto* m = ctx_.declare("three", "stab", "-f " + aliases());
        ASSERT_FOUND("bar@example.com", look(m, "FOO"));
        ASSERT_FOUND("bar@example.com", look(m, "Foo"));
    }
    void test_not_found_has_status_0() {
        auto r = look(ctx_.declare("one", "stab", aliases()), "nosuch");
        ASSERT_NOT_FOUND(r);
        CPPUNIT_ASSERT_EQUAL(0, r.code);
    }
    void test_the_last_duplicate_wins() {
        auto* m = ctx_.declare("one", "stab", dir_.write("d", "dup: first\ndup: second\n"));
        ASSERT_FOUND("second", look(m, "dup"));
    }
    void test_maps_share_one_table() {
        auto* one = ctx_.declare("one", "stab", aliases());
        auto* two = ctx_.declare("two", "stab", dir_.write("a2", "other: fromfile2\nfoo: shadowed\n"));
        ASSERT_FOUND("bar@example.com", look(one, "foo"));
        ASSERT_NOT_FOUND(look(one, "other"));  // two has not been read yet
        ASSERT_FOUND("shadowed", look(two, "foo"));
        ASSERT_FOUND("fromfile2", look(one, "other"));
        ASSERT_FOUND("shadowed", look(one, "foo"));
    }
    void test_file_is_read_on_first_lookup_with_its_summary() {
        auto* m = ctx_.declare("two", "stab", dir_.write("a2", "other: fromfile2\nfoo: shadowed\n"));
        CPPUNIT_ASSERT(ctx_.announced.empty());
        look(m, "x");
        look(m, "y");
        CPPUNIT_ASSERT_EQUAL(size_t(1), ctx_.announced.size());
        CPPUNIT_ASSERT_EQUAL(dir_.path("a2") + ": 2 aliases, longest 9 bytes, 25 bytes total", ctx_.announced[0]);
        CPPUNIT_ASSERT_EQUAL(0, ctx_.announced_errors);
    }
    void test_bad_lines_are_announced_and_skipped() {
        std::string p = dir_.write("bad", "ok: v\nnocolon line\nempty:\nempty2:   \n");
        auto* m = ctx_.declare("b", "stab", p);
        ASSERT_NOT_FOUND(look(m, "empty"));
        std::vector<std::string> want = {
            p + ": line 2: missing colon", p + ": line 3: empty:... missing value for alias",
            p + ": line 4: empty2:   ... missing value for alias", p + ": 1 aliases, longest 1 bytes, 3 bytes total"};
        CPPUNIT_ASSERT(want == ctx_.announced);
        CPPUNIT_ASSERT_EQUAL(3, ctx_.announced_errors);
    }
    void test_names_go_through_the_alias_parser() {
        class Parsing : public TestContext {
        public:
            std::optional<std::string> alias_name(std::string_view name, std::string_view where) override {
                wheres.emplace_back(where);
                if (name == "refused") return std::nullopt;
                return "user-" + std::string(name);
            }
            std::vector<std::string> wheres;  // the "file: line N: " of each name
        } ctx;
        auto* m = ctx.declare("p", "stab", dir_.write("p", "refused: x\nbob: y\n"));
        ASSERT_FOUND("y", look(m, "user-bob"));
        ASSERT_NOT_FOUND(look(m, "bob"));
        std::vector<std::string> wheres = {dir_.path("p") + ": line 1: ", dir_.path("p") + ": line 2: "};
        CPPUNIT_ASSERT(wheres == ctx.wheres);
        CPPUNIT_ASSERT_EQUAL(dir_.path("p") + ": 1 aliases, longest 1 bytes, 9 bytes total", ctx.announced.back());
    }
    void test_match_only_and_append() {
        ASSERT_FOUND("foo", look(ctx_.declare("four", "stab", "-m " + aliases()), "foo"));
        ASSERT_FOUND("bar@example.com.X", look(ctx_.declare("five", "stab", "-a.X " + aliases()), "foo"));
    }
    void test_missing_file_tempfails() {
        auto* m = ctx_.declare("miss", "stab", dir_.path("nonexist"));
        CPPUNIT_ASSERT(m->is_open());
        auto r = look(m, "foo");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(75, r.code);
        CPPUNIT_ASSERT_EQUAL(std::string(), r.error);
        CPPUNIT_ASSERT(ctx_.announced.empty());
    }
    void test_missing_optional_file_is_not_open() {
        CPPUNIT_ASSERT(!ctx_.declare("misso", "stab", "-o " + dir_.path("nonexist"))->is_open());
    }
    void test_stab_needs_a_file_name() {
        auto m = maps::open_map({"st", "stab", "", "t.cf", 13}, ctx_);
        CPPUNIT_ASSERT(!m.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("t.cf: line 13: No file name for stab map st"), m.error().describe());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StabMapTest);
