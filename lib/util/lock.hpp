// lock.hpp: advisory file locks, fcntl (what mailbox tools use) and flock
// (what sendmail's queue uses), with a timeout instead of blocking forever.
#pragma once

#include <chrono>

#include "util/result.hpp"

namespace util {

enum class LockKind { Fcntl, Flock };
enum class LockMode { Shared, Exclusive };

// Tries to lock fd; waits up to `timeout` (zero: one try). Fails with
// code EX_TEMPFAIL when the lock is held by someone else past the timeout.
Status lock_fd(int fd, LockKind kind, LockMode mode, std::chrono::milliseconds timeout);
Status unlock_fd(int fd, LockKind kind);
// True when someone else holds a lock of this kind on the file (does not
// lock). fcntl: another process. flock: another open file description,
// which may be one of ours (flock locks belong to descriptions, not processes).
bool is_locked_by_other(int fd, LockKind kind);

// A lock held for a scope: released when the object goes away. The fd is
// not owned and must outlive the lock.
class ScopedLock {
public:
    static Result<ScopedLock> acquire(int fd, LockKind kind, LockMode mode, std::chrono::milliseconds timeout);
    ScopedLock(ScopedLock&& o) noexcept : fd_(o.fd_), kind_(o.kind_) { o.fd_ = -1; }
    ScopedLock& operator=(ScopedLock&&) = delete;
    ScopedLock(const ScopedLock&) = delete;
    ~ScopedLock();
    // Releases now; reports what unlocking said.
    Status release();

private:
    ScopedLock(int fd, LockKind kind) : fd_(fd), kind_(kind) {}
    int fd_;
    LockKind kind_;
};

}  // namespace util
