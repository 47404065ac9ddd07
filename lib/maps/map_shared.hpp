// map_shared.hpp: the state the maps of one configuration share, as
// sendmail's maps share one process (see SharedMapState in maps.hpp).
// Internal to lib/maps.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include "maps/maps.hpp"
#include "util/files.hpp"

namespace maps {

// One socketmap connection, used by every socket map declared with the
// same specification (sendmail compares the K lines' specifications as
// written: "unix:/p", "local:/p" and "/p" are three connections).
struct SocketConnection {
    util::UniqueFd fd;
};

struct SharedMapState {
    // sendmail's symbol table of aliases: every stab map stores into it and
    // looks up in it, so a name from one map's file is found through
    // another, and a file opened later replaces a name filed earlier.
    // Keys in lower case (the table ignores case).
    std::unordered_map<std::string, std::string> stab_aliases;
    std::map<std::string, std::shared_ptr<SocketConnection>> sockets;
    // Address literals ("[192.0.2.1]", lower case) whose host map lookup
    // failed temporarily: sendmail remembers the failure, and answers a
    // later lookup from memory with "[addr]: Name server timeout".
    std::set<std::string> host_literal_failures;
};

}  // namespace maps
