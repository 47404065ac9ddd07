// queue_daemon.cpp: `sendmail -q15m` and `-qp[interval]` without -bd: a
// background queue runner that runs every interval until SIGTERM, with the
// PidFile sendmail writes (its pid, then the command line) removed on exit.
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <sysexits.h>
#include <unistd.h>

#include "sendmail/queue_daemon.hpp"
#include "sendmail/shared_memory.hpp"
#include "util/files.hpp"

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

}  // namespace

long periodic_interval(const CommandLine& cl) {
    std::string arg = cl.queue_arg.value_or("");
    if (!arg.empty() && arg[0] == 'p') return arg.size() > 1 ? parse_interval(arg.substr(1), 1) : 1;
    if (!arg.empty() && std::isdigit(static_cast<unsigned char>(arg[0]))) return parse_interval(arg, 0);
    return 0;
}

int run_periodic(const SubmitSettings& s, const CommandLine& cl, QueueRunner& runner, long interval) {
    pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        return EX_OSERR;
    }
    if (pid > 0) return EX_OK;
    setsid();
    catch_terminate();
    std::string pid_file = s.option("PidFile", "/var/run/sendmail.pid");
    if (!write_pid_file(pid_file, cl)) std::fprintf(stderr, "sendmail: cannot write pid file %s\n", pid_file.c_str());
    // The parent has returned to its caller: the runner must not hold the
    // caller's pipes open.
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        close(devnull);
    }
    {
        SharedMemorySegment segment(s);  // -bP shows queue counts while this runner lives
        while (!g_stop) {
            runner.run_once();
            pause_between_runs(interval);
        }
    }
    if (!pid_file.empty()) unlink(pid_file.c_str());
    _exit(EX_OK);
}

}  // namespace sendmail
