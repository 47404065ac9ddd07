// mode_submit.cpp: `sendmail [flags] [recipients] < message` and -t: reads
// the message, builds the envelope and writes it to the queue durably. The
// exit status is 0 only once the qf is on disk; delivery is a queue run's job.
#include <cstdio>
#include <cstring>
#include <pwd.h>
#include <sysexits.h>
#include <syslog.h>
#include <unistd.h>

#include "message/collect.hpp"
#include "queue/queue.hpp"
#include "sendmail/modes.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/submission.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

// Validates -N, -R and -B as sendmail does; prints its message on failure.
bool check_dsn_arguments(const CommandLine& cl, std::string& notify) {
    if (cl.dsn_notify) {
        bool s = false, f = false, d = false, never = false;
        for (const auto& w : util::split(*cl.dsn_notify, ',')) {
            std::string v = util::to_lower(util::trim(w));
            if (v == "success") s = true;
            else if (v == "failure") f = true;
            else if (v == "delay") d = true;
            else if (v == "never") never = true;
            else { std::printf("Invalid -N argument\n"); return false; }
        }
        if (never && (s || f || d)) { std::printf("Invalid -N argument\n"); return false; }
        notify = std::string("N") + (s ? "S" : "") + (f ? "F" : "") + (d ? "D" : "");
    }
    if (cl.dsn_ret && !util::iequals(*cl.dsn_ret, "hdrs") && !util::iequals(*cl.dsn_ret, "full")) {
        std::printf("Invalid -R value\n");
        return false;
    }
    if (cl.body_type && !util::iequals(*cl.body_type, "7bit") && !util::iequals(*cl.body_type, "8bitmime") &&
        !util::iequals(*cl.body_type, "binarymime")) {
        std::printf("Illegal body type %s\n", cl.body_type->c_str());
        return false;
    }
    return true;
}

}  // namespace

int run_deliver(const CommandLine& cl) {
    std::string notify;
    if (cl.initial_submission) return EX_USAGE;  // -U is refused by 8.17, silently
    if (!check_dsn_arguments(cl, notify)) return EX_USAGE;
    auto settings = read_settings(cl, true);
    if (!settings) return settings_exit_status(settings.error());
    if (!cl.read_recipients && cl.args.empty()) {
        std::printf("Recipient names must be specified\n");
        return EX_USAGE;
    }
    Submission sub(cl, *settings, notify);
    if (auto rc = enter_queue_directory(*settings)) return *rc;  // nor here: the text stays with the caller
    if (auto rc = check_group_directories(*settings)) return *rc;  // sendmail keeps no dead.letter here
    return sub.run();
}

}  // namespace sendmail
