// test_milter_line.cpp: X lines (mail filters) and InputMailFilters. The
// expected diagnostics and exit statuses are what sendmail 8.17.1.9 -bt -C
// (and -bs for InputMailFilters) gave for the same lines.
#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

#include "config/config.hpp"
#include "read_cf.hpp"

namespace {
std::string names(int n, const std::string& prefix) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + prefix;
    return s;
}
}  // namespace

class MilterLineTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MilterLineTest);
    CPPUNIT_TEST(test_equates_are_stored_for_the_client);
    CPPUNIT_TEST(test_quotes_and_backslashes_in_values);
    CPPUNIT_TEST(test_diagnostics_as_sendmail_gives_them);
    CPPUNIT_TEST(test_bad_time_unit_alone_is_a_warning);
    CPPUNIT_TEST(test_dollars_and_eight_bit_bytes_as_sendmail_shows_them);
    CPPUNIT_TEST(test_socket_errors_with_errno_exit_71);
    CPPUNIT_TEST(test_duplicate_carries_what_the_socket_check_left);
    CPPUNIT_TEST(test_smtp_and_daemon_modes_refuse_an_unsafe_socket);
    CPPUNIT_TEST(test_input_mail_filters_are_looked_up);
    CPPUNIT_TEST(test_input_mail_filters_errors);
    CPPUNIT_TEST(test_milter_macro_lists_hold_50_names);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_equates_are_stored_for_the_client() {
        auto c = read(
            "Xf, S=inet:8891@127.0.0.1, F=TR T, T=C:1m;S:2s;R:3;E:4m\nXg S=local:/var/run/g.sock\n"
            "Xh,S=inet6:smtp@[IPv6:::1],Sock=:/s\n");
        CPPUNIT_ASSERT(c->diagnostics.empty());
        CPPUNIT_ASSERT_EQUAL(size_t(3), c->mail_filters.size());
        const config::MailFilter* f = c->find_mail_filter("F");
        CPPUNIT_ASSERT(f && f->usable);
        CPPUNIT_ASSERT(f->family == config::MailFilter::Family::Inet);
        CPPUNIT_ASSERT_EQUAL(8891, f->port);
        CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), f->host);
        CPPUNIT_ASSERT_EQUAL(std::string("RT"), f->flags);
        CPPUNIT_ASSERT_EQUAL(60L, f->connect_timeout);
        CPPUNIT_ASSERT_EQUAL(2L, f->send_timeout);
        CPPUNIT_ASSERT_EQUAL(3L, f->read_timeout);
        CPPUNIT_ASSERT_EQUAL(240L, f->eom_timeout);
        CPPUNIT_ASSERT_EQUAL(1, f->line);
        const config::MailFilter& g = c->mail_filters[1];
        CPPUNIT_ASSERT(g.family == config::MailFilter::Family::Local);
        CPPUNIT_ASSERT_EQUAL(std::string("/var/run/g.sock"), g.path);
        CPPUNIT_ASSERT_EQUAL(300L, g.connect_timeout);
        CPPUNIT_ASSERT_EQUAL(10L, g.send_timeout);
        CPPUNIT_ASSERT_EQUAL(10L, g.read_timeout);
        CPPUNIT_ASSERT_EQUAL(300L, g.eom_timeout);
        // A later S= replaces an earlier one; only the letter of an equate counts.
        const config::MailFilter& h = c->mail_filters[2];
        CPPUNIT_ASSERT(h.family == config::MailFilter::Family::Local);
        CPPUNIT_ASSERT_EQUAL(std::string(":/s"), h.socket);
        CPPUNIT_ASSERT_EQUAL(std::string("/s"), h.path);
    }
    void test_quotes_and_backslashes_in_values() {
        auto c = read("Xf, S=\"unix:/x,y\", F=R\nXg, S=unix:/x\\,y\\n\n");
        CPPUNIT_ASSERT(c->diagnostics.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("/x,y"), c->mail_filters.at(0).path);
        CPPUNIT_ASSERT_EQUAL(std::string("R"), c->mail_filters.at(0).flags);
        CPPUNIT_ASSERT_EQUAL(std::string("/x,y\n"), c->mail_filters.at(1).path);
    }
    void test_diagnostics_as_sendmail_gives_them() {
        auto c = read(
            "Xf, Z=1\nX, S=unix:/x\nXg, S\nXh, S=inet:25\nXi, S=inet:nosuchportname@127.0.0.1\n"
            "Xj, S=unix:/x, T=C\nXk, S=unix:/x, T=C:5x;Q:1\nXl, S=inet:25@[bogus]\nXm, S=inet6:25@[127.0.0.1]\n"
            "Xn, S=inet:25@\nXF, S=inet:25@[127.0.0.1]\nXo, S=unix:/x,\nXp, S=unix:/x, =5\n"
            "Xq, S=unix:/x, T=C:5m ;S:1s;\nX r\nXs,\nXt, S=inet:25@[127.0.0.1\n");
        const char* want[] = {
            "test.cf: line 1: Xf: unknown filter equate Z=",
            "test.cf: line 1: Xf: empty or missing socket information",
            "test.cf: line 2: name required for mail filter",
            "test.cf: line 3: Xg: `=' expected",
            "test.cf: line 4: Xh: bad address 25 (expected port@host)",
            "test.cf: line 5: Xi: unknown port name nosuchportname",
            "test.cf: line 6: Xj, T=: `:' expected",
            "test.cf: line 7: Invalid time unit `x'",
            "test.cf: line 7: Xk: unknown filter timeout Q",
            "test.cf: line 8: Xl: Invalid numeric domain spec \"[bogus]\"",
            "test.cf: line 9: Xm: Invalid numeric domain spec \"[127.0.0.1]\"",
            "test.cf: line 10: Xn: Unknown host name ",
            "test.cf: line 11: XF: duplicate filter definition",
            "test.cf: line 12: Xo: `=' expected",
            "test.cf: line 13: Xp: unknown filter equate ==",
            "test.cf: line 14: Invalid time unit ` '",
            "test.cf: line 14: Xq, T=: `:' expected",
            "test.cf: line 15: name required for mail filter",
            "test.cf: line 16: Xs: empty or missing socket information",
            "test.cf: line 17: Xt: Invalid numeric domain spec \"[127.0.0.1\"",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(want), c->diagnostics.size());
        for (size_t i = 0; i < std::size(want); ++i) CPPUNIT_ASSERT_EQUAL(std::string(want[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT_EQUAL(70, c->error_status);
        // `=' expected and a missing name drop the filter; the others stay.
        CPPUNIT_ASSERT(!c->find_mail_filter("g"));
        CPPUNIT_ASSERT(!c->find_mail_filter("o"));
        CPPUNIT_ASSERT(c->find_mail_filter("q"));
        CPPUNIT_ASSERT(!c->find_mail_filter("l")->usable);
    }
    void test_bad_time_unit_alone_is_a_warning() {
        auto c = read("Xf, S=unix:/x, T=C:1s2x3y\n");
        CPPUNIT_ASSERT_EQUAL(0, c->errors);
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Invalid time unit `y'"), c->diagnostics[1]);
    }
    void test_dollars_and_eight_bit_bytes_as_sendmail_shows_them() {
        auto c = read("Xf$x, Z=1\nXg$$x, S=unix:/x, Z=1\nXh$={w}, S=inet:$x@127.0.0.1\nXi\xe9, S=unix:/x, \xe9=1\n"
                      "Xj, S=inet:25@[b\x80x]\nXk\xff, S=unix:/x, T=C:1\xe9\x85\xff$x;S:1$\n");
        const char* want[] = {
            "test.cf: line 1: Xf\x01x: unknown filter equate Z=",
            "test.cf: line 1: Xf\x01x: empty or missing socket information",
            "test.cf: line 2: Xg$x: unknown filter equate Z=",
            "test.cf: line 3: Xh\x01=w: unknown port name \x01x",
            "test.cf: line 4: Xii: unknown filter equate i=",
            "test.cf: line 5: Xj: Invalid numeric domain spec \"[b\x7f",
            "test.cf: line 6: Invalid time unit `i'",
            "test.cf: line 6: Invalid time unit `\x7f'",
            "test.cf: line 6: Invalid time unit `\x05'",
            "test.cf: line 6: Invalid time unit `\x7f'",
            "test.cf: line 6: Invalid time unit `\x7f'",
            "test.cf: line 6: Invalid time unit `\x01'",
            "test.cf: line 6: Invalid time unit `x'",
            "test.cf: line 6: Invalid time unit `$'",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(want), c->diagnostics.size());
        for (size_t i = 0; i < std::size(want); ++i) CPPUNIT_ASSERT_EQUAL(std::string(want[i]), c->diagnostics[i]);
    }
    void test_socket_errors_with_errno_exit_71() {
        auto c = read("Xf, S=foo:/x\nXg, S=unix:/" + std::string(107, 'a') + "\nXh, S=unix:/" + std::string(106, 'a') +
                      "\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Xf: unknown socket type foo: Protocol not supported"),
                             c->diagnostics[0]);
        CPPUNIT_ASSERT_EQUAL(
            "test.cf: line 2: Xg: local socket name /" + std::string(107, 'a') + " too long: Invalid argument",
            c->diagnostics[1]);
        CPPUNIT_ASSERT_EQUAL(71, c->error_status);
    }
    void test_duplicate_carries_what_the_socket_check_left() {
        auto c = read(
            "Xa, S=unix:/nonexistent-milter-dir/s\nXA, S=unix:/nonexistent-milter-dir/s\n"
            "Xb, S=unix:/tmp/nonexistent-milter\nXb, S=unix:/tmp/nonexistent-milter\n"
            "Xc, S=unix:/\nXc, S=unix:/\nXd, S=bogus:x\nXd, S=bogus:x\n");
        const char* want[] = {
            "test.cf: line 2: XA: duplicate filter definition: No such file or directory",
            "test.cf: line 4: Xb: duplicate filter definition: World writable directory",
            "test.cf: line 6: Xc: duplicate filter definition: Hard links not allowed",
            "test.cf: line 7: Xd: unknown socket type bogus: Protocol not supported",
            "test.cf: line 8: Xd: unknown socket type bogus: Protocol not supported",
            "test.cf: line 8: Xd: duplicate filter definition",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(want), c->diagnostics.size());
        for (size_t i = 0; i < std::size(want); ++i) CPPUNIT_ASSERT_EQUAL(std::string(want[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT_EQUAL(71, c->error_status);
        CPPUNIT_ASSERT_EQUAL(size_t(4), c->mail_filters.size());
    }
    void test_smtp_and_daemon_modes_refuse_an_unsafe_socket() {
        const std::string line = "Xa, S=unix:/tmp/nonexistent-milter\n";
        CPPUNIT_ASSERT(read(line, 't')->diagnostics.empty());
        auto c = read(line, 's');
        CPPUNIT_ASSERT_EQUAL(
            std::string(
                "test.cf: line 1: Xa: local socket name /tmp/nonexistent-milter unsafe: World writable directory"),
            c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(71, c->error_status);
        CPPUNIT_ASSERT(!c->find_mail_filter("a")->usable);
    }
    void test_input_mail_filters_are_looked_up() {
        auto c = read("O InputMailFilters=a, B;a,\nXa, S=unix:/x\nXb, S=inet:25@127.0.0.1\n");
        auto list = config::input_mail_filters(*c);
        CPPUNIT_ASSERT(list.ok());
        CPPUNIT_ASSERT_EQUAL(size_t(3), list->size());
        CPPUNIT_ASSERT_EQUAL(std::string("b"), (*list)[1]->name);
        CPPUNIT_ASSERT(config::input_mail_filters(*read("Xa, S=unix:/x\nO InputMailFilters=" + names(24, "a"))).ok());
        CPPUNIT_ASSERT(config::input_mail_filters(*read("O InputMailFilters=\n"))->empty());
    }
    void test_input_mail_filters_errors() {
        struct Case {
            std::string cf, message;
            int code;
        } cases[] = {
            {"Xa, S=unix:/x\nO InputMailFilters=a,   b ,a\n", "InputFilter b  not defined: No such file or directory",
             78},
            {"Xa, S=unix:/x\nO InputMailFilters=,a\n", "InputFilter  not defined: No such file or directory", 78},
            {"Xa, S=unix:/x\nO InputMailFilters=" + names(24, "a") + ",b\n",
             "Too many filters defined, 24 max: No such file or directory", 71},
        };
        for (const auto& k : cases) {
            auto list = config::input_mail_filters(*read(k.cf));
            CPPUNIT_ASSERT(!list.ok());
            CPPUNIT_ASSERT_EQUAL(k.message, list.error().message);
            CPPUNIT_ASSERT_EQUAL(k.code, list.error().code);
        }
    }
    void test_milter_macro_lists_hold_50_names() {
        std::string fifty, fifty_one_by_bytes;
        for (int i = 0; i < 50; ++i) fifty += "{m" + std::to_string(i) + "}, ";
        for (int i = 0; i < 26; ++i) fifty_one_by_bytes += (i ? "\xe9\xe9" : "") + std::string("x");
        auto c = read("O Milter.macros.connect=" + fifty + "\nO Milter.Macros.Helo=" + fifty + ",,x\n" +
                      "O Milter.macros.eom=" + fifty_one_by_bytes + "\nO Milter.LogLevel=" + fifty + "x\n");
        CPPUNIT_ASSERT_EQUAL(size_t(2), c->diagnostics.size());
        CPPUNIT_ASSERT_EQUAL(
            std::string("test.cf: line 2: milter_set_option: too many macros in Milter.Macros.Helo (max 50)"),
            c->diagnostics[0]);
        CPPUNIT_ASSERT_EQUAL(
            std::string("test.cf: line 3: milter_set_option: too many macros in Milter.macros.eom (max 50)"),
            c->diagnostics[1]);
        CPPUNIT_ASSERT_EQUAL(70, c->error_status);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(MilterLineTest);
