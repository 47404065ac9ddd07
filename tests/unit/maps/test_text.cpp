// test_text.cpp: the text class: columns (-k, -v), delimiter (-z), case
// folding (and -f), comments, not found (68), a missing file.
#include "map_test_support.hpp"

class TextMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TextMapTest);
    CPPUNIT_TEST(test_default_value_column_is_the_key);
    CPPUNIT_TEST(test_default_columns_split_on_blanks);
    CPPUNIT_TEST(test_k_v_z_select_columns);
    CPPUNIT_TEST(test_case_folding_and_f);
    CPPUNIT_TEST(test_not_found_is_68);
    CPPUNIT_TEST(test_missing_file_tempfails);
    CPPUNIT_TEST(test_relative_file_refused_when_first_used);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    // sendmail declares it, then refuses it (an error, once) when first used.
    void test_relative_file_refused_when_first_used() {
        auto* m = ctx_.declare("rel", "text", "relative");
        CPPUNIT_ASSERT(ctx_.announced.empty());
        CPPUNIT_ASSERT(m->is_open());
        auto r = look(m, "k");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(75, r.code);
        look(m, "k");
        CPPUNIT_ASSERT_EQUAL(size_t(1), ctx_.announced.size());
        CPPUNIT_ASSERT_EQUAL(std::string("text map \"rel\": file name must be fully qualified"), ctx_.announced[0]);
        CPPUNIT_ASSERT_EQUAL(1, ctx_.announced_errors);
        CPPUNIT_ASSERT(!ctx_.declare("opt", "text", "-o relative")->is_open());
    }
    void test_default_columns_split_on_blanks() {
        auto f = dir_.write("t", "# comment\nalpha   one\nbeta\ttwo three\n");
        auto* m = ctx_.declare("t", "text", "-v1 " + f);
        ASSERT_FOUND("one", look(m, "alpha"));
        ASSERT_FOUND("two", look(m, "beta"));
    }
    void test_default_value_column_is_the_key() {
        auto f = dir_.write("t", "Alpha one\nbeta:x:y\n");
        ASSERT_FOUND("Alpha", look(ctx_.declare("t", "text", f), "alpha"));
        ASSERT_FOUND("beta", look(ctx_.declare("z", "text", "-z: " + f), "beta"));
    }
    void test_k_v_z_select_columns() {
        auto f = dir_.write("pw", "root:x:0:0\nUser:y:1:1\n");
        auto* m = ctx_.declare("t", "text", "-k0 -v2 -z: " + f);
        ASSERT_FOUND("1", look(m, "user"));
        auto* r = ctx_.declare("r", "text", "-k2 -v0 -z: " + f);
        ASSERT_FOUND("root", look(r, "0"));
    }
    void test_case_folding_and_f() {
        auto f = dir_.write("t", "mixed lower\nMiXed value\n");
        ASSERT_FOUND("lower", look(ctx_.declare("a", "text", "-v1 " + f), "MIXED"));
        ASSERT_FOUND("lower", look(ctx_.declare("b", "text", "-v1 -f " + f), "MiXed"));
    }
    void test_not_found_is_68() {
        auto r = look(ctx_.declare("t", "text", dir_.write("t", "a b\n")), "nosuch");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(68, r.code);
    }
    void test_missing_file_tempfails() {
        auto r = look(ctx_.declare("t", "text", dir_.path("none")), "a");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TextMapTest);
