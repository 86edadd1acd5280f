// The frontends behind one interface. The pipeline (Pipeline.h) builds one ScanState, runs each
// frontend's stage over it in turn, and every finding gets its answers from the one
// CoverageResolver; a stage only reads inputs, runs its frontend and hands findings over.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/Model.h"
#include "core/Tasks.h"
#include "cuda/CudaFrontend.h"
#include "db/Database.h"
#include "scan/Coverage.h"
#include "scan/Files.h"
#include "scan/Inputs.h"
#include "scan/Request.h"
#include "scan/Rules.h"

namespace opscope::scan {

/// Everything one scan shares across its stages.
struct ScanState {
  const ScanRequest& request;
  const db::Database& db;
  const LayeredRules& rules;
  const DiscoveredInputs& inputs;
  Report& report;
  CoverageResolver coverage;
  std::vector<std::string> notes;      // what the stages want the user told
  ProgressSink* progress = nullptr;    // each stage names itself and counts its files, if set
  TaskRunner* runner = nullptr;        // C/C++/CUDA parses (nullptr: threads)
  ResultStore* cache = nullptr;        // finished results between runs (nullptr: none)
  std::string cacheSalt;               // what every cached result also depends on
  /// C/C++ findings before any answer was attached (the rewrite works from them).
  std::vector<Finding> codeFindings;
  /// What the C/C++/CUDA frontend parsed this run, and how many units came from the cache.
  std::vector<std::string> parsedUnits;
  size_t unitsFromCache = 0;

  /// The path reported for an absolute path: relative to the root when under it.
  std::string reported(const std::string& abs) const { return relativePath(inputs.root, abs); }
  /// Whether this run reports a file (false only for files another shard reports).
  bool owns(const std::string& rel) const;
  /// Answers `findings` for every target platform and adds them to the report.
  void add(std::vector<Finding> findings);
  /// Adds C/C++/CUDA findings (kept for the rewrite as well).
  void addCode(std::vector<Finding> findings);
  /// The C/C++/CUDA frontend's options for this run (root, include dirs, jobs, hazard checks,
  /// runner, cache).
  cuda::ScanOptions cudaOptions() const;
  /// Runs the C/C++/CUDA frontend, adds its inputs and findings; returns nothing.
  void scanCode(const std::vector<cuda::TranslationUnit>& units, cuda::ScanOptions options);
};

/// One frontend's stage of the scan.
class Frontend {
 public:
  virtual ~Frontend() = default;
  virtual const char* name() const = 0;
  /// Reads this frontend's inputs from `state.inputs` and adds inputs and findings. Throws
  /// UsageError only for input the user named explicitly (a compilation database).
  virtual void run(ScanState& state) = 0;
};

/// The frontends in the order they run: C/C++/CUDA, Python, ONNX.
std::vector<std::unique_ptr<Frontend>> builtinFrontends();

std::unique_ptr<Frontend> makeCudaFrontend();
std::unique_ptr<Frontend> makePythonFrontend();
std::unique_ptr<Frontend> makeOnnxFrontend();

/// The common directory of the sources of a compilation database (`-p` without PATH scans it);
/// throws UsageError when the database cannot be read.
std::string compileDatabaseRoot(const std::string& compileCommands);

}  // namespace opscope::scan
