// delivery.cpp: a delivery attempt and its log lines. sendmail counts an
// attempt even when every recipient is deferred (N goes up, K is its time),
// and logs each recipient with its controlling user and the delays.
#include "sendmail/delivery.hpp"

#include <cstdio>
#include <optional>
#include <pwd.h>
#include <syslog.h>

#include "message/message.hpp"
#include "util/log.hpp"

namespace sendmail {

namespace {

// ", ctladdr=root (0/0)": the submitting user, as sendmail logs the
// controlling user of an attempt; sendmail's own notices have none.
std::string ctladdr_text(const queue::QueueFile& qf) {
    std::optional<std::string> submitter = qf.macro("$_");
    if (!submitter) return "";
    std::string user = submitter->substr(0, submitter->find('@'));
    struct passwd* pw = getpwnam(user.c_str());
    return ", ctladdr=" + user + " (" + std::to_string(pw ? pw->pw_uid : 0) + "/" +
           std::to_string(pw ? pw->pw_gid : 0) + ")";
}

}  // namespace

std::string log_interval(long s) {
    char buf[48];
    if (s >= 86400)
        std::snprintf(buf, sizeof buf, "%ld+%02ld:%02ld:%02ld", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

void Delivery::attempt(queue::QueueFile& qf, std::time_t now) {
    qf.tries++;
    qf.last_tried = now;
    qf.status_message = kDeferred;
}

void Delivery::log_attempt(const std::string& id, const queue::QueueFile& qf, long age) {
    if (!router_) router_ = make_router(s_, false);
    for (const auto& r : qf.recipients) {
        Route rt = router_(r.address, message::bare_address(r.address));
        util::log_line(LOG_INFO, 9, id,
                       "to=" + r.address + ctladdr_text(qf) + ", delay=" + log_interval(age) +
                           ", xdelay=00:00:00, mailer=" + rt.mailer + ", pri=" + std::to_string(qf.priority) +
                           ", dsn=4.0.0, stat=" + kDeferred);
    }
}

}  // namespace sendmail
