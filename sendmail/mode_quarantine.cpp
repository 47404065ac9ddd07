// mode_quarantine.cpp: -Q reason (hold the selected queue entries) and a bare
// -Q (release them), as sendmail 8.17 does: a held entry's qf becomes an hf
// with a q line, and plain queue runs and listings no longer see it.
#include <cstdio>
#include <sysexits.h>
#include <syslog.h>

#include "queue/queue.hpp"
#include "sendmail/modes.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/queue_run.hpp"
#include "sendmail/submit_settings.hpp"
#include "util/log.hpp"

namespace sendmail {

namespace {

// The line -v prints for one entry: the change -Q makes, or that it is held
// with that reason already (no change); empty when there is nothing to say.
std::string change_line(const std::string& id, const queue::QueueFile& qf, const std::optional<std::string>& reason) {
    if (!qf.quarantine && !reason) return "";
    if (!qf.quarantine) return id + ": Quarantined with \"" + *reason + "\"";
    if (!reason) return id + ": Removed quarantine of \"" + *qf.quarantine + "\"";
    if (*qf.quarantine == *reason) return id + ": Already quarantined with \"" + *reason + "\"";
    return id + ": Quarantine changed from \"" + *qf.quarantine + "\" to \"" + *reason + "\"";
}

// Applies -Q to the matching entries of one queue group directory.
int change_directory(const CommandLine& cl, const std::string& path, char kind) {
    queue::QueueDir dir(path, kind);
    QueueSelection sel(cl.queue_selectors);
    std::vector<std::string> matched;
    for (auto& e : queue::read_queue(dir))
        if (sel.matches(e.id, e.qf)) matched.push_back(e.id);
    if (cl.verbose) std::printf(matched.empty() ? "%s: no matches\n" : "Processing %s:\n", path.c_str());
    int changes = 0;
    for (const auto& id : matched) {
        auto lock = queue::lock_qf(dir, id);
        if (!lock) continue;  // a runner has it; sendmail skips it too
        auto qf = queue::read_qf_fd(lock->get());
        if (!qf) continue;
        std::string line = change_line(id, *qf, cl.quarantine);
        if (line.empty()) continue;
        if (qf->quarantine == cl.quarantine) {
            if (cl.verbose) std::printf("%s\n", line.c_str());
            continue;
        }
        qf->quarantine = cl.quarantine;
        char to = cl.quarantine ? queue::kQuarantined : queue::kQueued;
        if (auto r = queue::rewrite_qf(dir, id, *qf, *lock, to); !r) {
            std::fprintf(stderr, "%s: %s\n", id.c_str(), r.error().message.c_str());
            continue;
        }
        ++changes;
        if (cl.verbose) std::printf("%s\n", line.c_str());
        // sendmail logs every change whatever the LogLevel: the new reason,
        // or that the entry was released.
        util::log_line(LOG_INFO, 0, id, cl.quarantine ? "quarantine=" + *cl.quarantine : "unquarantine");
    }
    return changes;
}

}  // namespace

int run_quarantine(const CommandLine& cl) {
    char kind = queue_kind(cl);
    if (kind == queue::kLost) {
        std::printf("Can not use -Q with -qL\n");
        return EX_USAGE;
    }
    auto s = read_settings(cl, cl.submission_kind == 'c');
    if (!s) return settings_exit_status(s.error());
    if (auto rc = enter_queue_directory(*s)) return *rc;
    if (auto rc = check_group_directories(*s)) return *rc;
    std::string unknown;
    int changes = 0;
    for (const auto& g : selected_groups(*s, cl, unknown))
        for (const auto& path : g.dirs) changes += change_directory(cl, path, kind);
    if (cl.verbose) {
        if (changes == 0) std::printf("No changes\n");
        else std::printf("%d change%s\n", changes, changes == 1 ? "" : "s");
    }
    return EX_OK;
}

}  // namespace sendmail
