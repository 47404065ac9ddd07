// submission_attempt.cpp: what a submission does once its queue entries are
// written: the delivery attempt its DeliveryMode asks for (-odi in this
// process, -odb in a child after the parent has returned), and the log lines
// of an envelope split over queue groups, in the order sendmail writes them.
#include <cstdio>
#include <fcntl.h>
#include <set>
#include <syslog.h>
#include <unistd.h>

#include "sendmail/delivery.hpp"
#include "sendmail/submission.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

// -v makes sendmail deliver in the foreground, to show the attempt.
bool background_mode(const SubmitSettings& s, const CommandLine& cl) {
    std::string mode = util::to_lower(s.option("DeliveryMode", "b"));
    return !cl.verbose && (mode.empty() || mode[0] == 'b');
}

}  // namespace

// -odb: the message is safely queued, so the caller may go; a child of its
// own session, away from the caller's pipes, makes the attempt (and logs it
// under its own pid). If fork fails the message waits for a queue run.
void Submission::attempt_in_mode(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf) {
    if (!background_mode(s_, cl_)) {
        attempt_delivery(dir, nm, qf);
        return;
    }
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid < 0) {
        util::log_line(LOG_ERR, 1, nm.id(), "cannot fork for background delivery: the queue will try it");
        return;
    }
    if (pid > 0) return;
    setsid();
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        close(devnull);
    }
    attempt_delivery(dir, nm, qf);  // the qf's lock came with the descriptor
    _exit(0);
}

// "split: count=1, id=X" or "split: count=2, ids=Y; X": the other entries,
// the last numbered first, as sendmail lists its envelope's siblings.
void Submission::log_split(const std::string& id) const {
    if (siblings_.empty()) return;
    std::string ids;
    for (auto it = siblings_.rbegin(); it != siblings_.rend(); ++it) ids += (ids.empty() ? "" : "; ") + it->first;
    util::log_line(LOG_NOTICE, 5, id,
                   "split: count=" + std::to_string(siblings_.size()) + (siblings_.size() == 1 ? ", id=" : ", ids=") +
                       ids);
}

// The to= lines of one queue entry of the envelope, in recipient order.
void Submission::log_entry_queued(const std::string& id, const queue::QueueFile& part,
                                  const RecipientList& rcpts) const {
    std::set<std::string> in_entry;
    for (const auto& r : part.recipients) in_entry.insert(r.address);
    for (const Recipient* r : rcpts.ordered())
        if (in_entry.count(r->address))
            util::log_line(LOG_INFO, 9, id,
                           "to=" + r->address + ", delay=" + log_interval(static_cast<long>(std::time(nullptr) - now_)) +
                               ", mailer=" + r->route.mailer + ", pri=" + std::to_string(part.priority) +
                               ", stat=queued");
}

// Recipients of the whole envelope, all its queue entries together (the
// from= line's nrcpts).
size_t Submission::envelope_size(const queue::QueueFile& first) const {
    size_t n = first.recipients.size();
    for (const auto& [id, part] : siblings_) n += part.recipients.size();
    return n;
}

// The other entries get no attempt at submission, whatever the delivery
// mode: a queue run takes them. sendmail logs them last, the last first.
void Submission::log_siblings_queued(const RecipientList& rcpts) const {
    for (auto it = siblings_.rbegin(); it != siblings_.rend(); ++it) log_entry_queued(it->first, it->second, rcpts);
}

}  // namespace sendmail
