// queue_notice.cpp: the notices a queue run sends: a delay warning or a
// returned message to the sender, a failed notice to the postmaster (double
// bounce), and nothing for a failed double bounce: never a bounce of a bounce.
#include <syslog.h>

#include "message/dsn.hpp"
#include "sendmail/notice.hpp"
#include "sendmail/queue_run.hpp"
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

std::string original_headers(const queue::QueueFile& qf) {
    std::string sender = message::bare_address(qf.sender);
    auto lookup = [&](std::string_view n) -> std::optional<std::string> {
        if (n == "g") return sender;
        return std::nullopt;
    };
    std::string o;
    for (const auto& h : qf.headers) o += h.name + ":" + message::expand_macros(h.value, lookup) + "\n";
    return o;
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

}  // namespace

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
    req.original_headers = original_headers(orig);
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
    q.flags = "rs";
    q.sender = s.macro("n").value_or("MAILER-DAEMON");
    std::string addr = n.to.find('@') == std::string::npos ? n.to + "@" + j : n.to;
    if (n.recipient_lines.empty())
        q.recipients.push_back({std::nullopt, "RFC822; " + addr, "", "PF", n.to, ""});
    else
        q.recipients = n.recipient_lines;
    q.priority = static_cast<long>(text.size()) + s.option_long("RecipientFactor", 30000);
    q.macros.emplace_back("${daemon_flags}", "c u");
    char tbuf[32];
    struct tm tm;
    gmtime_r(&now, &tm);
    std::strftime(tbuf, sizeof tbuf, "%Y%m%d%H%M", &tm);
    std::map<std::string, std::string> m = {{"b", message::arpadate(now)}, {"a", message::arpadate(now)},
                                            {"i", nm->id()}, {"j", j}, {"v", PACKAGE_VERSION}, {"Z", PACKAGE_VERSION},
                                            {"_", "localhost"}, {"x", "Mail Delivery Subsystem"},
                                            {"g", q.sender}, {"t", tbuf}};
    auto lookup = [&](std::string_view k) -> std::optional<std::string> {
        auto it = m.find(std::string(k));
        if (it != m.end()) return it->second;
        return s.macro(std::string(k));
    };
    const char* kind = n.postmaster_notify ? "postmaster-notification" : n.failure ? "failure" : "warning-timeout";
    q.headers = build_headers(s.headers, notice_headers(n.to, message::dsn_subject(req), req.boundary, kind), lookup);
    if (auto st = nm->commit(q); !st) return st.error();
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
    for (const auto& r : qf.recipients) {
        std::string fr = r.orcpt.empty() ? "RFC822; " + message::bare_address(r.address) : r.orcpt;
        n.recipients.push_back({r.address, fr, failure ? "4.4.7" : "4.0.0", ""});
        if (!qf.status_message.empty() && qf.status_message.rfind("Warning:", 0) != 0)
            n.transcript += r.address + "... " + qf.status_message + "\n";
    }
    std::string body;
    if (!qf.has_flag('n'))
        if (auto b = util::read_file(dir.df_path(id), 8u << 20)) body = *b;
    return queue_notice(s_, dir, id, qf, body, n, now_).ok();
}

}  // namespace sendmail
