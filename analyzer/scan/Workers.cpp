#include "scan/Workers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <list>
#include <sstream>
#include <string>
#include <thread>

namespace opscope::scan {
namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;  // ASan reserves terabytes of address space: no RLIMIT_AS
#else
constexpr bool kSanitized = false;
#endif
#elif defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

using Clock = std::chrono::steady_clock;

struct Child {
  pid_t pid = -1;
  int fd = -1;
  size_t index = 0;
  std::string output;
  Clock::time_point deadline;  // when its CPU time is next checked against the budget
  Clock::time_point backstop;  // wall-clock limit for a child that waits instead of computing
  bool eof = false;
};

/// A budget of CPU time, not of wall-clock time: a parse gets the same verdict on a loaded
/// machine as on an idle one. A child that sleeps or blocks is stopped at this many times it.
constexpr double kWallClockFactor = 10;

/// CPU seconds (user plus system) the process has used so far, from /proc; -1 when unknown.
double cpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  std::getline(in, stat);
  size_t close = stat.rfind(')');  // the command name may contain spaces and parentheses
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 1));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {  // state is field 3; utime 14, stime 15
    if (i == 14) utime = std::strtoull(field.c_str(), nullptr, 10);
    if (i == 15) stime = std::strtoull(field.c_str(), nullptr, 10);
  }
  long ticks = ::sysconf(_SC_CLK_TCK);
  return ticks > 0 ? static_cast<double>(utime + stime) / static_cast<double>(ticks) : -1;
}

std::string describeSignal(int sig) {
  const char* name = sigabbrev_np(sig);
  return "signal " + std::to_string(sig) + (name ? std::string(" (SIG") + name + ")" : "");
}

/// Writes all of `data` to `fd`, retrying short writes.
bool writeAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

class ProcessTaskRunner : public TaskRunner {
 public:
  explicit ProcessTaskRunner(const WorkerLimits& limits) : limits_(limits) {
    if (limits_.jobs == 0) limits_.jobs = std::max(1u, std::thread::hardware_concurrency());
  }

  void run(const std::vector<size_t>& order, const std::function<std::string(size_t)>& task,
           const std::function<void(size_t, TaskOutcome)>& onDone) override {
    std::list<Child> active;
    size_t next = 0;
    while (next < order.size() || !active.empty()) {
      while (active.size() < limits_.jobs && next < order.size()) {
        size_t i = order[next++];
        Child c;
        std::string error;
        if (!spawn(i, task, c, error)) {
          onDone(i, TaskOutcome{TaskOutcome::Status::Crashed, "", "cannot start a worker process: " + error});
          continue;
        }
        active.push_back(std::move(c));
      }
      if (active.empty()) continue;
      wait(active);
      for (auto it = active.begin(); it != active.end();) {
        bool late = !it->eof && overBudget(*it);
        if (!it->eof && !late) {
          ++it;
          continue;
        }
        TaskOutcome outcome = finish(*it, late);
        size_t index = it->index;
        it = active.erase(it);
        onDone(index, std::move(outcome));
      }
    }
  }

 private:
  bool spawn(size_t i, const std::function<std::string(size_t)>& task, Child& c, std::string& error) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      error = std::strerror(errno);
      return false;
    }
    pid_t pid = ::fork();
    if (pid < 0) {
      error = std::strerror(errno);
      ::close(fds[0]);
      ::close(fds[1]);
      return false;
    }
    if (pid == 0) {
      ::close(fds[0]);
      if (!kSanitized && limits_.memoryBytes > 0) {
        rlimit cap{limits_.memoryBytes, limits_.memoryBytes};
        ::setrlimit(RLIMIT_AS, &cap);
      }
      int code = 0;
      try {
        code = writeAll(fds[1], task(i)) ? 0 : 4;
      } catch (...) {
        code = 3;
      }
      // _exit: no atexit handlers, no flushing of the parent's buffered output a second time.
      ::_exit(code);
    }
    ::close(fds[1]);
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    c.pid = pid;
    c.fd = fds[0];
    c.index = i;
    c.deadline = Clock::now() + after(limits_.deadlineSeconds);
    c.backstop = Clock::now() + after(limits_.deadlineSeconds * kWallClockFactor);
    return true;
  }

  static Clock::duration after(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(std::max(seconds, 0.0)));
  }

  /// Whether `c` has used its CPU budget (or waited past the wall-clock backstop). A child that
  /// reaches its check time with budget left is checked again when that much more has passed.
  bool overBudget(Child& c) const {
    if (limits_.deadlineSeconds <= 0) return false;
    Clock::time_point now = Clock::now();
    if (now < c.deadline) return false;
    if (now >= c.backstop) return true;
    double used = cpuSeconds(c.pid);
    if (used < 0 || used >= limits_.deadlineSeconds) return true;
    c.deadline = now + after(std::max(limits_.deadlineSeconds - used, 0.05));
    return false;
  }

  /// Reads what the children wrote until one ends or the nearest deadline passes.
  void wait(std::list<Child>& active) {
    std::vector<pollfd> polls;
    int timeoutMs = -1;
    for (Child& c : active) {
      polls.push_back(pollfd{c.fd, POLLIN, 0});
      if (limits_.deadlineSeconds > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(c.deadline - Clock::now()).count();
        int ms = static_cast<int>(std::clamp<long long>(left + 1, 0, 60'000));
        timeoutMs = timeoutMs < 0 ? ms : std::min(timeoutMs, ms);
      }
    }
    int ready = ::poll(polls.data(), polls.size(), timeoutMs);
    if (ready <= 0) return;
    size_t k = 0;
    for (Child& c : active) {
      const pollfd& p = polls[k++];
      if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buffer[1 << 16];
      for (;;) {
        ssize_t n = ::read(c.fd, buffer, sizeof buffer);
        if (n > 0) {
          c.output.append(buffer, static_cast<size_t>(n));
          continue;
        }
        if (n == 0) c.eof = true;
        else if (errno == EINTR) continue;
        else if (errno != EAGAIN) c.eof = true;
        break;
      }
    }
  }

  TaskOutcome finish(Child& c, bool late) {
    TaskOutcome outcome;
    if (late) ::kill(c.pid, SIGKILL);
    int status = 0;
    while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::close(c.fd);
    if (late) {
      outcome.status = TaskOutcome::Status::TimedOut;
      outcome.message = Clock::now() >= c.backstop
                            ? "the parse waited without finishing for " + std::to_string(static_cast<long long>(kWallClockFactor)) +
                                  " times its deadline of " + seconds() + " (--unit-timeout)"
                            : "the parse did not finish within its deadline of " + seconds() + " of CPU time (--unit-timeout)";
    } else if (WIFSIGNALED(status)) {
      outcome.status = TaskOutcome::Status::Crashed;
      outcome.message = "the parse crashed (" + describeSignal(WTERMSIG(status)) + ")";
      if (!kSanitized && limits_.memoryBytes > 0 && WTERMSIG(status) == SIGABRT)
        outcome.message += "; it may have reached the memory cap of " + std::to_string(limits_.memoryBytes >> 20) +
                           " MiB (--unit-memory)";
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      outcome.status = TaskOutcome::Status::Crashed;
      outcome.message = "the parse ended with exit code " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    } else {
      outcome.output = std::move(c.output);
    }
    return outcome;
  }

  std::string seconds() const {
    double s = limits_.deadlineSeconds;
    return (s == std::floor(s) ? std::to_string(static_cast<long long>(s)) : std::to_string(s)) + " s";
  }

  WorkerLimits limits_;
};

}  // namespace

std::unique_ptr<TaskRunner> makeProcessTaskRunner(const WorkerLimits& limits) {
  return std::make_unique<ProcessTaskRunner>(limits);
}

}  // namespace opscope::scan
