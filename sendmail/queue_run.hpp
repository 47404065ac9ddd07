// queue_run.hpp: selecting queue entries (-qI -qR -qS, with ! to negate)
// and running the queue: each entry locked, retried, warned about after
// Timeout.queuewarn and returned to its sender after Timeout.queuereturn.
#pragma once

#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "queue/queue.hpp"
#include "sendmail/cmdline.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/recipients.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

class QueueSelection {
public:
    explicit QueueSelection(const std::vector<std::string>& selectors);
    bool matches(const std::string& id, const queue::QueueFile& qf) const;

private:
    struct Rule {
        char kind;  // 'I', 'R', 'S'
        bool negated;
        std::string text;
    };
    std::vector<Rule> rules_;
};

// Which control files a run or listing takes: hf with -qQ, Qf with -qL
// (the last of them given wins), else qf.
char queue_kind(const CommandLine& cl);

bool is_null_sender(const std::string& sender);

// Orders entries as QueueSortOrder says (priority, the default; filename;
// time), as both a queue run and the listing take them.
void sort_queue(std::vector<queue::QueueListing>& entries, const std::string& order);

struct QueueRunStats {
    int processed = 0, skipped_locked = 0, returned = 0, warned = 0, orphans = 0;
    int unreadable_dirs = 0;  // queue directories that could not be read (sendmail then exits EX_OSERR)
};

class QueueRunner {
public:
    QueueRunner(const SubmitSettings& s, const CommandLine& cl);
    QueueRunStats run_once();
    // One group's run in this process: with Flags=f and Runners=n, as
    // sendmail's "running queue: dir" process, a child per entry, at most
    // n at a time; else entry after entry here.
    QueueRunStats run_group(const QueueGroupDir& group);

private:
    // An entry of a run's work list: its directory (one of the group's) and id.
    struct WorkItem {
        const queue::QueueDir* dir;
        std::string id;
    };
    void run_group(const QueueGroupDir& group, QueueRunStats& st);
    std::vector<WorkItem> work_list(const std::vector<queue::QueueDir>& dirs, const QueueGroupDir& group,
                                    QueueRunStats& st);
    void run_entries_in_children(const QueueGroupDir& group, const std::vector<WorkItem>& work);
    void process(const queue::QueueDir& dir, const std::string& id, QueueRunStats& st);
    bool send_notice(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf, bool failure);
    bool return_to_sender(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                          QueueRunStats& st);
    void rewrite(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf, util::UniqueFd& lock);
    std::string notice_recipient(const queue::QueueFile& qf, bool failure) const;

    const SubmitSettings& s_;
    const CommandLine& cl_;
    QueueSelection sel_;
    std::time_t now_ = 0;
};

}  // namespace sendmail
