// identity.cpp: the system identity as sendmail finds it before reading the
// cf: $w (short name), $j (canonical name), $m (domain), $k (uname node) and
// the starting members of $=w, from gethostname() and the hosts file only.
#include <fstream>
#include <string>
#include <sys/utsname.h>
#include <unistd.h>
#include <vector>

#include "config/config.hpp"
#include "util/strings.hpp"

namespace config {

namespace {

struct HostsEntry {
    std::string address;
    std::vector<std::string> names;  // canonical first
};

std::vector<HostsEntry> entries_for(const std::string& hosts_file, const std::string& name) {
    std::vector<HostsEntry> out;
    std::ifstream in(hosts_file);
    std::string line;
    while (std::getline(in, line)) {
        auto hash = line.find('#');
        auto words = util::split_words(line.substr(0, hash));
        if (words.size() < 2) continue;
        bool match = false;
        for (size_t i = 1; i < words.size(); ++i)
            if (util::iequals(words[i], name)) match = true;
        if (!match) continue;
        HostsEntry e;
        e.address = words[0];
        e.names.assign(words.begin() + 1, words.end());
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

void discover_identity(Config& cfg, const std::string& hosts_file) {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) buf[0] = 0;
    std::string host = buf;
    struct utsname u;
    std::string node = uname(&u) == 0 ? u.nodename : host;
    cfg.macros.define("k", node);

    std::string canonical = host;
    auto found = entries_for(hosts_file, host);
    if (!found.empty()) canonical = found[0].names[0];
    cfg.classes.add("w", host);
    for (const auto& e : found) {
        for (const auto& n : e.names) cfg.classes.add("w", n);
        cfg.classes.add("w", "[" + e.address + "]");
    }
    cfg.classes.add("w", canonical);
    cfg.macros.define("j", canonical);
    auto dot = canonical.find('.');
    cfg.macros.define("w", canonical.substr(0, dot));
    if (dot != std::string::npos) cfg.macros.define("m", canonical.substr(dot + 1));
}

}  // namespace config
