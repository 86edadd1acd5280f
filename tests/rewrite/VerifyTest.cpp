// rewrite/Verify: where an error in a rewritten file was before the rewrite, which files are
// translation units, and how a HIP installation is found. (The verdicts themselves are checked
// against hipcc in RewriteCliTest.)
#include "rewrite/Verify.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace opscope::rewrite {
namespace {
namespace fs = std::filesystem;

Edit at(std::uint64_t offset, std::uint64_t length, std::string replacement) {
  Edit e;
  e.offset = offset;
  e.length = length;
  e.replacement = std::move(replacement);
  return e;
}

TEST(Verify, ErrorsAreMappedBackToTheOriginalLine) {
  std::string original = "#include <cuda_runtime.h>\nint a;\ncudaMemcpyToSymbol(x, y, 4);\nint b;\n";
  // The entry header inserted before line 1, a one-line call rewritten over two lines.
  std::vector<Edit> edits = {at(0, 0, "#include <hip/hip_runtime.h>\n"), at(10, 14, "hip/hip_runtime.h"),
                             at(33, 27, "hipMemcpyToSymbol(HIP_SYMBOL(x),\n  y, 4)")};
  EXPECT_EQ(originalLineOf(original, edits, 1), 0u);  // the inserted line
  EXPECT_EQ(originalLineOf(original, edits, 2), 1u);
  EXPECT_EQ(originalLineOf(original, edits, 3), 2u);
  EXPECT_EQ(originalLineOf(original, edits, 4), 3u);
  EXPECT_EQ(originalLineOf(original, edits, 5), 3u);  // the call's second line
  EXPECT_EQ(originalLineOf(original, edits, 6), 4u);
  EXPECT_EQ(originalLineOf(original, {}, 4), 4u);
}

TEST(Verify, AUnitIncludedByAnotherIsNotATranslationUnit) {
  fs::path dir = fs::temp_directory_path() / ("opscope-verify-units-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "inc");
  auto write = [&](const std::string& rel, const std::string& text) { std::ofstream(dir / rel) << text; };
  write("main.cu", "#include \"util.cu\"\n#include \"inc/k.cuh\"\n");
  write("util.cu", "int u;\n");
  write("host.cpp", "int h;\n");
  write("inc/k.cuh", "int k;\n");
  EXPECT_EQ(translationUnits(dir.string()), (std::vector<std::string>{"host.cpp", "main.cu"}));
  EXPECT_EQ(headerDirectories(dir.string()), (std::vector<std::string>{(dir / "inc").string()}));
  std::string error;
  EXPECT_FALSE(findHipInstallation((dir / "inc").string(), error));
  EXPECT_NE(error.find("no include/hip/hip_runtime.h"), std::string::npos) << error;
  fs::create_directories(dir / "rocm" / "include" / "hip");
  write("rocm/include/hip/hip_runtime.h", "");
  write("rocm/include/hip/hip_version.h", "#define HIP_VERSION_MAJOR 5\n#define HIP_VERSION_MINOR 7\n#define HIP_VERSION_PATCH 31921\n");
  for (const fs::path& given : {dir / "rocm", dir / "rocm" / "include", dir / "rocm" / "include" / "hip"}) {
    auto hip = findHipInstallation(given.string(), error);
    ASSERT_TRUE(hip) << given << ": " << error;
    EXPECT_EQ(hip->root, (dir / "rocm").string());
    EXPECT_EQ(hip->version, "5.7.31921");
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace opscope::rewrite
