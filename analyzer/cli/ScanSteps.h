// The frontends' steps of `opscope scan`. Each step reads the inputs of its language, runs its
// frontend and hands the findings over with addFindings(); ScanCommand calls every step in turn.
#pragma once

#include "cli/Inputs.h"
#include "core/Model.h"
#include "db/Database.h"

namespace opscope::cli {

struct ScanContext {
  const db::Database& db;
  const DiscoveredInputs& inputs;
  unsigned jobs;  // 0: all cores
  Report& report;
  std::string compileCommands;     // -p: compile_commands.json or its directory ("" if none)
  std::string cudaPath;            // --cuda-path ("" if none)
  std::vector<std::string> notes;  // what the steps want the user told (printed to stderr)
};

/// Looks every finding up in the opdb for every target platform and adds it to the report
/// (the project's own kernels and registered ops are inventory: they get no lookup).
void addFindings(ScanContext& ctx, std::vector<Finding> findings);

/// C, C++ and CUDA sources (analyzer/cuda).
void runCudaStep(ScanContext& ctx);

/// The common directory of the sources of a compilation database (`-p` without PATH scans it);
/// throws UsageError when the database cannot be read.
std::string compileDatabaseRoot(const std::string& compileCommands);

/// Python scripts (analyzer/python): findings, per-platform rewrite suggestions from
/// rules/python, and the C/C++/CUDA sources their cpp_extension calls name (scanned by the C++
/// frontend unless the CUDA step already did).
void runPythonStep(ScanContext& ctx);

/// ONNX models (analyzer/onnx): one onnx_op finding per node, evidence graph, the node path as
/// context; a model that cannot be read is an input with status error, and the scan goes on.
void runOnnxStep(ScanContext& ctx);

}  // namespace opscope::cli
