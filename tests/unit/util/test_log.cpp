// test_log.cpp: sendmail's log line format, the LogLevel filter, each target
// (file, stderr, a syslog socket), and hostile text: forged line breaks,
// megabyte lines, long queue ids.
#include <cppunit/extensions/HelperMacros.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "util/files.hpp"
#include "util/log.hpp"

namespace {
// A private directory, removed with its contents.
struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/utillogXXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
};

// Restores the default settings whatever a test did.
struct ResetLog {
    ~ResetLog() { util::log_configure(util::LogSettings{}); }
};

// Settings for a log file in a private directory; the default settings
// come back when it goes out of scope.
struct FileLog {
    TempDir dir;
    ResetLog reset;
    util::LogSettings settings;
    FileLog() {
        settings.target = util::LogTarget::File;
        settings.file = dir.path + "/maillog";
    }
};

std::string read_all(const std::string& p) {
    auto r = util::read_file(p, 1 << 20);
    return r.ok() ? *r : std::string("<unreadable>");
}

size_t count(const std::string& s, char c) {
    size_t n = 0;
    for (char x : s) n += x == c;
    return n;
}
}  // namespace

class LogTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LogTest);
    CPPUNIT_TEST(test_format_with_queue_id);
    CPPUNIT_TEST(test_format_without_queue_id);
    CPPUNIT_TEST(test_file_target_writes_line_and_honours_level);
    CPPUNIT_TEST(test_file_line_has_timestamp_and_host);
    CPPUNIT_TEST(test_stderr_target_writes_bare_line);
    CPPUNIT_TEST(test_syslog_socket_gets_rfc3164_datagram_with_mail_facility);
    CPPUNIT_TEST(test_none_target_writes_nothing);
    CPPUNIT_TEST(test_crlf_from_peer_cannot_forge_a_line);
    CPPUNIT_TEST(test_escape_covers_all_controls_and_del);
    CPPUNIT_TEST(test_escape_doubles_backslashes);
    CPPUNIT_TEST(test_escape_writes_8bit_bytes_in_octal);
    CPPUNIT_TEST(test_short_text_is_one_piece);
    CPPUNIT_TEST(test_long_text_is_split_into_numbered_pieces);
    CPPUNIT_TEST(test_megabyte_text_is_bounded);
    CPPUNIT_TEST(test_hostile_queue_id_is_escaped_and_cut);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_format_with_queue_id() {
        CPPUNIT_ASSERT_EQUAL(std::string("sm-mta[123]: 4B1C2A3D000123: from=<a@b>, size=10"),
                             util::log_format("sm-mta", 123, "4B1C2A3D000123", "from=<a@b>, size=10"));
    }
    void test_format_without_queue_id() {
        CPPUNIT_ASSERT_EQUAL(std::string("sendmail[9]: starting daemon"),
                             util::log_format("sendmail", 9, "", "starting daemon"));
    }
    void test_file_target_writes_line_and_honours_level() {
        FileLog log;
        util::LogSettings& s = log.settings;
        s.ident = "sm-mta";
        s.level = 9;
        util::log_configure(s);
        util::log_line(LOG_INFO, 9, "QID1", "stat=Sent");
        util::log_line(LOG_DEBUG, 10, "QID1", "too detailed");
        std::string text = read_all(s.file);
        std::string expect = util::log_format("sm-mta", ::getpid(), "QID1", "stat=Sent") + "\n";
        CPPUNIT_ASSERT(text.size() > expect.size());
        CPPUNIT_ASSERT_EQUAL(expect, text.substr(text.size() - expect.size()));
        CPPUNIT_ASSERT(text.find("too detailed") == std::string::npos);
        CPPUNIT_ASSERT_EQUAL(size_t(1), count(text, '\n'));
    }
    void test_file_line_has_timestamp_and_host() {
        FileLog log;
        util::LogSettings& s = log.settings;
        util::log_configure(s);
        util::log_line(LOG_NOTICE, 1, "", "hello");
        std::string text = read_all(s.file);
        // "Mmm dd hh:mm:ss host sendmail[pid]: hello"
        CPPUNIT_ASSERT(text.size() > 16);
        CPPUNIT_ASSERT_EQUAL(':', text[9]);
        CPPUNIT_ASSERT_EQUAL(':', text[12]);
        CPPUNIT_ASSERT_EQUAL(' ', text[15]);
        CPPUNIT_ASSERT(text.find(" sendmail[" + std::to_string(::getpid()) + "]: hello\n") != std::string::npos);
    }
    void test_stderr_target_writes_bare_line() {
        TempDir d;
        ResetLog reset;
        std::string path = d.path + "/stderr";
        util::UniqueFd out(::open(path.c_str(), O_WRONLY | O_CREAT, 0600));
        util::UniqueFd saved(::dup(2));
        ::dup2(out.get(), 2);
        util::LogSettings s;
        s.target = util::LogTarget::Stderr;
        s.ident = "sendmail";
        util::log_configure(s);
        util::log_line(LOG_WARNING, 5, "QID2", "deferred");
        ::dup2(saved.get(), 2);
        CPPUNIT_ASSERT_EQUAL(util::log_format("sendmail", ::getpid(), "QID2", "deferred") + "\n", read_all(path));
    }
    void test_syslog_socket_gets_rfc3164_datagram_with_mail_facility() {
        TempDir d;
        ResetLog reset;
        std::string sock = d.path + "/log";
        util::UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        sock.copy(addr.sun_path, sock.size());
        CPPUNIT_ASSERT_EQUAL(0, ::bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr));
        util::LogSettings s;
        s.target = util::LogTarget::Syslog;
        s.syslog_socket = sock;
        s.ident = "sm-mta";
        util::log_configure(s);
        util::log_line(LOG_INFO, 9, "4B1C2A3D000123", "to=<u@x>, stat=Sent");
        char buf[2048];
        ssize_t n = ::recv(fd.get(), buf, sizeof buf, MSG_DONTWAIT);
        CPPUNIT_ASSERT(n > 0);
        std::string got(buf, static_cast<size_t>(n));
        // <22> is facility mail (2) * 8 + info (6).
        CPPUNIT_ASSERT_EQUAL(std::string("<22>"), got.substr(0, 4));
        std::string tail = " " + util::log_format("sm-mta", ::getpid(), "4B1C2A3D000123", "to=<u@x>, stat=Sent");
        CPPUNIT_ASSERT_EQUAL(tail, got.substr(got.size() - tail.size()));
        CPPUNIT_ASSERT_EQUAL(4 + 15 + tail.size(), got.size());  // "<22>" + "Mmm dd hh:mm:ss" + tail
    }
    void test_none_target_writes_nothing() {
        TempDir d;
        ResetLog reset;
        util::LogSettings s;
        s.target = util::LogTarget::None;
        s.file = d.path + "/maillog";
        util::log_configure(s);
        util::log_line(LOG_ERR, 0, "", "lost");
        CPPUNIT_ASSERT(::access(s.file.c_str(), F_OK) != 0);
    }
    void test_crlf_from_peer_cannot_forge_a_line() {
        FileLog log;
        util::LogSettings& s = log.settings;
        util::log_configure(s);
        util::log_line(LOG_INFO, 1, "Q", "helo=evil\r\nsm-mta[1]: Q: stat=Sent");
        std::string text = read_all(s.file);
        CPPUNIT_ASSERT_EQUAL(size_t(1), count(text, '\n'));
        CPPUNIT_ASSERT(text.find("helo=evil\\r\\nsm-mta[1]") != std::string::npos);
    }
    void test_escape_covers_all_controls_and_del() {
        // sendmail 8.17's forms: \t \r \n by name, other controls and DEL in octal.
        CPPUNIT_ASSERT_EQUAL(std::string("a\\000b\\tc\\033d\\177e\\rf\\ng\\014h"),
                             util::log_escape(std::string("a\0b\tc\x1b"
                                                          "d\x7f"
                                                          "e\rf\ng\fh",
                                                          15)));
        CPPUNIT_ASSERT_EQUAL(std::string(""), util::log_escape(""));
    }
    void test_escape_doubles_backslashes() {
        CPPUNIT_ASSERT_EQUAL(std::string("to=\\\\root"), util::log_escape("to=\\root"));
    }
    void test_escape_writes_8bit_bytes_in_octal() {
        CPPUNIT_ASSERT_EQUAL(std::string("caf\\303\\251 c\\351d"), util::log_escape("caf\xc3\xa9 c\xe9" "d"));
    }
    void test_short_text_is_one_piece() {
        auto p = util::log_pieces(std::string(util::kLogPieceMax, 'a'));
        CPPUNIT_ASSERT_EQUAL(size_t(1), p.size());
        CPPUNIT_ASSERT_EQUAL(util::kLogPieceMax, p[0].size());
    }
    void test_long_text_is_split_into_numbered_pieces() {
        std::string text(util::kLogPieceMax + 10, 'b');
        auto p = util::log_pieces(text);
        CPPUNIT_ASSERT_EQUAL(size_t(2), p.size());
        CPPUNIT_ASSERT_EQUAL(std::string("[1] "), p[0].substr(0, 4));
        CPPUNIT_ASSERT_EQUAL(std::string("[2] "), p[1].substr(0, 4));
        CPPUNIT_ASSERT_EQUAL(util::kLogPieceMax, p[0].size());
        CPPUNIT_ASSERT_EQUAL(text.size(), p[0].size() - 4 + p[1].size() - 4);  // nothing lost
    }
    void test_megabyte_text_is_bounded() {
        auto p = util::log_pieces(std::string(1 << 20, '\n'));
        CPPUNIT_ASSERT_EQUAL(util::kLogPiecesMax, p.size());
        for (const auto& piece : p) CPPUNIT_ASSERT(piece.size() <= util::kLogPieceMax);
        CPPUNIT_ASSERT_EQUAL(std::string("..."), p.back().substr(p.back().size() - 3));
    }
    void test_hostile_queue_id_is_escaped_and_cut() {
        FileLog log;
        util::LogSettings& s = log.settings;
        util::log_configure(s);
        util::log_line(LOG_INFO, 1, std::string(500, 'Q') + "\n", "x");
        std::string text = read_all(s.file);
        CPPUNIT_ASSERT_EQUAL(size_t(1), count(text, '\n'));
        CPPUNIT_ASSERT(text.find(std::string(64, 'Q') + ": x\n") != std::string::npos);
        CPPUNIT_ASSERT(text.find(std::string(65, 'Q')) == std::string::npos);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(LogTest);
