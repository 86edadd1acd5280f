// --cuda-path: a toolkit Clang 19 cannot parse falls back to the shims, and says why.
#include <gtest/gtest.h>

#include <filesystem>

#include "cuda/Toolkit.h"

namespace opscope::cuda {
namespace {

TEST(Toolkit, ADirectoryWithoutHeadersFallsBackWithAReason) {
  ToolkitProbe p = probeToolkit("/nonexistent/cuda");
  EXPECT_FALSE(p.usable);
  EXPECT_NE(p.message.find("no include/cuda_runtime.h"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("bundled CUDA declaration shims"), std::string::npos) << p.message;
}

TEST(Toolkit, AToolkitTooNewForClang19FallsBack) {
  // The machines this project is developed on carry CUDA 13 at /usr/local/cuda, which Clang 19
  // cannot parse; elsewhere there is nothing to probe.
  if (!std::filesystem::exists("/usr/local/cuda/include/cuda_runtime.h")) GTEST_SKIP() << "no toolkit at /usr/local/cuda";
  ToolkitProbe p = probeToolkit("/usr/local/cuda");
  if (p.usable) GTEST_SKIP() << "this toolkit parses with Clang 19: " << p.message;
  EXPECT_NE(p.message.find("Clang 19 cannot parse the CUDA"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("scanning with the bundled CUDA declaration shims instead"), std::string::npos);
}

}  // namespace
}  // namespace opscope::cuda
