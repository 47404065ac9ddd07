// safety.hpp: the file checks makemap makes before it writes a map (writable
// directories on the path, symbolic links), and the TrustedUser that owns
// maps root builds (read from sendmail.cf).
#pragma once

#include <optional>
#include <string>
#include <sys/types.h>

#include "util/result.hpp"

namespace makemap {

// Warns on stderr ("WARNING: Group writable directory d") for every
// directory on `path` that others may write, as sendmail does when run by root.
void warn_unsafe_directories(const std::string& path);
// A symbolic link where the map file goes is refused unless -s.
bool is_symlink(const std::string& path);
// The file a symbolic link leads to (through any further links), absolute;
// nullopt when it leads nowhere.
std::optional<std::string> link_target(const std::string& path);

// The uid of the cf file's TrustedUser option, if set. A missing explicit
// cf file is an error (EX_NOINPUT); a missing default one is not.
util::Result<std::optional<uid_t>> trusted_user(const std::string& cf_path, bool explicit_cf);

}  // namespace makemap
