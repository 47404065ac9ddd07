// address_test_dns.hpp: the name-server side of -bt: /mx (sendmail's getmxrr:
// exchangers by preference, the host itself when it has no MX) and /canon
// (getcanonname through the host map, which follows the service switch).
#pragma once

#include <string>
#include <vector>

#include "config/config.hpp"
#include "rewrite/rewrite.hpp"

namespace sendmail {

struct MxHosts {
    int count = 0;                   // -1: the name server could not answer
    std::vector<std::string> hosts;  // with a trailing dot, most preferred first
};

MxHosts mx_hosts(const std::string& name);

// The canonical name of a host, or the name unchanged when unknown.
std::string canonical_host_name(rewrite::Engine& eng, config::Config& cfg, const std::string& name);

}  // namespace sendmail
