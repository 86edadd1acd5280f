// Isolated parses: each task runs in a forked worker process with a deadline and an address-space
// cap, so a unit that hangs Clang, crashes it or eats the machine's memory costs only itself.
#pragma once

#include <cstdint>
#include <memory>

#include "core/Tasks.h"

namespace opscope::scan {

struct WorkerLimits {
  unsigned jobs = 0;                // worker processes at a time; 0: all cores
  double deadlineSeconds = 60;      // CPU seconds per task (wall clock: 10 times that); 0: none
  std::uint64_t memoryBytes = 0;    // RLIMIT_AS of a worker; 0: none (always none under ASan)
};

/// A TaskRunner whose tasks run in child processes forked from the caller (they see its memory
/// as it was at the fork, so nothing is re-loaded). A task's result comes back through a pipe.
/// A child that used its deadline in CPU time (or waited ten times as long) is killed (TimedOut); one that dies of a signal, exits non-zero or
/// returns nothing is Crashed, with the signal named. Call run() while this process runs no
/// other threads (forking copies only the caller's).
std::unique_ptr<TaskRunner> makeProcessTaskRunner(const WorkerLimits& limits);

}  // namespace opscope::scan
