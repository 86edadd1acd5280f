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

// Two fake interpreters: the first on the PATH has no torch (a pyenv shim), the second has one
// whose include directory holds torch/torch.h; a third has torch but its directories are empty
// (Debian's python3-torch without libtorch-dev: dangling links).
TEST(ThirdPartyHeaders, TorchComesFromTheFirstPythonThatHasIt) {
  fs::path dir = fs::temp_directory_path() / ("opscope-pythons-" + std::to_string(::getpid()));
  for (const char* d : {"pyenv", "empty", "system", "include/torch", "hollow"}) fs::create_directories(dir / d);
  std::ofstream(dir / "include/torch/torch.h") << "#pragma once\n";
  auto script = [&](const fs::path& p, const std::string& body) {
    std::ofstream(p) << "#!/bin/sh\n" << body;
    fs::permissions(p, fs::perms::owner_all);
  };
  script(dir / "pyenv/python3", "echo python /nonexistent\n");
  script(dir / "system/python3", "echo torch 1.13.1\necho dir " + (dir / "include").string() + "\n");
  script(dir / "hollow/python3", "echo torch 1.13.1\necho dir " + (dir / "hollow").string() + "\n");
  std::string path = (dir / "pyenv").string() + ":" + (dir / "empty").string() + ":" + (dir / "hollow").string() +
                     ":" + (dir / "system").string() + ":" + (dir / "pyenv").string();
  std::vector<std::string> pythons = pythonCandidates(path);
  ASSERT_GE(pythons.size(), 3u);
  EXPECT_EQ(pythons[0], (dir / "pyenv/python3").string());
  EXPECT_EQ(pythons[1], (dir / "hollow/python3").string());
  EXPECT_EQ(pythons[2], (dir / "system/python3").string());
  EXPECT_EQ(std::count(pythons.begin(), pythons.end(), pythons[0]), 1);  // each once
  TorchHeaders t = torchHeadersFromPython({pythons[0], pythons[1], pythons[2]});
  EXPECT_EQ(t.dirs, std::vector<std::string>{(dir / "include").string()});
  EXPECT_NE(t.origin.find("torch 1.13.1"), std::string::npos);
  EXPECT_NE(t.origin.find((dir / "system/python3").string()), std::string::npos);
  // Only the ones without torch, or with hollow directories: none found.
  EXPECT_TRUE(torchHeadersFromPython({pythons[0], pythons[1]}).dirs.empty());
  fs::remove_all(dir);
}

// A setup.py as PyTorch extensions write them: the CUDA build's defines are the scan's, other
// platforms' and commented-out ones are not.
TEST(ThirdPartyHeaders, TheExtensionsSetupPyDefinesItsCudaBuild) {
  fs::path dir = fs::temp_directory_path() / ("opscope-setuppy-" + std::to_string(::getpid()));
  fs::create_directories(dir / "csrc/cuda");
  std::ofstream(dir / "setup.py")
      << "WITH_CUDA = os.getenv('FORCE_CUDA', '0') == '1'\nflags = os.getenv(\"NVCC_FLAGS\", '')\n"
         "define_macros = [('WITH_PYTHON', None)]\n"
         "# define_macros += [('EXT_USE_PARROTS', None)]\n"
         "if cuda:\n    define_macros += [(\"WITH_CUDA\", None), ('EXT_VERSION', '2.1')]\n"
         "    nvcc = ['-O3', '-DEXT_FAST_MATH', '-D__CUDA_NO_HALF_OPERATORS__']\n"
         "if hip:\n    define_macros += [('USE_ROCM', None), ('EXT_WITH_HIP', None)]\n"
         "if mlu:\n    define_macros += [('EXT_WITH_MLU', None)]\n";
  std::ofstream(dir / "csrc/cuda/op.cu") << "#include <torch/extension.h>\n";
  std::vector<std::string> defines = extensionBuildDefines((dir / "csrc/cuda/op.cu").string());
  EXPECT_EQ(defines, (std::vector<std::string>{"-DWITH_PYTHON", "-DWITH_CUDA", "-DEXT_VERSION=2.1",
                                               "-DEXT_FAST_MATH"}));
  // Through thirdPartySetup for a unit including torch (when torch is found), minus what the
  // command line defines already.
  ThirdPartySetup s = thirdPartySetup({"torch/extension.h"}, {"clang++", "-DWITH_PYTHON=1"},
                                      (dir / "csrc/cuda/op.cu").string());
  if (!torchHeaders().dirs.empty()) {
    EXPECT_TRUE(contains(s.args, "-DWITH_CUDA"));
    EXPECT_FALSE(contains(s.args, "-DWITH_PYTHON"));
    EXPECT_NE(s.notes.back().find("setup.py's defines WITH_CUDA, EXT_VERSION, EXT_FAST_MATH"), std::string::npos);
  }
  EXPECT_TRUE(extensionBuildDefines((fs::temp_directory_path() / "no-such-dir/x.cu").string()).empty() ||
              fs::exists(fs::temp_directory_path() / "setup.py"));
  fs::remove_all(dir);
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
