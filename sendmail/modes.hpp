// modes.hpp: one entry point per mode of the sendmail binary. Each lives in
// its own file (mode_*.cpp); main.cpp only parses the command line and picks one.
#pragma once

#include "sendmail/cmdline.hpp"

namespace sendmail {

// Each returns the process exit status (sysexits.h).
int run_address_test(const CommandLine& cl);   // -bt          mode_address_test.cpp
int run_verify(const CommandLine& cl);         // -bv          mode_verify.cpp
int run_deliver(const CommandLine& cl);        // -bm, -t      mode_submit.cpp
int run_print_queue(const CommandLine& cl);    // -bp, mailq   mode_queue.cpp
int run_queue(const CommandLine& cl);          // -q           mode_queue.cpp
int run_quarantine(const CommandLine& cl);    // -Q reason    mode_quarantine.cpp
int run_print_config(const CommandLine& cl);   // -bP          mode_queue.cpp
int run_init_aliases(const CommandLine& cl);   // -bi          mode_aliases.cpp
int run_daemon(const CommandLine& cl);         // -bd, -bD     mode_daemon.cpp
int run_smtp_stdio(const CommandLine& cl);     // -bs          mode_daemon.cpp
int run_host_status(const CommandLine& cl);    // -bh, -bH     mode_hoststat.cpp

// For modes not built yet: says so plainly and returns EX_UNAVAILABLE.
int not_built_yet(const char* what);

}  // namespace sendmail
