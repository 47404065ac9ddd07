// mode_submit.cpp: -bm and -t, reading a message from standard input and queueing it.
#include "sendmail/modes.hpp"

namespace sendmail {
int run_deliver(const CommandLine&) { return not_built_yet("message submission"); }
}  // namespace sendmail
