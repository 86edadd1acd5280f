#include "core/Tasks.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace opscope {
namespace {

class ThreadTaskRunner : public TaskRunner {
 public:
  explicit ThreadTaskRunner(unsigned jobs) : jobs_(jobs ? jobs : std::max(1u, std::thread::hardware_concurrency())) {}

  void run(const std::vector<size_t>& order, const std::function<std::string(size_t)>& task,
           const std::function<void(size_t, TaskOutcome)>& onDone) override {
    std::mutex mutex;
    std::condition_variable finished;
    size_t next = 0;
    std::deque<std::pair<size_t, TaskOutcome>> done;
    auto work = [&] {
      for (;;) {
        size_t i;
        {
          std::lock_guard lock(mutex);
          if (next == order.size()) return;
          i = order[next++];
        }
        TaskOutcome outcome;
        try {
          outcome.output = task(i);
        } catch (const std::exception& e) {
          outcome.status = TaskOutcome::Status::Crashed;
          outcome.message = std::string("the parse failed: ") + e.what();
        } catch (...) {
          outcome.status = TaskOutcome::Status::Crashed;
          outcome.message = "the parse failed";
        }
        std::lock_guard lock(mutex);
        done.emplace_back(i, std::move(outcome));
        finished.notify_one();
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < std::min<size_t>(jobs_, order.size()); ++t) threads.emplace_back(work);
    for (size_t reported = 0; reported < order.size(); ++reported) {
      std::unique_lock lock(mutex);
      finished.wait(lock, [&] { return !done.empty(); });
      auto [i, outcome] = std::move(done.front());
      done.pop_front();
      lock.unlock();
      onDone(i, std::move(outcome));
    }
    for (std::thread& t : threads) t.join();
  }

 private:
  unsigned jobs_;
};

}  // namespace

std::unique_ptr<TaskRunner> makeThreadTaskRunner(unsigned jobs) { return std::make_unique<ThreadTaskRunner>(jobs); }

}  // namespace opscope
