// debug.hpp: sendmail's -d flags ("-d21.12", "-d0-99.1", "-d21,37"): a level
// per category, asked for by the modes that trace (-d0 identity, -d21 rules).
#pragma once

#include <string>
#include <vector>

#include "config/config.hpp"

namespace sendmail {

class DebugFlags {
public:
    // Adds one -d argument; a bare category means level 1.
    void add(const std::string& spec);
    int level(int category) const;

private:
    std::vector<int> levels_ = std::vector<int>(100, 0);
};

DebugFlags debug_flags_from(const std::vector<std::string>& args);

// The -d0.1 banner: version and compile options, then the system identity.
void print_version_banner();
void print_system_identity(const config::Config& cfg);

}  // namespace sendmail
