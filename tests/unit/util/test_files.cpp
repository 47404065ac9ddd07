// test_files.cpp: fd ownership, atomic writes and bounded reads.
#include <cppunit/extensions/HelperMacros.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "util/files.hpp"

class FilesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FilesTest);
    CPPUNIT_TEST(test_atomic_write_then_read_back);
    CPPUNIT_TEST(test_read_refuses_file_over_bound);
    CPPUNIT_TEST(test_unique_fd_closes_once);
    CPPUNIT_TEST(test_dirname_of);
    CPPUNIT_TEST(test_fsync_dir_of_missing_dir_fails);
    CPPUNIT_TEST_SUITE_END();

    std::string dir_;

public:
    void setUp() override {
        char tmpl[] = "/tmp/utilfilesXXXXXX";
        dir_ = ::mkdtemp(tmpl);
    }
    void tearDown() override { std::system(("rm -rf " + dir_).c_str()); }

    void test_atomic_write_then_read_back() {
        std::string p = dir_ + "/f";
        CPPUNIT_ASSERT(util::write_file_atomic(p, "hello\n", 0600).ok());
        auto r = util::read_file(p, 100);
        CPPUNIT_ASSERT(r.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("hello\n"), *r);
        struct stat st;
        CPPUNIT_ASSERT(::stat(p.c_str(), &st) == 0);
        CPPUNIT_ASSERT_EQUAL(0600, int(st.st_mode & 0777));
        CPPUNIT_ASSERT(::access((p + ".tmp").c_str(), F_OK) != 0);
    }
    void test_read_refuses_file_over_bound() {
        std::string p = dir_ + "/big";
        CPPUNIT_ASSERT(util::write_file_atomic(p, std::string(1000, 'a')).ok());
        CPPUNIT_ASSERT(!util::read_file(p, 999).ok());
        CPPUNIT_ASSERT(util::read_file(p, 1000).ok());
    }
    void test_unique_fd_closes_once() {
        int raw;
        {
            util::UniqueFd fd(::open("/dev/null", O_RDONLY));
            raw = fd.get();
            CPPUNIT_ASSERT(fd.valid());
            util::UniqueFd moved(std::move(fd));
            CPPUNIT_ASSERT(!fd.valid());
            CPPUNIT_ASSERT_EQUAL(raw, moved.get());
        }
        CPPUNIT_ASSERT(::fcntl(raw, F_GETFD) == -1);
    }
    void test_dirname_of() {
        CPPUNIT_ASSERT_EQUAL(std::string("/var/spool"), util::dirname_of("/var/spool/mqueue"));
        CPPUNIT_ASSERT_EQUAL(std::string("/"), util::dirname_of("/x"));
        CPPUNIT_ASSERT_EQUAL(std::string("."), util::dirname_of("x"));
    }
    void test_fsync_dir_of_missing_dir_fails() {
        CPPUNIT_ASSERT(util::fsync_dir(dir_).ok());
        CPPUNIT_ASSERT(!util::fsync_dir(dir_ + "/missing").ok());
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(FilesTest);
