// safety.cpp: directory and link checks, TrustedUser lookup. Only the first
// occurrence of TrustedUser in the cf counts, numbers or user names alike.
#include "makemap/safety.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <sysexits.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "util/strings.hpp"

namespace makemap {

void warn_unsafe_directories(const std::string& path) {
    // Every directory prefix of the path as written, then "." for a bare name.
    std::vector<std::string> dirs;
    for (size_t pos = path.find('/', 1); pos != std::string::npos; pos = path.find('/', pos + 1))
        dirs.push_back(path.substr(0, pos));
    if (path.find('/') == std::string::npos) dirs.push_back(".");
    for (const auto& d : dirs) {
        struct stat st;
        if (stat(d.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        const char* what = (st.st_mode & S_IWOTH) ? "World" : (st.st_mode & S_IWGRP) ? "Group" : nullptr;
        if (what == nullptr) continue;
        // sendmail checks the path twice (the map and its lock) and warns each time.
        for (int i = 0; i < 2; ++i) std::fprintf(stderr, "WARNING: %s writable directory %s\n", what, d.c_str());
    }
}

bool is_symlink(const std::string& path) {
    struct stat st;
    return lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

std::optional<std::string> link_target(const std::string& path) {
    char resolved[PATH_MAX];
    if (realpath(path.c_str(), resolved) == nullptr) return std::nullopt;
    return std::string(resolved);
}

namespace {

std::optional<uid_t> resolve_user(const std::string& name) {
    if (name.empty()) return std::nullopt;
    if (name.find_first_not_of("0123456789") == std::string::npos) return static_cast<uid_t>(std::stoul(name));
    struct passwd* pw = getpwnam(name.c_str());
    if (pw == nullptr) return std::nullopt;
    return pw->pw_uid;
}

}  // namespace

util::Result<std::optional<uid_t>> trusted_user(const std::string& cf_path, bool explicit_cf) {
    std::ifstream in(cf_path);
    if (!in) {
        if (!explicit_cf) return std::optional<uid_t>();
        return util::Error(cf_path + ": " + std::strerror(errno ? errno : ENOENT), EX_NOINPUT);
    }
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("O TrustedUser", 0) != 0) continue;
        size_t eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string user(util::trim(std::string_view(line).substr(eq + 1)));
        return resolve_user(user);
    }
    return std::optional<uid_t>();
}

}  // namespace makemap
