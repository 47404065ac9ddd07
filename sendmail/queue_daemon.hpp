// queue_daemon.hpp: the queue runners that work in the background: a single
// run (-q), and the persistent or periodic runner of -q15m and -qp[interval]
// (without -bd), stoppable by SIGTERM.
#pragma once

#include "sendmail/cmdline.hpp"
#include "sendmail/queue_run.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

// Seconds between runs: -q15m gives 900, -qp1m 60, a bare -qp 1; 0 for a
// single run.
long periodic_interval(const CommandLine& cl);

// A single run (-q without an interval or -v), as sendmail makes it: in the
// background, the caller gets EX_OK at once. One group is run by the forked
// process itself; several get a "Queue control" process with a runner per
// group, all at once, each at its Nice=.
int run_once_in_background(const SubmitSettings& s, const CommandLine& cl, QueueRunner& runner);

// Forks the runner into the background and returns EX_OK in the parent.
int run_periodic(const SubmitSettings& s, const CommandLine& cl, QueueRunner& runner, long interval);

}  // namespace sendmail
