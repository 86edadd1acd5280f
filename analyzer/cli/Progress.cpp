#include "cli/Progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/Commands.h"

namespace opscope::cli {

Progress::Settings Progress::settingsFor(const std::ostream& err, const std::string& option) {
  Settings s;
  std::string when = option;
  if (when.empty()) {
    const char* env = std::getenv("OPSCOPE_PROGRESS");
    when = env && *env ? env : "auto";
  }
  if (when == "auto") s.mode = Mode::Auto;
  else if (when == "always") s.mode = Mode::Always;
  else if (when == "never") s.mode = Mode::Never;
  else throw UsageError{"--progress '" + when + "': expected auto, always or never"};
  if (const char* delay = std::getenv("OPSCOPE_PROGRESS_DELAY"); delay && *delay) {
    char* end = nullptr;
    double d = std::strtod(delay, &end);
    if (end && *end == '\0' && d >= 0 && d < 86400) s.delaySeconds = d;
  }
  s.terminal = &err == &std::cerr && isatty(STDERR_FILENO);
  const char* noColor = std::getenv("NO_COLOR");
  s.color = s.terminal && !(noColor && *noColor);
  return s;
}

Progress::Progress(std::ostream& err, const Settings& settings)
    : err_(err),
      settings_(settings),
      active_(settings.mode == Mode::Always || (settings.mode == Mode::Auto && settings.terminal)) {
  if (active_) ticker_ = std::thread([this] { run(); });
}

Progress::~Progress() { finish(); }

void Progress::stage(const std::string& name, std::size_t total) {
  std::lock_guard<std::mutex> lock(mutex_);
  stage_ = name;
  total_ = total;
  done_.store(0, std::memory_order_relaxed);
  stageChanged_ = true;
  wake_.notify_all();  // once shown, every stage is drawn at least once, even into a log
}

void Progress::finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stop_) return;
    stop_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  if (shown_) {
    // On a terminal the line is erased; elsewhere (forced) it is ended, so logs keep it.
    if (settings_.terminal) err_ << "\r\x1b[K";
    else err_ << "\n";
    err_.flush();
  }
}

void Progress::run() {
  using namespace std::chrono;
  // Redraw five times a second on a terminal; once a second into a pipe or file.
  const auto period = settings_.terminal ? milliseconds(200) : milliseconds(1000);
  const auto delay = duration_cast<steady_clock::duration>(duration<double>(settings_.delaySeconds));
  std::unique_lock<std::mutex> lock(mutex_);
  if (wake_.wait_until(lock, start_ + delay, [this] { return stop_; })) return;
  while (!stop_) {
    stageChanged_ = false;
    draw();
    wake_.wait_for(lock, period, [this] { return stop_ || stageChanged_; });
  }
}

void Progress::draw() {
  using namespace std::chrono;
  static const char kSpinner[] = {'|', '/', '-', '\\'};
  const bool color = settings_.color;
  std::size_t done = done_.load(std::memory_order_relaxed);
  long secs = static_cast<long>(duration_cast<seconds>(steady_clock::now() - start_).count());
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%ld:%02ld", secs / 60, secs % 60);
  std::string line = "opscope: " + stage_ + " ";
  std::string visible = line;  // without colour codes, to pad over a longer previous line
  if (total_ > 0) {
    if (done > total_) done = total_;
    constexpr std::size_t kWidth = 24;
    std::size_t filled = done * kWidth / total_;
    std::string bar = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "]";
    char figures[64];
    std::snprintf(figures, sizeof figures, " %3zu%% %zu/%zu", done * 100 / total_, done, total_);
    line += (color ? "\x1b[36m" + bar + "\x1b[0m" : bar) + figures;
    visible += bar + figures;
  } else {
    std::string spin(1, kSpinner[ticks_ % 4]);
    line += color ? "\x1b[36m" + spin + "\x1b[0m" : spin;
    visible += spin;
  }
  line += std::string("  ") + elapsed;
  visible += std::string("  ") + elapsed;
  ++ticks_;
  if (settings_.terminal) {
    err_ << "\r" << line << "\x1b[K";
  } else {
    std::size_t pad = lastWidth_ > visible.size() ? lastWidth_ - visible.size() : 0;
    err_ << "\r" << line << std::string(pad, ' ');
  }
  lastWidth_ = visible.size();
  err_.flush();
  shown_ = true;
}

}  // namespace opscope::cli
