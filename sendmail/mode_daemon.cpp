// mode_daemon.cpp: -bd/-bD, the SMTP daemon, and -bs, SMTP on standard input.
#include "sendmail/modes.hpp"

namespace sendmail {
int run_daemon(const CommandLine&) { return not_built_yet("the SMTP daemon (-bd)"); }
int run_smtp_stdio(const CommandLine&) { return not_built_yet("SMTP on standard input (-bs)"); }
}  // namespace sendmail
