// test_queue_paths.cpp: queue paths ending in '*' (several queue directories
// per group): which subdirectories they stand for, the fallback when none
// matches, and the error sendmail gives when even that name is missing.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sysexits.h>

#include "queue/queue.hpp"

namespace fs = std::filesystem;

class QueuePathsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(QueuePathsTest);
    CPPUNIT_TEST(test_plain_path_is_itself);
    CPPUNIT_TEST(test_wildcard_takes_matching_subdirectories_only);
    CPPUNIT_TEST(test_bare_star_takes_hidden_directories_but_not_dot_entries);
    CPPUNIT_TEST(test_symlink_to_directory_counts_dangling_one_not);
    CPPUNIT_TEST(test_no_match_with_existing_name_falls_back_to_parent);
    CPPUNIT_TEST(test_no_match_at_all_is_opendir_error);
    CPPUNIT_TEST(test_star_inside_the_name_is_no_wildcard);
    CPPUNIT_TEST(test_display_path_is_the_df_directory);
    CPPUNIT_TEST_SUITE_END();

    std::string dir_;

    void mkdir(const std::string& name) { fs::create_directories(dir_ + "/" + name); }
    void touch(const std::string& name) { std::ofstream(dir_ + "/" + name) << "x"; }
    static std::vector<std::string> sorted(std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    }

public:
    void setUp() override {
        char tmpl[] = "/tmp/qpathsXXXXXX";
        dir_ = mkdtemp(tmpl);
    }
    void tearDown() override { fs::remove_all(dir_); }

    void test_plain_path_is_itself() {
        auto r = queue::expand_queue_path(dir_ + "/nowhere");
        CPPUNIT_ASSERT(r);
        CPPUNIT_ASSERT(*r == std::vector<std::string>{dir_ + "/nowhere"});
        CPPUNIT_ASSERT_EQUAL(dir_ + "/nowhere", queue::queue_base_directory(dir_ + "/nowhere"));
        CPPUNIT_ASSERT_EQUAL(dir_, queue::queue_base_directory(dir_ + "/q*"));
    }

    void test_wildcard_takes_matching_subdirectories_only() {
        mkdir("q2");
        mkdir("q1");
        mkdir("slow");
        touch("qfile");
        auto r = queue::expand_queue_path(dir_ + "/q*");
        CPPUNIT_ASSERT(r);
        CPPUNIT_ASSERT(sorted(*r) == (std::vector<std::string>{dir_ + "/q1", dir_ + "/q2"}));
    }

    void test_bare_star_takes_hidden_directories_but_not_dot_entries() {
        mkdir(".x");
        mkdir("a");
        touch("f");
        auto r = queue::expand_queue_path(dir_ + "/*");
        CPPUNIT_ASSERT(r);
        CPPUNIT_ASSERT(sorted(*r) == (std::vector<std::string>{dir_ + "/.x", dir_ + "/a"}));
    }

    void test_symlink_to_directory_counts_dangling_one_not() {
        mkdir("elsewhere");
        fs::create_directory_symlink(dir_ + "/elsewhere", dir_ + "/q1");
        fs::create_directory_symlink(dir_ + "/gone", dir_ + "/q2");
        auto r = queue::expand_queue_path(dir_ + "/q*");
        CPPUNIT_ASSERT(r);
        CPPUNIT_ASSERT(*r == std::vector<std::string>{dir_ + "/q1"});
    }

    void test_no_match_with_existing_name_falls_back_to_parent() {
        touch("q");  // a file named as the text before the '*'
        auto r = queue::expand_queue_path(dir_ + "/q*");
        CPPUNIT_ASSERT(r);
        CPPUNIT_ASSERT(*r == std::vector<std::string>{dir_});
        fs::remove(dir_ + "/q");
        r = queue::expand_queue_path(dir_ + "/*");  // "" names the parent itself
        CPPUNIT_ASSERT(r);
        CPPUNIT_ASSERT(*r == std::vector<std::string>{dir_});
    }

    void test_no_match_at_all_is_opendir_error() {
        mkdir("a");
        touch("qfile");
        auto r = queue::expand_queue_path(dir_ + "/q*");
        CPPUNIT_ASSERT(!r);
        CPPUNIT_ASSERT_EQUAL("can not opendir(" + dir_ + "/q): No such file or directory", r.error().message);
        CPPUNIT_ASSERT_EQUAL(EX_CONFIG, r.error().code);
    }

    void test_star_inside_the_name_is_no_wildcard() {
        mkdir("q1x");
        CPPUNIT_ASSERT(!queue::is_wildcard_path(dir_ + "/q*x"));
        auto r = queue::expand_queue_path(dir_ + "/q*x");
        CPPUNIT_ASSERT(r);
        CPPUNIT_ASSERT(*r == std::vector<std::string>{dir_ + "/q*x"});
    }

    void test_display_path_is_the_df_directory() {
        mkdir("plain");
        mkdir("split/qf");
        mkdir("split/df");
        mkdir("qfonly/qf");
        CPPUNIT_ASSERT_EQUAL(dir_ + "/plain", queue::QueueDir(dir_ + "/plain").display_path());
        CPPUNIT_ASSERT_EQUAL(dir_ + "/split/df", queue::QueueDir(dir_ + "/split").display_path());
        CPPUNIT_ASSERT_EQUAL(dir_ + "/qfonly", queue::QueueDir(dir_ + "/qfonly").display_path());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(QueuePathsTest);
