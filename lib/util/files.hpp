// files.hpp: owning file descriptors and the durability primitives: a message
// is acknowledged only after its file and its directory are fsync'ed.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace util {

// Owns a file descriptor; closes it once.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept;
    ~UniqueFd();

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release();
    void reset(int fd = -1);

private:
    int fd_ = -1;
};

// fsync(2) of an open file, retried on EINTR.
Status fsync_fd(int fd);
// fsync of the directory `dir` itself, so an entry created, renamed or
// removed in it survives a crash.
Status fsync_dir(const std::string& dir);
// fsync of the directory that holds `path` (after creating or renaming it).
Status fsync_parent_dir(std::string_view path);
// The directory part of a path: "/var/spool/mqueue" -> "/var/spool", "x" -> ".".
std::string dirname_of(std::string_view path);

// sendmail's rule for the directories above a map or class file: the first
// one, from the root (or "." for a relative name) down to the file's own,
// that is world writable ("World writable directory") or group writable
// ("Group writable directory", unless group_writable_ok); "" when none is.
// Directories that cannot be looked at are passed over.
std::string unsafe_directory_on_path(const std::string& path, bool group_writable_ok);

// write(2) of the whole buffer, retried on EINTR and short writes.
Status write_all(int fd, std::string_view data);
// Whole-file read, bounded: fails if the file is larger than max_bytes.
Result<std::string> read_file(const std::string& path, size_t max_bytes);
// Writes `data` to a fresh temporary file beside `path`, fsyncs it, renames it
// over `path` and fsyncs the directory: readers see the old or the new file,
// never a part. Concurrent writers do not share the temporary; on failure it is removed.
Status write_file_atomic(const std::string& path, std::string_view data, int mode = 0644);

// Standard input, output and error onto /dev/null: a process that goes on
// after its parent returned must not hold the caller's pipes or terminal.
void stdio_to_devnull();

}  // namespace util
