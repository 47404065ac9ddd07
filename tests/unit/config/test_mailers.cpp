// test_mailers.cpp: M lines (mailers.cpp): equates, argument and field
// syntax, the [IPC]/[FILE]/[TCP] checks, users and groups, the 25-mailer
// limit, and the diagnostics sendmail 8.17 gives for bad ones.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>

#include "config/config.hpp"
#include "read_cf.hpp"

class MailersTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MailersTest);
    CPPUNIT_TEST(test_mailer_equates);
    CPPUNIT_TEST(test_mailer_unknown_equate);
    CPPUNIT_TEST(test_mailer_user_inside_an_argument_means_bare_newlines);
    CPPUNIT_TEST(test_mailer_args_end_at_a_comma);
    CPPUNIT_TEST(test_mailer_user_name_brings_its_group);
    CPPUNIT_TEST(test_mailer_needs_name_argv_and_program);
    CPPUNIT_TEST(test_mailer_user_and_group_must_exist);
    CPPUNIT_TEST(test_mailer_rulesets_end_of_line_and_line_limit);
    CPPUNIT_TEST(test_ipc_file_and_tcp_mailers);
    CPPUNIT_TEST(test_at_most_25_mailers_even_for_a_redefinition);
    CPPUNIT_TEST(test_mailer_field_values_as_sendmail_reads_them);
    CPPUNIT_TEST(test_mailer_user_and_group_numbers);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_mailer_equates() {
        auto c = read("Mesmtp,\tP=[IPC], F=mDFMuXa, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,\n\t\tT=DNS/RFC822/SMTP,\n\t\tA=TCP $h\n");
        const config::Mailer* m = c->find_mailer("esmtp");
        CPPUNIT_ASSERT(m);
        CPPUNIT_ASSERT_EQUAL(3, m->number);  // after prog, *file*, *include*
        CPPUNIT_ASSERT_EQUAL(std::string("DFMXamu"), m->flags);
        // Named rulesets get their numbers as they are named: 199 down.
        CPPUNIT_ASSERT_EQUAL(std::string("198"), m->sender_rules[1]);
        CPPUNIT_ASSERT_EQUAL(std::string("HdrFromSMTP"), c->ruleset_label(198));
        CPPUNIT_ASSERT_EQUAL(std::string("197"), m->recipient_rules[1]);
        CPPUNIT_ASSERT_EQUAL(std::string("EnvToSMTP"), c->ruleset_label(197));
        CPPUNIT_ASSERT_EQUAL(std::string("\r\n"), m->eol);
        CPPUNIT_ASSERT_EQUAL(990L, m->line_limit);
        CPPUNIT_ASSERT_EQUAL(std::string("TCP $h"), m->argv);
        CPPUNIT_ASSERT_EQUAL(std::string("SMTP"), m->mts_types[2]);
    }
    void test_mailer_unknown_equate() {
        auto c = read("Md,\tP=/bin/true, F=s, Z=junk, A=true $u\n");
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 1: Md: unknown mailer equate Z="), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("\n"), c->find_mailer("d")->eol);  // takes $u: bare newlines
    }
    void test_mailer_user_inside_an_argument_means_bare_newlines() {
        // MAILER(uucp)'s A= passes the recipients as ($u), still the user list
        auto c = read("Muucp,\tP=/usr/bin/uux, F=DFMhuUd, A=uux - -r -z -a$g -gC $h!rmail ($u)\n"
                      "Msmtp,\tP=[IPC], F=mDFMuX, A=TCP $h\n");
        CPPUNIT_ASSERT_EQUAL(std::string("\n"), c->find_mailer("uucp")->eol);
        CPPUNIT_ASSERT_EQUAL(std::string("\r\n"), c->find_mailer("smtp")->eol);
    }
    void test_mailer_args_end_at_a_comma() {
        // MAILER(xagent)'s line: E= after A=; F=L alone gives the SMTP line limit
        auto c = read("Mxagent,\tP=/usr/lib/xagent, F=DFMueXLn, S=11/31, R=21/31,\n\t\tA=xagent $h $u, E=\\n\n"
                      "Mq,\tP=/bin/q, F=s, A=q \"a,b\" $u\n");
        const config::Mailer* m = c->find_mailer("xagent");
        CPPUNIT_ASSERT_EQUAL(std::string("xagent $h $u"), m->argv);
        CPPUNIT_ASSERT_EQUAL(std::string("\n"), m->eol);
        CPPUNIT_ASSERT_EQUAL(990L, m->line_limit);
        CPPUNIT_ASSERT_EQUAL(std::string("q a,b $u"), c->find_mailer("q")->argv);  // quotes go
        CPPUNIT_ASSERT_EQUAL(0L, c->find_mailer("q")->line_limit);
    }
    void test_mailer_user_name_brings_its_group() {
        auto c = read("Mssh,\tP=/usr/bin/ssh, F=mDFMuX, U=root, A=ssh $h\n");
        CPPUNIT_ASSERT_EQUAL(std::string("0"), c->find_mailer("ssh")->uid);
        CPPUNIT_ASSERT_EQUAL(std::string("0"), c->find_mailer("ssh")->gid);
    }
    void test_mailer_needs_name_argv_and_program() {
        auto c = read(
            "M\nM,P=/bin/true,A=x\nMfuzz\nMfuzz, A=x\nMfuzz, P=/bin/true, A=\nMfuzz, P, A=x\n"
            "Mfuzz, P=/bin/true, =x, A=x\nMfuzz P=/bin/true A=y\n");
        const char* expected[] = {
            "test.cf: line 1: name required for mailer",        "test.cf: line 2: name required for mailer",
            "test.cf: line 3: Mfuzz: A= argument required",     "test.cf: line 4: Mfuzz: P= argument required",
            "test.cf: line 5: Mfuzz: A= argument required",     "test.cf: line 6: mailer fuzz: `=' expected",
            "test.cf: line 7: Mfuzz: unknown mailer equate ==", "test.cf: line 8: Mfuzz: A= argument required",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT(c->find_mailer("fuzz"));  // line 7's, the only complete one
    }
    void test_mailer_user_and_group_must_exist() {
        auto c = read(
            "Ma, P=/bin/true, U=nosuchuser, A=x\nMb, P=/bin/true, U=:bad, A=x\n"
            "Mc, P=/bin/true, U=root:nosuchgroup, A=x\nMd, P=/bin/true, U=-1, A=x\nMe, P=/bin/true, U=8:12, A=x\n");
        const char* expected[] = {
            "test.cf: line 1: readcf: mailer U= flag: unknown user nosuchuser",
            "test.cf: line 2: mailer b: null user name",
            "test.cf: line 3: readcf: mailer U= flag: unknown group nosuchgroup",
            "test.cf: line 4: readcf: mailer U= flag: unknown user -1",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
    }
    void test_mailer_rulesets_end_of_line_and_line_limit() {
        auto c = read(
            "Mm1, P=/bin/true, S=0/, A=x\nMm2, P=/bin/true, R=200, A=x\nMm3, P=/bin/true, R=fuzz, A=x\n"
            "Mm5, P=/bin/true, S=/5, A=x\nMm6, P=/bin/true, E=, A=x\nMm7, P=/bin/true, L=-1, A=x\n"
            "Mm10, R=-1, A=x, P=/bin/true\n");
        const char* expected[] = {
            "test.cf: line 1: invalid ruleset name: \"\"",   "test.cf: line 2: bad ruleset 200 (100 max)",
            "test.cf: line 4: invalid ruleset name: \"/5\"", "test.cf: line 5: mailer m6: null end-of-line string",
            "test.cf: line 7: invalid ruleset name: \"-1\"",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        for (const char* dropped : {"m1", "m2", "m5", "m10"}) CPPUNIT_ASSERT(!c->find_mailer(dropped));
        CPPUNIT_ASSERT_EQUAL(std::string("199"), c->find_mailer("m3")->recipient_rules[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("\r\n"), c->find_mailer("m6")->eol);
        CPPUNIT_ASSERT_EQUAL(0L, static_cast<long>(c->find_mailer("m7")->line_limit));
    }
    void test_ipc_file_and_tcp_mailers() {
        auto c = read(
            "Ma, P=[IPC], A=IPC $h\nMb, P=[IPC], A=FILE /x\nMc, P=[IPC], A=TCP\nMd, P=[TCP], A=TCP $h\n"
            "Me, P=[FILE], A=FILE\nMf, P=[FILE], A=FILE a b\nMg, P=[FILE], A=FOO a\nMh, P=[IPC], T=a/b, A=TCP $h\n");
        const char* expected[] = {
            "test.cf: line 3: Mc: too few parameters for [IPC] mailer",
            "test.cf: line 4: Md: P=[TCP] must be replaced by P=[IPC]",
            "test.cf: line 5: Me: too few parameters for [FILE] mailer",
            "test.cf: line 6: Mf: too many parameters for [FILE] mailer",
            "test.cf: line 7: Mg: first argument in [FILE] mailer must be FILE",
        };
        // Ma's warning is no error: it has no file and line, and no exit status.
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        CPPUNIT_ASSERT_EQUAL(5, c->errors);
        for (const char* dropped : {"c", "d", "e", "f", "g"}) CPPUNIT_ASSERT(!c->find_mailer(dropped));
        CPPUNIT_ASSERT_EQUAL(std::string("smtp"), c->find_mailer("a")->mts_types[2]);
        CPPUNIT_ASSERT_EQUAL(std::string("x-unix"), c->find_mailer("b")->mts_types[2]);
        const config::Mailer* h = c->find_mailer("h");
        CPPUNIT_ASSERT_EQUAL(std::string("a/b/smtp"), h->mts_types[0] + "/" + h->mts_types[1] + "/" + h->mts_types[2]);
    }
    void test_at_most_25_mailers_even_for_a_redefinition() {
        std::string cf;
        for (int i = 3; i < 25; ++i) cf += "Mm" + std::to_string(i) + ", P=/bin/true, A=x\n";
        cf += "Mextra, P=[TCP], A=x\nMm3, P=/bin/false, A=x\nMnoargs, P=/bin/true\n";
        auto c = read(cf);
        CPPUNIT_ASSERT_EQUAL(size_t(25), c->mailers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 23: too many mailers defined (25 max)"), c->diagnostics.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 24: too many mailers defined (25 max)"), c->diagnostics.at(1));
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 25: Mnoargs: A= argument required"), c->diagnostics.at(2));
        CPPUNIT_ASSERT_EQUAL(std::string("/bin/true"), c->find_mailer("M3")->path);  // names: any case
    }
    void test_mailer_field_values_as_sendmail_reads_them() {
        auto c = read(
            "Ma, P=/bin/true , F=lsL\xe9, r=, C=, T=x, A=\"\" cat  -u\t$u\nMb, P=/x, r=-4, A=y, E=a\\tb,\n"
            "Mc, P=/x, D=, /=, Q=, W=5x, A=y\n");
        const char* expected[] = {
            "test.cf: line 1: mailer a: null charset",
            "test.cf: line 2: mailer b: `=' expected",  // the comma at the end
            "test.cf: line 3: mailer c: null working directory",
            "test.cf: line 3: mailer c: null root directory",
            "test.cf: line 3: mailer c: null queue",
            "test.cf: line 3: Invalid time unit `x'",
        };
        CPPUNIT_ASSERT_EQUAL(std::size(expected), c->diagnostics.size());
        for (size_t i = 0; i < std::size(expected); ++i)
            CPPUNIT_ASSERT_EQUAL(std::string(expected[i]), c->diagnostics[i]);
        const config::Mailer* a = c->find_mailer("a");
        CPPUNIT_ASSERT_EQUAL(std::string("/bin/true "), a->path);  // blanks before the comma stay
        CPPUNIT_ASSERT_EQUAL(std::string("7Lls\xe9"), a->flags);    // F=L in a cf without V: 7 too
        CPPUNIT_ASSERT_EQUAL(990L, a->line_limit);
        CPPUNIT_ASSERT_EQUAL(100, a->max_rcpts);
        CPPUNIT_ASSERT_EQUAL(std::string("x/rfc822/smtp"), a->mts_types[0] + "/" + a->mts_types[1] + "/" + a->mts_types[2]);
        CPPUNIT_ASSERT_EQUAL(std::string(" cat -u $u"), a->argv);  // an empty first word
        CPPUNIT_ASSERT_EQUAL(std::string("\n"), a->eol);
        CPPUNIT_ASSERT(!c->find_mailer("b"));
    }
    void test_mailer_user_and_group_numbers() {
        auto c = read("Ma, P=/x, U=0x10:010, A=y\nMb, P=/x, U=8:, A=y\nMc, P=/x, U=99999999999, A=y\n"
                      "Md, P=/x, U=root:, A=y\nMe, P=/x, U=8::, A=y\n");
        CPPUNIT_ASSERT_EQUAL(std::string("16:8"), c->find_mailer("a")->uid + ":" + c->find_mailer("a")->gid);
        CPPUNIT_ASSERT_EQUAL(std::string("8:-1"), c->find_mailer("b")->uid + ":" + c->find_mailer("b")->gid);
        CPPUNIT_ASSERT_EQUAL(std::string("1215752191"), c->find_mailer("c")->uid);  // kept in an int
        CPPUNIT_ASSERT_EQUAL(std::string("0:0"), c->find_mailer("d")->uid + ":" + c->find_mailer("d")->gid);
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf: line 5: mailer e: null group name"), c->diagnostics.at(0));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(MailersTest);
