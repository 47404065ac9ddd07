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
// True when another process holds a lock of this kind on fd (does not lock).
bool is_locked_by_other(int fd, LockKind kind);

}  // namespace util
