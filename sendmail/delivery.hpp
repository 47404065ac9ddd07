// delivery.hpp: the one way a queued message's recipients go to their
// mailers, taken by a queue run and by an interactive (-odi) or background
// (-odb) submission alike. Until the mailers exist (a later issue) every
// attempt defers each recipient with a temporary status, and the message
// waits in the queue for the next run.
#pragma once

#include <ctime>
#include <string>

#include "queue/queue.hpp"
#include "sendmail/recipients.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

class Delivery {
public:
    explicit Delivery(const SubmitSettings& s) : s_(s) {}
    // One attempt at every recipient of `qf`: counts the try (the qf's N
    // and K) and records its status (M). The caller rewrites the qf.
    void attempt(queue::QueueFile& qf, std::time_t now);
    // sendmail's to= line for each recipient of the last attempt, written
    // once the qf that records it is on disk. age: seconds since queueing.
    void log_attempt(const std::string& id, const queue::QueueFile& qf, long age);

    // What an attempt says of each recipient until the delivery layer exists.
    static constexpr const char* kDeferred = "Deferred: no delivery agent in this version";

private:
    const SubmitSettings& s_;
    Router router_;  // for the mailer names in the log
};

// sendmail's interval notation in logs: 00:00:05, or 2+03:00:00 past a day.
std::string log_interval(long seconds);

}  // namespace sendmail
