// queue_groups.hpp: sendmail's queue groups (Q lines of the cf): the default
// group "mqueue" in QueueDirectory, then each Q line's Path, in cf order, and
// the group a recipient's mailer (its Q= equate) sends its messages to.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "queue/queue.hpp"

#include "sendmail/submit_settings.hpp"

namespace sendmail {

struct QueueGroupDir {
    std::string name;  // "mqueue" for the default group
    std::string path;  // as the cf says it, perhaps ending in '*'
    // The group's queue directories: `path` itself, or every directory its
    // '*' matches (empty when none does and check_group_directories fails).
    std::vector<std::string> dirs;
    long jobs = 0;        // Jobs=: at most this many entries per queue run (0: no limit)
    long runners = 1;     // Runners=: parallel runners (MaxRunnersPerQueue, else 1); 0: never run
    long interval = 0;    // Interval=: seconds between runs (0: the -q interval)
    long nice = 0;        // Nice=: nice(2) increment of the group's runners
    long recipients = 0;  // recipients=: most recipients in one queue entry (0: no limit)
    std::string flags;    // Flags=: f lets Runners= runners work in parallel
    bool forks() const { return flags.find('f') != std::string::npos; }
};

// Every group, the default first, as mailq lists them.
std::vector<QueueGroupDir> queue_groups(const SubmitSettings& s);

// What sendmail says of a group when it reads the cf: Runners= above one
// without Flags=f (the runners then work one after another). One text per
// group, empty when there is nothing to say.
std::vector<std::string> queue_group_warnings(const SubmitSettings& s);

// Whether -qGname named groups (the listing then prints no total).
bool names_groups(const CommandLine& cl);
// sendmail takes one -qG: a second is a usage error, said on stdout.
std::optional<int> check_group_selectors(const CommandLine& cl);

// The groups a run or listing takes: all, or those named by -qGname. An
// unknown name (or none: a bare -qG) is returned in `unknown` (sendmail:
// "Queue group x unknown"), and then no group at all.
std::vector<QueueGroupDir> selected_groups(const SubmitSettings& s, const CommandLine& cl, std::string& unknown);

// The groups in the order a queue run takes them: the most runners first
// (ties in cf order, the default group first); groups with Runners=0 are
// left out unless -qG named them.
std::vector<QueueGroupDir> run_order(const SubmitSettings& s, const CommandLine& cl);

// The group of a mailer's recipients: its Q= group if that exists, else mqueue.
std::string group_of_mailer(const SubmitSettings& s, const std::string& mailer);

// The group the cf's queuegroup ruleset picks for a recipient (its bare
// address): the name after $#, if that group exists.
std::optional<std::string> group_by_ruleset(const SubmitSettings& s, const std::string& bare_address);

// A recipient's group: the queuegroup ruleset's pick, else its mailer's Q=,
// else mqueue.
std::string group_of_recipient(const SubmitSettings& s, const std::string& bare_address, const std::string& mailer);

// An envelope split into its queue entries: the recipients by queue group
// (the first recipient's group first, the others in cf order after the
// default group), each group's at most its recipients= to an entry. One entry, the whole qf, when nothing splits it.
// `mailer_of` names a recipient's mailer.
std::vector<std::pair<std::string, queue::QueueFile>> split_envelope(
    const SubmitSettings& s, const queue::QueueFile& qf,
    const std::function<std::string(const queue::QueueRecipient&)>& mailer_of);

// The directory a new entry of the group goes to: one of its directories,
// picked at random as sendmail does, so that messages spread over them.
std::string pick_directory(const QueueGroupDir& group);

// The group itself (the default group if unknown).
QueueGroupDir find_group(const SubmitSettings& s, const std::string& name);

// sendmail's start-up check of the queue groups' directories: each must lie
// below QueueDirectory (the parent of a wildcard one), a wildcard must match
// something, and each directory must exist (whether it can be read is found
// out by the listing or run that reads it). Prints what is wrong and returns
// EX_CONFIG, as sendmail stops then; nullopt when all is well.
std::optional<int> check_group_directories(const SubmitSettings& s);

// How a queue run names an entry's directory in the process title: "." for
// QueueDirectory itself, else the path below it ("slow").
std::string queue_dir_label(const SubmitSettings& s, const std::string& path);

}  // namespace sendmail
