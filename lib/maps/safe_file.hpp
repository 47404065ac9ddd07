// safe_file.hpp: sendmail's safety rules for a map file before it is opened:
// no group or world writable directory on its path, a regular file, neither
// a symbolic link nor writable by others. Internal to lib/maps.
#pragma once

#include <string>
#include <string_view>

namespace maps {

struct FileVerdict {
    bool safe = true;
    bool quiet = false;  // refused without a message (sendmail says nothing)
    std::string reason;  // "World writable directory", "Regular files only", ...
};

// `dont_blame` is the DontBlameSendmail option's value: MapInUnsafeDirPath
// and GroupWritableDirPathSafe relax the directory rule as in sendmail.
FileVerdict check_map_file(const std::string& path, std::string_view dont_blame);

}  // namespace maps
