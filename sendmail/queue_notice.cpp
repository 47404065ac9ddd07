// queue_notice.cpp: the notices a queue run sends: a delay warning or a
// returned message to the sender, a failed notice to the postmaster (double
// bounce), and nothing for a failed double bounce: never a bounce of a bounce.
#include <syslog.h>

#include "message/dsn.hpp"
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
                                            const std::string& boundary, bool failure) {
    return {
        {"To", " " + to, "", false},
        {"MIME-Version", " 1.0", "", false},
        {"Content-Type", " multipart/report; report-type=delivery-status;\n\tboundary=\"" + boundary + "\"", "", false},
        {"Subject", " " + subject, "", false},
        {"Auto-Submitted", std::string(" auto-generated (") + (failure ? "failure" : "warning-timeout") + ")", "", false},
    };
}

}  // namespace

bool QueueRunner::send_notice(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                              bool failure) {
    std::string to = notice_recipient(qf, failure);
    std::string j = s_.macro("j").value_or("localhost");
    if (to.empty()) {
        util::log_line(LOG_ALERT, 1, id, "Losing " + id + ": notice of a failed notice is not sent");
        return true;
    }
    message::DsnRequest req;
    req.failure = failure;
    req.reporting_mta = j;
    req.arrival = qf.created;
    req.relay = "from " + qf.macro("$_").value_or("localhost");
    long t = parse_interval(s_.option(failure ? "Timeout.queuereturn" : "Timeout.queuewarn", failure ? "5d" : "4h"),
                            failure ? 5 * 86400 : 4 * 3600);
    req.warn_after = message::interval_words(t);
    req.headers_only = qf.has_flag('n');
    req.original_headers = original_headers(qf);
    if (!req.headers_only) {
        auto body = util::read_file(dir.df_path(id), 8u << 20);
        if (body) req.original_body = *body;
        else req.headers_only = true;
    }
    for (const auto& r : qf.recipients) {
        std::string fr = r.orcpt.empty() ? "RFC822; " + message::bare_address(r.address) : r.orcpt;
        req.recipients.push_back({r.address, fr, failure ? "4.4.7" : "4.4.7", ""});
    }
    auto nm = queue::NewMessage::create(dir, now_);
    if (!nm) return false;
    req.boundary = nm->id() + "." + std::to_string(static_cast<long long>(now_)) + "/" + j;
    std::string body = message::dsn_body(req);
    if (!nm->append_body(body) || !nm->finish_body()) return false;

    queue::QueueFile n;
    n.created = now_;
    // Stored as sendmail stores its own notices: sender $n, flags r (a response).
    n.flags = "rs";
    n.sender = s_.macro("n").value_or("MAILER-DAEMON");
    std::string q = to.find('@') == std::string::npos ? to + "@" + j : to;
    n.recipients.push_back({std::nullopt, "RFC822; " + q, "PF", to, ""});
    n.priority = static_cast<long>(body.size()) + s_.option_long("RecipientFactor", 30000);
    n.macros.emplace_back("${daemon_flags}", "c u");
    std::map<std::string, std::string> m = {{"b", message::arpadate(now_)}, {"a", message::arpadate(now_)},
                                            {"i", nm->id()}, {"j", j}, {"v", PACKAGE_VERSION}, {"Z", PACKAGE_VERSION},
                                            {"_", "localhost"}, {"x", "Mail Delivery Subsystem"},
                                            {"g", n.sender}};
    char tbuf[32];
    struct tm tm;
    gmtime_r(&now_, &tm);
    std::strftime(tbuf, sizeof tbuf, "%Y%m%d%H%M", &tm);
    m["t"] = tbuf;
    auto lookup = [&](std::string_view k) -> std::optional<std::string> {
        auto it = m.find(std::string(k));
        if (it != m.end()) return it->second;
        return s_.macro(std::string(k));
    };
    n.headers = build_headers(s_.headers, notice_headers(to, message::dsn_subject(req), req.boundary, failure),
                              lookup);
    if (!nm->commit(n)) return false;
    util::log_line(LOG_INFO, 5, id, nm->id() + ": " + (failure ? "DSN: " : "DSN: ") + message::dsn_subject(req));
    return true;
}

}  // namespace sendmail
