// `opscope rewrite` end to end: inline CHECK expectations over inputs/cuda for every platform,
// the DCU rewrite of samples/ and of the inputs compiled with hipcc (or, for libraries Debian
// does not package, its names checked against the opdb), idempotence, in place versus a copy,
// exported fixes and SARIF, Python goldens per platform that still parse, and the command line
// contract.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include "cli/Cli.h"
#include "db/Database.h"
#include "python/PythonFrontend.h"
#include "tests/support/CliTestSupport.h"

namespace opscope::cli {
namespace {
namespace fs = std::filesystem;

const fs::path kSource = OPSCOPE_SOURCE_DIR;
const fs::path kInputs = kSource / "tests" / "rewrite" / "inputs" / "cuda";
// The Python scanner's goldens of the sample (tests/python/golden/PLATFORM): `opscope rewrite`
// must write exactly what they hold.
const fs::path kPythonGolden = kSource / "tests" / "python" / "golden";

using test::CliRun;
using test::slurp;

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

/// Runs `opscope rewrite ARGS...`.
CliRun rewrite(std::vector<std::string> args) {
  args.insert(args.begin(), "rewrite");
  return test::runCli(std::move(args));
}

class RewriteCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::freshTestDir("rewrite");
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  fs::path copyOf(const fs::path& from, const std::string& name) {
    fs::copy(from, dir_ / name, fs::copy_options::recursive);
    return dir_ / name;
  }
  fs::path dir_;
};

/// Checks every `// CHECK-<tag>: text` line of the rewritten files under `out`: the nearest line
/// above it that is not itself an expectation must read `text`. `// LEFT-<tag>: symbol` needs a
/// "left: symbol" report for the line above it in `err`.
void checkExpectations(const fs::path& out, const std::string& tag, const std::string& err, unsigned& checked) {
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (!entry.is_regular_file()) continue;
    std::string rel = entry.path().lexically_relative(out).generic_string();
    std::vector<std::string> lines;
    std::istringstream in(slurp(entry.path()));
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    size_t lastCode = 0;
    bool haveCode = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string t = trim(lines[i]);
      static const std::regex expectation(R"(^// (CHECK|LEFT)-([A-Z-]+): ?(.*)$)");
      std::smatch m;
      if (!std::regex_match(t, m, expectation)) {
        lastCode = i;
        haveCode = true;
        continue;
      }
      if (m[2].str() != tag) continue;
      ASSERT_TRUE(haveCode) << rel << ":" << i + 1;
      ++checked;
      if (m[1].str() == "CHECK") {
        EXPECT_EQ(trim(lines[lastCode]), m[3].str()) << rel << ":" << lastCode + 1 << " (" << tag << ")";
      } else {
        // The input's line numbers: the rewritten file may have a line more at the top.
        std::regex report(std::regex_replace(rel, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                          R"(:\d+:\d+: left: )" + m[3].str() + ":");
        EXPECT_TRUE(std::regex_search(err, report)) << rel << ":" << lastCode + 1 << ": no leftover " << m[3].str() << "\n" << err;
      }
    }
  }
}

TEST_F(RewriteCli, InlineExpectationsForEveryPlatform) {
  fs::path in = copyOf(kInputs, "in");
  struct Case {
    std::string tag, target;
    std::vector<std::string> extra;
  };
  for (const Case& c : std::vector<Case>{{"DCU", "dcu", {}},
                                         {"DCU-MACRO", "dcu", {"--launch", "macro"}},
                                         {"ASCEND", "ascend", {"--apply-suggestions"}},
                                         {"CAMBRICON", "cambricon", {"--apply-suggestions"}},
                                         {"ENFLAME", "enflame", {"--apply-suggestions"}}}) {
    fs::path out = dir_ / ("out-" + c.tag);
    std::vector<std::string> args = {in.string(), "--target", c.target, "--out-dir", out.string()};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    CliRun r = rewrite(args);
    ASSERT_EQ(r.code, 0) << c.tag << "\n" << r.err;
    unsigned checked = 0;
    checkExpectations(out, c.tag, r.err, checked);
    EXPECT_GE(checked, c.tag == "DCU" ? 25u : 2u) << c.tag;
  }
  EXPECT_NE(slurp(dir_ / "out-DCU" / "launch.cu").find("#include <hip/hip_runtime.h>\n#include \"launch.cuh\""), std::string::npos);
  // The fallbacks' definitions follow the #endif of the conditional include, once each.
  std::string atomics = slurp(dir_ / "out-DCU" / "system_atomics.cu");
  EXPECT_NE(atomics.find("#include <windows.h>\n#endif\n#ifndef OPSCOPE_DEFINED_opscope_atomicInc_system\n"), std::string::npos) << atomics;
  EXPECT_NE(atomics.find("__device__ inline unsigned int opscope_atomicDec_system("), std::string::npos) << atomics;
  EXPECT_EQ(atomics.find("__device__ inline unsigned int opscope_atomicInc_system("),
            atomics.rfind("__device__ inline unsigned int opscope_atomicInc_system("));
  // Two runs of the project's own vector compound assignments, each inside one guard; the scalar
  // form and the binary operators stay outside.
  std::string ops = slurp(dir_ / "out-DCU" / "vector_operators.cu");
  const std::string guard = "#if !defined(__HIP_PLATFORM_AMD__)  // dcu-vector-compound-operators\n";
  EXPECT_NE(ops.find(guard + "inline __host__ __device__ void operator+=(float3 &a, float3 b) {"), std::string::npos) << ops;
  EXPECT_NE(ops.find("a.z -= b.z; }\n#endif  // dcu-vector-compound-operators\n"), std::string::npos) << ops;
  EXPECT_NE(ops.find(guard + "inline __host__ __device__ void operator+=(int2 &a, int2 b)"), std::string::npos) << ops;
  EXPECT_EQ(ops.find(guard + "inline __host__ __device__ void operator*="), std::string::npos) << ops;
  EXPECT_EQ(ops.find(guard + "// A comment"), std::string::npos) << ops;
  EXPECT_EQ(ops.find(guard + "inline __host__ __device__ float3 operator+"), std::string::npos) << ops;
  size_t guards = 0;
  for (size_t at = ops.find(guard); at != std::string::npos; at = ops.find(guard, at + 1)) ++guards;
  EXPECT_EQ(guards, 2u) << ops;
  // A second run leaves the guarded definitions as they are.
  CliRun again = rewrite({(dir_ / "out-DCU" / "vector_operators.cu").string(), "--target", "dcu", "--diff"});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out.find("dcu-vector-compound-operators"), std::string::npos) << again.out;
  EXPECT_EQ(slurp(in / "runtime.cu"), slurp(kInputs / "runtime.cu"));  // the inputs are not touched
}

TEST_F(RewriteCli, SuggestOnlyPlatformsWriteNoCodeWithoutTheFlagAndNoteKernels) {
  fs::path in = copyOf(kInputs, "in");
  CliRun r = rewrite({in.string(), "--target", "ascend", "--diff"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("C/C++ edit(s) suggested only (--apply-suggestions writes them)"), std::string::npos) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(runtime\.cu:\d+:\d+: note: scale: kernel scale \(\d+ lines\) does not run on Ascend.*hazards: warp-size-32)")))
      << r.err;
  EXPECT_NE(r.err.find("note: cudaMalloc: aclrtMalloc takes an allocation policy"), std::string::npos);
  r = rewrite({in.string(), "--target", "cambricon", "--apply-suggestions", "--diff"});
  EXPECT_NE(r.out.find("+  CHECK(cnrtQueueSync(stream));"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("CNRT queues"), std::string::npos);
}

/// The HIP headers of libraries Debian does not package.
bool usesUnpackagedLibrary(const std::string& text) {
  static const std::regex lib(R"(#\s*include\s*[<"](hipblas|hipblaslt|hiprand|hipfft|hipsparse|hipsolver|hipcub|rccl|miopen)/)");
  return std::regex_search(text, lib);
}

/// Every HIP-looking name in `text` is a dcu target of the opdb (or a HIP header name).
void expectHipNamesInOpdb(const fs::path& file, unsigned& names) {
  static const db::Database db = [] {
    db::Database d;
    std::vector<db::Diagnostic> diags;
    db::loadBuiltin(d, diags);
    return d;
  }();
  static const std::set<std::string> targets = [] {
    std::set<std::string> s;
    for (const auto& [symbol, e] : *db.entries("dcu")) s.insert(e.target);
    return s;
  }();
  std::string text = slurp(file);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("#include") != std::string::npos || trim(line).rfind("//", 0) == 0) continue;
    static const std::regex hip(R"(\b(hip|HIP)[A-Za-z0-9_]+)");
    for (std::sregex_iterator it(line.begin(), line.end(), hip), end; it != end; ++it) {
      ++names;
      EXPECT_TRUE(targets.count(it->str())) << file << ": " << it->str() << " is no dcu target in the opdb";
    }
  }
}

std::string hipcc() {
  for (const char* p : {"/usr/bin/hipcc", "/opt/rocm/bin/hipcc"})
    if (fs::exists(p)) return p;
  return "";
}

TEST_F(RewriteCli, DcuRewriteOfSamplesAndInputsCompilesWithHipcc) {
  fs::path samples = copyOf(kSource / "samples", "samples");
  fs::path inputs = copyOf(kInputs, "inputs");
  std::vector<std::pair<fs::path, fs::path>> trees = {{samples, dir_ / "samples-hip"}, {inputs, dir_ / "inputs-hip"}};
  for (const auto& [in, out] : trees) {
    CliRun r = rewrite({in.string(), "--target", "dcu", "--out-dir", out.string()});
    ASSERT_EQ(r.code, 0) << r.err;
  }
  std::string compiler = hipcc();
  if (compiler.empty()) GTEST_SKIP() << "hipcc is not installed (.ci/install-deps installs hipcc and libamdhip64-dev)";
  unsigned compiled = 0, named = 0;
  for (const auto& [in, out] : trees)
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      std::string ext = entry.path().extension().string();
      if (ext != ".cu" && ext != ".cpp") continue;
      std::string rel = entry.path().lexically_relative(out).generic_string();
      if (rel.find("nocompile/") != std::string::npos) continue;
      if (usesUnpackagedLibrary(slurp(entry.path()))) {
        expectHipNamesInOpdb(entry.path(), named);
        continue;
      }
      std::string includes;
      for (const char* d : {"include", "src"})
        if (fs::exists(entry.path().parent_path().parent_path() / d))
          includes += " -I" + (entry.path().parent_path().parent_path() / d).string();
      fs::path log = dir_ / "hipcc.log";
      std::string cmd = compiler + " --offload-arch=gfx906 -c -x hip " + entry.path().string() + includes + " -o " +
                        (dir_ / "out.o").string() + " > " + log.string() + " 2>&1";
      EXPECT_EQ(std::system(cmd.c_str()), 0) << rel << "\n" << slurp(log) << "\n" << slurp(entry.path());
      ++compiled;
    }
  EXPECT_GE(compiled, 8u);  // samples/cuda_app (4 .cu, 1 .cpp), pytorch_train/csrc (2), inputs (3)
  EXPECT_GE(named, 8u);     // gemm.cu and inputs/libraries
}

// `--verify` parses the rewritten inputs as HIP in process; its verdict on every file must be
// hipcc's (the inputs exercise the helper-header guards, the two-argument cudaEventCreate, the
// warp functions and the samples' idioms; libraries Debian lacks fail both ways).
TEST_F(RewriteCli, VerifyAgreesWithHipccOnEveryInput) {
  fs::path inputs = copyOf(kInputs, "inputs");
  fs::path out = dir_ / "inputs-hip", verdicts = dir_ / "verify.json";
  CliRun r = rewrite({inputs.string(), "--target", "dcu", "--out-dir", out.string(), "--verify", "--verify-format", "json",
                       "--verify-output", verdicts.string()});
  if (!fs::exists("/usr/include/hip/hip_runtime.h") && !fs::exists("/opt/rocm/include/hip/hip_runtime.h")) {
    EXPECT_EQ(r.code, 2) << r.err;  // no HIP: a usage error naming what to install
    GTEST_SKIP() << "no HIP headers (.ci/install-deps installs libamdhip64-dev)";
  }
  ASSERT_EQ(r.code, 1) << r.err;  // nocompile/ and the library inputs do not compile here
  auto json = llvm::json::parse(slurp(verdicts));
  ASSERT_TRUE(bool(json)) << llvm::toString(json.takeError());
  const llvm::json::Array* files = json->getAsObject()->getArray("files");
  ASSERT_NE(files, nullptr);
  std::string compiler = hipcc();
  if (compiler.empty()) GTEST_SKIP() << "hipcc is not installed (.ci/install-deps installs hipcc and libamdhip64-dev)";
  unsigned agreed = 0, compiling = 0, refused = 0;
  for (const llvm::json::Value& v : *files) {
    const llvm::json::Object& f = *v.getAsObject();
    std::string rel = f.getString("file")->str();
    bool verdict = *f.getBoolean("compiles");
    fs::path log = dir_ / "hipcc.log";
    std::string cmd = compiler + " --offload-arch=gfx906 -std=c++17 -c -x hip " + (out / rel).string() + " -o " +
                      (dir_ / "out.o").string() + " > " + log.string() + " 2>&1";
    bool compiled = std::system(cmd.c_str()) == 0;
    EXPECT_EQ(verdict, compiled) << rel << "\nhipcc:\n" << slurp(log) << "\n--verify:\n" << llvm::formatv("{0:2}", v).str();
    agreed += verdict == compiled;
    compiling += compiled;
    refused += !compiled;
    if (rel.find("nocompile/") == std::string::npos && !f.getString("missing_library_header")) {
      EXPECT_TRUE(verdict) << rel << " should compile";
    }
  }
  EXPECT_GE(compiling, 8u);  // call_shapes, helper_guards, launch, runtime, sample_idioms, system_atomics,
                             // vector_operators, driver
  EXPECT_GE(refused, 3u);    // libraries/blas.cu (hipBLAS), nocompile/*
  EXPECT_EQ(agreed, files->size());
}

TEST_F(RewriteCli, VerifyCommandLineContract) {
  fs::path inputs = copyOf(kInputs, "inputs");
  EXPECT_EQ(rewrite({inputs.string(), "--target", "dcu", "--hip-path", "/x"}).code, 2);  // --hip-path needs --verify
  EXPECT_EQ(rewrite({inputs.string(), "--target", "ascend", "--verify"}).code, 2);      // a HIP check: dcu only
  CliRun bad = rewrite({inputs.string(), "--target", "dcu", "--verify", "--hip-path", (dir_ / "nohip").string()});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("no include/hip/hip_runtime.h"), std::string::npos) << bad.err;
  EXPECT_EQ(rewrite({inputs.string(), "--target", "dcu", "--verify", "--verify-format", "xml"}).code, 2);
  // Without --out-dir the check runs on a temporary copy: the inputs stay as they are.
  if (fs::exists("/usr/include/hip/hip_runtime.h")) {
    CliRun r = rewrite({(inputs / "sample_idioms.cu").string(), "--target", "dcu", "--verify"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("sample_idioms.cu: compiles"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("runtime.cu"), std::string::npos) << r.out;  // only the file named is verified
  }
  EXPECT_EQ(slurp(inputs / "sample_idioms.cu"), slurp(kInputs / "sample_idioms.cu"));
}

TEST_F(RewriteCli, SecondRunIsANoOpAndInPlaceEqualsTheCopy) {
  fs::path a = copyOf(kSource / "samples" / "cuda_app", "a");
  fs::path b = copyOf(kSource / "samples" / "cuda_app", "b");
  CliRun copy = rewrite({a.string(), "--target", "dcu", "--out-dir", (dir_ / "a-hip").string()});
  ASSERT_EQ(copy.code, 0) << copy.err;
  CliRun inPlace = rewrite({b.string(), "--target", "dcu", "--in-place"});
  ASSERT_EQ(inPlace.code, 0) << inPlace.err;
  EXPECT_NE(inPlace.err.find("file(s) rewritten in place"), std::string::npos);
  for (const char* f : {"src/main.cu", "src/gemm.cu", "include/common.cuh", "src/host_utils.cpp", "CMakeLists.txt"})
    EXPECT_EQ(slurp(b / f), slurp(dir_ / "a-hip" / f)) << f;
  EXPECT_NE(slurp(b / "src/main.cu"), slurp(a / "src/main.cu"));
  CliRun again = rewrite({b.string(), "--target", "dcu", "--in-place", "--diff"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_NE(again.err.find("dcu: 0 edit(s) in 0 file(s)"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("0 file(s) rewritten in place"), std::string::npos);
}

TEST_F(RewriteCli, ExportedFixesAndSarifCarryTheSameEdits) {
  fs::path a = copyOf(kSource / "samples" / "cuda_app", "a");
  fs::path yaml = dir_ / "fixes.yaml", sarif = dir_ / "out.sarif";
  CliRun r = rewrite({a.string(), "--target", "dcu", "--export-fixes", yaml.string(), "--sarif", sarif.string(), "--diff"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string fixes = slurp(yaml);
  size_t edits = 0;
  for (size_t p = fixes.find("ReplacementText:"); p != std::string::npos; p = fixes.find("ReplacementText:", p + 1)) ++edits;
  EXPECT_GE(edits, 60u);
  EXPECT_NE(fixes.find("ReplacementText: \"hipblas/hipblas.h\""), std::string::npos);
  std::string s = slurp(sarif);
  EXPECT_NE(s.find("\"fixes\""), std::string::npos);
  EXPECT_NE(s.find("\"text\": \"hipMalloc\""), std::string::npos);
  EXPECT_NE(r.out.find("-    CUDA_CHECK(cudaMalloc(&p, count * sizeof(T)));\n+    CUDA_CHECK(hipMalloc(&p, count * sizeof(T)));"),
            std::string::npos)
      << r.out;
  // The exported fixes, applied by clang-apply-replacements where it is installed, give the copy.
  for (const char* tool : {"clang-apply-replacements-19", "clang-apply-replacements-15", "clang-apply-replacements"}) {
    if (std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) != 0) continue;
    CliRun copy = rewrite({a.string(), "--target", "dcu", "--out-dir", (dir_ / "copy").string()});
    ASSERT_EQ(copy.code, 0);
    fs::create_directories(dir_ / "fixes");
    fs::copy(yaml, dir_ / "fixes" / "fixes.yaml");
    ASSERT_EQ(std::system((std::string(tool) + " " + (dir_ / "fixes").string()).c_str()), 0);
    for (const char* f : {"src/gemm.cu", "include/common.cuh", "include/ops.cuh"}) EXPECT_EQ(slurp(a / f), slurp(dir_ / "copy" / f)) << f;
    // The tool files an inserted #include into the file's include block by its own order.
    auto lines = [](const std::string& text) {
      std::multiset<std::string> s;
      std::istringstream in(text);
      for (std::string l; std::getline(in, l);) s.insert(l);
      return s;
    };
    EXPECT_EQ(lines(slurp(a / "src/main.cu")), lines(slurp(dir_ / "copy" / "src/main.cu")));
    break;
  }
}

TEST_F(RewriteCli, PythonGoldenPerPlatformAndEveryRewrittenScriptParses) {
  fs::path in = copyOf(kSource / "samples" / "pytorch_train", "train");
  bool update = std::getenv("OPSCOPE_UPDATE_GOLDENS") != nullptr;
  for (const char* platform : {"ascend", "cambricon", "enflame", "dcu"}) {
    fs::path out = dir_ / (std::string("out-") + platform);
    CliRun r = rewrite({in.string(), "--target", platform, "--out-dir", out.string()});
    ASSERT_EQ(r.code, 0) << platform << "\n" << r.err;
    // DCU's golden is the input itself: PyTorch for ROCm keeps torch.cuda.
    bool dcu = std::string(platform) == "dcu";
    fs::path golden = dcu ? kSource / "samples" / "pytorch_train" / "train.py" : kPythonGolden / platform / "train.py";
    if (update && !dcu) std::ofstream(golden, std::ios::binary) << slurp(out / "train.py");
    EXPECT_EQ(slurp(out / "train.py"), slurp(golden)) << platform << ": set OPSCOPE_UPDATE_GOLDENS=1 to refresh";
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (entry.path().extension() != ".py") continue;
      EXPECT_EQ(python::firstSyntaxError(slurp(entry.path())), "") << entry.path();
      std::string cmd = std::string(OPSCOPE_PYTHON3) + " -m py_compile " + entry.path().string();
      EXPECT_EQ(std::system(cmd.c_str()), 0) << entry.path();
    }
  }
  EXPECT_NE(slurp(dir_ / "out-ascend" / "train.py"), slurp(in / "train.py"));
  EXPECT_EQ(slurp(dir_ / "out-dcu" / "train.py"), slurp(in / "train.py"));  // ROCm PyTorch keeps torch.cuda
}

TEST_F(RewriteCli, CommandLineContract) {
  fs::path in = copyOf(kInputs, "in");
  EXPECT_EQ(rewrite({in.string()}).code, kUsageError);
  EXPECT_EQ(rewrite({in.string(), "--target", "mars"}).code, kUsageError);
  EXPECT_EQ(rewrite({"--target", "dcu"}).code, kUsageError);
  EXPECT_EQ(rewrite({in.string(), "--target", "dcu", "--in-place", "--out-dir", "x"}).code, kUsageError);
  EXPECT_EQ(rewrite({in.string(), "--target", "ascend", "--launch", "macro"}).code, kUsageError);
  std::ofstream(dir_ / "bad.yaml") << "opscope-rules: 1\nkind: rewrites\nplatform: dcu\nbogus: 1\n";
  CliRun bad = rewrite({in.string(), "--target", "dcu", "--rules", (dir_ / "bad.yaml").string()});
  EXPECT_EQ(bad.code, kUsageError);
  EXPECT_NE(bad.err.find("bad.yaml:4:1: error: unknown key 'bogus'"), std::string::npos) << bad.err;
  CliRun help = rewrite({"--help"});
  EXPECT_EQ(help.code, kOk);
  EXPECT_NE(help.out.find("--export-fixes"), std::string::npos);
}

TEST_F(RewriteCli, UserRulesLayerOverTheBuiltinOnes) {
  fs::path in = copyOf(kInputs, "in");
  std::ofstream(dir_ / "mine.yaml")
      << "opscope-rules: 1\nkind: rewrites\nplatform: dcu\n"
         "sources: [{id: mine, title: t, url: \"https://example.com\", date: \"2026-01-02\", license: MIT}]\n"
         "renames:\n  - {id: my-malloc, symbol: cudaMalloc, to: myHipMalloc, kind: function, reason: our allocator, source: mine}\n";
  CliRun r = rewrite({in.string(), "--target", "dcu", "--rules", (dir_ / "mine.yaml").string(), "--diff"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("+  CHECK(myHipMalloc(&d, n * sizeof(float)));"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace opscope::cli
