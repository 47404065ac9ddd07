// test_map_line.cpp: K lines reach their map class as sendmail gives them:
// `$` sequences read and expanded when the line is read, metasymbols as
// sendmail's internal bytes, `#` comments dropped. Expected bytes are the
// ones the real sendmail 8.17 passed to a program map's arguments.
#include <cppunit/extensions/HelperMacros.h>

#include "config/config.hpp"

class MapLineTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MapLineTest);
    CPPUNIT_TEST(test_metasymbols_become_internal_bytes);
    CPPUNIT_TEST(test_double_dollar_and_trailing_dollar_are_dollars);
    CPPUNIT_TEST(test_macros_expand_and_undefined_ones_vanish);
    CPPUNIT_TEST(test_conditionals_choose_a_branch);
    CPPUNIT_TEST(test_class_and_deferred_macro_keep_their_name);
    CPPUNIT_TEST(test_long_class_names_become_one_byte_ids_in_order_met);
    CPPUNIT_TEST(test_hash_starts_a_comment_unless_escaped);
    CPPUNIT_TEST(test_regex_map_sees_the_bytes);
    CPPUNIT_TEST(test_pattern_with_dollar_paren_fails_to_compile);
    CPPUNIT_TEST_SUITE_END();

    static std::string expand(const std::string& line, config::MacroTable m = {}) {
        return config::expand_map_line(line, m);
    }

public:
    void test_metasymbols_become_internal_bytes() {
        CPPUNIT_ASSERT_EQUAL(std::string("Kr regex a\x9b^b"), expand("Kr regex a$|^b"));
        CPPUNIT_ASSERT_EQUAL(std::string("K \x85\x86\x98\x97\x96\x90\x91\x92\x99\x9d\x9e"),
                             expand("K $($)$:$@$#$*$+$-$>$[$]"));
        CPPUNIT_ASSERT_EQUAL(std::string("K \x95" "1 \x95" "0 \x95" "9"), expand("K $1 $0 $9"));
        // Outside a conditional, $| and $. are bytes too.
        CPPUNIT_ASSERT_EQUAL(std::string("K \x9b \x9c"), expand("K $| $."));
    }
    void test_double_dollar_and_trailing_dollar_are_dollars() {
        CPPUNIT_ASSERT_EQUAL(std::string("Kr regex a$"), expand("Kr regex a$$"));
        CPPUNIT_ASSERT_EQUAL(std::string("Kr regex ^(a|b)$"), expand("Kr regex ^(a|b)$"));
        // `$$` is a dollar that starts nothing: `$${x}` stays as written.
        CPPUNIT_ASSERT_EQUAL(std::string("K $${x} $x"), expand("K $$$${x} $$x"));
    }
    void test_macros_expand_and_undefined_ones_vanish() {
        config::MacroTable m;
        m.define("j", "mx.example.com");
        m.define("x", "foo");
        m.define("bar", "BAR$x");
        CPPUNIT_ASSERT_EQUAL(std::string("K mx.example.com BARfoo  a"), expand("K $j ${bar} $z$% a", m));
        // `$ ` is the macro named blank: it and its blank go.
        CPPUNIT_ASSERT_EQUAL(std::string("K i"), expand("K $ i", m));
    }
    void test_conditionals_choose_a_branch() {
        config::MacroTable m;
        m.define("x", "1");
        CPPUNIT_ASSERT_EQUAL(std::string("K aYb cNd eBf"), expand("K a$?xY$|N$.b c$?zY$|N$.d e$?x$?zA$|B$.$.f", m));
    }
    void test_class_and_deferred_macro_keep_their_name() {
        CPPUNIT_ASSERT_EQUAL(std::string("K \x93w \x94w \x82j"), expand("K $=w $~w $&j"));
    }
    // Recorded with sendmail 8.17 -bt (/map r k): the first long name is
    // 0xA2 ({deliveryMode} and {load_avg} come first, {opMode} is 0x82);
    // D{x}, C{x}, and ${x} $&{x} $={x} in any line take the next ones.
    void test_long_class_names_become_one_byte_ids_in_order_met() {
        CPPUNIT_ASSERT_EQUAL(std::string("K \x93\xa2 \x94\xa3 \x82\xa4 \x93\xa2 \x93\xa0 \x93\x82"),
                             expand("K $={foo} $~{bar} $&{qux} $={foo} $={deliveryMode} $={opMode}"));
        config::Config cfg;
        config::read_cf_text(cfg, "V10/Berkeley\nD{zz2}v\nH?${zz3}?X-A: $&{zz4}\nO Milter.macros.connect={m}\n"
                                  "Kr regex -a<$={foo}> ^k$\n", "t.cf");
        auto r = cfg.find_map("r")->lookup("k", {});
        CPPUNIT_ASSERT_EQUAL(std::string("<\x93\xa5>"), r.value);
        CPPUNIT_ASSERT_EQUAL(std::string("foo"), cfg.macros.name_of_id('\xa5'));
    }
    void test_hash_starts_a_comment_unless_escaped() {
        CPPUNIT_ASSERT_EQUAL(std::string("Kr regex a#b"), expand("Kr regex a\\#b"));
        CPPUNIT_ASSERT_EQUAL(std::string("Kr regex a"), expand("Kr regex a#b c"));
        CPPUNIT_ASSERT_EQUAL(std::string("Kr regex a"), expand("Kr regex a   # comment"));
        CPPUNIT_ASSERT_EQUAL(std::string("K \x96"), expand("K $#"));
    }
    void test_regex_map_sees_the_bytes() {
        config::Config cfg;
        config::read_cf_text(cfg, "V10/Berkeley\nKr regex -s0 a$|^b\nKq regex -s0 a$$\n", "t.cf");
        CPPUNIT_ASSERT_EQUAL(0, cfg.errors);
        // a<0x9B>^b cannot match: not "xa", not "bx".
        CPPUNIT_ASSERT(cfg.find_map("r")->lookup("xa", {}).status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT(cfg.find_map("r")->lookup("bx", {}).status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT(cfg.find_map("r")->lookup("a\x9b^b", {}).status == maps::LookupStatus::NotFound);
        auto r = cfg.find_map("q")->lookup("xa", {});
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::Found);
        CPPUNIT_ASSERT_EQUAL(std::string("a"), r.value);
    }
    void test_pattern_with_dollar_paren_fails_to_compile() {
        config::Config cfg;
        config::read_cf_text(cfg, "V10/Berkeley\nKr regex (a$|b$)\n", "t.cf");
        CPPUNIT_ASSERT_EQUAL(1, cfg.errors);
        CPPUNIT_ASSERT(cfg.diagnostics.at(0).find("t.cf: line 2: pattern-compile-error") == 0);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(MapLineTest);
