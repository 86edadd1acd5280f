// Device code judged per kernel. A CUDA kernel does not run on Ascend, Cambricon or Enflame: it is
// rewritten in the platform's kernel language, or replaced by an operator that computes the same
// thing. rollUpKernels gives every __global__ kernel of a report one verdict per platform and
// makes the device-code findings inside kernels and device functions take it, so coverage counts
// the kernel, not each intrinsic. The platform answers are opdb entries (`cuda-kernel` and
// `cuda-kernel:<computation>`, written by opdb/importers/library_roles.py).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/Model.h"
#include "db/Database.h"

namespace opscope::db {

/// What a kernel recognisably computes, from the words of its name: "softmax_forward_kernel" ->
/// "softmax", "layernorm_backward_kernel2" -> "layer norm backward"; "" when nothing is
/// recognised. The names match the `cuda-kernel:<computation>` opdb entries.
std::string recogniseKernel(std::string_view kernelName);

/// The effort class of rewriting a kernel by hand: trivial (<= 10 lines), low (<= 30), medium
/// (<= 100), high (longer); each hazard raises it one class (high stays high).
std::string kernelEffort(unsigned lines, std::size_t hazards);

/// Fills report.kernels (one KernelReport per __global__ definition, with a verdict for each
/// target platform) and sets ReportFinding::deviceCode on every non-hazard finding inside a
/// kernel or a device function. Call it after the findings have their coverage and before
/// Report::finalize() (which then counts kernels, not device calls). Running it again recomputes
/// the same result.
void rollUpKernels(Report& report, const Database& db);

}  // namespace opscope::db
