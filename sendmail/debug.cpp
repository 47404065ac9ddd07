// debug.cpp: -d flag parsing and the -d0 start-up banner (see debug.hpp).
#include <cstdio>
#include <cstdlib>

#include "sendmail/debug.hpp"
#include "util/strings.hpp"

namespace sendmail {

void DebugFlags::add(const std::string& spec) {
    for (const auto& item : util::split(spec.empty() ? "0-99.1" : spec, ',')) {
        auto dot = item.find('.');
        std::string range = item.substr(0, dot);
        int level = dot == std::string::npos ? 1 : std::atoi(item.c_str() + dot + 1);
        auto dash = range.find('-');
        int lo = range.empty() ? 0 : std::atoi(range.c_str());
        int hi = dash == std::string::npos ? lo : std::atoi(range.c_str() + dash + 1);
        if (dash != std::string::npos && dash + 1 == range.size()) hi = 99;
        for (int c = std::max(lo, 0); c <= hi && c < 100; ++c) levels_[c] = level;
    }
}

int DebugFlags::level(int category) const {
    return category >= 0 && category < 100 ? levels_[category] : 0;
}

DebugFlags debug_flags_from(const std::vector<std::string>& args) {
    DebugFlags f;
    for (const auto& a : args) f.add(a);
    return f;
}

void print_version_banner() {
    std::printf("Version 8.17.1.9\n");
    std::printf(" Compiled with: DNSMAP IPV6_FULL LDAPMAP LDAP_NETWORK_TIMEOUT\n"
                "\t\tLDAP_REFERRALS LOG MAP_REGEX MATCHGECOS MAXDAEMONS=64 MILTER\n"
                "\t\tMIME7TO8 MIME8TO7 NAMED_BIND NETINET NETINET6 NETUNIX NEWDB=5.3\n"
                "\t\tNIS NISPLUS PIPELINING SASLv2 SCANF SOCKETMAP STARTTLS\n"
                "\t\tTCPWRAPPERS TLS_EC TLS_VRFY_PER_CTX USERDB USE_LDAP_INIT XDEBUG\n");
}

void print_system_identity(const config::Config& cfg) {
    auto v = [&](const char* name) {
        const std::string* s = cfg.macros.find(name);
        return s ? config::expand_macros(*s, cfg.macros) : std::string("<null>");
    };
    std::printf("\n============ SYSTEM IDENTITY (after readcf) ============\n");
    std::printf("      (short domain name) $w = %s\n", v("w").c_str());
    std::printf("  (canonical domain name) $j = %s\n", v("j").c_str());
    std::printf("         (subdomain name) $m = %s\n", v("m").c_str());
    std::printf("              (node name) $k = %s\n", v("k").c_str());
    std::printf("========================================================\n\n");
}

}  // namespace sendmail
