// How long start-up takes to load the whole built-in opdb, against parsing its YAML (the
// baseline, measured in the same run). Target: the compiled load under 100 ms of CPU time.
// Destroying the database is outside the timed region (start-up never pays it). Both the CPU
// time and the wall time are printed; the target is judged on CPU time because the machine is
// shared (on a loaded machine the wall time includes waiting for a core).
//
//   build/tests/bench/opdb_load_bench [--benchmark_min_time=1s]
//
// Prints Google Benchmark's table, then one line per figure and the ratio. Exits 1 if either
// load fails or the two disagree on what they loaded.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>

#include "db/Database.h"

namespace {

using opscope::db::Database;
using opscope::db::Diagnostic;

size_t entryCount(const Database& db) {
  size_t n = 0;
  for (const auto& p : db.platforms())
    if (const auto* t = db.entries(p.id)) n += t->size();
  return n;
}

void BM_LoadCompiled(benchmark::State& state) {
  for (auto _ : state) {
    auto db = std::make_unique<Database>();
    std::vector<Diagnostic> diags;
    if (!opscope::db::loadBuiltin(*db, diags)) state.SkipWithError("the compiled opdb does not load");
    benchmark::DoNotOptimize(db);
    state.PauseTiming();
    db.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_LoadCompiled)->Unit(benchmark::kMillisecond);

void BM_ParseYaml(benchmark::State& state) {
  for (auto _ : state) {
    auto db = std::make_unique<Database>();
    std::vector<Diagnostic> diags;
    if (!opscope::db::loadBuiltinYaml(*db, diags)) state.SkipWithError("the opdb YAML does not load");
    benchmark::DoNotOptimize(db);
    state.PauseTiming();
    db.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_ParseYaml)->Unit(benchmark::kMillisecond);

/// Keeps each benchmark's mean CPU and wall time per iteration next to the console output.
class Collector : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs)
      if (!r.error_occurred && r.iterations > 0) {
        cpu[r.benchmark_name()] = r.GetAdjustedCPUTime();  // in the benchmark's unit (ms)
        wall[r.benchmark_name()] = r.GetAdjustedRealTime();
      } else if (r.error_occurred) {
        failed = true;
      }
  }
  std::map<std::string, double> cpu, wall;
  bool failed = false;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  // What is loaded, once, and both forms must agree on it.
  Database compiled, parsed;
  std::vector<Diagnostic> diags;
  if (!opscope::db::loadBuiltin(compiled, diags) || !opscope::db::loadBuiltinYaml(parsed, diags)) {
    for (const Diagnostic& d : diags) std::fprintf(stderr, "%s\n", d.str().c_str());
    return 1;
  }
  if (entryCount(compiled) != entryCount(parsed) || compiled.symbols().size() != parsed.symbols().size()) {
    std::fprintf(stderr, "the compiled opdb (%zu symbols, %zu entries) differs from its YAML (%zu, %zu)\n",
                 compiled.symbols().size(), entryCount(compiled), parsed.symbols().size(), entryCount(parsed));
    return 1;
  }

  Collector collector;
  benchmark::RunSpecifiedBenchmarks(&collector);
  benchmark::Shutdown();
  if (collector.failed) return 1;
  auto c = collector.cpu.find("BM_LoadCompiled"), y = collector.cpu.find("BM_ParseYaml");
  size_t yamlBytes = 0;
  for (const auto& f : opscope::db::builtinFiles()) yamlBytes += f.text.size();
  std::printf("\nopdb: %zu files, %.1f MB of YAML (%.1f MB compiled), %zu symbols, %zu platform entries\n",
              opscope::db::builtinFiles().size(), yamlBytes / 1048576.0, opscope::db::builtinCompiled().size() / 1048576.0,
              compiled.symbols().size(), entryCount(compiled));
  if (c != collector.cpu.end())
    std::printf("load, compiled form (start-up): %.1f ms CPU, %.1f ms wall (target < 100 ms CPU: %s)\n", c->second,
                collector.wall["BM_LoadCompiled"], c->second < 100 ? "met" : "MISSED");
  if (y != collector.cpu.end())
    std::printf("load, parsing the YAML (baseline): %.1f ms CPU, %.1f ms wall\n", y->second, collector.wall["BM_ParseYaml"]);
  if (c != collector.cpu.end() && y != collector.cpu.end() && c->second > 0)
    std::printf("speed-up of the compiled form: %.1fx (CPU time)\n", y->second / c->second);
  return 0;
}
