// forward_file.hpp: a local user's .forward, as sendmail reads it when it
// resolves recipients for delivery: the first file of ForwardPath that
// exists and passes sendmail's safety rules, its lines as address lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sendmail/submit_settings.hpp"

namespace sendmail {

// The paths of ForwardPath (default "$z/.forward.$w:$z/.forward") for a
// user: $z home, $u user, $h the +detail, other macros from the cf.
std::vector<std::string> forward_paths(const SubmitSettings& s, const std::string& user, const std::string& home,
                                       const std::string& detail);

// Why a .forward may not be used ("" when it may): owned by the user or
// root, a regular file that is not a symbolic link, not group or world
// writable, in directories nobody else may write; DontBlameSendmail's
// ForwardFileInUnsafeDirPath, ForwardFileInGroupWritableDirPath,
// GroupWritableForwardFile and WorldWritableForwardfile relax the rules.
std::string unsafe_forward_reason(const std::string& path, uid_t owner, std::string_view dont_blame);

// The addresses of a .forward's text: each line an address list; blank and
// '#' lines ignored. Joined with commas.
std::string forward_addresses(std::string_view text);

// The .forward of a local user, if one is found and safe.
std::optional<std::string> read_forward(const SubmitSettings& s, const std::string& user, const std::string& detail);

}  // namespace sendmail
