// The progress line of long scans, on stderr: shown only when stderr is a terminal (or when
// forced: --progress always, OPSCOPE_PROGRESS=always) and only once the scan has run longer than
// a delay (2 s), so short scans and CI logs stay clean. Colour only on a terminal without NO_COLOR.
#pragma once

#include "scan/Files.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace opscope::cli {

class Progress : public scan::ProgressSink {
 public:
  enum class Mode { Auto, Always, Never };
  struct Settings {
    Mode mode = Mode::Auto;
    double delaySeconds = 2.0;
    bool terminal = false;  // `err` is stderr and stderr is a terminal
    bool color = false;     // terminal and NO_COLOR unset
  };

  /// Settings for `err` from the --progress value ("" when not given: OPSCOPE_PROGRESS decides,
  /// else auto), OPSCOPE_PROGRESS_DELAY (seconds; tests set 0) and NO_COLOR. Throws UsageError
  /// for a value that is not auto, always or never.
  static Settings settingsFor(const std::ostream& err, const std::string& option);

  Progress(std::ostream& err, const Settings& settings);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// A new stage: `name` says what is being done; `total` steps (0: unknown, a spinner is shown).
  void stage(const std::string& name, std::size_t total) override;
  /// `n` more steps of the current stage are done. Thread-safe.
  void advance(std::size_t n = 1) override { done_.fetch_add(n, std::memory_order_relaxed); }
  /// Stops the ticker and clears the line (or ends it, when not on a terminal). Idempotent.
  void finish();

 private:
  void run();
  void draw();  // with mutex_ held

  std::ostream& err_;
  Settings settings_;
  bool active_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool shown_ = false;
  bool stageChanged_ = false;
  std::string stage_;
  std::size_t total_ = 0;
  std::atomic<std::size_t> done_{0};
  unsigned ticks_ = 0;
  std::size_t lastWidth_ = 0;
  std::thread ticker_;
};

}  // namespace opscope::cli
