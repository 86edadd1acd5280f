// `--cuda-path`: a real CUDA toolkit is used only when Clang 19 can parse it; otherwise the scan
// falls back to the bundled shims, and says why.
#pragma once

#include <string>

#include "cuda/CudaFrontend.h"

namespace opscope::cuda {

struct ToolkitProbe {
  bool usable = false;
  Toolkit toolkit;      // set when usable
  std::string version;  // "12.4", from include/cuda.h, when found
  std::string message;  // one line for the user: what will be used, and why
};

/// Checks the toolkit at `cudaPath` by parsing a small CUDA file against it with Clang.
ToolkitProbe probeToolkit(const std::string& cudaPath);

}  // namespace opscope::cuda
