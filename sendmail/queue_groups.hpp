// queue_groups.hpp: sendmail's queue groups (Q lines of the cf): the default
// group "mqueue" in QueueDirectory, then each Q line's Path, in cf order, and
// the group a recipient's mailer (its Q= equate) sends its messages to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sendmail/submit_settings.hpp"

namespace sendmail {

struct QueueGroupDir {
    std::string name;  // "mqueue" for the default group
    std::string path;
    long jobs = 0;  // Jobs=: at most this many entries per queue run (0: no limit)
};

// Every group, the default first, as mailq lists them.
std::vector<QueueGroupDir> queue_groups(const SubmitSettings& s);

// The groups a run or listing takes: all, or those named by -qGname. An
// unknown name is returned in `unknown` (sendmail: "Queue group x unknown").
std::vector<QueueGroupDir> selected_groups(const SubmitSettings& s, const CommandLine& cl, std::string& unknown);

// The group of a mailer's recipients: its Q= group if that exists, else mqueue.
std::string group_of_mailer(const SubmitSettings& s, const std::string& mailer);

// The directory of a named group (the default group's if unknown).
std::string group_path(const SubmitSettings& s, const std::string& name);

}  // namespace sendmail
