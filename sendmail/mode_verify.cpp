// mode_verify.cpp: -bv, address verification. Each address is parsed as for
// delivery (rulesets 3, 0, 2, R=, 4), local ones are expanded through the
// aliases and checked against the password database, and each final
// recipient is reported as sendmail does: "addr... deliverable: mailer M,
// host H, user U", or the error ("addr... User unknown").
#include <algorithm>
#include <cstdio>
#include <pwd.h>
#include <set>
#include <sysexits.h>

#include "config/config.hpp"
#include "rewrite/rewrite.hpp"
#include "sendmail/address_parse.hpp"
#include "sendmail/modes.hpp"
#include "sendmail/startup.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

constexpr int kMaxAliasDepth = 10;  // sendmail's MaxAliasRecursion default

struct Recipient {
    std::string address;  // as given or as found in an alias
    ParsedAddress parsed;
};

struct Verifier {
    rewrite::Engine& eng;
    config::Config& cfg;
    std::unique_ptr<maps::Map> aliases;
    std::vector<Recipient> out;
    std::set<std::string> seen;  // mailer/host/user already listed
    std::vector<std::string> chain;  // aliases being expanded, to find loops
    int exit_status = EX_OK;

    // Splits an alias value at commas outside quotes and angle brackets.
    static std::vector<std::string> split_list(const std::string& v) {
        std::vector<std::string> items;
        std::string cur;
        bool quoted = false;
        int angle = 0;
        for (char c : v) {
            if (c == '"') quoted = !quoted;
            if (!quoted && c == '<') ++angle;
            if (!quoted && c == '>' && angle > 0) --angle;
            if (c == ',' && !quoted && angle == 0) {
                items.emplace_back(util::trim(cur));
                cur.clear();
            } else {
                cur += c;
            }
        }
        if (!util::trim(cur).empty()) items.emplace_back(util::trim(cur));
        return items;
    }

    void open_aliases() {
        auto it = cfg.options.find("AliasFile");
        if (it == cfg.options.end() || it->second.empty()) return;
        std::string spec = util::split(it->second, ',')[0];
        maps::MapDeclaration d;
        d.name = "aliases";
        d.class_name = "hash";
        auto colon = spec.find(':');
        if (colon != std::string::npos && spec[0] != '/') {
            d.class_name = spec.substr(0, colon);
            spec = spec.substr(colon + 1);
        }
        d.arguments = spec;
        d.file = "AliasFile";
        auto m = maps::open_map(d, cfg.map_context());
        if (m) aliases = std::move(*m);
    }

    // A local recipient found in an alias may be a program or a file.
    static bool special_local(const std::string& address, ParsedAddress& pa) {
        std::string a = address;
        if (a.size() >= 2 && a.front() == '"' && a.back() == '"') a = a.substr(1, a.size() - 2);
        if (!a.empty() && a[0] == '|') {
            pa.mailer = "prog";
            pa.host.clear();
            pa.user = a;
            return true;
        }
        if (!a.empty() && a[0] == '/') {
            pa.mailer = "*file*";
            pa.host.clear();
            pa.user = a;
            return true;
        }
        return false;
    }

    // A program, file or :include: named by the user rather than an alias
    // is refused, as sendmail's recipient() does.
    bool refuse_special(const std::string& address, const ParsedAddress& pa) {
        const char* what = pa.mailer == "prog"        ? "programs"
                           : pa.mailer == "*file*"    ? "files"
                           : pa.mailer == "*include*" ? ":include:s"
                                                      : nullptr;
        if (!what) return false;
        std::printf("%s... Cannot mail directly to %s\n", address.c_str(), what);
        exit_status = EX_USAGE;
        return true;
    }

    // Returns false when an aliasing loop was found.
    bool add(const std::string& address, int depth, bool from_alias) {
        if (depth > kMaxAliasDepth) return false;
        ParsedAddress pa;
        if (!(from_alias && special_local(address, pa))) {
            pa = parse_address(eng, address, false);
            if (!pa.ok) {
                if (pa.exit_code) exit_status = pa.exit_code;
                else exit_status = EX_DATAERR;
                return true;
            }
            if (!from_alias && refuse_special(address, pa)) return true;
        }
        if (pa.mailer == "local") {
            if (aliases) {
                auto r = aliases->lookup(util::to_lower(pa.user), {});
                if (r.status == maps::LookupStatus::Found) {
                    std::string key = util::to_lower(pa.user);
                    if (std::find(chain.begin(), chain.end(), key) != chain.end()) return false;
                    chain.push_back(key);
                    auto items = split_list(r.value);
                    // sendmail queues an alias's members last to first.
                    bool ok = true;
                    for (auto it = items.rbegin(); ok && it != items.rend(); ++it) ok = add(*it, depth + 1, true);
                    chain.pop_back();
                    return ok;
                }
            }
            if (!getpwnam(pa.user.c_str())) {
                std::fprintf(stdout, "%s... User unknown\n", address.c_str());
                exit_status = EX_NOUSER;
                return true;
            }
        }
        if (!seen.insert(pa.mailer + "\n" + util::to_lower(pa.host) + "\n" + pa.user).second) return true;
        out.push_back(Recipient{address, pa});
        return true;
    }

    void report() {
        // Recipients are listed by host, the order sendmail delivers in.
        std::stable_sort(out.begin(), out.end(), [](const Recipient& a, const Recipient& b) {
            return util::to_lower(a.parsed.host) < util::to_lower(b.parsed.host);
        });
        for (const auto& r : out) {
            std::printf("%s... deliverable: mailer %s", r.address.c_str(), r.parsed.mailer.c_str());
            if (!r.parsed.host.empty()) std::printf(", host %s", r.parsed.host.c_str());
            std::printf(", user %s\n", r.parsed.user.c_str());
        }
    }
};

}  // namespace

int run_verify(const CommandLine& cl) {
    auto cfg = load_config(cl);
    if (!cfg) return cfg.error().code ? cfg.error().code : EX_CONFIG;
    if ((*cfg)->errors) return (*cfg)->error_status;  // as read_settings: cf errors stop -bv
    if (!(*cfg)->options.count("QueueDirectory")) {  // as read_settings
        std::printf("QueueDirectory (Q) option must be set\n");
        return EX_CONFIG;
    }
    rewrite::Engine eng(**cfg);
    eng.set_trace(false);
    Verifier v{eng, **cfg, nullptr, {}, {}, {}, EX_OK};
    v.open_aliases();
    for (const auto& a : cl.args) {
        if (!v.add(a, 0, false)) {
            std::printf("aliasing/forwarding loop broken\n");
            v.exit_status = EX_USAGE;
        }
    }
    v.report();
    std::fflush(stdout);
    return v.exit_status;
}

}  // namespace sendmail
