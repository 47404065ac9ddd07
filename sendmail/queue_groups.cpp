// queue_groups.cpp: the queue groups of the cf. A Q line without Path= uses
// QueueDirectory, as sendmail does; a Q line named mqueue moves the default.
#include "sendmail/queue_groups.hpp"

#include <cstdlib>

#include "util/strings.hpp"

namespace sendmail {

std::vector<QueueGroupDir> queue_groups(const SubmitSettings& s) {
    std::string base = s.option("QueueDirectory", "/var/spool/mqueue");
    std::vector<QueueGroupDir> out{{"mqueue", base}};
    if (!s.cfg) return out;
    for (const auto& g : s.cfg->queue_groups) {
        QueueGroupDir d{g.name, base};
        for (const auto& [k, v] : g.params) {
            if (!k.empty() && (k[0] == 'P' || k[0] == 'p')) d.path = v;
            if (!k.empty() && (k[0] == 'J' || k[0] == 'j')) d.jobs = std::atol(v.c_str());
        }
        if (g.name == "mqueue")
            out[0] = d;
        else
            out.push_back(d);
    }
    return out;
}

std::vector<QueueGroupDir> selected_groups(const SubmitSettings& s, const CommandLine& cl, std::string& unknown) {
    std::vector<QueueGroupDir> all = queue_groups(s), out;
    bool named = false;
    for (const auto& sel : cl.queue_selectors) {
        if (sel.size() < 2 || sel[0] != 'G') continue;
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

std::string group_of_mailer(const SubmitSettings& s, const std::string& mailer) {
    if (!s.cfg) return "mqueue";
    const config::Mailer* m = s.cfg->find_mailer(mailer);
    if (!m || m->queue_group.empty()) return "mqueue";
    for (const auto& g : queue_groups(s))
        if (g.name == m->queue_group) return g.name;
    return "mqueue";
}

std::string group_path(const SubmitSettings& s, const std::string& name) {
    auto all = queue_groups(s);
    for (const auto& g : all)
        if (g.name == name) return g.path;
    return all.front().path;
}

}  // namespace sendmail
