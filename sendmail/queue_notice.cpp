// queue_notice.cpp: the notices a queue run sends: a delay warning or a
// returned message to the sender, a failed notice to the postmaster (double
// bounce), and nothing for a failed double bounce: never a bounce of a bounce.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <syslog.h>

#include "message/dsn.hpp"
#include "sendmail/notice.hpp"
#include "sendmail/queue_run.hpp"
#include "sendmail/recipients.hpp"
#include "sendmail/submit_headers.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

namespace sendmail {

std::string QueueRunner::notice_recipient(const queue::QueueFile& qf, bool failure) const {
    if (!is_null_sender(qf.sender)) return message::bare_address(qf.sender);
    if (!failure) return "";
    // A notice that failed itself: once to the postmaster, never further.
    bool double_bounce = qf.has_flag('r') && qf.recipients.size() == 1 &&
                         util::iequals(message::bare_address(qf.recipients[0].address), "postmaster");
    return double_bounce ? "" : "postmaster";
}

namespace {

// The returned message's headers, as sendmail writes them into the notice:
// those the *file* mailer takes (a ?x?Full-Name: is left out), without Bcc
// when the message is one whose Bcc goes at delivery (-t, the qf's 'b').
std::string original_headers(const SubmitSettings& s, const queue::QueueFile& qf) {
    std::string sender = message::bare_address(qf.sender);
    auto lookup = [&](std::string_view n) -> std::optional<std::string> {
        if (n == "g") return sender;
        return std::nullopt;
    };
    const config::Mailer* file = s.cfg ? s.cfg->find_mailer("*file*") : nullptr;
    return message::delivery_headers(qf.headers, file ? file->flags : "9DEFMPloqsu", qf.has_flag('b'), lookup);
}

std::vector<message::Header> notice_headers(const std::string& to, const std::string& subject,
                                            const std::string& boundary, const char* kind) {
    return {
        {"To", " " + to, "", false},
        {"MIME-Version", " 1.0", "", false},
        {"Content-Type", " multipart/report; report-type=delivery-status;\n\tboundary=\"" + boundary + "\"", "", false},
        {"Subject", " " + subject, "", false},
        {"Auto-Submitted", std::string(" auto-generated (") + kind + ")", "", false},
    };
}

// The notice's own r line: its recipient typed by the T= of the mailer it
// goes to, an rfc822 address with the local domain added to a bare name.
std::string notice_rcpt_line(const SubmitSettings& s, const std::string& to) {
    std::string j = s.macro("j").value_or("localhost");
    Route route = make_router(s, false)(to, message::bare_address(to));
    MailerTypeLookup types = make_mailer_types(s);
    MailerTypes t = types ? types(route.mailer) : MailerTypes{};
    if (!util::iequals(t.address, "rfc822")) return t.address + "; " + route.user;
    return t.address + "; " + (to.find('@') == std::string::npos ? to + "@" + j : to);
}

// A queued message's size as sendmail reckons it when it reads the entry:
// its df file and each H line of the qf less the "H", "?" and "?" around
// the flags.
long queued_message_size(const queue::QueueFile& qf, size_t df_size) {
    long size = static_cast<long>(df_size);
    for (const auto& h : qf.headers)
        size += static_cast<long>(h.mailer_flags.size() + h.name.size() + 1 + message::stored_value(h).size());
    return size;
}

// A notice's priority: one recipient, and, when it returns the message's
// body, the message's size plus sendmail's 1024 bytes for the notice's own
// text; a notice of headers only counts no size at all.
long notice_priority(const SubmitSettings& s, bool headers_only, long message_size) {
    long size = headers_only ? 0 : 1024 + message_size;
    return size + s.option_long("RecipientFactor", 30000);
}

}  // namespace

std::vector<message::DsnRecipient> notice_recipients(const SubmitSettings& s, const queue::QueueFile& qf,
                                                     const std::string& status, const std::string& diagnostic) {
    Router route = make_router(s, false);
    MailerTypeLookup types = make_mailer_types(s);
    std::string j = s.macro("j").value_or("localhost");
    bool hide_actual = util::to_lower(s.option("PrivacyOptions")).find("noactualrecipient") != std::string::npos;
    std::vector<message::DsnRecipient> out;
    for (const auto& r : qf.recipients) {
        // The address its mailer would get, for X-Actual-Recipient.
        std::string bare = message::bare_address(r.address);
        Route to = route(r.address, bare);
        MailerTypes t = types ? types(to.mailer) : MailerTypes{};
        std::string fr = r.orcpt.empty() ? t.address + "; " + bare : r.orcpt;
        std::string user = to.local() ? util::to_lower(to.host.empty() ? to.user : to.user + "+" + to.host) : bare;
        std::string actual = hide_actual || to.error() ? "" : actual_recipient(t, user, j);
        out.push_back({r.address, fr, status, diagnostic, t.diagnostic, actual, ""});
    }
    return out;
}

util::Result<std::string> queue_notice(const SubmitSettings& s, const queue::QueueDir& dir, const std::string& id,
                                       const queue::QueueFile& orig, const std::string& body, const Notice& n,
                                       std::time_t now) {
    std::string j = s.macro("j").value_or("localhost");
    message::DsnRequest req;
    req.failure = n.failure;
    req.reporting_mta = j;
    req.arrival = orig.created;
    req.relay = "from " + orig.macro("$_").value_or("localhost");
    req.warn_after = n.warn_after;
    req.transcript = n.transcript;
    req.give_up_after = n.give_up_after;
    req.retry_until = n.retry_until;
    req.headers_only = !n.headers_as_message && (orig.has_flag('n') || body.empty());
    req.original_headers = original_headers(s, orig);
    req.original_body = body;
    req.recipients = n.recipients;
    req.to_postmaster = n.postmaster_notify;
    if (n.postmaster_notify) req.original_id = id;
    auto nm = queue::NewMessage::create(dir, now);
    if (!nm) return nm.error();
    req.boundary = nm->id() + "." + std::to_string(static_cast<long long>(now)) + "/" + j;
    std::string text = message::dsn_body(req);
    if (auto st = nm->append_body(text); !st) return st.error();
    if (auto st = nm->finish_body(); !st) return st.error();

    queue::QueueFile q;
    q.created = now;
    // Stored as sendmail stores its own notices: sender $n, flags r (a response).
    q.flags = n.lost ? "r" : "rs";
    q.sender = s.macro("n").value_or("MAILER-DAEMON");
    if (n.recipient_lines.empty())
        q.recipients.push_back({std::nullopt, notice_rcpt_line(s, n.to), "", "PF", n.to, ""});
    else
        q.recipients = n.recipient_lines;
    long size = n.message_size >= 0 ? n.message_size : queued_message_size(orig, body.size());
    q.priority = notice_priority(s, orig.has_flag('n') || n.body_withheld, size);
    // sendmail makes its notices as if received from localhost: $_, an
    // empty $r and $s, which its Received line shows.
    q.macros.emplace_back("$_", "localhost");
    q.macros.emplace_back("$r", "");
    q.macros.emplace_back("$s", "localhost");
    q.macros.emplace_back("${daemon_flags}", "c u");
    char tbuf[32];
    struct tm tm;
    gmtime_r(&now, &tm);
    std::strftime(tbuf, sizeof tbuf, "%Y%m%d%H%M", &tm);
    std::map<std::string, std::string> m = {{"b", message::arpadate(now)}, {"a", message::arpadate(now)},
                                            {"i", nm->id()}, {"j", j}, {"v", PACKAGE_VERSION}, {"Z", PACKAGE_VERSION},
                                            {"_", "localhost"}, {"s", "localhost"}, {"x", "Mail Delivery Subsystem"},
                                            {"g", q.sender}, {"t", tbuf}};
    auto lookup = [&](std::string_view k) -> std::optional<std::string> {
        auto it = m.find(std::string(k));
        if (it != m.end()) return it->second;
        return s.macro(std::string(k));
    };
    const char* kind = n.postmaster_notify ? "postmaster-notification" : n.failure ? "failure" : "warning-timeout";
    q.headers = build_headers(s.headers, notice_headers(n.to, message::dsn_subject(req), req.boundary, kind), lookup,
                              n.warnings);
    if (auto st = nm->commit(q); !st) return st.error();
    if (n.lost && std::rename(dir.qf_path(nm->id()).c_str(), dir.control_path(queue::kLost, nm->id()).c_str()) != 0)
        return util::Error("cannot set " + nm->id() + " aside: " + std::strerror(errno));
    std::string reason = n.log_reason.empty() ? message::dsn_subject(req) : n.log_reason;
    // sendmail's words: "DSN" for returned mail, "sender notify" for a delay warning.
    const char* what = n.postmaster_notify ? ": postmaster notify: " : n.failure ? ": DSN: " : ": sender notify: ";
    util::log_line(LOG_INFO, 5, id, nm->id() + what + reason);
    return nm->id();
}

bool QueueRunner::send_notice(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                              bool failure) {
    Notice n;
    n.failure = failure;
    n.to = notice_recipient(qf, failure);
    if (n.to.empty()) {
        util::log_line(LOG_ALERT, 1, id, "Losing " + id + ": notice of a failed notice is not sent");
        return true;
    }
    std::string timeout = s_.option(failure ? "Timeout.queuereturn" : "Timeout.queuewarn", failure ? "5d" : "4h");
    long t = parse_interval(timeout, failure ? 5 * 86400 : 4 * 3600);
    // Timeout.queuereturn=now: "Message could not be delivered for too long".
    n.warn_after = util::iequals(timeout, "now") ? "too long" : message::interval_words(t);
    n.log_reason = failure ? "Cannot send message for " + n.warn_after
                           : "Warning: could not send message for past " + n.warn_after;
    long give_up = parse_interval(s_.option("Timeout.queuereturn", "5d"), 5 * 86400);
    n.give_up_after = message::interval_words(give_up);
    n.retry_until = qf.created + give_up;
    n.recipients = notice_recipients(s_, qf, failure ? "4.4.7" : "4.0.0", "");
    for (const auto& r : qf.recipients) {
        if (!qf.status_message.empty() && qf.status_message.rfind("Warning:", 0) != 0)
            n.transcript += r.address + "... " + qf.status_message + "\n";
    }
    std::string body;
    if (!qf.has_flag('n'))
        if (auto b = util::read_file(dir.df_path(id), 8u << 20)) body = *b;
    return queue_notice(s_, dir, id, qf, body, n, now_).ok();
}

}  // namespace sendmail
