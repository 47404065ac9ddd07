// queue_run.cpp: one pass over the queue. Every entry is locked before it is
// touched (two runners never take the same message), rewritten through a tf
// file, and removed only after its notice to the sender is safely queued.
#include "sendmail/queue_run.hpp"

#include <cstdio>
#include <algorithm>
#include <fcntl.h>
#include <pwd.h>
#include <sysexits.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <syslog.h>
#include <unistd.h>

#include "message/dsn.hpp"
#include "sendmail/delivery.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/submit_headers.hpp"
#include "util/log.hpp"
#include "util/proctitle.hpp"
#include "util/strings.hpp"

namespace sendmail {

QueueSelection::QueueSelection(const std::vector<std::string>& selectors) {
    for (const auto& s : selectors) {
        bool neg = !s.empty() && s[0] == '!';
        std::string_view r = std::string_view(s).substr(neg ? 1 : 0);
        if (r.empty() || (r[0] != 'I' && r[0] != 'R' && r[0] != 'S')) continue;
        rules_.push_back({r[0], neg, std::string(r.substr(1))});
    }
}

// Rules of one kind are alternatives; kinds must all match.
bool QueueSelection::matches(const std::string& id, const queue::QueueFile& qf) const {
    for (char kind : {'I', 'R', 'S'}) {
        bool any = false, hit = false;
        for (const auto& r : rules_) {
            if (r.kind != kind) continue;
            any = true;
            bool m = false;
            if (kind == 'I') m = id.find(r.text) != std::string::npos;
            if (kind == 'S') m = util::to_lower(qf.sender).find(util::to_lower(r.text)) != std::string::npos;
            if (kind == 'R')
                for (const auto& rc : qf.recipients)
                    m = m || util::to_lower(rc.address).find(util::to_lower(r.text)) != std::string::npos;
            hit = hit || (r.negated ? !m : m);
        }
        if (any && !hit) return false;
    }
    return true;
}

char queue_kind(const CommandLine& cl) {
    char kind = queue::kQueued;
    for (const auto& s : cl.queue_selectors) {
        if (s == "Q") kind = queue::kQuarantined;
        if (s == "L") kind = queue::kLost;
    }
    return kind;
}

namespace {

// The host a queue entry is sorted by: its first recipient's domain,
// lower case, its characters in reverse order ("gro.elpmaxe" for
// example.org), so that entries of one domain and its subdomains come
// together, as sendmail 8.17 was seen to order them.
std::string sort_host(const queue::QueueFile& qf) {
    for (const auto& r : qf.recipients) {
        size_t at = r.address.rfind('@');
        if (at == std::string::npos) continue;
        std::string h = util::to_lower(r.address.substr(at + 1));
        return std::string(h.rbegin(), h.rend());
    }
    return "";
}

}  // namespace

void sort_queue(std::vector<queue::QueueListing>& entries, const std::string& order_option) {
    std::string order = util::to_lower(order_option);
    char by = order.empty() ? 'p' : order[0];
    // none, and random (not to be reproduced): as the directory lists them
    if (by == 'n' || by == 'r') return;
    // Stable: ties keep the directory's order, as sendmail's do.
    std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
        switch (by) {
        case 'f': return a.id < b.id;
        case 't': return a.qf.created < b.qf.created;
        case 'm': return a.modified < b.modified;
        case 'h': {
            std::string ha = sort_host(a.qf), hb = sort_host(b.qf);
            if (ha != hb) return ha < hb;
            return a.qf.priority < b.qf.priority;
        }
        default: return a.qf.priority < b.qf.priority;
        }
    });
}

QueueRunner::QueueRunner(const SubmitSettings& s, const CommandLine& cl) : s_(s), cl_(cl), sel_(cl.queue_selectors) {}

// The selected queue groups (-qGname, else all that have runners), the
// groups with the most runners first, as sendmail orders its work groups.
// In the foreground (-q -v) each group's Nice= applies to this process
// as the group comes, adding up, as sendmail 8.17 was seen to do.
QueueRunStats QueueRunner::run_once() {
    QueueRunStats st;
    now_ = std::time(nullptr);
    for (const auto& g : run_order(s_, cl_)) {
        if (g.nice > 0) (void)nice(static_cast<int>(g.nice));
        run_group(g, st);
    }
    return st;
}

QueueRunStats QueueRunner::run_group(const QueueGroupDir& group) {
    QueueRunStats st;
    now_ = std::time(nullptr);
    run_group(group, st);
    return st;
}

// The work list: the entries selected (-qI -qR -qS) and old enough for
// MinQueueAge, gathered directory after directory in the order each lists
// them until Jobs= are found, then put in QueueSortOrder: sendmail 8.17
// stops gathering at the limit, so a run takes the first entries found,
// not the best of them.
std::vector<QueueRunner::WorkItem> QueueRunner::work_list(const std::vector<queue::QueueDir>& dirs,
                                                          const QueueGroupDir& group, QueueRunStats& st) {
    long min_age = parse_interval(s_.option("MinQueueAge", "0"), 0);
    std::vector<queue::QueueListing> entries;
    for (const auto& dir : dirs) {
        if (group.jobs > 0 && static_cast<long>(entries.size()) >= group.jobs) break;
        st.orphans += queue::remove_orphans(dir, now_, 60);
        if (auto ids = dir.list_ids(); !ids) {
            ++st.unreadable_dirs;
            if (cl_.verbose) {
                std::printf("gatherq: %s\n", ids.error().message.c_str());
                std::fflush(stdout);
            }
            util::log_line(LOG_ERR, 1, "", "gatherq: " + ids.error().message);
            continue;
        }
        for (auto& e : queue::read_queue(dir)) {
            if (group.jobs > 0 && static_cast<long>(entries.size()) >= group.jobs) break;
            if (!sel_.matches(e.id, e.qf)) continue;
            if (min_age > 0 && e.qf.last_tried > 0 && now_ - e.qf.last_tried < min_age) continue;
            entries.push_back(std::move(e));
        }
    }
    sort_queue(entries, s_.option("QueueSortOrder", "priority"));
    std::vector<WorkItem> work;
    for (const auto& e : entries) {
        auto dir = std::find_if(dirs.begin(), dirs.end(), [&](const queue::QueueDir& d) { return d.path() == e.dir; });
        work.push_back({&*dir, e.id});
    }
    return work;
}

void QueueRunner::run_group(const QueueGroupDir& group, QueueRunStats& st) {
    std::vector<queue::QueueDir> dirs;
    for (const auto& path : group.dirs) dirs.emplace_back(path, queue_kind(cl_));
    if (group.forks() && group.runners > 1 && !cl_.verbose) {
        util::set_proctitle("running queue: " + (dirs.empty() ? group.path : dirs.front().display_path()));
        run_entries_in_children(group, work_list(dirs, group, st));
        return;
    }
    std::vector<WorkItem> work = work_list(dirs, group, st);
    for (size_t i = 0; i < work.size(); ++i) {
        util::set_proctitle(queue_dir_label(s_, work[i].dir->path()) + "/" + work[i].id + " from queue");
        if (cl_.verbose) {
            std::printf("\nRunning %s/%s (sequence %zu of %zu)\n", work[i].dir->display_path().c_str(),
                        work[i].id.c_str(), i + 1, work.size());
            std::fflush(stdout);
        }
        process(*work[i].dir, work[i].id, st);
    }
}

// Each entry in a child of its own, Runners= of them at a time; an entry
// another runner holds is skipped by its child (the lock says so).
void QueueRunner::run_entries_in_children(const QueueGroupDir& group, const std::vector<WorkItem>& work) {
    long running = 0;
    for (const auto& item : work) {
        while (running >= group.runners && wait(nullptr) > 0) --running;
        pid_t pid = fork();
        if (pid < 0) break;  // the rest waits for the next run
        if (pid == 0) {
            util::set_proctitle(queue_dir_label(s_, item.dir->path()) + "/" + item.id + " from queue");
            QueueRunStats st;
            process(*item.dir, item.id, st);
            _exit(EX_OK);
        }
        ++running;
    }
    while (wait(nullptr) > 0) {
    }
}

// "<>" and sendmail's own notices (sender MAILER-DAEMON) get no notices back
// except the one double bounce to the postmaster.
bool is_null_sender(const std::string& sender) {
    std::string b = message::bare_address(sender);
    return b.empty() || util::iequals(b, "MAILER-DAEMON");
}

namespace {

// The I line of a qf: the df's device (major/minor) and inode, which
// sendmail writes whenever it rewrites the qf in a run.
std::string df_inode_text(const std::string& df_path) {
    struct stat st {};
    if (stat(df_path.c_str(), &st) != 0) return "";
    return std::to_string(major(st.st_dev)) + "/" + std::to_string(minor(st.st_dev)) + "/" +
           std::to_string(static_cast<unsigned long long>(st.st_ino));
}

bool wants(const queue::QueueFile& qf, char kind) {
    for (const auto& r : qf.recipients)
        if (r.flags.find(kind) != std::string::npos || r.flags.find('N') == std::string::npos) return true;
    return false;
}

}  // namespace

void QueueRunner::process(const queue::QueueDir& dir, const std::string& id, QueueRunStats& st) {
    auto lock = queue::lock_qf(dir, id);
    if (!lock) {
        ++st.skipped_locked;
        if (cl_.verbose) std::printf("%s: locked\n", id.c_str());  // another runner has it
        return;
    }
    auto qf = queue::read_qf_fd(lock->get());
    if (!qf) {
        util::log_line(LOG_ERR, 1, id, "queue file unreadable: " + qf.error().message);
        return;
    }
    if (!sel_.matches(id, *qf)) return;
    ++st.processed;
    long age = static_cast<long>(now_ - qf->created);
    // Timeout.queuereturn=now returns every entry the run takes (op.me),
    // without an attempt; past a real timeout the entry is tried once more
    // and returned if that fails, as sendmail does.
    std::string return_after = s_.option("Timeout.queuereturn", "5d");
    bool return_now = util::iequals(return_after, "now");
    long give_up = return_now ? 0 : parse_interval(return_after, 5 * 86400);
    long warn = parse_interval(s_.option("Timeout.queuewarn", "4h"), 4 * 3600);
    if (return_now) {
        if (cl_.verbose) {
            for (const auto& r : qf->recipients) std::printf("%s... Cannot send message for too long\n", r.address.c_str());
            std::fflush(stdout);
        }
        return_to_sender(dir, id, *qf, st);
        return;
    }
    Delivery delivery(s_);
    delivery.attempt(*qf, now_);
    qf->priority += s_.option_long("RetryFactor", 90000);  // each retry waits longer, as in sendmail
    qf->df_inode = df_inode_text(dir.df_path(id));
    if (cl_.verbose) {
        for (const auto& r : qf->recipients) std::printf("%s... %s\n", r.address.c_str(), Delivery::kDeferred);
        std::fflush(stdout);
    }
    delivery.log_attempt(id, *qf, age);
    if (age >= give_up) {
        if (cl_.verbose) {
            std::printf("Cannot send message for %s\n", message::interval_words(give_up).c_str());
            std::fflush(stdout);
        }
        if (!return_to_sender(dir, id, *qf, st)) rewrite(dir, id, *qf, *lock);  // keep the attempt's count
        return;
    }
    if (age >= warn && !qf->has_flag('w') && !is_null_sender(qf->sender) && wants(*qf, 'D')) {
        if (send_notice(dir, id, *qf, false)) {
            qf->set_flag('w');
            qf->status_message = "Warning: could not send message for past " + message::interval_words(warn);
            ++st.warned;
            if (cl_.verbose) {
                std::printf("%s\n", qf->status_message.c_str());
                std::fflush(stdout);
            }
        }
    }
    rewrite(dir, id, *qf, *lock);
}

void QueueRunner::rewrite(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                          util::UniqueFd& lock) {
    if (auto r = queue::rewrite_qf(dir, id, qf, lock); !r) util::log_line(LOG_ERR, 1, id, r.error().message);
}

// The notice of failure to the sender (none wanted: none sent), then the
// entry goes. False when the notice could not be queued: the entry stays
// for the next run.
bool QueueRunner::return_to_sender(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                                   QueueRunStats& st) {
    if (wants(qf, 'F') && !send_notice(dir, id, qf, true)) return false;
    unlink(dir.qf_path(id).c_str());
    unlink(dir.df_path(id).c_str());
    (void)util::fsync_dir(util::dirname_of(dir.qf_path(id)));
    ++st.returned;
    return true;
}

}  // namespace sendmail
