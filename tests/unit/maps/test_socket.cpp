// test_socket.cpp: the socket class against a socketmap server in a thread
// on a unix socket: OK, NOTFOUND, TEMP, PERM, malformed netstrings, a closed
// connection and a server that never answers (tempfail after -d seconds).
#include <sys/socket.h>
#include <sys/un.h>

#include <atomic>
#include <cstring>
#include <functional>
#include <thread>

#include "map_test_support.hpp"
#include "maps/netstring.hpp"

namespace {

// Serves one connection at a time; `reply` maps a query to raw reply bytes
// (empty: close the connection; "HANG": never answer).
class SocketmapServer {
public:
    SocketmapServer(std::string path, std::function<std::string(const std::string&)> reply)
        : path_(std::move(path)), reply_(std::move(reply)) {
        fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un sa = {};
        sa.sun_family = AF_UNIX;
        std::strncpy(sa.sun_path, path_.c_str(), sizeof sa.sun_path - 1);
        CPPUNIT_ASSERT(bind(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0);
        CPPUNIT_ASSERT(listen(fd_, 4) == 0);
        thread_ = std::thread([this] { serve(); });
    }
    ~SocketmapServer() {
        stop_ = true;
        shutdown(fd_, SHUT_RDWR);
        int c = client_.load();
        if (c >= 0) shutdown(c, SHUT_RDWR);  // the map may still hold its end open
        close(fd_);
        thread_.join();
    }
    std::vector<std::string> queries;

private:
    void serve() {
        while (!stop_) {
            int c = accept(fd_, nullptr, nullptr);
            if (c < 0) return;
            client_ = c;
            maps::NetstringReader rd;
            char buf[512];
            bool open = true;
            while (open && !stop_) {
                ssize_t n = read(c, buf, sizeof buf);
                if (n <= 0) break;
                rd.feed(std::string_view(buf, static_cast<size_t>(n)));
                std::string q;
                while (rd.take(q) == maps::NetstringReader::State::Done) {
                    queries.push_back(q);
                    std::string r = reply_(q);
                    if (r == "HANG") continue;
                    if (r.empty()) {
                        open = false;
                        break;
                    }
                    if (write(c, r.data(), r.size()) < 0) open = false;
                }
            }
            client_ = -1;
            close(c);
        }
    }
    std::string path_;
    std::function<std::string(const std::string&)> reply_;
    int fd_ = -1;
    std::atomic<bool> stop_{false};
    std::atomic<int> client_{-1};
    std::thread thread_;
};

std::string answer_for(const std::string& q) {
    std::string key = q.substr(q.find(' ') + 1);
    if (key == "found") return maps::encode_netstring("OK the value");
    if (key == "temp") return maps::encode_netstring("TEMP busy");
    if (key == "perm") return maps::encode_netstring("PERM broken");
    if (key == "garbage") return "xyz";
    if (key == "huge") return "999999999:";
    if (key == "nocomma") return "2:OKx";
    if (key == "close") return "";
    if (key == "hang") return "HANG";
    return maps::encode_netstring("NOTFOUND ");
}

}  // namespace

class SocketMapTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SocketMapTest);
    CPPUNIT_TEST(test_ok_and_query_format);
    CPPUNIT_TEST(test_notfound);
    CPPUNIT_TEST(test_key_goes_in_lower_case_unless_f);
    CPPUNIT_TEST(test_temp_and_perm);
    CPPUNIT_TEST(test_malformed_replies_tempfail);
    CPPUNIT_TEST(test_closed_connection_then_reconnect);
    CPPUNIT_TEST(test_no_server_tempfails);
    CPPUNIT_TEST(test_timeout_tempfails);
    CPPUNIT_TEST(test_netstring_bounds);
    CPPUNIT_TEST_SUITE_END();

    ScratchDir dir_;
    TestContext ctx_;

public:
    void test_ok_and_query_format() {
        SocketmapServer s(dir_.path("sock"), answer_for);
        auto* m = ctx_.declare("virt", "socket", "unix:" + dir_.path("sock"));
        ASSERT_FOUND("the value", look(m, "found"));
        CPPUNIT_ASSERT_EQUAL(std::string("virt found"), s.queries.at(0));
    }
    void test_key_goes_in_lower_case_unless_f() {
        SocketmapServer s(dir_.path("sock"), answer_for);
        ASSERT_FOUND("the value", look(ctx_.declare("virt", "socket", "unix:" + dir_.path("sock")), "Found"));
        auto* kept = ctx_.declare("kept", "socket", "-f unix:" + dir_.path("sock"));
        CPPUNIT_ASSERT(look(kept, "Found").status == maps::LookupStatus::NotFound);
        CPPUNIT_ASSERT_EQUAL(std::string("virt found"), s.queries.at(0));
        CPPUNIT_ASSERT_EQUAL(std::string("kept Found"), s.queries.at(1));
    }
    void test_notfound() {
        SocketmapServer s(dir_.path("sock"), answer_for);
        auto r = look(ctx_.declare("m", "socket", "unix:" + dir_.path("sock")), "other");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::NotFound);
    }
    void test_temp_and_perm() {
        SocketmapServer s(dir_.path("sock"), answer_for);
        auto* m = ctx_.declare("m", "socket", "unix:" + dir_.path("sock"));
        CPPUNIT_ASSERT(look(m, "temp").status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT(look(m, "perm").status == maps::LookupStatus::PermFail);
        ASSERT_FOUND("the value", look(m, "found"));
    }
    void test_malformed_replies_tempfail() {
        SocketmapServer s(dir_.path("sock"), answer_for);
        auto* m = ctx_.declare("m", "socket", "unix:" + dir_.path("sock"));
        for (const char* k : {"garbage", "huge", "nocomma"}) {
            auto r = look(m, k);
            CPPUNIT_ASSERT_MESSAGE(k, r.status == maps::LookupStatus::TempFail);
            CPPUNIT_ASSERT(r.error.find("bad netstring reply") != std::string::npos);
        }
    }
    void test_closed_connection_then_reconnect() {
        SocketmapServer s(dir_.path("sock"), answer_for);
        auto* m = ctx_.declare("m", "socket", "unix:" + dir_.path("sock"));
        CPPUNIT_ASSERT(look(m, "close").status == maps::LookupStatus::TempFail);
        ASSERT_FOUND("the value", look(m, "found"));
    }
    void test_no_server_tempfails() {
        auto r = look(ctx_.declare("m", "socket", "unix:" + dir_.path("none")), "k");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT_EQUAL(75, r.code);
    }
    void test_timeout_tempfails() {
        SocketmapServer s(dir_.path("sock"), answer_for);
        auto r = look(ctx_.declare("m", "socket", "-d1 unix:" + dir_.path("sock")), "hang");
        CPPUNIT_ASSERT(r.status == maps::LookupStatus::TempFail);
        CPPUNIT_ASSERT(r.error.find("timeout") != std::string::npos);
    }
    void test_netstring_bounds() {
        CPPUNIT_ASSERT_EQUAL(std::string("5:hello,"), maps::encode_netstring("hello"));
        CPPUNIT_ASSERT_EQUAL(std::string("0:,"), maps::encode_netstring(""));
        maps::NetstringReader rd;
        std::string out;
        rd.feed("3:ab");
        CPPUNIT_ASSERT(rd.take(out) == maps::NetstringReader::State::More);
        rd.feed("c,0:,");
        CPPUNIT_ASSERT(rd.take(out) == maps::NetstringReader::State::Done);
        CPPUNIT_ASSERT_EQUAL(std::string("abc"), out);
        CPPUNIT_ASSERT(rd.take(out) == maps::NetstringReader::State::Done);
        CPPUNIT_ASSERT_EQUAL(std::string(), out);
        maps::NetstringReader big;
        big.feed("100001:");
        CPPUNIT_ASSERT(big.take(out) == maps::NetstringReader::State::Bad);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SocketMapTest);
