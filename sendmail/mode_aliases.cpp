// mode_aliases.cpp: -bi (newaliases): rebuilds every hash or btree database
// of the AliasFile option from its text file, in the layout sendmail and
// praliases read, and reports as newaliases does.
#include <cstdio>
#include <pwd.h>
#include <syslog.h>
#include <unistd.h>
#include <sysexits.h>

#include "maps/aliasdb.hpp"
#include "sendmail/aliases_file.hpp"
#include "sendmail/modes.hpp"
#include "sendmail/submit_settings.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

// One "[class:]path" of AliasFile; false when the file had refused lines.
bool rebuild(const std::string& spec) {
    std::string cls = "hash", path = std::string(util::trim(spec));
    if (size_t c = path.find(':'); c != std::string::npos && path[0] != '/') {
        cls = path.substr(0, c);
        path = path.substr(c + 1);
    }
    if (cls != "hash" && cls != "btree") return true;  // nis, ldap...: nothing to build here
    AliasFile f = read_alias_file(path);
    if (!f.opened) {
        std::printf("newaliases: cannot open %s: %s\n", path.c_str(), f.open_error.c_str());
        return true;
    }
    for (const auto& m : f.messages) std::printf("%s: %s\n", path.c_str(), m.c_str());
    std::vector<std::pair<std::string, std::string>> pairs;
    size_t longest = 0, total = 0;
    for (const auto& e : f.entries) {
        pairs.emplace_back(e.name, e.value);
        longest = std::max(longest, e.value.size());
        total += e.name.size() + e.value.size();
    }
    auto st = maps::write_alias_db(path, pairs, cls == "btree" ? maps::DbType::Btree : maps::DbType::Hash, 0640);
    if (!st) {
        std::printf("newaliases: %s\n", st.error().message.c_str());
        return false;
    }
    char summary[512];
    std::snprintf(summary, sizeof summary, "%s: %zu aliases, longest %zu bytes, %zu bytes total", path.c_str(),
                  f.entries.size(), longest, total);
    std::printf("%s\n", summary);
    struct passwd* pw = getpwuid(getuid());
    util::log_line(LOG_NOTICE, 4, "", "alias database " + path + " rebuilt by " + (pw ? pw->pw_name : "?"));
    util::log_line(LOG_INFO, 4, "", summary);
    return !f.errors;
}

}  // namespace

int run_init_aliases(const CommandLine& cl) {
    auto s = read_settings(cl, false);
    if (!s) return settings_exit_status(s.error());
    bool ok = true;
    for (const auto& spec : util::split(s->option("AliasFile", "/etc/mail/aliases"), ','))
        if (!util::trim(spec).empty()) ok = rebuild(spec) && ok;
    return ok ? EX_OK : EX_SOFTWARE;
}

}  // namespace sendmail
