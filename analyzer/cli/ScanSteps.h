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
};

/// Looks every finding up in the opdb for every target platform and adds it to the report
/// (the project's own kernels and registered ops are inventory: they get no lookup).
void addFindings(ScanContext& ctx, std::vector<Finding> findings);

/// C, C++ and CUDA sources (analyzer/cuda).
void runCudaStep(ScanContext& ctx);

}  // namespace opscope::cli
