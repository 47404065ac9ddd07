// mode_queue.cpp: -bp (mailq), -q queue runs and -bP queue counts.
#include "sendmail/modes.hpp"

namespace sendmail {
int run_print_queue(const CommandLine&) { return not_built_yet("the queue listing (mailq)"); }
int run_queue(const CommandLine&) { return not_built_yet("queue runs (-q)"); }
int run_print_config(const CommandLine&) { return not_built_yet("-bP"); }
}  // namespace sendmail
