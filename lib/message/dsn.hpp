// dsn.hpp: delivery status notifications (RFC 3464) as sendmail words them:
// "Returned mail: see transcript for details" for failures and "Warning:
// could not send message for past 4 hours" for delays.
#pragma once

#include <ctime>
#include <string>
#include <vector>

namespace message {

struct DsnRecipient {
    std::string address;          // printable (for the human-readable part)
    std::string final_rcpt;       // "rfc822; user@host" (the r line)
    std::string status;           // "4.4.7"
    std::string diagnostic;       // optional text
    std::string diagnostic_type;  // its type, the mailer's ("smtp" when empty)
    // What the mailer got ("rfc822; user@host"): an X-Actual-Recipient line
    // when it is not, to the letter, the final recipient.
    std::string actual_rcpt;
    std::string expanded_from;  // the alias (or .forward's user) it came from
};

struct DsnRequest {
    bool failure = true;          // false: a delay warning
    std::string reporting_mta;    // $j
    std::string boundary;         // unique per message
    std::string original_headers; // "Name: value\n" lines
    std::string original_body;    // empty when only headers are returned
    bool headers_only = false;    // RET=HDRS
    std::string relay;            // "from root@localhost"
    std::time_t arrival = 0;
    std::time_t retry_until = 0;  // delay warnings: when the message will be returned
    std::string warn_after;       // "4 hours" / "5 days" wording of the timeout
    std::string transcript;       // what went wrong, lines ending in "\n", before the timeout text
    std::string give_up_after;    // delay warnings: the return timeout ("5 days")
    std::vector<DsnRecipient> recipients;
    // A postmaster notification (the sender could not be told): its own
    // subject, and the original's queue id after the relay line.
    bool to_postmaster = false;
    std::string original_id;
};

// The subject line and the MIME body of the notification.
std::string dsn_subject(const DsnRequest& r);
std::string dsn_body(const DsnRequest& r);

// "5 days", "1 week", "1 hour, 30 minutes": sendmail's wording of an interval.
std::string interval_words(long seconds);

}  // namespace message
