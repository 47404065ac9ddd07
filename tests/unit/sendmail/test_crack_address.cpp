// test_crack_address.cpp: crackaddr()'s template as -bt's /parse prints it
// ("Cracked address = ..."); each expectation is sendmail 8.17's output.
#include <cppunit/extensions/HelperMacros.h>

#include "sendmail/address_parse.hpp"

using sendmail::crack_address;

class CrackAddressTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CrackAddressTest);
    CPPUNIT_TEST(test_plain_and_route_addresses);
    CPPUNIT_TEST(test_phrase_with_specials_is_quoted);
    CPPUNIT_TEST(test_comment_in_phrase_needs_no_quotes);
    CPPUNIT_TEST(test_group_name_stays_as_typed);
    CPPUNIT_TEST(test_blank_inside_angles_is_an_address);
    CPPUNIT_TEST(test_empty_quoted_string_alone_is_empty);
    CPPUNIT_TEST(test_comment_alone_gets_no_address);
    CPPUNIT_TEST(test_group_name_with_specials_is_quoted_on_its_own);
    CPPUNIT_TEST(test_quoting_escapes_every_quote);
    CPPUNIT_TEST(test_leading_separators_and_stray_angles);
    CPPUNIT_TEST(test_too_long_address_message);
    CPPUNIT_TEST(test_template_longer_than_buffer_is_address_alone);
    CPPUNIT_TEST(test_quoted_string_after_route_addr_leaves_address_alone);
    CPPUNIT_TEST(test_comment_left_open_after_route_addr_is_closed);
    CPPUNIT_TEST(test_colon_after_route_addr_makes_a_group);
    CPPUNIT_TEST(test_semicolons_and_commas_in_a_list);
    CPPUNIT_TEST(test_quoting_keeps_backslashes_as_typed);
    CPPUNIT_TEST(test_domain_literal_colons_are_no_group);
    CPPUNIT_TEST(test_lone_quote_gives_no_address);
    CPPUNIT_TEST(test_stray_parenthesis_after_route_addr_is_dropped);
    CPPUNIT_TEST(test_blanks_between_address_and_comment_become_one_space);
    CPPUNIT_TEST(test_second_angle_makes_the_first_part_of_the_phrase);
    CPPUNIT_TEST(test_group_member_phrase_is_requoted_with_its_quotes_and_colons);
    CPPUNIT_TEST(test_decnet_colons_are_no_group);
    CPPUNIT_TEST(test_comment_left_open_after_a_word_is_closed);
    CPPUNIT_TEST(test_comments_and_route_addrs_in_a_group_name);
    CPPUNIT_TEST(test_stray_angle_after_group_name_is_dropped);
    CPPUNIT_TEST(test_quoted_string_after_route_addr_in_a_list);
    CPPUNIT_TEST(test_must_quote_chars_option_replaces_the_default);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_plain_and_route_addresses() {
        CPPUNIT_ASSERT_EQUAL(std::string("$g"), crack_address("user@example.com"));
        CPPUNIT_ASSERT_EQUAL(std::string("<>"), crack_address("<>"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g (c)"), crack_address("a (c) b"));
    }
    void test_phrase_with_specials_is_quoted() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"J. Doe\" <$g>"), crack_address("J. Doe <x@y>"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a,b\" <$g>"), crack_address("a,b <x@y>"));
    }
    void test_comment_in_phrase_needs_no_quotes() {
        CPPUNIT_ASSERT_EQUAL(std::string("Joe (x) <$g>"), crack_address("Joe (x) <x@y>"));
    }
    void test_group_name_stays_as_typed() {
        CPPUNIT_ASSERT_EQUAL(std::string("Group: a <$g>;"), crack_address("Group: a <b>;"));
        CPPUNIT_ASSERT_EQUAL(std::string("G:<>"), crack_address("G:<>"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"q u\"$:"), crack_address("\"q u\"$:"));
    }
    void test_blank_inside_angles_is_an_address() {
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("< >"));
        CPPUNIT_ASSERT_EQUAL(std::string("Group:<$g>a.b."), crack_address("Group:< >a.b."));
    }
    void test_empty_quoted_string_alone_is_empty() {
        CPPUNIT_ASSERT_EQUAL(std::string(""), crack_address("\"\""));
        CPPUNIT_ASSERT_EQUAL(std::string("$g (c)"), crack_address("\"\" (c)"));
    }
    void test_comment_alone_gets_no_address() {
        CPPUNIT_ASSERT_EQUAL(std::string("(c)"), crack_address("(c)"));
        // Every open comment level is closed in the template.
        CPPUNIT_ASSERT_EQUAL(std::string("((open..Group:))"), crack_address("((open..Group:"));
    }
    void test_group_name_with_specials_is_quoted_on_its_own() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"@r1,@r2\":"), crack_address("@r1,@r2:"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"user;,;(c)@r1,@r2\":\"<\"<$g>"),
                             crack_address("user;,;(c)@r1,@r2:<<[192.0.2.1]"));
    }
    void test_quoting_escapes_every_quote() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"$\\\"\\\"\\\"a\\\\\"b\\\"<<<@a:u@b>\"<$g>"),
                             crack_address("$\"\"\"a\\\"b\"<<<@a:u@b>< >"));
    }
    void test_leading_separators_and_stray_angles() {
        CPPUNIT_ASSERT_EQUAL(std::string(";$g"), crack_address(";!abc"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g"), crack_address(",@@"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), crack_address(">>"));
    }
    void test_too_long_address_message() {
        std::string a(200, 'a');
        a += "@" + std::string(60, 'b');
        CPPUNIT_ASSERT_EQUAL("Address \"" + a.substr(0, 255) + "\" too long (255 bytes max)",
                             sendmail::address_too_long(a));
        // High bits are stripped in the message, as in every address error.
        CPPUNIT_ASSERT_EQUAL("Address \"iti" + std::string(252, 'a') + "\" too long (255 bytes max)",
                             sendmail::address_too_long("\xe9t\xe9" + std::string(300, 'a')));
        std::string cut = a.substr(0, 255);
        CPPUNIT_ASSERT_EQUAL(std::string(100, 'a') + "..." + std::string(45, 'a') + "@" + std::string(54, 'b'),
                             sendmail::shorten_for_message(cut));
    }
    // sendmail 8.17 keeps a 255-byte template; one byte more and only
    // the address is left.
    void test_template_longer_than_buffer_is_address_alone() {
        std::string name(252, 'b');
        CPPUNIT_ASSERT_EQUAL(name + ":$g", sendmail::crack_address(name + ":x"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), sendmail::crack_address(name + "b:x"));
        std::string comment(250, 'c');
        CPPUNIT_ASSERT_EQUAL("(" + comment + ") $g", sendmail::crack_address("(" + comment + ") x"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), sendmail::crack_address("(" + comment + "c) x"));
    }
    void test_quoted_string_after_route_addr_leaves_address_alone() {
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("a <x> \"q\""));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("<x> a\"q\""));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("a <x> , \"q\""));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("a <x> \"\""));
        // Inside a comment or after a backslash a quote is just a character;
        // a lone quote at the very end is closed.
        CPPUNIT_ASSERT_EQUAL(std::string("<$g> (a\"q\")"), crack_address("<x> (a\"q\")"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g> \\\""), crack_address("<x> \\\""));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>\"\""), crack_address("<x>\""));
        CPPUNIT_ASSERT_EQUAL(std::string("a <$g> \"\""), crack_address("a <x> >\""));
    }
    void test_comment_left_open_after_route_addr_is_closed() {
        CPPUNIT_ASSERT_EQUAL(std::string("a <$g> (c)"), crack_address("a <x> (c"));
        CPPUNIT_ASSERT_EQUAL(std::string("a <$g> (c (d))"), crack_address("a <x> (c (d"));
    }
    void test_colon_after_route_addr_makes_a_group() {
        CPPUNIT_ASSERT_EQUAL(std::string("a <x> : $g"), crack_address("a <x> : b"));
        CPPUNIT_ASSERT_EQUAL(std::string("a.b <x> : $g"), crack_address("a.b <x> : c"));
        CPPUNIT_ASSERT_EQUAL(std::string("a , b <x>: $g"), crack_address("a , b <x>: c"));
        CPPUNIT_ASSERT_EQUAL(std::string("a <x> (c) : $g"), crack_address("a <x> (c) : d"));
        CPPUNIT_ASSERT_EQUAL(std::string("a <x> :"), crack_address("a <x> :"));
        // Specials after the route-addr's '>' quote the name.
        CPPUNIT_ASSERT_EQUAL(std::string("\"a <x> >\" : $g"), crack_address("a <x> > : b"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a <x> , b\" : $g"), crack_address("a <x> , b : c"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a <x>.b\" : $g"), crack_address("a <x>.b : c"));
        // A member's phrase is then always quoted, even an empty one.
        CPPUNIT_ASSERT_EQUAL(std::string("a <x> : \"c\" <$g>"), crack_address("a <x> : c <d>"));
        CPPUNIT_ASSERT_EQUAL(std::string("a <x> : \"\" <$g>;"), crack_address("a <x> : <d>;"));
    }
    void test_semicolons_and_commas_in_a_list() {
        CPPUNIT_ASSERT_EQUAL(std::string("$g; (c)"), crack_address("a; (c)"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g; (c)"), crack_address("a; b (c)"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g;;"), crack_address("a;;b"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g; (c);"), crack_address("a ;, (c) ; d"));
        CPPUNIT_ASSERT_EQUAL(std::string(";$g (c);"), crack_address("; (c) ; a"));
        CPPUNIT_ASSERT_EQUAL(std::string(";$g;"), crack_address(";;a"));
        CPPUNIT_ASSERT_EQUAL(std::string("(c);$g"), crack_address("(c);a"));
        CPPUNIT_ASSERT_EQUAL(std::string("(c) $g"), crack_address("(c),a"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g"), crack_address(","));
        CPPUNIT_ASSERT_EQUAL(std::string("$g;"), crack_address(", ;"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g (c) (d)"), crack_address("a (c), b (d)"));
    }
    void test_quoting_keeps_backslashes_as_typed() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"+d\\@Group\":$g (open[192.0.2.1])"),
                             crack_address("+d\\@Group:)(open[192.0.2.1]"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"+d\t..  \\@@@\"<$g>\\@"), crack_address("+d\t..  \\@@@<@a:u@b>\\@"));
    }
    void test_domain_literal_colons_are_no_group() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"[IPv6:::1]\"<$g>"), crack_address("[IPv6:::1]< >"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"[IPv6:::1]\\>\"<$g>"), crack_address("[IPv6:::1]\\>< Phrase Words"));
    }
    void test_lone_quote_gives_no_address() {
        CPPUNIT_ASSERT_EQUAL(std::string(""), crack_address("\""));
        CPPUNIT_ASSERT_EQUAL(std::string("g:"), crack_address("g:\""));
        CPPUNIT_ASSERT_EQUAL(std::string("g: "), crack_address("g: \""));
        CPPUNIT_ASSERT_EQUAL(std::string("(c) $g"), crack_address("(c) \""));
        CPPUNIT_ASSERT_EQUAL(std::string("$g"), crack_address("a \""));
    }
    void test_stray_parenthesis_after_route_addr_is_dropped() {
        CPPUNIT_ASSERT_EQUAL(std::string("x<>"), crack_address("x<>)"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>x"), crack_address("< >x)"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>x(nested (c)).+d"), crack_address("< >x))(nested (c)).)+d"));
    }
    void test_blanks_between_address_and_comment_become_one_space() {
        CPPUNIT_ASSERT_EQUAL(std::string("$g (c)"), crack_address("\"q u\"[192.0.2.1]\t(c)$"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g (open)"), crack_address("user%\t(open"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g (open+d%)"), crack_address("@@.\"\"a.b  (open+d%"));
    }
    // A second '<' turns the first route-addr into part of the phrase, which is then quoted as typed.
    void test_second_angle_makes_the_first_part_of_the_phrase() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"a <b>\" <$g>"), crack_address("a <b> <c>"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"x<\"<;$g (nested (c))>"), crack_address("x<<;(nested (c))Group:"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"mx.example.com\" < (nested (c)) $g (c)>"),
                             crack_address("mx.example.com <(nested (c))!(c)@r1,@r2:"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"..\"<$g (nested (c))>"), crack_address("..<example.com)%.x)(nested (c))"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"<@a:u@b>\"<$g;>"), crack_address("<@a:u@b><,;Group:"));
    }
    // The phrase before a member's <> is read again from the input: its quotes get backslashes
    // and a second ':' is only a character that needs quotes.
    void test_group_member_phrase_is_requoted_with_its_quotes_and_colons() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"!\t>>\":\"\\\"a\\\\\"b\\\":\"<$g>"), crack_address("!\t>>:\"a\\\"b\":< >"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"<>@@\":\"@r1,@r2:\"<>,"), crack_address("<>@@:@r1,@r2:<>,"));
        CPPUNIT_ASSERT_EQUAL(std::string(":\"mx.example.com:,\"<$g>@@@="), crack_address(":mx.example.com:,< >@@@="));
        CPPUNIT_ASSERT_EQUAL(std::string("\"<@a:u@b>;\":\"\\\"\\\"\"<$g>,"), crack_address("<@a:u@b>;:\"\"<@a:u@b>,"));
    }
    // "::" and ":." (DECnet) are no group; after a route-addr both colons are copied twice.
    void test_decnet_colons_are_no_group() {
        CPPUNIT_ASSERT_EQUAL(std::string("$g"), crack_address("mx.example.com>>:."));
        CPPUNIT_ASSERT_EQUAL(std::string("$g"), crack_address("$:..Phrase Words..?t?user"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g (nested (c))"), crack_address(":..\t(nested (c))example.com="));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a::b\" <$g>"), crack_address("a::b <x>"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>a:::b"), crack_address("<x>a::b"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>a::.b"), crack_address("<x>a:.b"));
    }
    // Every comment level still open at the end, and an open '<', is closed in the template.
    void test_comment_left_open_after_a_word_is_closed() {
        CPPUNIT_ASSERT_EQUAL(std::string("$g (open())"), crack_address("x)@(open("));
        CPPUNIT_ASSERT_EQUAL(std::string("!< ()>"), crack_address("!<("));
        CPPUNIT_ASSERT_EQUAL(std::string(";$g (open\"a\\\"b\"x) (open(\\))"),
                             crack_address(";(open\"a\\\"b\"x)@(open(\\"));
        CPPUNIT_ASSERT_EQUAL(std::string("$g (nested (c)) (@@)"),
                             crack_address(")[IPv6:::1]example.com(nested (c))(@@"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g (nested (c))>"), crack_address("<:(nested (c))?t?@@="));
    }
    // A group name is everything before the first top-level colon, comments and <> included.
    void test_comments_and_route_addrs_in_a_group_name() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"(nested (c))<@a:u@b>:.\"<$g>"),
                             crack_address("(nested (c))<@a:u@b>:.<@a:u@b>"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"(nested (c))x))@r1,@r2\":(open)"),
                             crack_address("(nested (c))x))@r1,@r2:\"\"(open"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"<@a:u@b>userGroup\":$g"),
                             crack_address("<@a:u@b>userGroup:=\"unterminated"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"[a:b\" <$g>"), crack_address("[a:b <x>"));
        CPPUNIT_ASSERT_EQUAL(std::string("a <b> : $g"), crack_address("a <b> : c : d"));
    }
    // A stray '>' is no address character: it only makes the phrase need quotes.
    void test_stray_angle_after_group_name_is_dropped() {
        CPPUNIT_ASSERT_EQUAL(std::string("Group:  $g (nested (c))"),
                             crack_address("Group:  >%Phrase Words(nested (c))@r1,@r2:"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"< >  @userGroup\":$g"), crack_address("< >  @userGroup:>Group:"));
    }
    // A quoted string after a route-addr leaves the address alone, wherever the route-addr is.
    void test_quoted_string_after_route_addr_in_a_list() {
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("<@a:u@b>\"\"\\<@a:u@b>"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("< >\"q u\"example.com< >"));
        CPPUNIT_ASSERT_EQUAL(std::string("<$g>"), crack_address("@@<>\t!$@r1,@r2:< >\"\""));
        CPPUNIT_ASSERT_EQUAL(std::string("\"q\"<$g>a\"\""), crack_address("\"q\"<x>a\""));
    }
    // MustQuoteChars adds to "@,;:\\()[]"; its default ".'" is gone once the cf sets it.
    void test_must_quote_chars_option_replaces_the_default() {
        CPPUNIT_ASSERT_EQUAL(std::string("\"a'b\" <$g>"), crack_address("a'b <x>"));
        CPPUNIT_ASSERT_EQUAL(std::string("a'b <$g>"), crack_address("a'b <x>", "+%"));
        CPPUNIT_ASSERT_EQUAL(std::string("a.b <$g>"), crack_address("a.b <x>", "+%"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a+b\" <$g>"), crack_address("a+b <x>", "+%"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a@b\" <$g>"), crack_address("a@b <x>", ""));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a.b\" <$g>"), crack_address("a.b <x>", "."));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CrackAddressTest);
