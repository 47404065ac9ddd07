// recipient_sources.cpp: what a recipient list consults. The router runs
// rulesets 3 and 0 (or, for a cf without rulesets, goes by domain). The
// aliases are the AliasFile option's databases (hash or btree maps as
// newaliases builds them), tried in order; a text file whose database is
// missing is read directly, so a fresh install works.
#include <memory>
#include <sys/stat.h>

#include "maps/maps.hpp"
#include "sendmail/address_parse.hpp"
#include "sendmail/aliases_file.hpp"
#include "sendmail/recipients.hpp"
#include "sendmail/submit_settings.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

struct AliasSource {
    std::unique_ptr<maps::Map> map;
    std::map<std::string, std::string> text;
};

bool exists(const std::string& p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0;
}

}  // namespace

Router make_router(const SubmitSettings& s, bool parse_as_written) {
    if (!s.has_ruleset_zero())
        return [&s](const std::string&, const std::string& bare) {
            return route_by_domain(bare, [&s](const std::string& h) { return s.is_local_host(h); });
        };
    return [&s, parse_as_written](const std::string& address, const std::string& bare) {
        if (auto sp = special_route(bare)) return *sp;
        ParsedAddress pa = parse_address(*s.engine, parse_as_written ? address : bare, false);
        if (!pa.ok) return Route{"error", "", bare, pa.exit_code ? pa.exit_code : 65, pa.host, pa.error};
        // "\\user" (the mailbox itself) is the user; the list marks it quoted.
        if (pa.mailer == "local") return local_route(pa.user.size() > 1 && pa.user[0] == '\\' ? pa.user.substr(1) : pa.user);
        return Route{pa.mailer, pa.host, pa.user, 0, "", ""};
    };
}

LocalUserRules make_local_rules(const SubmitSettings& s) {
    if (!s.engine || !s.engine->ruleset_defined(5)) return {};
    return [&s](const std::string& address, const Route& local) -> std::optional<Route> {
        // As sendmail's first pass: the whole user+detail, no host yet.
        std::string user = local.host.empty() ? local.user : local.user + "+" + local.host;
        std::optional<ParsedAddress> pa = map_local_user(*s.engine, address, user, "");
        if (!pa) return std::nullopt;
        if (!pa->ok) return Route{"error", "", local.user, pa->exit_code ? pa->exit_code : 65, pa->host, pa->error};
        Route to = pa->mailer == "local" ? local_route(pa->user) : Route{pa->mailer, pa->host, pa->user, 0, "", ""};
        // The rules hand back the same address when they leave it alone
        // (sendmail's sameaddr): nothing to replace.
        if (to.mailer == local.mailer && util::iequals(to.host, local.host) && to.user == local.user)
            return std::nullopt;
        // A local result with a +detail host is sendmail's own +detail
        // handling, which local_route has already done.
        if (to.local() && !pa->host.empty()) return std::nullopt;
        return to;
    };
}

MailerTypeLookup make_mailer_types(const SubmitSettings& s) {
    if (!s.cfg) return {};
    return [&s](const std::string& mailer) {
        MailerTypes t;
        if (const config::Mailer* m = s.cfg->find_mailer(mailer)) {
            if (!m->mts_types[1].empty()) t.address = m->mts_types[1];
            t.address_given = !m->mts_types[1].empty();
            if (!m->mts_types[2].empty()) t.diagnostic = m->mts_types[2];
        }
        return t;
    };
}

MailerFlag make_mailer_flag(const SubmitSettings& s) {
    if (!s.cfg) return {};
    return [&s](const std::string& mailer, char flag) {
        const config::Mailer* m = s.cfg->find_mailer(mailer);
        return !m || m->has_flag(flag);
    };
}

AliasLookup open_aliases(const SubmitSettings& s) {
    auto sources = std::make_shared<std::vector<AliasSource>>();
    for (const auto& spec : util::split(s.option("AliasFile"), ',')) {
        std::string item(util::trim(spec)), cls = "hash";
        if (item.empty()) continue;
        if (size_t c = item.find(':'); c != std::string::npos && item[0] != '/') {
            cls = item.substr(0, c);
            item = item.substr(c + 1);
        }
        std::string path = util::split_words(item).empty() ? item : util::split_words(item).back();
        AliasSource src;
        if ((cls == "hash" || cls == "btree") && exists(path + ".db") && s.cfg) {
            maps::MapDeclaration d{"aliases", cls, "-N " + path, s.cf_path, 0};
            if (auto m = maps::open_map(d, s.cfg->map_context())) src.map = std::move(*m);
        }
        if (!src.map) src.text = alias_table(read_alias_file(path));
        sources->push_back(std::move(src));
    }
    return [sources](const std::string& name) -> std::optional<std::string> {
        for (auto& src : *sources) {
            if (src.map) {
                maps::LookupResult r = src.map->lookup(name, {});
                if (r.status == maps::LookupStatus::Found) return r.value;
                continue;
            }
            auto it = src.text.find(name);
            if (it != src.text.end()) return it->second;
        }
        return std::nullopt;
    };
}

}  // namespace sendmail
