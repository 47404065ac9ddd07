// main.cpp: the sendmail binary. It parses the command line and runs one mode;
// everything else lives in the mode files and the libraries.
#include <cstdio>
#include <sysexits.h>

#include "sendmail/cmdline.hpp"
#include "sendmail/modes.hpp"
#include "util/proctitle.hpp"

namespace sendmail {

int not_built_yet(const char* what) {
    std::fprintf(stderr, "sendmail: %s is not built yet in this version\n", what);
    return EX_UNAVAILABLE;
}

}  // namespace sendmail

int main(int argc, char** argv) {
    using namespace sendmail;
    CommandLine cl;
    std::string error;
    if (!parse_command_line(argc, argv, cl, error)) {
        std::fprintf(stderr, "%s: %s\n", cl.called_as.c_str(), error.c_str());
        return EX_USAGE;
    }
    // The command line now lives in cl: its argv space can show titles.
    util::proctitle_init(argc, argv, "sendmail: ");
    // -Q acts on the queue instead of reading a message or running it.
    if (cl.quarantine_given && (cl.mode == Mode::Deliver || cl.mode == Mode::QueueRun)) return run_quarantine(cl);
    switch (cl.mode) {
    case Mode::AddressTest: return run_address_test(cl);
    case Mode::Verify: return run_verify(cl);
    case Mode::Deliver: return run_deliver(cl);
    case Mode::PrintQueue: return run_print_queue(cl);
    case Mode::QueueRun: return run_queue(cl);
    case Mode::PrintConfig: return run_print_config(cl);
    case Mode::InitAliases: return run_init_aliases(cl);
    case Mode::Daemon:
    case Mode::DaemonFg: return run_daemon(cl);
    case Mode::SmtpStdio: return run_smtp_stdio(cl);
    case Mode::HostStatus:
    case Mode::PurgeStatus: return run_host_status(cl);
    }
    return EX_SOFTWARE;
}
