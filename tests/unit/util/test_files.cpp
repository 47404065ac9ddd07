// test_files.cpp: fd ownership, atomic writes and bounded reads.
#include <cppunit/extensions/HelperMacros.h>
#include <dirent.h>
#include <fcntl.h>
#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <utility>

#include "util/files.hpp"

class FilesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FilesTest);
    CPPUNIT_TEST(test_atomic_write_then_read_back);
    CPPUNIT_TEST(test_read_refuses_file_over_bound);
    CPPUNIT_TEST(test_unique_fd_closes_once);
    CPPUNIT_TEST(test_dirname_of);
    CPPUNIT_TEST(test_fsync_dir_of_missing_dir_fails);
    CPPUNIT_TEST(test_fsync_of_file_and_parent_dir);
    CPPUNIT_TEST(test_fsync_of_closed_fd_fails);
    CPPUNIT_TEST(test_atomic_write_replaces_existing_file);
    CPPUNIT_TEST(test_failed_atomic_write_leaves_no_temporary);
    CPPUNIT_TEST(test_atomic_write_into_missing_dir_fails);
    CPPUNIT_TEST(test_read_of_missing_file_names_it);
    CPPUNIT_TEST(test_read_of_empty_file_and_zero_bound);
    CPPUNIT_TEST(test_write_all_to_closed_pipe_fails);
    CPPUNIT_TEST(test_unique_fd_move_assign_closes_old);
    CPPUNIT_TEST(test_unsafe_directory_on_path_names_the_first_writable_one);
    CPPUNIT_TEST(test_stdio_to_devnull_lets_go_of_the_callers_pipe);
    CPPUNIT_TEST_SUITE_END();

    std::string dir_;

public:
    void setUp() override {
        char tmpl[] = "/tmp/utilfilesXXXXXX";
        dir_ = ::mkdtemp(tmpl);
    }
    void tearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

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
        CPPUNIT_ASSERT_EQUAL(std::string("/var/spool"), util::dirname_of("/var/spool/mqueue/"));
        CPPUNIT_ASSERT_EQUAL(std::string("a"), util::dirname_of("a//b"));
        CPPUNIT_ASSERT_EQUAL(std::string("/"), util::dirname_of("/"));
        CPPUNIT_ASSERT_EQUAL(std::string("."), util::dirname_of(""));
    }
    void test_fsync_dir_of_missing_dir_fails() {
        CPPUNIT_ASSERT(util::fsync_dir(dir_).ok());
        CPPUNIT_ASSERT(!util::fsync_dir(dir_ + "/missing").ok());
    }
    void test_fsync_of_file_and_parent_dir() {
        std::string p = dir_ + "/qfX";
        util::UniqueFd fd(::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600));
        CPPUNIT_ASSERT(util::write_all(fd.get(), "V8\n").ok());
        CPPUNIT_ASSERT(util::fsync_fd(fd.get()).ok());
        CPPUNIT_ASSERT(util::fsync_parent_dir(p).ok());
    }
    void test_fsync_of_closed_fd_fails() {
        auto st = util::fsync_fd(-1);
        CPPUNIT_ASSERT(!st.ok());
        CPPUNIT_ASSERT(st.error().message.find("fsync") != std::string::npos);
    }
    void test_atomic_write_replaces_existing_file() {
        std::string p = dir_ + "/aliases";
        CPPUNIT_ASSERT(util::write_file_atomic(p, "old\n").ok());
        CPPUNIT_ASSERT(util::write_file_atomic(p, "new\n", 0640).ok());
        CPPUNIT_ASSERT_EQUAL(std::string("new\n"), *util::read_file(p, 100));
        struct stat st;
        CPPUNIT_ASSERT(::stat(p.c_str(), &st) == 0);
        CPPUNIT_ASSERT_EQUAL(0640, int(st.st_mode & 0777));
        CPPUNIT_ASSERT_EQUAL(size_t(1), entries());
    }
    void test_failed_atomic_write_leaves_no_temporary() {
        // Renaming a file over a directory fails after the temporary was written.
        std::string p = dir_ + "/sub";
        CPPUNIT_ASSERT(::mkdir(p.c_str(), 0700) == 0);
        ::close(::open((p + "/keep").c_str(), O_WRONLY | O_CREAT, 0600));
        auto st = util::write_file_atomic(p, "data");
        CPPUNIT_ASSERT(!st.ok());
        CPPUNIT_ASSERT(st.error().message.find("rename") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(size_t(1), entries());
    }
    void test_atomic_write_into_missing_dir_fails() {
        auto st = util::write_file_atomic(dir_ + "/no/such/file", "x");
        CPPUNIT_ASSERT(!st.ok());
        CPPUNIT_ASSERT(st.error().message.find(dir_ + "/no/such/file") != std::string::npos);
    }
    void test_read_of_missing_file_names_it() {
        auto r = util::read_file(dir_ + "/missing", 10);
        CPPUNIT_ASSERT(!r.ok());
        CPPUNIT_ASSERT_EQUAL(dir_ + "/missing: No such file or directory", r.error().message);
    }
    void test_read_of_empty_file_and_zero_bound() {
        std::string p = dir_ + "/empty";
        CPPUNIT_ASSERT(util::write_file_atomic(p, "").ok());
        auto r = util::read_file(p, 0);
        CPPUNIT_ASSERT(r.ok());
        CPPUNIT_ASSERT(r->empty());
        CPPUNIT_ASSERT(util::write_file_atomic(p, "x").ok());
        CPPUNIT_ASSERT(!util::read_file(p, 0).ok());
    }
    void test_write_all_to_closed_pipe_fails() {
        int fds[2];
        CPPUNIT_ASSERT(::pipe(fds) == 0);
        ::close(fds[0]);
        auto old = ::signal(SIGPIPE, SIG_IGN);
        auto st = util::write_all(fds[1], "data");
        ::signal(SIGPIPE, old);
        ::close(fds[1]);
        CPPUNIT_ASSERT(!st.ok());
        CPPUNIT_ASSERT(st.error().message.find("Broken pipe") != std::string::npos);
    }
    void test_unique_fd_move_assign_closes_old() {
        util::UniqueFd a(::open("/dev/null", O_RDONLY));
        util::UniqueFd b(::open("/dev/null", O_RDONLY));
        int old_a = a.get(), old_b = b.get();
        a = std::move(b);
        CPPUNIT_ASSERT_EQUAL(old_b, a.get());
        CPPUNIT_ASSERT(!b.valid());
        CPPUNIT_ASSERT(::fcntl(old_a, F_GETFD) == -1);
        int raw = a.release();
        CPPUNIT_ASSERT(!a.valid());
        CPPUNIT_ASSERT(::fcntl(raw, F_GETFD) != -1);
        ::close(raw);
    }

    // Relative names are looked at from "." down, so the test's directories
    // do not depend on where the build tree is.
    void test_unsafe_directory_on_path_names_the_first_writable_one() {
        char tmpl[] = "utilsafeXXXXXX";
        std::string top = ::mkdtemp(tmpl);
        ::chmod(top.c_str(), 0755);
        for (auto [name, mode] : {std::pair{"/ok", 0755}, {"/gw", 0775}, {"/ww", 0777}, {"/ww/sub", 0755}}) {
            ::mkdir((top + name).c_str(), 0700);
            ::chmod((top + name).c_str(), mode);
        }
        CPPUNIT_ASSERT_EQUAL(std::string(), util::unsafe_directory_on_path(top + "/ok/f", false));
        CPPUNIT_ASSERT_EQUAL(std::string("Group writable directory"), util::unsafe_directory_on_path(top + "/gw/f", false));
        CPPUNIT_ASSERT_EQUAL(std::string(), util::unsafe_directory_on_path(top + "/gw/f", true));
        CPPUNIT_ASSERT_EQUAL(std::string("World writable directory"), util::unsafe_directory_on_path(top + "/ww/f", true));
        CPPUNIT_ASSERT_EQUAL(std::string("World writable directory"), util::unsafe_directory_on_path(top + "/ww/sub/f", false));
        std::system(("rm -rf '" + top + "'").c_str());
    }

private:
    size_t entries() {
        size_t n = 0;
        DIR* d = ::opendir(dir_.c_str());
        while (dirent* e = ::readdir(d))
            if (e->d_name[0] != '.') ++n;
        ::closedir(d);
        return n;
    }

    // A child that detaches no longer holds the pipe: its reader sees the end
    // although the child still runs.
    void test_stdio_to_devnull_lets_go_of_the_callers_pipe() {
        int p[2];
        CPPUNIT_ASSERT_EQUAL(0, ::pipe(p));
        pid_t pid = ::fork();
        if (pid == 0) {
            ::dup2(p[1], 1);
            ::close(p[0]);
            ::close(p[1]);
            util::stdio_to_devnull();
            struct stat st {};
            bool devnull = ::fstat(1, &st) == 0 && S_ISCHR(st.st_mode);
            ::pause();
            ::_exit(devnull ? 0 : 1);
        }
        ::close(p[1]);
        char c;
        CPPUNIT_ASSERT_EQUAL(ssize_t(0), ::read(p[0], &c, 1));
        ::close(p[0]);
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(FilesTest);
