// test_sequence.cpp: sequence tries its members in order; an undeclared
// member is a warning naming it; a member's tempfail is not hidden.
#include "map_test_support.hpp"

class SequenceMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SequenceMapTest);
    CPPUNIT_TEST(test_first_member_that_finds_wins);
    CPPUNIT_TEST(test_unknown_member_is_reported);
    CPPUNIT_TEST(test_members_are_names_split_at_other_bytes);
    CPPUNIT_TEST(test_tempfail_of_member_when_nothing_found);
    CPPUNIT_TEST(test_args_reach_members);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void test_first_member_that_finds_wins() {
        ctx_.declare("a", "text", "-v1 " + dir_.write("a", "k fromA\n"));
        ctx_.declare("b", "text", "-v1 " + dir_.write("b", "k fromB\nj onlyB\n"));
        auto* s = ctx_.declare("s", "sequence", "a b");
        ASSERT_FOUND("fromA", look(s, "k"));
        ASSERT_FOUND("onlyB", look(s, "j"));
        ASSERT_NOT_FOUND(look(s, "none"));
    }
    void test_unknown_member_is_reported() {
        ctx_.declare("a", "text", "-v1 " + dir_.write("a", "k v\n"));
        auto* s = ctx_.declare("q", "sequence", "hh2 a");
        CPPUNIT_ASSERT_EQUAL(size_t(1), s->warnings().size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Sequence map q: unknown member map hh2"),
                             s->warnings()[0].describe());
        ASSERT_FOUND("v", look(s, "k"));
    }
    // A sequence takes no flags; its member names are runs of letters,
    // digits, '_' and '.', as sendmail 8.17 reads them; later maps are unknown.
    void test_members_are_names_split_at_other_bytes() {
        ctx_.declare("a", "text", "-v1 " + dir_.write("a", "k v\n"));
        auto* s = ctx_.declare("q", "sequence", "-R a-b/x.y,later");
        ctx_.declare("later", "text", "-v1 " + dir_.write("l", "k w\n"));
        std::vector<std::string> got;
        for (const auto& w : s->warnings()) got.push_back(w.message);
        std::vector<std::string> want = {"Sequence map q: unknown member map R", "Sequence map q: unknown member map b",
                                         "Sequence map q: unknown member map x.y",
                                         "Sequence map q: unknown member map later"};
        CPPUNIT_ASSERT(want == got);
        ASSERT_FOUND("v", look(s, "k"));
    }
    void test_tempfail_of_member_when_nothing_found() {
        ctx_.declare("broken", "hash", dir_.path("missing"));
        ctx_.declare("a", "text", "-v1 " + dir_.write("a", "k v\n"));
        auto* s = ctx_.declare("s", "sequence", "broken a");
        ASSERT_FOUND("v", look(s, "k"));
        CPPUNIT_ASSERT(look(s, "other").status == maps::LookupStatus::TempFail);
    }
    void test_args_reach_members() {
        ctx_.declare("a", "text", "-v1 " + dir_.write("a", "k <%1>\n"));
        ASSERT_FOUND("<x>", look(ctx_.declare("s", "sequence", "a"), "k", {"x"}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SequenceMapTest);
