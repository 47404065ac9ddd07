// notice.hpp: queueing a delivery status notification about a message: the
// returned-mail or warning message, addressed to the sender (or the
// postmaster), stored the way sendmail stores its own notices.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "message/dsn.hpp"
#include "queue/queue.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

struct Notice {
    bool failure = true;
    std::string to;                  // who gets it
    std::string warn_after;          // timeout wording ("5 days"), for timeouts
    std::string give_up_after;       // delay warnings: Timeout.queuereturn's wording
    std::time_t retry_until = 0;     // delay warnings: when it will be returned
    std::string transcript;          // what went wrong, for immediate failures
    std::string log_reason;          // for the "DSN: ..." log line
    std::vector<message::DsnRecipient> recipients;
    // Over MaxHeadersLength the message is refused before its body is read:
    // the headers kept go back as a message/rfc822 with an empty body.
    bool headers_as_message = false;
    // A message refused whole (too large, headers too long): its body is
    // never returned, whatever RET= asked.
    bool body_withheld = false;
    // To the postmaster because the sender cannot get it (unknown): worded
    // as sendmail's postmaster notify, logged as one.
    bool postmaster_notify = false;
    // The notice's own R lines (its recipient after aliasing); empty: one
    // line for `to`.
    std::vector<queue::QueueRecipient> recipient_lines;
    // Made by an untrusted user's submission: the notice carries its
    // X-Authentication-Warning lines too (those about the queue and -C).
    std::vector<message::Header> warnings;
    // A notice sendmail will not send (about a message over the hop count):
    // kept as a lost queue file (Qf), without the 's' flag.
    bool lost = false;
    // The size sendmail gives the message the notice is about (its size= of
    // the from= log line); -1: worked out from its queue files. The notice's
    // priority counts it when the notice returns the body.
    long message_size = -1;
};

// One entry per R line of `qf` for a notice about all of them: the r line
// as final recipient, what its mailer would get (X-Actual-Recipient, unless
// PrivacyOptions has noactualrecipient), and `diagnostic`.
std::vector<message::DsnRecipient> notice_recipients(const SubmitSettings& s, const queue::QueueFile& qf,
                                                     const std::string& status, const std::string& diagnostic);

// Queues the notice about message `id` (its qf `orig`, its body `body`, which
// may be empty when only headers are returned). Returns the new queue id.
util::Result<std::string> queue_notice(const SubmitSettings& s, const queue::QueueDir& dir, const std::string& id,
                                       const queue::QueueFile& orig, const std::string& body, const Notice& n,
                                       std::time_t now);

}  // namespace sendmail
