// mode_queue.cpp: -bp (mailq), -q queue runs and -bP queue counts. The
// listing reads the queue without locking; a run locks each entry it takes.
#include <csignal>
#include <cstdio>
#include <sysexits.h>
#include <unistd.h>

#include "queue/queue.hpp"
#include "sendmail/modes.hpp"
#include "sendmail/queue_daemon.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/queue_run.hpp"
#include "sendmail/shared_memory.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

namespace {

// mailq as an ordinary user lists the MSP queue when asked with -Ac.
util::Result<SubmitSettings> settings_for(const CommandLine& cl) {
    return read_settings(cl, cl.submission_kind == 'c');
}

}  // namespace

int run_print_queue(const CommandLine& cl) {
    if (cl.quarantine_given) {
        std::printf("Can not use -Q with -bp\n");
        return EX_USAGE;
    }
    auto s = settings_for(cl);
    if (!s) return settings_exit_status(s.error());
    if (auto rc = check_group_selectors(cl)) return *rc;
    if (auto rc = enter_queue_directory(*s)) return *rc;
    if (auto rc = check_group_directories(*s)) return *rc;
    std::string unknown;
    auto groups = selected_groups(*s, cl, unknown);
    if (groups.empty()) {
        std::printf("Queue group %s unknown\n", unknown.c_str());
        return EX_OK;  // sendmail's status, too
    }
    QueueSelection sel(cl.queue_selectors);
    size_t total = 0;
    // One listing per queue directory, the default group's first; a group
    // with several directories (Path=.../q*) lists each of them.
    for (const auto& g : groups)
        for (const auto& path : g.dirs) {
            queue::QueueDir dir(path, queue_kind(cl));
            // One that cannot be read is said so and listed as empty, as
            // sendmail 8.17 does; the listing goes on (exit status 0).
            if (auto ids = dir.list_ids(); !ids) std::printf("gatherq: %s\n", ids.error().message.c_str());
            std::vector<queue::QueueListing> shown;
            for (auto& e : queue::read_queue(dir))
                if (sel.matches(e.id, e.qf)) shown.push_back(std::move(e));
            sort_queue(shown, s->option("QueueSortOrder", "priority"));
            std::string out = queue::format_mailq(dir.display_path(), shown, cl.verbose);
            std::fwrite(out.data(), 1, out.size(), stdout);
            total += shown.size();
        }
    // A listing of groups named by -qG has no total (sendmail's, too).
    if (!names_groups(cl)) std::printf("\t\tTotal requests: %zu\n", total);
    return EX_OK;
}

int run_queue(const CommandLine& cl) {
    auto s = settings_for(cl);
    if (!s) return settings_exit_status(s.error());
    if (auto rc = enter_queue_directory(*s)) return *rc;
    if (auto rc = check_group_directories(*s)) return *rc;
    if (auto rc = check_group_selectors(cl)) return *rc;
    long interval = periodic_interval(cl);
    std::string unknown;
    if (selected_groups(*s, cl, unknown).empty()) std::printf("Queue group %s unknown\n", unknown.c_str());
    QueueRunner runner(*s, cl);
    if (interval <= 0) {
        if (!cl.verbose) return run_once_in_background(*s, cl, runner);
        // -v: in the foreground, the groups one after another; a directory
        // that could not be read makes sendmail's status EX_OSERR.
        return runner.run_once().unreadable_dirs > 0 ? EX_OSERR : EX_OK;
    }
    return run_periodic(*s, cl, runner, interval);
}

// -bP: the entries of each queue directory ("is empty" for none), as sendmail prints the
// counts its daemon keeps in shared memory; without a daemon's segment there
// are none to print.
int run_print_config(const CommandLine& cl) {
    auto s = settings_for(cl);
    if (!s) return settings_exit_status(s.error());
    if (!shared_memory_present(*s)) {
        std::printf("Data unavailable: shared memory not updated\n");
        return EX_OK;
    }
    std::string out;
    size_t total = 0;
    for (const auto& g : queue_groups(*s))
        for (const auto& path : g.dirs) {
            queue::QueueDir dir(path);
            auto ids = dir.list_ids();
            size_t n = ids ? ids->size() : 0;
            out += dir.display_path() + (n == 0 ? " is empty\n" : ": entries=" + std::to_string(n) + "\n");
            total += n;
        }
    out += "\t\tTotal requests: " + std::to_string(total) + "\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return EX_OK;
}

}  // namespace sendmail
