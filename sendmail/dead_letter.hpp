// dead_letter.hpp: sendmail's last resort for a message it will neither
// queue nor return by mail: an mbox entry appended to dead.letter in the
// password-file home of the user who ran it ($HOME plays no part).
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "message/message.hpp"

namespace sendmail {

// <home>/dead.letter of a local user (`user` as the sender names it, any
// case), if that home belongs to the user running sendmail, who can write
// there: sendmail will not write into another user's directory, not even
// as root. nullopt otherwise.
std::optional<std::string> dead_letter_of(const std::string& user);

// sendmail's UnixFromLine when the cf sets none.
inline constexpr const char* kDefaultUnixFromLine = "From $g  $d";

// The entry's first line: `format` (UnixFromLine) with $g the sender, $d
// the ctime(3) date in local time and other macros from `macros`, then a
// newline.
std::string unix_from_line(const std::string& format, const std::string& sender, std::time_t when,
                           const message::MacroLookup& macros);

// One entry: the From line, the header block, a blank line, the body with
// each line that starts "From " escaped as ">From ", and a closing newline.
std::string dead_letter_entry(const std::string& from_line, const std::string& headers, const std::string& body);

// Appends `text` to `path` (created 0600) and syncs it; false if it could not.
bool append_dead_letter(const std::string& path, const std::string& text);

}  // namespace sendmail
