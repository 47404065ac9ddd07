// queue_groups.cpp: the queue groups of the cf. A Q line without Path= uses
// QueueDirectory, as sendmail does; a Q line named mqueue moves the default.
// Only the first letter of an equate counts, and it is case-sensitive
// (R= runners, r= recipients), as sendmail reads them.
#include "sendmail/queue_groups.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <sys/stat.h>
#include <sysexits.h>

#include "message/message.hpp"
#include "rewrite/rewrite.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

void apply_equate(QueueGroupDir& d, const std::string& key, const std::string& v) {
    if (key.empty()) return;
    switch (key[0]) {
    case 'P': d.path = v; break;
    case 'J': d.jobs = std::atol(v.c_str()); break;
    case 'R': d.runners = std::atol(v.c_str()); break;
    case 'I': d.interval = parse_interval(v, 0); break;
    case 'N': d.nice = std::atol(v.c_str()); break;
    case 'r': d.recipients = std::atol(v.c_str()); break;
    case 'F': d.flags = v; break;
    default: break;
    }
}

}  // namespace

std::vector<QueueGroupDir> queue_groups(const SubmitSettings& s) {
    std::string base = s.option("QueueDirectory", "/var/spool/mqueue");
    QueueGroupDir defaults;
    defaults.name = "mqueue";
    defaults.path = base;
    defaults.jobs = s.option_long("MaxQueueRunSize", 0);
    defaults.runners = s.option_long("MaxRunnersPerQueue", 1);
    std::vector<QueueGroupDir> out{defaults};
    if (s.cfg)
        for (const auto& g : s.cfg->queue_groups) {
            QueueGroupDir d = defaults;
            d.name = g.name;
            for (const auto& [k, v] : g.params) apply_equate(d, k, v);
            if (g.name == "mqueue")
                out[0] = d;
            else
                out.push_back(d);
        }
    for (auto& g : out) {
        auto dirs = queue::expand_queue_path(g.path);
        if (dirs) g.dirs = std::move(*dirs);
    }
    return out;
}

std::vector<std::string> queue_group_warnings(const SubmitSettings& s) {
    std::vector<std::string> out;
    for (const auto& g : queue_groups(s))
        if (g.runners > 1 && !g.forks())
            out.push_back("Warning: Q=" + g.name + ": R=" + std::to_string(g.runners) +
                          ": multiple queue runners specified\n\tbut flag 'f' is not set");
    return out;
}

namespace {

bool is_group_selector(const std::string& sel) { return !sel.empty() && sel[0] == 'G'; }

}  // namespace

bool names_groups(const CommandLine& cl) {
    return std::any_of(cl.queue_selectors.begin(), cl.queue_selectors.end(), is_group_selector);
}

std::optional<int> check_group_selectors(const CommandLine& cl) {
    if (std::count_if(cl.queue_selectors.begin(), cl.queue_selectors.end(), is_group_selector) < 2)
        return std::nullopt;
    std::printf("Can not use multiple -qG options\n");
    return EX_USAGE;
}

std::vector<QueueGroupDir> selected_groups(const SubmitSettings& s, const CommandLine& cl, std::string& unknown) {
    std::vector<QueueGroupDir> all = queue_groups(s), out;
    bool named = false;
    for (const auto& sel : cl.queue_selectors) {
        if (!is_group_selector(sel)) continue;
        named = true;
        std::string name = sel.substr(1);
        bool found = false;
        for (const auto& g : all)
            if (g.name == name) {
                out.push_back(g);
                found = true;
            }
        if (!found) unknown = name;
    }
    return named ? out : all;
}

std::vector<QueueGroupDir> run_order(const SubmitSettings& s, const CommandLine& cl) {
    std::string unknown;
    std::vector<QueueGroupDir> groups = selected_groups(s, cl, unknown);
    if (!names_groups(cl)) std::erase_if(groups, [](const QueueGroupDir& g) { return g.runners <= 0; });
    std::stable_sort(groups.begin(), groups.end(),
                     [](const QueueGroupDir& a, const QueueGroupDir& b) { return a.runners > b.runners; });
    return groups;
}

std::string group_of_mailer(const SubmitSettings& s, const std::string& mailer) {
    if (!s.cfg) return "mqueue";
    const config::Mailer* m = s.cfg->find_mailer(mailer);
    if (!m || m->queue_group.empty()) return "mqueue";
    for (const auto& g : queue_groups(s))
        if (g.name == m->queue_group) return g.name;
    return "mqueue";
}

std::optional<std::string> group_by_ruleset(const SubmitSettings& s, const std::string& bare_address) {
    if (!s.engine) return std::nullopt;
    int rs = s.engine->find_ruleset("queuegroup");
    if (rs < 0 || !s.engine->ruleset_defined(rs)) return std::nullopt;
    rewrite::Tokens t = s.engine->tokenize(bare_address).tokens;
    s.engine->run(rs, t);
    if (t.size() < 2 || !rewrite::is_meta(t[0], '#')) return std::nullopt;
    std::string name;
    for (size_t i = 1; i < t.size() && !rewrite::is_meta(t[i]); ++i) name += t[i];
    for (const auto& g : queue_groups(s))
        if (g.name == name) return name;
    return std::nullopt;  // an unknown group: the mailer's decides
}

std::string group_of_recipient(const SubmitSettings& s, const std::string& bare_address, const std::string& mailer) {
    if (auto g = group_by_ruleset(s, bare_address)) return *g;
    return group_of_mailer(s, mailer);
}

std::vector<std::pair<std::string, queue::QueueFile>> split_envelope(
    const SubmitSettings& s, const queue::QueueFile& qf,
    const std::function<std::string(const queue::QueueRecipient&)>& mailer_of) {
    if (!s.cfg || s.cfg->queue_groups.empty() || qf.recipients.empty()) return {{"mqueue", qf}};
    std::vector<std::pair<std::string, std::vector<queue::QueueRecipient>>> by_group;
    for (const auto& r : qf.recipients) {
        std::string g = group_of_recipient(s, message::bare_address(r.address), mailer_of(r));
        auto it = std::find_if(by_group.begin(), by_group.end(), [&](const auto& p) { return p.first == g; });
        if (it == by_group.end()) it = by_group.insert(by_group.end(), {g, {}});
        it->second.push_back(r);
    }
    // The message itself stays in the group of its first recipient (in the
    // qf's order); the other entries get their ids in group order: the
    // default group, then the Q lines' order, as sendmail numbers them.
    std::vector<QueueGroupDir> all = queue_groups(s);
    auto rank = [&](const std::string& name) {
        return std::find_if(all.begin(), all.end(), [&](const QueueGroupDir& g) { return g.name == name; }) - all.begin();
    };
    std::stable_sort(by_group.begin() + 1, by_group.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    std::vector<std::pair<std::string, queue::QueueFile>> parts;
    for (auto& [name, rcpts] : by_group) {
        size_t limit = static_cast<size_t>(std::max(0L, find_group(s, name).recipients));
        if (limit == 0) limit = rcpts.size();
        for (size_t i = 0; i < rcpts.size(); i += limit) {
            queue::QueueFile part = qf;
            part.recipients.assign(rcpts.begin() + static_cast<long>(i),
                                   rcpts.begin() + static_cast<long>(std::min(rcpts.size(), i + limit)));
            parts.emplace_back(name, std::move(part));
        }
    }
    return parts;
}

QueueGroupDir find_group(const SubmitSettings& s, const std::string& name) {
    auto all = queue_groups(s);
    for (const auto& g : all)
        if (g.name == name) return g;
    return all.front();
}

std::string pick_directory(const QueueGroupDir& group) {
    if (group.dirs.size() < 2) return group.dirs.empty() ? group.path : group.dirs.front();
    static std::minstd_rand pick{std::random_device{}()};
    return group.dirs[std::uniform_int_distribution<size_t>(0, group.dirs.size() - 1)(pick)];
}

std::optional<int> check_group_directories(const SubmitSettings& s) {
    std::string base = queue::queue_base_directory(s.option("QueueDirectory", "/var/spool/mqueue"));
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    // Every missing directory is named before sendmail gives up.
    bool missing = false;
    for (const auto& g : queue_groups(s)) {
        if (g.path != base && g.path.rfind(base + "/", 0) != 0) {
            // sendmail's message carries the errno text of an earlier lookup
            std::printf("QueuePath %s not subpath of QueueDirectory %s/: %s\n", g.path.c_str(), base.c_str(),
                        std::strerror(ENOENT));
            return EX_CONFIG;
        }
        auto dirs = queue::expand_queue_path(g.path);
        if (!dirs) {
            std::printf("%s\n", dirs.error().message.c_str());
            missing = true;
            continue;
        }
        // Only a missing one stops sendmail here; one it cannot read (or a
        // file) is said so by each listing or run that comes to it.
        for (const auto& path : *dirs) {
            struct stat st;
            if (stat(path.c_str(), &st) != 0) {
                std::printf("can not opendir(%s): %s\n", path.c_str(), std::strerror(errno));
                missing = true;
            }
        }
    }
    if (missing) return EX_CONFIG;
    return std::nullopt;
}

std::string queue_dir_label(const SubmitSettings& s, const std::string& path) {
    std::string base = queue::queue_base_directory(s.option("QueueDirectory", "/var/spool/mqueue"));
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    if (path == base || path == base + "/") return ".";
    if (path.rfind(base + "/", 0) == 0) return path.substr(base.size() + 1);
    return path;
}

}  // namespace sendmail
