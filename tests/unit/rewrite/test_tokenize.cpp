// test_tokenize.cpp: sendmail's prescan: operators, quotes, backslashes,
// comments, angle-bracket balance and rule metasymbols.
#include <cppunit/extensions/HelperMacros.h>

#include "rewrite/rewrite.hpp"

using rewrite::TokenMode;

namespace {
const char* kOps = ".:%@!^/[]+";
std::string toks(std::string_view in, TokenMode mode = TokenMode::Address, char delim = 0) {
    return rewrite::format_tokens(rewrite::tokenize(in, kOps, mode, delim).tokens);
}
std::string error_of(std::string_view in, TokenMode mode = TokenMode::Address) {
    return rewrite::tokenize(in, kOps, mode).error;
}
}  // namespace

class TokenizeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TokenizeTest);
    CPPUNIT_TEST(test_operators_split_words);
    CPPUNIT_TEST(test_fixed_specials_always_split);
    CPPUNIT_TEST(test_quoted_string_is_one_token);
    CPPUNIT_TEST(test_backslash_keeps_next_char_in_word);
    CPPUNIT_TEST(test_trailing_backslash_is_dropped);
    CPPUNIT_TEST(test_parentheses_are_tokens_in_address_mode);
    CPPUNIT_TEST(test_comments_dropped_when_parsing);
    CPPUNIT_TEST(test_unbalanced_angle_is_closed);
    CPPUNIT_TEST(test_stray_close_angle_is_dropped);
    CPPUNIT_TEST(test_unbalanced_quote_is_closed);
    CPPUNIT_TEST(test_each_open_thing_is_reported_and_closed_in_turn);
    CPPUNIT_TEST(test_pending_backslash_quotes_the_first_closer);
    CPPUNIT_TEST(test_nested_open_comments_each_complain);
    CPPUNIT_TEST(test_too_long_word_stops_before_later_complaints);
    CPPUNIT_TEST(test_delimiter_stops_outside_angles);
    CPPUNIT_TEST(test_source_route_commas_do_not_delimit);
    CPPUNIT_TEST(test_source_route_lasts_until_close_angle);
    CPPUNIT_TEST(test_backslash_does_not_hide_the_delimiter);
    CPPUNIT_TEST(test_backslash_bang_is_a_plain_bang);
    CPPUNIT_TEST(test_too_long_word_is_found_at_any_close_in_a_comment);
    CPPUNIT_TEST(test_too_long_quoted_string_is_found_at_what_follows);
    CPPUNIT_TEST(test_rule_metasymbols);
    CPPUNIT_TEST(test_dollar_is_plain_in_address_input);
    CPPUNIT_TEST(test_eight_bit_bytes_stay_in_words);
    CPPUNIT_TEST(test_join_puts_space_only_between_words);
    CPPUNIT_TEST(test_traces_show_tab_and_drop_controls);
    CPPUNIT_TEST(test_traces_show_sendmail_bytes_as_metasymbols);
    CPPUNIT_TEST(test_map_key_join_uses_internal_bytes);
    CPPUNIT_TEST(test_echo_form_is_xputs);
    CPPUNIT_TEST(test_address_that_fills_the_buffer_is_too_long);
    CPPUNIT_TEST(test_traces_show_long_class_name_for_its_id);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_traces_show_tab_and_drop_controls() {
        // sendmail 8.17 prints "a<TAB>b" in quotes as "a\tb", "a^Ab" as "ab".
        CPPUNIT_ASSERT_EQUAL(std::string("\"a\\tb\""), rewrite::format_token("\"a\tb\""));
        CPPUNIT_ASSERT_EQUAL(std::string("\"ab\""), rewrite::format_token("\"a\x01\x7f" "b\""));
    }
    // As the real sendmail's trace shows a map value holding those bytes.
    void test_traces_show_sendmail_bytes_as_metasymbols() {
        CPPUNIT_ASSERT_EQUAL(std::string("a$|b"), rewrite::format_token("a\x9b" "b"));
        CPPUNIT_ASSERT_EQUAL(std::string("$*$+$-$=$~$#$@$:$>$?$.$[$]$($)$&"),
                             rewrite::format_token("\x90\x91\x92\x93\x94\x96\x97\x98\x99\x9a\x9c\x9d\x9e\x85\x86\x82"));
        CPPUNIT_ASSERT_EQUAL(std::string("a$b a$1"), rewrite::format_token("a\x81" "b a\x95" "1"));
        CPPUNIT_ASSERT_EQUAL(std::string("aM-bM-\\tM-\\nM-\\rM-"),
                             rewrite::format_token("a\x80" "b\x89\x8a\x8d\x9f"));
    }
    // A map value "<" 0x93 id ">" shows as "<$={foo}>" in sendmail's trace.
    void test_traces_show_long_class_name_for_its_id() {
        config::MacroTable names;
        char id = names.id_for("foo");
        std::string value = std::string("<\x93") + id + ">";
        CPPUNIT_ASSERT_EQUAL(std::string("<$={foo}>"), rewrite::format_token(value, &names));
        CPPUNIT_ASSERT_EQUAL(std::string("<$=w>"), rewrite::format_token("<\x93w>", &names));
    }
    // Words and a NUL after each in 1251 bytes, as sendmail's parseaddr.
    void test_address_that_fills_the_buffer_is_too_long() {
        std::string fits = "b", over;
        for (int i = 1; i < 313; ++i) fits += ".b";
        over = fits + ".b";
        auto r = rewrite::tokenize(fits, kOps, TokenMode::AddressNoComments, 0, 256, 1251);
        CPPUNIT_ASSERT(!r.address_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(625), r.tokens.size());
        r = rewrite::tokenize(over, kOps, TokenMode::AddressNoComments, 0, 256, 1251);
        CPPUNIT_ASSERT(r.address_too_long);
        // Comments take no room; a quoted string's quotes do.
        r = rewrite::tokenize(fits + "(" + std::string(300, 'c') + ")", kOps, TokenMode::AddressNoComments, 0, 256, 1251);
        CPPUNIT_ASSERT(!r.address_too_long);
        r = rewrite::tokenize(fits.substr(0, fits.size() - 1) + "\"b\"", kOps, TokenMode::AddressNoComments, 0, 256, 1251);
        CPPUNIT_ASSERT(r.address_too_long);
    }
    // As sendmail 8.17's -bt echoes ".Dx" values with these bytes ("$x").
    void test_echo_form_is_xputs() {
        CPPUNIT_ASSERT_EQUAL(std::string("a\\tb\\r"), rewrite::echo_form("a\x01\tb\x7f\r"));
        CPPUNIT_ASSERT_EQUAL(std::string("M-it"), rewrite::echo_form("\xe9t"));
        CPPUNIT_ASSERT_EQUAL(std::string("M-$M-$&M-$|M-$M-$]"), rewrite::echo_form("\x81\x82\x9b\x95\x9e"));
        CPPUNIT_ASSERT_EQUAL(std::string("M-M-M-M-M-M-\\nM-M-\\tM- M-M-"),
                             rewrite::echo_form("\x80\x83\x8a\x89\xa0\xff"));
    }
    void test_map_key_join_uses_internal_bytes() {
        rewrite::Tokens t{"a", rewrite::meta('|'), "b", "c", rewrite::meta('1')};
        CPPUNIT_ASSERT_EQUAL(std::string("a\x9b" "b c\x95" "1"), rewrite::join_map_key(t, ".@"));
        CPPUNIT_ASSERT_EQUAL(std::string("a$|b c$1"), rewrite::join_tokens(t, ".@"));
    }
    void test_operators_split_words() {
        CPPUNIT_ASSERT_EQUAL(std::string("first . last @ remote . example . net"), toks("first.last@remote.example.net"));
        CPPUNIT_ASSERT_EQUAL(std::string("host1 ! host2 ! user"), toks("host1!host2!user"));
        CPPUNIT_ASSERT_EQUAL(std::string("unknown-host"), toks("unknown-host"));
    }
    void test_fixed_specials_always_split() {
        CPPUNIT_ASSERT_EQUAL(std::string("undisclosed-recipients : ;"), toks("undisclosed-recipients:;"));
        CPPUNIT_ASSERT_EQUAL(std::string("< a , b >"), toks("<a,b>"));
    }
    void test_quoted_string_is_one_token() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"john doe\" @ example . com"), toks("\"john doe\"@example.com"));
        CPPUNIT_ASSERT_EQUAL(std::string("a \"b\" c"), toks("a\"b\"c"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"weird\\\"quote\" @ x"), toks("\"weird\\\"quote\"@x"));
    }
    void test_backslash_keeps_next_char_in_word() {
        CPPUNIT_ASSERT_EQUAL(std::string("a\\ b @ x"), toks("a\\ b@x"));
        CPPUNIT_ASSERT_EQUAL(std::string("a\\b @ x"), toks("a\\b@x"));
    }
    void test_trailing_backslash_is_dropped() {
        // sendmail 8.17: "3,0 x\" canonifies "x"; a lone backslash gives no tokens.
        CPPUNIT_ASSERT_EQUAL(std::string("x"), toks("x\\"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), toks("\\"));
        CPPUNIT_ASSERT_EQUAL(std::string("x"), toks("x\\", TokenMode::AddressNoComments));
    }
    void test_parentheses_are_tokens_in_address_mode() {
        CPPUNIT_ASSERT_EQUAL(std::string("john @ example . org ( John Doe )"), toks("john@example.org (John Doe)"));
    }
    void test_comments_dropped_when_parsing() {
        CPPUNIT_ASSERT_EQUAL(std::string("a < c @ d >"), toks("a (b) <c@d>", TokenMode::AddressNoComments));
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '('"), error_of("(open user@x", TokenMode::AddressNoComments));
    }
    void test_unbalanced_angle_is_closed() {
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '<'"), error_of("<user@example.com"));
        CPPUNIT_ASSERT_EQUAL(std::string("< user @ example . com >"), toks("<user@example.com"));
    }
    void test_stray_close_angle_is_dropped() {
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '>'"), error_of("user@example.com>"));
        CPPUNIT_ASSERT_EQUAL(std::string("user @ example . com"), toks("user@example.com>"));
        CPPUNIT_ASSERT_EQUAL(std::string("ab"), toks("a>>b"));
        CPPUNIT_ASSERT_EQUAL(size_t(2), rewrite::tokenize("a>>b", kOps, TokenMode::Address).errors.size());
    }
    void test_unbalanced_quote_is_closed() {
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '\"'"), error_of("\"open@x"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"open@x\""), toks("\"open@x"));
    }
    // sendmail 8.17: "/parse a<(b" says Unbalanced '(' then '<' and parses "a < >".
    void test_each_open_thing_is_reported_and_closed_in_turn() {
        auto r = rewrite::tokenize("a<(b", kOps, TokenMode::AddressNoComments);
        CPPUNIT_ASSERT_EQUAL(std::string("a < >"), rewrite::format_tokens(r.tokens));
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.errors.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '('"), r.errors[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '<'"), r.errors[1]);
        r = rewrite::tokenize("<\"a", kOps, TokenMode::Address);
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '\"'"), r.errors.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '<'"), r.errors.at(1));
    }
    // "3,0 a<\" gives `a < \> >` and "3,0 \"a\" gives `"a\""`, each with
    // two complaints: the backslash eats the first closing character.
    void test_pending_backslash_quotes_the_first_closer() {
        auto r = rewrite::tokenize("a<\\", kOps, TokenMode::Address);
        CPPUNIT_ASSERT_EQUAL(std::string("a < \\> >"), rewrite::format_tokens(r.tokens));
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.errors.size());
        r = rewrite::tokenize("\"a\\", kOps, TokenMode::Address);
        CPPUNIT_ASSERT_EQUAL(std::string("\"a\\\"\""), rewrite::format_tokens(r.tokens));
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.errors.size());
        CPPUNIT_ASSERT_EQUAL(size_t(2), rewrite::tokenize("a(b\\", kOps, TokenMode::AddressNoComments).errors.size());
    }
    void test_nested_open_comments_each_complain() {
        auto r = rewrite::tokenize("a((b", kOps, TokenMode::AddressNoComments);
        CPPUNIT_ASSERT_EQUAL(std::string("a"), rewrite::format_tokens(r.tokens));
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.errors.size());
        // A quote inside a comment is no quoted string.
        CPPUNIT_ASSERT_EQUAL(size_t(1), rewrite::tokenize("a(b\"c", kOps, TokenMode::AddressNoComments).errors.size());
    }
    // "<<" then 300 letters: one Unbalanced '<' (whose '>' ends the word),
    // then the word is too long; 300 letters then "<<": no complaint at all.
    void test_too_long_word_stops_before_later_complaints() {
        std::string word(300, 'a');
        auto r = rewrite::tokenize("<<" + word, kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.errors.size());
        r = rewrite::tokenize(word + "<<", kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(0), r.errors.size());
        CPPUNIT_ASSERT(!rewrite::tokenize("x (" + word, kOps, TokenMode::AddressNoComments, 0, 256).token_too_long);
        // A comment ends the word only as it closes: "<AAA(c" says Unbalanced
        // '(' (whose ')' ends the word), then the word is too long.
        r = rewrite::tokenize("<" + word + "(c", kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.errors.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '('"), r.errors[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("a b"), toks("a(c)b", TokenMode::AddressNoComments));
    }
    void test_delimiter_stops_outside_angles() {
        CPPUNIT_ASSERT_EQUAL(std::string("user @ example . com"), toks("user@example.com,other@example.org", TokenMode::Address, ','));
        CPPUNIT_ASSERT_EQUAL(std::string("< a >"), toks("<a,b>", TokenMode::Address, ','));
    }
    // sendmail 8.17: "3,0 x a\,b@c" canonifies "x a", then "b@c".
    void test_backslash_does_not_hide_the_delimiter() {
        CPPUNIT_ASSERT_EQUAL(std::string("x a"), toks("x a\\,b@c", TokenMode::Address, ','));
        CPPUNIT_ASSERT_EQUAL(std::string("u\\\\"), toks("u\\\\,v", TokenMode::Address, ','));
    }
    // Outside quotes "\\!" is an operator '!' of its own (sendmail's
    // allowance for csh users); in quotes and before other characters the
    // backslash stays.
    void test_backslash_bang_is_a_plain_bang() {
        CPPUNIT_ASSERT_EQUAL(std::string("a ! b"), toks("a\\!b"));
        CPPUNIT_ASSERT_EQUAL(std::string("a ( ! ) b"), toks("a(\\!)b"));
        CPPUNIT_ASSERT_EQUAL(std::string("! x"), toks("\\!x", TokenMode::AddressNoComments));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a\\!b\""), toks("\"a\\!b\""));
        CPPUNIT_ASSERT_EQUAL(std::string("a\\@b"), toks("a\\@b"));
    }
    // sendmail 8.17: "AAA((x" says Unbalanced '(' once (the ')' it adds
    // leaves a comment open but finds the word), "AAA((c)" says nothing.
    void test_too_long_word_is_found_at_any_close_in_a_comment() {
        std::string word(300, 'a');
        auto r = rewrite::tokenize(word + "((x", kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.errors.size());
        r = rewrite::tokenize(word + "((c)", kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(0), r.errors.size());
        r = rewrite::tokenize(word + ")(x", kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.errors.size());
    }
    // sendmail 8.17: '<"AAA' closes the quote, then the '<' (whose '>' ends
    // the string), then the string is too long; '"AAA">' complains about
    // the '>' first; '"AAA"x' about nothing else.
    void test_too_long_quoted_string_is_found_at_what_follows() {
        std::string q = "\"" + std::string(300, 'a');
        auto r = rewrite::tokenize("<" + q, kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.errors.size());
        r = rewrite::tokenize(q + "\">", kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '>'"), r.error);
        r = rewrite::tokenize(q + "\"x", kOps, TokenMode::AddressNoComments, 0, 256);
        CPPUNIT_ASSERT(r.token_too_long);
        CPPUNIT_ASSERT_EQUAL(size_t(0), r.errors.size());
        CPPUNIT_ASSERT_EQUAL(std::string("\"a\" b \"c\" \\x"), toks("\"a\"b\"c\"\\x"));
    }
    void test_source_route_commas_do_not_delimit() {
        CPPUNIT_ASSERT_EQUAL(std::string("< @ a , @ b : u @ c >"), toks("<@a, @b:u@c>", TokenMode::Address, ','));
        CPPUNIT_ASSERT_EQUAL(std::string("@ a"), toks("@a,@b:u@c", TokenMode::Address, ','));
        CPPUNIT_ASSERT_EQUAL(std::string("< x >"), toks("<x,@b>", TokenMode::Address, ','));
    }
    // sendmail 8.17 takes "<" then blanks and "@" as a route up to the next
    // '>', not just to its colon; an escaped comma in it is a character.
    void test_source_route_lasts_until_close_angle() {
        CPPUNIT_ASSERT_EQUAL(std::string("< < @ r1 , @ r2 : \\, : @ @ \\@ > >"),
                             toks("<<@r1,@r2:\\,:@@\\@>>", TokenMode::Address, ','));
        CPPUNIT_ASSERT_EQUAL(std::string("< @ a : b , c >"), toks("<@a:b,c>", TokenMode::Address, ','));
        CPPUNIT_ASSERT_EQUAL(std::string("< @ a , b : c >"), toks("< @a,b:c>", TokenMode::Address, ','));
        // A comment between is not a blank: the comma ends the address.
        auto r = rewrite::tokenize("<(x)@a,b:c>", kOps, TokenMode::Address, ',');
        CPPUNIT_ASSERT_EQUAL(std::string("< ( x ) @ a >"), rewrite::format_tokens(r.tokens));
        CPPUNIT_ASSERT_EQUAL(std::string("Unbalanced '<'"), r.error);
        // The route ends at its '>': a later comma inside <> ends the address.
        r = rewrite::tokenize("<@a,<b>,c>", kOps, TokenMode::Address, ',');
        CPPUNIT_ASSERT_EQUAL(std::string("< @ a , < b > >"), rewrite::format_tokens(r.tokens));
    }
    void test_rule_metasymbols() {
        CPPUNIT_ASSERT_EQUAL(std::string("$* < @ $=w . > $* $~O $&{client_addr}"),
                             toks("$*<@$=w.>$*$~O$&{client_addr}", TokenMode::Rule));
        CPPUNIT_ASSERT_EQUAL(std::string("$# error $@ 5 . 1 . 3 $: \"553 Bad\""),
                             toks("$#error $@ 5.1.3 $: \"553 Bad\"", TokenMode::Rule));
        CPPUNIT_ASSERT_EQUAL(std::string("$> Parse0 $1"), toks("$>Parse0 $1", TokenMode::Rule));
    }
    void test_dollar_is_plain_in_address_input() {
        auto t = rewrite::tokenize("a $| b", kOps, TokenMode::Address).tokens;
        CPPUNIT_ASSERT_EQUAL(size_t(3), t.size());
        CPPUNIT_ASSERT_EQUAL(std::string("$|"), t[1]);
        CPPUNIT_ASSERT(!rewrite::is_meta(t[1]));
    }
    void test_eight_bit_bytes_stay_in_words() {
        auto t = rewrite::tokenize("j\xc3\xb6rg@x", kOps, TokenMode::Address).tokens;
        CPPUNIT_ASSERT_EQUAL(std::string("j\xc3\xb6rg"), t.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("jM-CM-6rg @ x"), toks("j\xc3\xb6rg@x"));  // as traces show it
        CPPUNIT_ASSERT(rewrite::has_reserved_byte("a\x83"));
        CPPUNIT_ASSERT_EQUAL(std::string("jC?rg"), rewrite::strip_high_bits("j\xc3\x83rg"));
    }
    void test_join_puts_space_only_between_words() {
        auto t = rewrite::tokenize("exa mple.com", kOps, TokenMode::Address).tokens;
        CPPUNIT_ASSERT_EQUAL(std::string("exa mple.com"), rewrite::join_tokens(t, kOps));
        t = rewrite::tokenize("a \"b\" c", kOps, TokenMode::Address).tokens;
        CPPUNIT_ASSERT_EQUAL(std::string("a\"b\"c"), rewrite::join_tokens(t, kOps));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(TokenizeTest);
