// test_lock.cpp: fcntl and flock locks seen from another process, and the timeout.
#include <cppunit/extensions/HelperMacros.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "util/files.hpp"
#include "util/lock.hpp"

using namespace std::chrono_literals;

namespace {
// Runs `body` in a child process and returns its exit status.
template <typename F>
int in_child(F body) {
    pid_t pid = ::fork();
    if (pid == 0) ::_exit(body());
    int st = 0;
    ::waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}
}  // namespace

class LockTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LockTest);
    CPPUNIT_TEST(test_fcntl_lock_blocks_other_process_until_timeout);
    CPPUNIT_TEST(test_flock_lock_blocks_other_process);
    CPPUNIT_TEST(test_shared_locks_coexist);
    CPPUNIT_TEST(test_unlock_releases);
    CPPUNIT_TEST_SUITE_END();

    std::string path_;

public:
    void setUp() override {
        char tmpl[] = "/tmp/utillockXXXXXX";
        int fd = ::mkstemp(tmpl);
        ::close(fd);
        path_ = tmpl;
    }
    void tearDown() override { ::unlink(path_.c_str()); }

    void check_exclusive(util::LockKind kind) {
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        CPPUNIT_ASSERT(util::lock_fd(fd.get(), kind, util::LockMode::Exclusive, 0ms).ok());
        int rc = in_child([&] {
            util::UniqueFd other(::open(path_.c_str(), O_RDWR));
            if (!util::is_locked_by_other(other.get(), kind)) return 2;
            auto st = util::lock_fd(other.get(), kind, util::LockMode::Exclusive, 50ms);
            return st.ok() ? 0 : st.error().code;
        });
        CPPUNIT_ASSERT_EQUAL(EX_TEMPFAIL, rc);
    }
    void test_fcntl_lock_blocks_other_process_until_timeout() { check_exclusive(util::LockKind::Fcntl); }
    void test_flock_lock_blocks_other_process() { check_exclusive(util::LockKind::Flock); }
    void test_shared_locks_coexist() {
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        CPPUNIT_ASSERT(util::lock_fd(fd.get(), util::LockKind::Flock, util::LockMode::Shared, 0ms).ok());
        int rc = in_child([&] {
            util::UniqueFd other(::open(path_.c_str(), O_RDWR));
            return util::lock_fd(other.get(), util::LockKind::Flock, util::LockMode::Shared, 0ms).ok() ? 0 : 1;
        });
        CPPUNIT_ASSERT_EQUAL(0, rc);
    }
    void test_unlock_releases() {
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        CPPUNIT_ASSERT(util::lock_fd(fd.get(), util::LockKind::Fcntl, util::LockMode::Exclusive, 0ms).ok());
        CPPUNIT_ASSERT(util::unlock_fd(fd.get(), util::LockKind::Fcntl).ok());
        int rc = in_child([&] {
            util::UniqueFd other(::open(path_.c_str(), O_RDWR));
            return util::lock_fd(other.get(), util::LockKind::Fcntl, util::LockMode::Exclusive, 0ms).ok() ? 0 : 1;
        });
        CPPUNIT_ASSERT_EQUAL(0, rc);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(LockTest);
