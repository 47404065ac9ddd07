// files.cpp: fd ownership, whole-buffer writes and fsync of files and directories.
#include "util/files.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

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
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    auto pos = path.rfind('/');
    if (pos == std::string_view::npos) return ".";
    while (pos > 0 && path[pos - 1] == '/') --pos;  // "a//b" -> "a"
    if (pos == 0) return "/";
    return std::string(path.substr(0, pos));
}

Status fsync_dir(const std::string& dir) {
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) return errno_error("open " + dir);
    return fsync_fd(fd.get());
}

Status fsync_parent_dir(std::string_view path) { return fsync_dir(dirname_of(path)); }

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
    std::string tmp = path + ".tmpXXXXXX";
    UniqueFd fd(::mkostemp(tmp.data(), O_CLOEXEC));
    if (!fd.valid()) return errno_error("create " + tmp);
    // Removes the temporary unless the rename below took it.
    struct Remover {
        const std::string& name;
        bool armed = true;
        ~Remover() {
            if (armed) ::unlink(name.c_str());
        }
    } remover{tmp};
    if (::fchmod(fd.get(), static_cast<mode_t>(mode)) != 0) return errno_error("chmod " + tmp);
    if (auto st = write_all(fd.get(), data); !st) return st;
    if (auto st = fsync_fd(fd.get()); !st) return st;
    if (::close(fd.release()) != 0) return errno_error("close " + tmp);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return errno_error("rename " + tmp + " to " + path);
    remover.armed = false;
    return fsync_parent_dir(path);
}

namespace {
// The directories holding `path`, outermost first.
std::vector<std::string> parent_dirs(const std::string& path) {
    std::vector<std::string> dirs;
    if (path.empty()) return dirs;
    dirs.push_back(path[0] == '/' ? "/" : ".");
    for (size_t pos = path.find('/', 1); pos != std::string::npos; pos = path.find('/', pos + 1)) {
        std::string d = path.substr(0, pos);
        if (path[0] != '/') d = "./" + d;
        dirs.push_back(d);
    }
    return dirs;
}
}  // namespace

std::string unsafe_directory_on_path(const std::string& path, bool group_writable_ok) {
    for (const auto& d : parent_dirs(path)) {
        struct stat st;
        if (stat(d.c_str(), &st) != 0) continue;
        if (st.st_mode & S_IWOTH) return "World writable directory";
        if ((st.st_mode & S_IWGRP) && !group_writable_ok) return "Group writable directory";
    }
    return {};
}

void stdio_to_devnull() {
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull < 0) return;
    for (int fd = 0; fd <= 2; ++fd) dup2(devnull, fd);
    close(devnull);
}

}  // namespace util
