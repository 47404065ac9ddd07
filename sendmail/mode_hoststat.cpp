// mode_hoststat.cpp: -bh/-bH (hoststat, purgestat), the persistent host status.
#include "sendmail/modes.hpp"

namespace sendmail {
int run_host_status(const CommandLine&) { return not_built_yet("host status (hoststat/purgestat)"); }
}  // namespace sendmail
