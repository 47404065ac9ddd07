// test_queue.cpp: queue ids, the qf text both ways, durable creation, locks
// that keep two runners apart, orphan cleanup and the mailq columns.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "queue/queue.hpp"

namespace fs = std::filesystem;

class QueueTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(QueueTest);
    CPPUNIT_TEST(test_queue_id_encodes_time_and_pid);
    CPPUNIT_TEST(test_qf_round_trip_keeps_every_line);
    CPPUNIT_TEST(test_qf_without_final_dot_is_incomplete);
    CPPUNIT_TEST(test_df_inode_line_follows_the_priority);
    CPPUNIT_TEST(test_commit_leaves_qf_and_df_only);
    CPPUNIT_TEST(test_uncommitted_message_leaves_nothing);
    CPPUNIT_TEST(test_qf_and_df_subdirectories_are_used);
    CPPUNIT_TEST(test_second_lock_is_refused);
    CPPUNIT_TEST(test_orphan_df_removed_but_not_locked_one);
    CPPUNIT_TEST(test_mailq_columns);
    CPPUNIT_TEST_SUITE_END();

    std::string dir_;

public:
    void setUp() override {
        char tmpl[] = "/tmp/qtestXXXXXX";
        dir_ = mkdtemp(tmpl);
        setenv("TZ", "UTC", 1);
        tzset();
    }
    void tearDown() override { fs::remove_all(dir_); }

    static queue::QueueFile sample() {
        queue::QueueFile qf;
        qf.created = 1795484653;
        qf.priority = 180153;
        qf.flags = "bs";
        qf.macros = {{"$_", "root@localhost"}, {"${daemon_flags}", "c u"}};
        qf.sender = "alice@example.com";
        qf.auth = "alice@example.com";
        qf.recipients.push_back({std::string("mail:8:8:staff"), "RFC822; staff@mx.example.com", "", "FDA", "mail", ""});
        qf.recipients.push_back({std::nullopt, "RFC822; bob@example.org", "rfc822;bob@example.org", "PFD",
                                 "bob@example.org", ""});
        qf.headers.push_back({"Return-Path", " <\x81g>", "P", true});
        qf.headers.push_back({"Received", " (from root@localhost)\n\tby mx.example.com", "", true});
        return qf;
    }

    void test_queue_id_encodes_time_and_pid() {
        CPPUNIT_ASSERT_EQUAL(std::string("6B23ZOYZ019888"), queue::make_queue_id(1796182524, 19888, 34 * 60 + 35));
        CPPUNIT_ASSERT(queue::looks_like_queue_id("6B23ZOYZ019888"));
        CPPUNIT_ASSERT(!queue::looks_like_queue_id("../etc"));
    }
    void test_qf_round_trip_keeps_every_line() {
        auto qf = sample();
        qf.other.push_back("!unknown line");
        std::string text = queue::format_qf(qf);
        auto back = queue::parse_qf(text);
        CPPUNIT_ASSERT(back.ok());
        CPPUNIT_ASSERT_EQUAL(text, queue::format_qf(*back));
        CPPUNIT_ASSERT(text.find("Cmail:8:8:staff\nrRFC822; staff@mx.example.com\nRFDA:mail\n") != std::string::npos);
        CPPUNIT_ASSERT(text.find("C\nQrfc822;bob@example.org\nrRFC822; bob@example.org\nRPFD:bob@example.org\n") !=
                       std::string::npos);
        CPPUNIT_ASSERT(text.find("H??Received: (from root@localhost)\n\tby mx.example.com\n") != std::string::npos);
    }
    void test_df_inode_line_follows_the_priority() {
        auto qf = sample();
        qf.df_inode = "254/0/15040552";
        qf.status_message = "Deferred: x";
        std::string text = queue::format_qf(qf);
        CPPUNIT_ASSERT(text.find("P180153\nI254/0/15040552\nMDeferred: x\nFbs\n") != std::string::npos);
        auto back = queue::parse_qf(text);
        CPPUNIT_ASSERT(back.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("254/0/15040552"), back->df_inode);
        CPPUNIT_ASSERT(back->other.empty());
    }
    void test_qf_without_final_dot_is_incomplete() {
        std::string text = queue::format_qf(sample());
        CPPUNIT_ASSERT(!queue::parse_qf(text.substr(0, text.size() - 2)).ok());
    }
    void test_commit_leaves_qf_and_df_only() {
        queue::QueueDir qd(dir_);
        auto m = queue::NewMessage::create(qd, 1796182524);
        CPPUNIT_ASSERT(m.ok());
        CPPUNIT_ASSERT(m->append_body("hello\n").ok());
        CPPUNIT_ASSERT(m->finish_body().ok());
        CPPUNIT_ASSERT(m->commit(sample()).ok());
        std::string id = m->id();
        CPPUNIT_ASSERT(fs::exists(qd.qf_path(id)));
        CPPUNIT_ASSERT(fs::exists(qd.df_path(id)));
        CPPUNIT_ASSERT(!fs::exists(qd.tf_path(id)));
        CPPUNIT_ASSERT_EQUAL(size_t(1), qd.list_ids()->size());
    }
    void test_uncommitted_message_leaves_nothing() {
        queue::QueueDir qd(dir_);
        {
            auto m = queue::NewMessage::create(qd, 1796182524);
            CPPUNIT_ASSERT(m->append_body("x").ok());
        }
        CPPUNIT_ASSERT(fs::is_empty(dir_));
    }
    void test_qf_and_df_subdirectories_are_used() {
        fs::create_directory(dir_ + "/qf");
        fs::create_directory(dir_ + "/df");
        queue::QueueDir qd(dir_);
        auto m = queue::NewMessage::create(qd, 1796182524);
        CPPUNIT_ASSERT(m->finish_body().ok());
        CPPUNIT_ASSERT(m->commit(sample()).ok());
        CPPUNIT_ASSERT(fs::exists(dir_ + "/qf/qf" + m->id()));
        CPPUNIT_ASSERT(fs::exists(dir_ + "/df/df" + m->id()));
        CPPUNIT_ASSERT_EQUAL(size_t(1), qd.list_ids()->size());
    }
    void test_second_lock_is_refused() {
        queue::QueueDir qd(dir_);
        std::string id;
        {
            auto m = queue::NewMessage::create(qd, 1796182524);
            CPPUNIT_ASSERT(m->commit(sample()).ok());
            id = m->id();
        }
        auto a = queue::lock_qf(qd, id);
        CPPUNIT_ASSERT(a.ok());
        auto b = queue::lock_qf(qd, id);
        CPPUNIT_ASSERT(!b.ok());
    }
    void test_orphan_df_removed_but_not_locked_one() {
        queue::QueueDir qd(dir_);
        std::ofstream(dir_ + "/dfORPHAN0000001") << "x";
        auto live = queue::NewMessage::create(qd, 1796182524);
        CPPUNIT_ASSERT(live.ok());
        CPPUNIT_ASSERT_EQUAL(1, queue::remove_orphans(qd, std::time(nullptr) + 100, 10));
        CPPUNIT_ASSERT(fs::exists(qd.df_path(live->id())));
    }
    void test_mailq_columns() {
        queue::QueueListing e;
        e.id = "6AO1iDUI017840";
        e.size = 14;
        e.qf = sample();
        std::string out = queue::format_mailq("/q", {e});
        CPPUNIT_ASSERT_EQUAL(std::string("\t\t/q (1 request)\n"
                                         "-----Q-ID----- --Size-- -----Q-Time----- "
                                         "------------Sender/Recipient-----------\n"
                                         "6AO1iDUI017840       14 Tue Nov 24 01:44 alice@example.com\n"
                                         "\t\t\t\t\t mail\n\t\t\t\t\t bob@example.org\n"),
                             out);
        CPPUNIT_ASSERT_EQUAL(std::string("/q is empty\n"), queue::format_mailq("/q", {}));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(QueueTest);
