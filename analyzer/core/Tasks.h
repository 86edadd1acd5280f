// Two seams the frontends use without knowing how they are filled: a runner that executes one
// task per unit (threads, or worker processes with a deadline and a memory cap), and a store of
// finished results (the incremental cache). analyzer/scan provides the real ones.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opscope {

/// How one task ended. Done: `output` holds what the task returned. TimedOut: it ran past its
/// deadline and was stopped. Crashed: it ended abnormally (a signal, the memory cap); `message`
/// says how.
struct TaskOutcome {
  enum class Status { Done, TimedOut, Crashed };
  Status status = Status::Done;
  std::string output;
  std::string message;
};

/// Executes independent tasks, at most `jobs` at a time. Contract: `task(i)` is called exactly
/// once for every i in `order` (the order is the preferred start order), and `onDone(i, outcome)`
/// exactly once per task, always on the calling thread, in completion order. A task that throws
/// is Crashed. Never throws for a task's failure.
class TaskRunner {
 public:
  virtual ~TaskRunner() = default;
  virtual void run(const std::vector<size_t>& order, const std::function<std::string(size_t)>& task,
                   const std::function<void(size_t, TaskOutcome)>& onDone) = 0;
};

/// Runs the tasks on `jobs` threads of this process (0: all cores): no deadline, no isolation.
std::unique_ptr<TaskRunner> makeThreadTaskRunner(unsigned jobs);

/// Finished results keyed by a hash of everything they depend on. Contract: load returns the
/// value stored under `key`, or nullopt when there is none or it cannot be read (a corrupt entry
/// is never returned: the caller rebuilds it); store never throws and never leaves a partial
/// entry behind. Both may be called from any thread.
class ResultStore {
 public:
  virtual ~ResultStore() = default;
  virtual std::optional<std::string> load(std::string_view key) = 0;
  virtual void store(std::string_view key, std::string_view value) = 0;
};

}  // namespace opscope
