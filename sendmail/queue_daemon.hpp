// queue_daemon.hpp: the persistent or periodic queue runner of -q15m and
// -qp[interval] (without -bd), stoppable by SIGTERM.
#pragma once

#include "sendmail/cmdline.hpp"
#include "sendmail/queue_run.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

// Seconds between runs: -q15m gives 900, -qp1m 60, a bare -qp 1; 0 for a
// single run.
long periodic_interval(const CommandLine& cl);

// Forks the runner into the background and returns EX_OK in the parent.
int run_periodic(const SubmitSettings& s, const CommandLine& cl, QueueRunner& runner, long interval);

}  // namespace sendmail
