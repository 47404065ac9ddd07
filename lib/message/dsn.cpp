// dsn.cpp: the three MIME parts of a delivery status notification: text for
// people, message/delivery-status for programs, and the returned message.
#include "message/dsn.hpp"

#include <utility>

#include "message/message.hpp"

namespace message {

std::string interval_words(long s) {
    // Every unit that is not zero, largest first: "1 week", "1 hour, 30 minutes".
    static constexpr std::pair<long, const char*> kUnits[] = {
        {604800, "week"}, {86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}};
    std::string out;
    for (const auto& [size, name] : kUnits) {
        long n = s / size;
        s %= size;
        if (n == 0) continue;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + name + (n == 1 ? "" : "s");
    }
    return out.empty() ? "0 seconds" : out;
}

std::string dsn_subject(const DsnRequest& r) {
    if (r.failure && r.to_postmaster) return "Postmaster notify: see transcript for details";
    if (r.failure) return "Returned mail: see transcript for details";
    return "Warning: could not send message for past " + r.warn_after;
}

namespace {

std::string human_part(const DsnRequest& r) {
    std::string o;
    if (!r.failure)
        o += "    **********************************************\n"
             "    **      THIS IS A WARNING MESSAGE ONLY      **\n"
             "    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **\n"
             "    **********************************************\n\n";
    o += "The original message was received at " + arpadate(r.arrival) + "\n" + r.relay + "\n";
    if (!r.original_id.empty()) o += "with id " + r.original_id + "\n";
    o += "\n";
    if (r.failure) {
        o += "   ----- The following addresses had permanent fatal errors -----\n";
        for (const auto& rc : r.recipients) {
            o += rc.address + "\n";
            if (!rc.diagnostic.empty()) o += "    (reason: " + rc.diagnostic + ")\n";
            if (!rc.expanded_from.empty()) o += "    (expanded from: " + rc.expanded_from + ")\n";
        }
        o += "\n";
    }
    o += "   ----- Transcript of session follows -----\n" + r.transcript;
    if (r.failure && !r.warn_after.empty())
        o += "Message could not be delivered for " + r.warn_after + "\nMessage will be deleted from queue\n";
    else if (!r.failure)
        o += "Warning: message still undelivered after " + r.warn_after + "\nWill keep trying until message is " +
             r.give_up_after + " old\n";
    return o;
}

std::string status_part(const DsnRequest& r) {
    std::string o = "Content-Type: message/delivery-status\n\nReporting-MTA: dns; " + r.reporting_mta +
                    "\nArrival-Date: " + arpadate(r.arrival) + "\n";
    for (const auto& rc : r.recipients) {
        // sendmail compares the two texts case for case: a mailer with
        // T=DNS/RFC822/... gets the line even for the same address.
        o += "\nFinal-Recipient: " + rc.final_rcpt + "\n";
        if (!rc.actual_rcpt.empty() && rc.actual_rcpt != rc.final_rcpt)
            o += "X-Actual-Recipient: " + rc.actual_rcpt + "\n";
        o += std::string("Action: ") + (r.failure ? "failed" : "delayed") + "\n";
        o += "Status: " + rc.status + "\n";
        if (!rc.diagnostic.empty())
            o += "Diagnostic-Code: " + (rc.diagnostic_type.empty() ? std::string("smtp") : rc.diagnostic_type) + "; " +
                 rc.diagnostic + "\n";
        o += "Last-Attempt-Date: " + arpadate(std::time(nullptr)) + "\n";
        if (!r.failure && r.retry_until) o += "Will-Retry-Until: " + arpadate(r.retry_until) + "\n";
    }
    return o;
}

}  // namespace

std::string dsn_body(const DsnRequest& r) {
    std::string b = "--" + r.boundary;
    std::string o = "This is a MIME-encapsulated message\n\n" + b + "\n\n" + human_part(r) + "\n" + b + "\n" +
                    status_part(r) + "\n" + b + "\n";
    if (r.headers_only) {
        o += "Content-Type: text/rfc822-headers\n\n" + r.original_headers;
    } else {
        o += "Content-Type: message/rfc822\n\n" + r.original_headers + "\n" + r.original_body;
        if (!r.original_body.empty() && r.original_body.back() != '\n') o += "\n";
    }
    // sendmail ends its notices with an empty line after the last boundary.
    o += "\n" + b + "--\n\n";
    return o;
}

}  // namespace message
