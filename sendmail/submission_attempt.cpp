// submission_attempt.cpp: a submission's queue entries beyond the first (an
// envelope split over queue groups and their recipients=), numbered and
// logged in sendmail's order, and the delivery attempt its DeliveryMode asks
// for (-odi in this process, -odb in a child after the parent has returned).
#include <cstdio>
#include <set>
#include <sysexits.h>
#include <syslog.h>
#include <unistd.h>

#include "sendmail/delivery.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/submission.hpp"
#include "util/files.hpp"
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
        if (cl_.verbose) {
            // what each recipient came to, as a queue run's -v shows it
            for (const auto& r : qf.recipients) std::printf("%s... %s\n", r.address.c_str(), Delivery::kDeferred);
            std::fflush(stdout);
        }
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
    util::stdio_to_devnull();
    attempt_delivery(dir, nm, qf);  // the qf's lock came with the descriptor
    _exit(0);
}

// The other entries of the envelope, numbered as sendmail numbers them:
// the first entry of each other group (cf order), then the rest of those
// groups' entries (over their recipients=), then the rest of the message's
// own group. `parts` comes from split_envelope: the message's group first,
// each group's entries together. nullopt when all are queued.
std::optional<int> Submission::queue_other_entries(const queue::NewMessage& nm,
                                                   const std::vector<std::pair<std::string, queue::QueueFile>>& parts) {
    own_group_ = parts.front().first;
    std::vector<std::pair<size_t, int>> order;  // (part, index of its group's head or -1 / -2 for a head)
    std::vector<size_t> heads, own_rest, other_rest;
    for (size_t k = 1; k < parts.size(); ++k) {
        if (parts[k].first == own_group_) own_rest.push_back(k);
        else if (parts[k].first != parts[k - 1].first) heads.push_back(k);
        else other_rest.push_back(k);
    }
    for (size_t k : heads) order.push_back({k, -2});
    for (size_t k : other_rest) {
        int head = 0;
        for (size_t h = 0; h < heads.size(); ++h)
            if (parts[heads[h]].first == parts[k].first) head = static_cast<int>(h);
        order.push_back({k, head});
    }
    for (size_t k : own_rest) order.push_back({k, -1});
    for (const auto& [k, head] : order) {
        queue::QueueDir dir(queue_directory_of(parts[k].first));
        // the failures' status stays with the message itself
        queue::QueueFile part = parts[k].second;
        part.status_message.clear();
        auto copy = queue::NewMessage::create_linked(dir, nm, now_);
        if (!copy || !copy->commit(part)) {
            std::fprintf(stderr, "queueup: cannot queue for group %s\n", parts[k].first.c_str());
            return EX_TEMPFAIL;
        }
        siblings_.push_back({copy->id(), parts[k].first, part, head == -2, head < 0 ? -1 : head});
    }
    return std::nullopt;
}

// "split: maxrcpts=2, rcpts=5, count=2, ids=B; C": an entry of `group`
// (keeping `kept` recipients) and the entries its recipients= made, as
// numbered. head: whose they are (index of a group head, -1: the message's).
void Submission::log_recipient_split(const std::string& id, const std::string& group, size_t kept, int head) const {
    std::string ids;
    size_t count = 0, total = kept;
    for (const auto& e : siblings_) {
        if (e.group_head || e.head != head) continue;
        ids += (ids.empty() ? "" : "; ") + e.id;
        total += e.part.recipients.size();
        ++count;
    }
    if (count == 0) return;
    util::log_line(LOG_NOTICE, 5, id,
                   "split: maxrcpts=" + std::to_string(find_group(s_, group).recipients) +
                       ", rcpts=" + std::to_string(total) + ", count=" + std::to_string(count) +
                       (count == 1 ? ", id=" : ", ids=") + ids);
}

// The split lines sendmail writes after from=: each other group's own
// split over its recipients=, then the split over groups ("split: count=2,
// ids=Y; X", the last numbered first), then the message's own group's.
void Submission::log_split(const std::string& id, size_t kept) const {
    std::string ids;
    size_t count = 0;
    for (size_t k = 0; k < siblings_.size(); ++k) {
        if (!siblings_[k].group_head) continue;
        log_recipient_split(siblings_[k].id, siblings_[k].group, siblings_[k].part.recipients.size(),
                            static_cast<int>(count));
        ids = siblings_[k].id + (ids.empty() ? "" : "; ") + ids;
        ++count;
    }
    if (count > 0)
        util::log_line(LOG_NOTICE, 5, id,
                       "split: count=" + std::to_string(count) + (count == 1 ? ", id=" : ", ids=") + ids);
    log_recipient_split(id, own_group_, kept, -1);
}

// The to= lines of one queue entry of the envelope, in recipient order
// (with -v also "addr... queued" on standard output, as sendmail shows
// the entries a submission leaves to the queue).
void Submission::log_entry_queued(const std::string& id, const queue::QueueFile& part,
                                  const RecipientList& rcpts) const {
    std::set<std::string> in_entry;
    for (const auto& r : part.recipients) in_entry.insert(r.address);
    // entries still to be queued are the message's for now
    for (size_t k = 1; k < deferred_parts_.size(); ++k)
        for (const auto& r : deferred_parts_[k].second.recipients) in_entry.insert(r.address);
    for (const Recipient* r : rcpts.ordered()) {
        if (!in_entry.count(r->address)) continue;
        util::log_line(LOG_INFO, 9, id,
                       "to=" + r->address + ", delay=" + log_interval(static_cast<long>(std::time(nullptr) - now_)) +
                           ", mailer=" + r->route.mailer + ", pri=" + std::to_string(part.priority) + ", stat=queued");
        if (cl_.verbose) std::printf("%s... queued\n", r->address.c_str());
    }
    std::fflush(stdout);
}

// Recipients of the whole envelope, all its queue entries together (the
// from= line's nrcpts).
size_t Submission::envelope_size(const queue::QueueFile& first) const {
    size_t n = first.recipients.size();
    for (const auto& e : siblings_) n += e.part.recipients.size();
    for (size_t k = 1; k < deferred_parts_.size(); ++k) n += deferred_parts_[k].second.recipients.size();
    return n;
}

// A group's first entry, then the entries of its recipients=, the last
// numbered first.
void Submission::log_entry_and_its_own(size_t k, const RecipientList& rcpts) const {
    log_entry_queued(siblings_[k].id, siblings_[k].part, rcpts);
    int head = 0;
    for (size_t h = 0; h < k; ++h) head += siblings_[h].group_head ? 1 : 0;
    for (size_t j = siblings_.size(); j-- > 0;)
        if (!siblings_[j].group_head && siblings_[j].head == head)
            log_entry_queued(siblings_[j].id, siblings_[j].part, rcpts);
}

// The other entries get no attempt at submission, whatever the delivery
// mode: a queue run takes them. sendmail logs them after the message, the
// last numbered first: those of the message's own group, then each other
// group's with its own.
void Submission::log_siblings_queued(const RecipientList& rcpts) const {
    for (size_t j = siblings_.size(); j-- > 0;)
        if (!siblings_[j].group_head && siblings_[j].head == -1)
            log_entry_queued(siblings_[j].id, siblings_[j].part, rcpts);
    for (size_t k = siblings_.size(); k-- > 0;)
        if (siblings_[k].group_head) log_entry_and_its_own(k, rcpts);
}

}  // namespace sendmail
