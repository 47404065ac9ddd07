// queue_daemon.cpp: the background queue runners. `sendmail -q` runs once
// after its parent has returned; `-q15m` and `-qp[interval]` without -bd run
// every interval until SIGTERM, with the PidFile sendmail writes (its pid,
// then the command line) removed on exit.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <sysexits.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

#include "sendmail/queue_daemon.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/shared_memory.hpp"
#include "util/files.hpp"
#include "util/log.hpp"
#include "util/proctitle.hpp"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

namespace sendmail {

namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_terminate(int) { g_stop = 1; }

// No SA_RESTART: a SIGTERM cuts the sleep between runs short.
void catch_terminate() {
    struct sigaction sa {};
    sa.sa_handler = on_terminate;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    signal(SIGHUP, SIG_IGN);
}

bool write_pid_file(const std::string& path, const CommandLine& cl) {
    if (path.empty()) return true;
    std::string text = std::to_string(getpid()) + "\n" + cl.command_text + "\n";
    util::UniqueFd fd(open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    return fd.valid() && util::write_all(fd.get(), text);
}

// Sleeps `seconds` unless a SIGTERM comes first.
void pause_between_runs(long seconds) {
    std::time_t until = std::time(nullptr) + seconds;
    while (!g_stop) {
        std::time_t now = std::time(nullptr);
        if (now >= until) return;
        sleep(static_cast<unsigned>(until - now));
    }
}

// sendmail's hh:mm:ss form of the -q interval, as its runner's title shows it.
std::string interval_text(long s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

}  // namespace

long periodic_interval(const CommandLine& cl) {
    std::string arg = cl.queue_arg.value_or("");
    if (!arg.empty() && arg[0] == 'p') return arg.size() > 1 ? parse_interval(arg.substr(1), 1) : 1;
    if (!arg.empty() && std::isdigit(static_cast<unsigned char>(arg[0]))) return parse_interval(arg, 0);
    return 0;
}

namespace {

// One queue group in the periodic runner: when it is next due, and the
// process running it (one per group; with Flags=f it forks a child per
// entry, at most Runners= at a time).
struct GroupSchedule {
    QueueGroupDir group;
    long interval = 0;
    std::time_t next = 0;
    std::vector<pid_t> runners;
};

// The directory a group's runner names in its title: its first.
std::string first_directory(const QueueGroupDir& g) {
    return g.dirs.empty() ? g.path : queue::QueueDir(g.dirs.front()).display_path();
}

void reap(std::vector<GroupSchedule>& sched, bool persistent) {
    pid_t pid;
    while ((pid = waitpid(-1, nullptr, WNOHANG)) > 0) {
        for (auto& g : sched) {
            auto it = std::find(g.runners.begin(), g.runners.end(), pid);
            if (it == g.runners.end()) continue;
            g.runners.erase(it);
            // A persistent runner (-qp) that ended is started again after its interval.
            if (persistent && g.runners.empty()) g.next = std::time(nullptr) + g.interval;
        }
    }
}

// Starts a run of one group in a process niced by its Nice=. A run still
// going when the group is due again is left to finish.
void start_group_run(GroupSchedule& g, QueueRunner& runner, bool persistent) {
    std::time_t now = std::time(nullptr);
    g.next = persistent ? now + 365L * 86400 : now + g.interval;  // -qp: set again when the run ends
    // A SIGTERM between fork and the child's SIG_DFL would only set the
    // child's copy of g_stop: it waits, blocked, until the default is back.
    sigset_t term, old;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigaddset(&term, SIGINT);
    sigprocmask(SIG_BLOCK, &term, &old);
    pid_t pid = fork();
    if (pid != 0) sigprocmask(SIG_SETMASK, &old, nullptr);
    if (pid < 0) return;  // try again next interval
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        sigprocmask(SIG_SETMASK, &old, nullptr);
        if (g.group.nice > 0) (void)nice(static_cast<int>(g.group.nice));
        if (!persistent) {
            runner.run_group(g.group);
            _exit(EX_OK);
        }
        // -qp: the runner stays, as sendmail's does, says so in ps while it
        // waits its interval, and goes when its parent does.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() == 1) _exit(EX_OK);
        for (;;) {
            util::set_proctitle("running queue: " + first_directory(g.group));
            runner.run_group(g.group);
            util::set_proctitle("running queue: " + first_directory(g.group));
            sleep(static_cast<unsigned>(std::max(1L, g.interval)));
        }
    }
    g.runners.push_back(pid);
}

void stop_runners(std::vector<GroupSchedule>& sched) {
    for (auto& g : sched)
        for (pid_t pid : g.runners) kill(pid, SIGTERM);
    for (auto& g : sched)
        for (pid_t pid : g.runners) waitpid(pid, nullptr, 0);
}

// The background process the caller returns without: the child (0) in a
// session of its own; the parent gets its pid, or -1 after saying why.
pid_t fork_into_own_session() {
    pid_t pid = fork();
    if (pid < 0) std::perror("fork");
    if (pid == 0) setsid();
    return pid;
}

}  // namespace

int run_once_in_background(const SubmitSettings& s, const CommandLine& cl, QueueRunner& runner) {
    pid_t pid = fork_into_own_session();
    if (pid != 0) return pid < 0 ? EX_OSERR : EX_OK;
    util::stdio_to_devnull();
    std::vector<QueueGroupDir> groups = run_order(s, cl);
    if (groups.size() == 1) {
        // sendmail's single group: this process is its runner.
        if (groups[0].nice > 0) (void)nice(static_cast<int>(groups[0].nice));
        runner.run_group(groups[0]);
        _exit(EX_OK);
    }
    // Several groups: a "Queue control" process starts a runner per group
    // at once, each niced by its group's Nice=, and ends when they have.
    util::set_proctitle("Queue control");
    std::vector<GroupSchedule> sched;
    for (const auto& g : groups) {
        sched.push_back({g, 0, 0, {}});
        start_group_run(sched.back(), runner, false);
    }
    while (waitpid(-1, nullptr, 0) > 0 || errno == EINTR) {
    }
    _exit(EX_OK);
}

int run_periodic(const SubmitSettings& s, const CommandLine& cl, QueueRunner& runner, long interval) {
    pid_t pid = fork_into_own_session();
    if (pid != 0) return pid < 0 ? EX_OSERR : EX_OK;
    catch_terminate();
    std::string pid_file = s.option("PidFile", "/var/run/sendmail.pid");
    if (!write_pid_file(pid_file, cl)) std::fprintf(stderr, "sendmail: cannot write pid file %s\n", pid_file.c_str());
    util::stdio_to_devnull();
    bool persistent = cl.queue_arg && !cl.queue_arg->empty() && (*cl.queue_arg)[0] == 'p';
    // sendmail logs this whatever the LogLevel.
    util::log_line(LOG_INFO, 0, "",
                   std::string("starting daemon (") + PACKAGE_VERSION + "): " +
                       (persistent ? "persistent-queueing@" : "queueing@") + interval_text(interval));
    // Each group runs at its own Interval= (else the -q interval), groups
    // with Runners=0 not at all.
    std::vector<GroupSchedule> sched;
    for (const auto& g : run_order(s, cl)) sched.push_back({g, g.interval > 0 ? g.interval : interval, 0, {}});
    // sendmail's titles: "Queue control" over persistent runners (-qp), else
    // "Queue runner@00:15:00 for /var/spool/mqueue".
    util::set_proctitle(persistent ? std::string("Queue control")
                                   : "Queue runner@" + interval_text(interval) + " for " + s.option("QueueDirectory"));
    {
        SharedMemorySegment segment(s);  // -bP shows queue counts while this runner lives
        while (!g_stop) {
            reap(sched, persistent);
            std::time_t now = std::time(nullptr);
            for (auto& g : sched)
                if (g.next <= now && g.runners.empty()) start_group_run(g, runner, persistent);
            // Intervals are whole seconds: looking every second finds each group
            // when it is due, and reaps its runners soon after they end.
            pause_between_runs(1);
        }
    }
    stop_runners(sched);
    if (!pid_file.empty()) unlink(pid_file.c_str());
    _exit(EX_OK);
}

}  // namespace sendmail
