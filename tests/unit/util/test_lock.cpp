// test_lock.cpp: fcntl and flock locks seen from another process, and the timeout.
#include <cppunit/extensions/HelperMacros.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <csignal>
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
    CPPUNIT_TEST(test_timeout_waits_about_as_long_as_asked);
    CPPUNIT_TEST(test_waiter_gets_lock_when_holder_lets_go);
    CPPUNIT_TEST(test_shared_lock_blocks_exclusive);
    CPPUNIT_TEST(test_fcntl_exclusive_on_read_only_fd_is_an_error_not_a_wait);
    CPPUNIT_TEST(test_bad_fd_is_an_error);
    CPPUNIT_TEST(test_scoped_lock_releases_at_end_of_scope);
    CPPUNIT_TEST(test_scoped_lock_reports_timeout);
    CPPUNIT_TEST(test_unlocked_file_is_not_locked_by_other);
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
    // A child that takes the lock, tells the parent through a pipe, holds it
    // for `hold`, then exits (which releases it).
    pid_t holder(util::LockKind kind, util::LockMode mode, std::chrono::milliseconds hold) {
        int fds[2];
        CPPUNIT_ASSERT(::pipe(fds) == 0);
        pid_t pid = ::fork();
        if (pid == 0) {
            util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
            if (!util::lock_fd(fd.get(), kind, mode, 0ms).ok()) ::_exit(1);
            (void)!::write(fds[1], "L", 1);
            ::usleep(static_cast<useconds_t>(hold.count() * 1000));
            ::_exit(0);
        }
        ::close(fds[1]);
        char c = 0;
        CPPUNIT_ASSERT_EQUAL(ssize_t(1), ::read(fds[0], &c, 1));
        ::close(fds[0]);
        return pid;
    }
    static void reap(pid_t pid) {
        int st = 0;
        ::waitpid(pid, &st, 0);
    }
    void test_timeout_waits_about_as_long_as_asked() {
        pid_t pid = holder(util::LockKind::Fcntl, util::LockMode::Exclusive, 3000ms);
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        auto t0 = std::chrono::steady_clock::now();
        auto st = util::lock_fd(fd.get(), util::LockKind::Fcntl, util::LockMode::Exclusive, 200ms);
        auto waited = std::chrono::steady_clock::now() - t0;
        ::kill(pid, SIGKILL);
        reap(pid);
        CPPUNIT_ASSERT(!st.ok());
        CPPUNIT_ASSERT_EQUAL(EX_TEMPFAIL, st.error().code);
        CPPUNIT_ASSERT(waited >= 200ms);
        CPPUNIT_ASSERT(waited < 1500ms);
    }
    void test_waiter_gets_lock_when_holder_lets_go() {
        pid_t pid = holder(util::LockKind::Flock, util::LockMode::Exclusive, 100ms);
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        auto st = util::lock_fd(fd.get(), util::LockKind::Flock, util::LockMode::Exclusive, 5000ms);
        reap(pid);
        CPPUNIT_ASSERT(st.ok());
    }
    void test_shared_lock_blocks_exclusive() {
        pid_t pid = holder(util::LockKind::Fcntl, util::LockMode::Shared, 3000ms);
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        auto excl = util::lock_fd(fd.get(), util::LockKind::Fcntl, util::LockMode::Exclusive, 0ms);
        auto shared = util::lock_fd(fd.get(), util::LockKind::Fcntl, util::LockMode::Shared, 0ms);
        ::kill(pid, SIGKILL);
        reap(pid);
        CPPUNIT_ASSERT(!excl.ok());
        CPPUNIT_ASSERT_EQUAL(EX_TEMPFAIL, excl.error().code);
        CPPUNIT_ASSERT(shared.ok());
    }
    void test_fcntl_exclusive_on_read_only_fd_is_an_error_not_a_wait() {
        util::UniqueFd fd(::open(path_.c_str(), O_RDONLY));
        auto t0 = std::chrono::steady_clock::now();
        auto st = util::lock_fd(fd.get(), util::LockKind::Fcntl, util::LockMode::Exclusive, 5000ms);
        CPPUNIT_ASSERT(!st.ok());
        CPPUNIT_ASSERT_EQUAL(EX_OSERR, st.error().code);
        CPPUNIT_ASSERT(std::chrono::steady_clock::now() - t0 < 1000ms);
    }
    void test_bad_fd_is_an_error() {
        for (auto kind : {util::LockKind::Fcntl, util::LockKind::Flock}) {
            auto st = util::lock_fd(-1, kind, util::LockMode::Shared, 1000ms);
            CPPUNIT_ASSERT(!st.ok());
            CPPUNIT_ASSERT_EQUAL(EX_OSERR, st.error().code);
            CPPUNIT_ASSERT(!util::unlock_fd(-1, kind).ok());
            CPPUNIT_ASSERT(!util::is_locked_by_other(-1, kind));
        }
    }
    void test_scoped_lock_releases_at_end_of_scope() {
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        for (auto kind : {util::LockKind::Fcntl, util::LockKind::Flock}) {
            {
                auto lock = util::ScopedLock::acquire(fd.get(), kind, util::LockMode::Exclusive, 0ms);
                CPPUNIT_ASSERT(lock.ok());
                CPPUNIT_ASSERT_EQUAL(1, in_child([&] {
                                         util::UniqueFd other(::open(path_.c_str(), O_RDWR));
                                         return util::is_locked_by_other(other.get(), kind) ? 1 : 0;
                                     }));
            }
            CPPUNIT_ASSERT_EQUAL(0, in_child([&] {
                                     util::UniqueFd other(::open(path_.c_str(), O_RDWR));
                                     return util::is_locked_by_other(other.get(), kind) ? 1 : 0;
                                 }));
        }
    }
    void test_scoped_lock_reports_timeout() {
        pid_t pid = holder(util::LockKind::Flock, util::LockMode::Exclusive, 3000ms);
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        auto lock = util::ScopedLock::acquire(fd.get(), util::LockKind::Flock, util::LockMode::Shared, 20ms);
        ::kill(pid, SIGKILL);
        reap(pid);
        CPPUNIT_ASSERT(!lock.ok());
        CPPUNIT_ASSERT_EQUAL(EX_TEMPFAIL, lock.error().code);
    }
    void test_unlocked_file_is_not_locked_by_other() {
        util::UniqueFd fd(::open(path_.c_str(), O_RDWR));
        CPPUNIT_ASSERT(!util::is_locked_by_other(fd.get(), util::LockKind::Fcntl));
        CPPUNIT_ASSERT(!util::is_locked_by_other(fd.get(), util::LockKind::Flock));
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(LockTest);
