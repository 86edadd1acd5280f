// Worker processes: a task's result comes back whole, a task past its deadline is stopped and a
// task that crashes is reported as such, while the others finish.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <thread>

#include "scan/Workers.h"

namespace opscope::scan {
namespace {

std::map<size_t, TaskOutcome> runAll(TaskRunner& runner, size_t n, const std::function<std::string(size_t)>& task) {
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) order.push_back(i);
  std::map<size_t, TaskOutcome> out;
  runner.run(order, task, [&](size_t i, TaskOutcome o) { EXPECT_TRUE(out.emplace(i, std::move(o)).second); });
  return out;
}

TEST(WorkersTest, ResultsComeBackWholeIncludingLargeOnes) {
  auto runner = makeProcessTaskRunner(WorkerLimits{2, 30, 0});
  auto out = runAll(*runner, 5, [](size_t i) { return std::string((i + 1) * 300'000, static_cast<char>('a' + i)); });
  ASSERT_EQ(out.size(), 5u);
  for (const auto& [i, o] : out) {
    EXPECT_EQ(o.status, TaskOutcome::Status::Done);
    EXPECT_EQ(o.output, std::string((i + 1) * 300'000, static_cast<char>('a' + i)));
  }
}

TEST(WorkersTest, ATaskPastItsDeadlineIsStoppedAndTheOthersFinish) {
  auto runner = makeProcessTaskRunner(WorkerLimits{2, 1.0, 0});
  auto start = std::chrono::steady_clock::now();
  auto out = runAll(*runner, 3, [](size_t i) {
    if (i == 1) std::this_thread::sleep_for(std::chrono::seconds(60));
    return "done " + std::to_string(i);
  });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(out[0].output, "done 0");
  EXPECT_EQ(out[2].output, "done 2");
  EXPECT_EQ(out[1].status, TaskOutcome::Status::TimedOut);
  EXPECT_NE(out[1].message.find("deadline of 1 s"), std::string::npos) << out[1].message;
}

// The deadline is CPU time: a task that computes past it is stopped, one that only waits longer
// than it (a loaded machine) is not, until ten times the deadline has passed.
TEST(WorkersTest, TheDeadlineCountsCpuTime) {
  auto runner = makeProcessTaskRunner(WorkerLimits{2, 1.0, 0});
  auto out = runAll(*runner, 2, [](size_t i) -> std::string {
    if (i == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2500));
      return "slept";
    }
    volatile unsigned long spin = 0;
    for (;;) ++spin;
  });
  EXPECT_EQ(out[0].status, TaskOutcome::Status::Done) << out[0].message;
  EXPECT_EQ(out[0].output, "slept");
  EXPECT_EQ(out[1].status, TaskOutcome::Status::TimedOut);
  EXPECT_NE(out[1].message.find("deadline of 1 s of CPU time"), std::string::npos) << out[1].message;
}

TEST(WorkersTest, ACrashIsReportedWithItsSignal) {
  auto runner = makeProcessTaskRunner(WorkerLimits{1, 30, 0});
  auto out = runAll(*runner, 3, [](size_t i) -> std::string {
    // abort(), not a SIGSEGV: AddressSanitizer turns a SEGV into a report and exit code 1 (still
    // Crashed, but without the signal), while it leaves SIGABRT alone.
    if (i == 0) std::abort();
    if (i == 1) throw std::runtime_error("thrown in the worker");
    return "fine";
  });
  EXPECT_EQ(out[0].status, TaskOutcome::Status::Crashed);
  EXPECT_NE(out[0].message.find("SIGABRT"), std::string::npos) << out[0].message;
  EXPECT_EQ(out[1].status, TaskOutcome::Status::Crashed);
  EXPECT_EQ(out[2].output, "fine");
}

}  // namespace
}  // namespace opscope::scan
