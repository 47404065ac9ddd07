// safe_file.cpp: the checks of safe_file.hpp. Every directory from the root
// (or the current directory for a relative name) down to the file's own is
// looked at, as sendmail's safefile() does for maps.
#include "maps/safe_file.hpp"

#include <sys/stat.h>

#include "util/files.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

bool has_word(std::string_view list, std::string_view word) {
    for (const auto& w : util::split(std::string(list), ','))
        for (const auto& v : util::split_words(w))
            if (util::iequals(v, word)) return true;
    return false;
}

}  // namespace

FileVerdict check_map_file(const std::string& path, std::string_view dont_blame) {
    bool any_dir = has_word(dont_blame, "MapInUnsafeDirPath");
    bool group_ok = any_dir || has_word(dont_blame, "GroupWritableDirPathSafe");
    if (!any_dir) {
        std::string dir = util::unsafe_directory_on_path(path, group_ok);
        if (!dir.empty()) return {false, false, dir};
    }
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) return {};
    if (S_ISLNK(st.st_mode)) return {false, true, "Symbolic links not allowed"};
    if (!S_ISREG(st.st_mode)) return {false, false, "Regular files only"};
    if (st.st_mode & (S_IWGRP | S_IWOTH)) return {false, true, "writable by others"};
    return {};
}

}  // namespace maps
