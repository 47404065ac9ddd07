// test_dead_letter.cpp: a dead.letter entry as sendmail's *file* mailer
// writes it, its From line, and whose home sendmail refuses to write into.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include "sendmail/dead_letter.hpp"
#include "util/files.hpp"

class DeadLetterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DeadLetterTest);
    CPPUNIT_TEST(test_entry_escapes_from_lines_and_ends_with_a_blank_line);
    CPPUNIT_TEST(test_entry_of_a_body_without_final_newline);
    CPPUNIT_TEST(test_default_from_line_has_two_spaces_and_ctime_date);
    CPPUNIT_TEST(test_from_line_takes_other_macros);
    CPPUNIT_TEST(test_no_home_for_unknown_user_or_one_not_ours);
    CPPUNIT_TEST(test_append_creates_private_file_and_appends);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_entry_escapes_from_lines_and_ends_with_a_blank_line() {
        std::string e = sendmail::dead_letter_entry("From a  X\n", "Subject: s\n", "From me\n>From you\nFromage\n");
        CPPUNIT_ASSERT_EQUAL(std::string("From a  X\nSubject: s\n\n>From me\n>From you\nFromage\n\n"), e);
    }
    void test_entry_of_a_body_without_final_newline() {
        // The closing newline ends the last line; no blank line then.
        CPPUNIT_ASSERT_EQUAL(std::string("F\nH: v\n\nlast\n"), sendmail::dead_letter_entry("F\n", "H: v\n", "last"));
        CPPUNIT_ASSERT_EQUAL(std::string("F\nH: v\n\n\n"), sendmail::dead_letter_entry("F\n", "H: v\n", ""));
    }
    void test_default_from_line_has_two_spaces_and_ctime_date() {
        setenv("TZ", "UTC", 1);
        tzset();
        std::string l = sendmail::unix_from_line(sendmail::kDefaultUnixFromLine, "root", 1796208000, {});
        CPPUNIT_ASSERT_EQUAL(std::string("From root  Wed Dec  2 10:40:00 2026\n"), l);
    }
    void test_from_line_takes_other_macros() {
        auto look = [](std::string_view n) -> std::optional<std::string> {
            if (n == "j") return std::string("mx.example.com");
            return std::nullopt;
        };
        setenv("TZ", "UTC", 1);
        tzset();
        CPPUNIT_ASSERT_EQUAL(std::string("From a@x Wed Dec  2 10:40:00 2026 remote from mx.example.com\n"),
                             sendmail::unix_from_line("From $g $d remote from $j", "a@x", 1796208000, look));
    }
    void test_no_home_for_unknown_user_or_one_not_ours() {
        CPPUNIT_ASSERT(!sendmail::dead_letter_of(""));
        CPPUNIT_ASSERT(!sendmail::dead_letter_of("no-such-user-xyz"));
        // nobody's home (/nonexistent) is no directory; were it one, not ours.
        if (getuid() != 65534) CPPUNIT_ASSERT(!sendmail::dead_letter_of("nobody"));
    }
    void test_append_creates_private_file_and_appends() {
        char dir[] = "/tmp/deadletter-XXXXXX";
        CPPUNIT_ASSERT(mkdtemp(dir));
        std::string path = std::string(dir) + "/dead.letter";
        CPPUNIT_ASSERT(sendmail::append_dead_letter(path, "one\n"));
        CPPUNIT_ASSERT(sendmail::append_dead_letter(path, "two\n"));
        struct stat st;
        CPPUNIT_ASSERT_EQUAL(0, stat(path.c_str(), &st));
        CPPUNIT_ASSERT_EQUAL(0600, static_cast<int>(st.st_mode & 0777));
        auto text = util::read_file(path, 100);
        CPPUNIT_ASSERT(text.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("one\ntwo\n"), *text);
        // Not through a symbolic link.
        std::string link = std::string(dir) + "/link";
        CPPUNIT_ASSERT_EQUAL(0, symlink(path.c_str(), link.c_str()));
        CPPUNIT_ASSERT(!sendmail::append_dead_letter(link, "three\n"));
        unlink(link.c_str());
        unlink(path.c_str());
        rmdir(dir);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(DeadLetterTest);
