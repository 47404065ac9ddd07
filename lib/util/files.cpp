// files.cpp: fd ownership, whole-buffer writes and fsync of files and directories.
#include "util/files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace util {

UniqueFd& UniqueFd::operator=(UniqueFd&& o) noexcept {
    if (this != &o) reset(o.release());
    return *this;
}

UniqueFd::~UniqueFd() { reset(); }

int UniqueFd::release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
}

void UniqueFd::reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
}

static Error errno_error(const std::string& what) { return Error(what + ": " + std::strerror(errno)); }

Status fsync_fd(int fd) {
    while (::fsync(fd) != 0)
        if (errno != EINTR) return errno_error("fsync");
    return ok_status();
}

std::string dirname_of(std::string_view path) {
    auto pos = path.rfind('/');
    if (pos == std::string_view::npos) return ".";
    if (pos == 0) return "/";
    return std::string(path.substr(0, pos));
}

Status fsync_dir(const std::string& dir) {
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) return errno_error("open " + dir);
    return fsync_fd(fd.get());
}

Status write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno_error("write");
        }
        data.remove_prefix(static_cast<size_t>(n));
    }
    return ok_status();
}

Result<std::string> read_file(const std::string& path, size_t max_bytes) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) return errno_error(path);
    std::string out;
    char buf[16384];
    for (;;) {
        ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno_error(path);
        }
        if (n == 0) break;
        if (out.size() + static_cast<size_t>(n) > max_bytes) return Error(path + ": file too large");
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

Status write_file_atomic(const std::string& path, std::string_view data, int mode) {
    std::string tmp = path + ".tmp";
    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
    if (!fd.valid()) return errno_error("create " + tmp);
    if (auto st = write_all(fd.get(), data); !st) return st;
    if (auto st = fsync_fd(fd.get()); !st) return st;
    fd.reset();
    if (::rename(tmp.c_str(), path.c_str()) != 0) return errno_error("rename " + tmp);
    return fsync_dir(dirname_of(path));
}

}  // namespace util
