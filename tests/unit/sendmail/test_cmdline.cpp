// test_cmdline.cpp: sendmail's flags, attached and separate arguments, clusters,
// and the modes chosen by the program's name.
#include <cppunit/extensions/HelperMacros.h>

#include <vector>

#include "sendmail/cmdline.hpp"

using sendmail::CommandLine;
using sendmail::Mode;

namespace {
bool parse(std::vector<std::string> words, CommandLine& cl, std::string& err) {
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    return sendmail::parse_command_line(static_cast<int>(argv.size()), argv.data(), cl, err);
}
}  // namespace

class CmdlineTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CmdlineTest);
    CPPUNIT_TEST(test_t_i_cluster_and_recipients);
    CPPUNIT_TEST(test_bt_with_config_and_options);
    CPPUNIT_TEST(test_mailq_name_selects_queue_listing);
    CPPUNIT_TEST(test_oi_sets_ignore_dots);
    CPPUNIT_TEST(test_queue_flags);
    CPPUNIT_TEST(test_unknown_mode_is_usage_error);
    CPPUNIT_TEST(test_missing_argument_is_usage_error);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_t_i_cluster_and_recipients() {
        CommandLine cl;
        std::string err;
        CPPUNIT_ASSERT(parse({"/usr/sbin/sendmail", "-ti", "-f", "root@example.com", "bob"}, cl, err));
        CPPUNIT_ASSERT(cl.mode == Mode::Deliver);
        CPPUNIT_ASSERT(cl.read_recipients && cl.ignore_dots);
        CPPUNIT_ASSERT_EQUAL(std::string("root@example.com"), *cl.from);
        CPPUNIT_ASSERT_EQUAL(size_t(1), cl.args.size());
    }
    void test_bt_with_config_and_options() {
        CommandLine cl;
        std::string err;
        CPPUNIT_ASSERT(parse({"sendmail", "-bt", "-Ctest.cf", "-O", "DontProbeInterfaces=true", "-d21.12"}, cl, err));
        CPPUNIT_ASSERT(cl.mode == Mode::AddressTest);
        CPPUNIT_ASSERT_EQUAL(std::string("test.cf"), cl.config_file);
        CPPUNIT_ASSERT_EQUAL(std::string("DontProbeInterfaces"), cl.options.at(0).first);
        CPPUNIT_ASSERT_EQUAL(std::string("true"), cl.options.at(0).second);
        CPPUNIT_ASSERT_EQUAL(std::string("21.12"), cl.debug.at(0));
    }
    void test_mailq_name_selects_queue_listing() {
        CommandLine cl;
        std::string err;
        CPPUNIT_ASSERT(parse({"/usr/bin/mailq"}, cl, err));
        CPPUNIT_ASSERT(cl.mode == Mode::PrintQueue);
        CommandLine n;
        CPPUNIT_ASSERT(parse({"newaliases"}, n, err));
        CPPUNIT_ASSERT(n.mode == Mode::InitAliases);
    }
    void test_oi_sets_ignore_dots() {
        CommandLine cl;
        std::string err;
        CPPUNIT_ASSERT(parse({"sendmail", "-oi", "-odq", "x"}, cl, err));
        CPPUNIT_ASSERT(cl.ignore_dots);
        CPPUNIT_ASSERT_EQUAL(std::string("d"), cl.options.at(1).first);
        CPPUNIT_ASSERT_EQUAL(std::string("q"), cl.options.at(1).second);
    }
    void test_queue_flags() {
        CommandLine cl;
        std::string err;
        CPPUNIT_ASSERT(parse({"sendmail", "-q", "-qRexample.com", "-q!Sfoo"}, cl, err));
        CPPUNIT_ASSERT(cl.mode == Mode::QueueRun);
        CPPUNIT_ASSERT_EQUAL(size_t(2), cl.queue_selectors.size());
        CPPUNIT_ASSERT_EQUAL(std::string("!Sfoo"), cl.queue_selectors[1]);
        CommandLine d;
        CPPUNIT_ASSERT(parse({"sendmail", "-bd", "-q15m"}, d, err));
        CPPUNIT_ASSERT(d.mode == Mode::Daemon);
        CPPUNIT_ASSERT_EQUAL(std::string("15m"), *d.queue_arg);
    }
    void test_unknown_mode_is_usage_error() {
        CommandLine cl;
        std::string err;
        CPPUNIT_ASSERT(!parse({"sendmail", "-bz"}, cl, err));
        CPPUNIT_ASSERT_EQUAL(std::string("Invalid operation mode z"), err);
    }
    void test_missing_argument_is_usage_error() {
        CommandLine cl;
        std::string err;
        CPPUNIT_ASSERT(!parse({"sendmail", "-C"}, cl, err));
        CPPUNIT_ASSERT_EQUAL(std::string("option requires an argument -- C"), err);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(CmdlineTest);
