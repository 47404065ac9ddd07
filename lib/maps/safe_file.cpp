// safe_file.cpp: the checks of safe_file.hpp. Every directory from the root
// (or the current directory for a relative name) down to the file's own is
// looked at, as sendmail's safefile() does for maps.
#include "maps/safe_file.hpp"

#include <sys/stat.h>

#include "util/strings.hpp"

namespace maps {

namespace {

bool has_word(std::string_view list, std::string_view word) {
    for (const auto& w : util::split(std::string(list), ','))
        for (const auto& v : util::split_words(w))
            if (util::iequals(v, word)) return true;
    return false;
}

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

FileVerdict check_map_file(const std::string& path, std::string_view dont_blame) {
    bool any_dir = has_word(dont_blame, "MapInUnsafeDirPath");
    bool group_ok = any_dir || has_word(dont_blame, "GroupWritableDirPathSafe");
    if (!any_dir) {
        for (const auto& d : parent_dirs(path)) {
            struct stat st;
            if (stat(d.c_str(), &st) != 0) continue;
            if (st.st_mode & S_IWOTH) return {false, false, "World writable directory"};
            if ((st.st_mode & S_IWGRP) && !group_ok) return {false, false, "Group writable directory"};
        }
    }
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) return {};
    if (S_ISLNK(st.st_mode)) return {false, true, "Symbolic links not allowed"};
    if (!S_ISREG(st.st_mode)) return {false, false, "Regular files only"};
    if (st.st_mode & (S_IWGRP | S_IWOTH)) return {false, true, "writable by others"};
    return {};
}

}  // namespace maps
