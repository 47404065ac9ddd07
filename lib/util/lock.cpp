// lock.cpp: fcntl and flock locking with a polling timeout; polling keeps it
// free of signals (alarm-interrupted waits race with other timers).
#include "util/lock.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sysexits.h>
#include <thread>
#include <unistd.h>

namespace util {

static bool try_lock(int fd, LockKind kind, LockMode mode, int& err) {
    int rc;
    if (kind == LockKind::Flock) {
        rc = ::flock(fd, (mode == LockMode::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB);
    } else {
        struct flock fl {};
        fl.l_type = mode == LockMode::Shared ? F_RDLCK : F_WRLCK;
        fl.l_whence = SEEK_SET;
        rc = ::fcntl(fd, F_SETLK, &fl);
    }
    err = rc == 0 ? 0 : errno;
    return rc == 0;
}

Status lock_fd(int fd, LockKind kind, LockMode mode, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(1);
    for (;;) {
        int err = 0;
        if (try_lock(fd, kind, mode, err)) return ok_status();
        bool busy = err == EWOULDBLOCK || err == EAGAIN || err == EACCES || err == EINTR;
        if (!busy) return Error(std::string("lock: ") + std::strerror(err), EX_OSERR);
        if (std::chrono::steady_clock::now() >= deadline) return Error("lock: held by another process", EX_TEMPFAIL);
        std::this_thread::sleep_for(pause);
        if (pause < std::chrono::milliseconds(50)) pause *= 2;
    }
}

Status unlock_fd(int fd, LockKind kind) {
    int rc;
    if (kind == LockKind::Flock) {
        rc = ::flock(fd, LOCK_UN);
    } else {
        struct flock fl {};
        fl.l_type = F_UNLCK;
        fl.l_whence = SEEK_SET;
        rc = ::fcntl(fd, F_SETLK, &fl);
    }
    if (rc != 0) return Error(std::string("unlock: ") + std::strerror(errno), EX_OSERR);
    return ok_status();
}

bool is_locked_by_other(int fd, LockKind kind) {
    if (kind == LockKind::Fcntl) {
        struct flock fl {};
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        if (::fcntl(fd, F_GETLK, &fl) != 0) return false;
        return fl.l_type != F_UNLCK;
    }
    // flock has no query: take a shared lock on a second open file description.
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    int other = ::open(path, O_RDONLY | O_CLOEXEC);
    if (other < 0) return false;
    bool locked = ::flock(other, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(other);
    return locked;
}

Result<ScopedLock> ScopedLock::acquire(int fd, LockKind kind, LockMode mode, std::chrono::milliseconds timeout) {
    if (auto st = lock_fd(fd, kind, mode, timeout); !st) return st.error();
    return ScopedLock(fd, kind);
}

ScopedLock::~ScopedLock() { (void)release(); }

Status ScopedLock::release() {
    if (fd_ < 0) return ok_status();
    int fd = fd_;
    fd_ = -1;
    return unlock_fd(fd, kind_);
}

}  // namespace util
