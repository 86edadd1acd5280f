// Third-party headers of CUDA code (analyzer/cuda/ThirdPartyHeaders.h): which headers a file
// reaches, what its parse gets for OpenMP and PyTorch, which package provides an absent header, and
// why a unit that does not parse is scanned lexically.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cuda/ThirdPartyHeaders.h"

namespace opscope::cuda {
namespace {
namespace fs = std::filesystem;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

fs::path writeTree() {
  fs::path dir = fs::temp_directory_path() / ("opscope-thirdparty-" + std::to_string(::getpid()));
  fs::create_directories(dir / "include/ext");
  std::ofstream(dir / "main.cu") << "#include \"local.h\"\n  #  include <omp.h>\n#include <ext/api.h>\n";
  std::ofstream(dir / "local.h") << "#pragma once\n#include <torch/extension.h>\n#include \"generated_config.h\"\n";
  std::ofstream(dir / "include/ext/api.h") << "#include <mpi.h>\n#include \"local.h\"\n";
  return dir;
}

TEST(ThirdPartyHeaders, IncludesAreFollowedThroughTheProjectsOwnHeaders) {
  fs::path dir = writeTree();
  std::set<std::string> headers = includedHeaders((dir / "main.cu").string(), {(dir / "include").string()});
  EXPECT_EQ(headers, (std::set<std::string>{"local.h", "omp.h", "ext/api.h", "torch/extension.h",
                                            "generated_config.h", "mpi.h"}));
  // Without the include directory, ext/api.h is not reached and mpi.h is not seen.
  EXPECT_FALSE(includedHeaders((dir / "main.cu").string(), {}).count("mpi.h"));
  fs::remove_all(dir);
}

TEST(ThirdPartyHeaders, OpenMpAddsTheFlagOnce) {
  ThirdPartySetup s = thirdPartySetup({"omp.h"}, {"clang++", "-x", "cuda"}, "/p/a.cu");
  EXPECT_TRUE(contains(s.args, "-fopenmp"));
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_NE(s.notes[0].find("-fopenmp"), std::string::npos);
  EXPECT_FALSE(contains(thirdPartySetup({"omp.h"}, {"clang++", "-fopenmp"}, "/p/a.cu").args, "-fopenmp"));
  EXPECT_TRUE(thirdPartySetup({"stdio.h"}, {"clang++"}, "/p/a.cu").args.empty());
}

TEST(ThirdPartyHeaders, TorchHeadersComeFromTheOverrideWithTheExtensionBuildsDefines) {
  // tests/cuda/ScanHarness.cpp points OPSCOPE_TORCH_INCLUDE at the fake SDK for the whole binary.
  std::string sdk = (fs::path(OPSCOPE_SOURCE_DIR) / "tests/cuda/fake_sdk").string();
  setenv("OPSCOPE_TORCH_INCLUDE", sdk.c_str(), 1);
  const TorchHeaders& t = torchHeaders();
  ASSERT_EQ(t.dirs, std::vector<std::string>{sdk});
  ThirdPartySetup cu = thirdPartySetup({"torch/extension.h"}, {"clang++", "-x", "cuda"}, "/p/relu_kernel.cu");
  EXPECT_TRUE(contains(cu.args, sdk));
  EXPECT_TRUE(contains(cu.args, "-isystem"));  // the override wins over a system copy
  EXPECT_TRUE(contains(cu.args, "-DTORCH_EXTENSION_NAME=relu_kernel"));
  EXPECT_TRUE(contains(cu.args, "-D__CUDA_NO_HALF_OPERATORS__"));
  EXPECT_TRUE(contains(cu.args, "-D__CUDA_NO_HALF_CONVERSIONS__"));
  ASSERT_FALSE(cu.notes.empty());
  EXPECT_NE(cu.notes.back().find("PyTorch headers from OPSCOPE_TORCH_INCLUDE"), std::string::npos);
  // A C++ source keeps the half operators; a name the command line defines is not redefined.
  ThirdPartySetup cpp = thirdPartySetup({"ATen/ATen.h"}, {"clang++", "-DTORCH_EXTENSION_NAME=ops"}, "/p/ops.cpp");
  EXPECT_FALSE(contains(cpp.args, "-D__CUDA_NO_HALF_OPERATORS__"));
  EXPECT_FALSE(std::any_of(cpp.args.begin(), cpp.args.end(),
                           [](const std::string& a) { return a.rfind("-DTORCH_EXTENSION_NAME", 0) == 0; }));
}

TEST(ThirdPartyHeaders, AbsentHeadersNameTheirDebianPackage) {
  EXPECT_EQ(debianPackageFor("mpi.h"), "libopenmpi-dev");
  EXPECT_EQ(debianPackageFor("omp.h"), "libomp-19-dev");
  EXPECT_EQ(debianPackageFor("torch/extension.h"), "libtorch-dev");
  EXPECT_EQ(debianPackageFor("ATen/cuda/CUDAContext.h"), "libtorch-dev");
  EXPECT_EQ(debianPackageFor("GL/glew.h"), "libglew-dev");
  EXPECT_EQ(debianPackageFor("GLFW/glfw3.h"), "libglfw3-dev");
  EXPECT_EQ(debianPackageFor("generated_config.h"), "");
  EXPECT_TRUE(isCudaToolkitHeader("cuda/annotated_ptr"));
  EXPECT_TRUE(isCudaToolkitHeader("npp.h"));
  EXPECT_FALSE(isCudaToolkitHeader("cudnn_frontend.h"));
  EXPECT_FALSE(isCudaToolkitHeader("mpi.h"));
}

TEST(ThirdPartyHeaders, ParseFailuresAreClassified) {
  auto cudaName = [](const std::string& n) { return n == "__nv_bfloat16" || n == "cooperative_groups"; };
  LexicalDiagnosis mpi = diagnoseParseFailure({"cuda/pipeline_x", "mpi.h"}, {{"unknown type name 'MPI_Comm'", false}},
                                              cudaName);
  EXPECT_EQ(mpi.reason, LexicalReason::MissingHeader);
  EXPECT_EQ(mpi.missingHeader, "mpi.h");
  EXPECT_EQ(mpi.package, "libopenmpi-dev");
  LexicalDiagnosis shimHeader = diagnoseParseFailure({"cuda/pipeline_x"}, {}, cudaName);
  EXPECT_EQ(shimHeader.reason, LexicalReason::ShimGap);
  EXPECT_EQ(shimHeader.missingHeader, "cuda/pipeline_x");
  EXPECT_EQ(diagnoseParseFailure({}, {{"too few arguments to function call", true}}, cudaName).reason,
            LexicalReason::ShimGap);
  EXPECT_EQ(diagnoseParseFailure({}, {{"unknown type name '__nv_bfloat16'", false}}, cudaName).reason,
            LexicalReason::ShimGap);
  EXPECT_EQ(diagnoseParseFailure({}, {{"no member named 'tiled' in namespace 'cooperative_groups'", false}}, cudaName)
                .reason,
            LexicalReason::ShimGap);
  EXPECT_EQ(diagnoseParseFailure({}, {{"unknown type name 'floatX'", false}}, cudaName).reason,
            LexicalReason::CodeError);
}

TEST(ThirdPartyHeaders, LexicalUnitsAreSummarisedByReason) {
  auto lexical = [](LexicalReason r, std::string header = "", std::string package = "") {
    InputFile in;
    in.status = InputStatus::Lexical;
    in.lexicalReason = r;
    in.missingHeader = header;
    in.package = package;
    return in;
  };
  std::vector<InputFile> inputs = {lexical(LexicalReason::MissingHeader, "mpi.h", "libopenmpi-dev"),
                                   lexical(LexicalReason::ShimGap),
                                   lexical(LexicalReason::MissingHeader, "mpi.h", "libopenmpi-dev"),
                                   lexical(LexicalReason::MissingHeader, "mpi.h", "libopenmpi-dev"),
                                   lexical(LexicalReason::MissingHeader, "cudnn_frontend.h"),
                                   InputFile{}};
  EXPECT_EQ(lexicalReasonSummary(inputs),
            (std::vector<std::string>{"3 units: mpi.h missing (apt install libopenmpi-dev)",
                                      "1 unit: a gap in opscope's CUDA shims", "1 unit: cudnn_frontend.h missing"}));
  EXPECT_EQ(parseLexicalReason("shim-gap"), LexicalReason::ShimGap);
  EXPECT_EQ(parseLexicalReason(""), LexicalReason::None);
  EXPECT_FALSE(parseLexicalReason("bogus"));
}

}  // namespace
}  // namespace opscope::cuda
