#include "tests/reports/html/Fixtures.h"

#include <cstdint>

namespace opscope::testing {
namespace {

std::vector<Platform> fourPlatforms() {
  return {{"ascend", "Huawei Ascend", "CANN (ACL runtime, aclnn, HCCL), torch_npu"},
          {"cambricon", "Cambricon MLU", "CNRT/CNNL, torch_mlu"},
          {"enflame", "Enflame GCU", "TopsRider, torch_gcu"},
          {"dcu", "Hygon DCU", "DTK (HIP-compatible)"}};
}

Coverage cov(CoverageStatus status, std::string target = "", std::string note = "") {
  Coverage c;
  c.status = status;
  c.target = std::move(target);
  c.note = std::move(note);
  if (status != CoverageStatus::Unknown) {
    c.source = "vendor API reference (example.org docs, 2026-10-01)";
    c.confidence = Confidence::Official;
    c.layer = "builtin";
  }
  return c;
}

Location at(std::string file, unsigned line, unsigned column, unsigned length) {
  Location l;
  l.file = std::move(file);
  l.line = l.endLine = line;
  l.column = column;
  l.endColumn = column + length;
  return l;
}

ReportFinding finding(std::string name, SymbolKind kind, std::string library, std::string file, unsigned line,
                      unsigned column, unsigned length, std::map<PlatformId, Coverage> coverage = {},
                      std::string context = "run", std::string detail = "") {
  ReportFinding rf;
  rf.finding.symbol = {std::move(name), kind, std::move(library)};
  rf.finding.location.file = std::move(file);
  rf.finding.location.line = line;
  rf.finding.location.column = column;
  rf.finding.location.endLine = line;
  rf.finding.location.endColumn = column + length;
  rf.finding.context = std::move(context);
  rf.finding.detail = std::move(detail);
  rf.finding.evidence = Evidence::Semantic;
  rf.coverage = std::move(coverage);
  return rf;
}

}  // namespace

std::optional<std::string> FixtureReport::source(const std::string& path) const {
  auto it = files.find(path);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

FixtureReport sampleReport() {
  using enum CoverageStatus;
  FixtureReport fx;
  Report& r = fx.report;
  r.toolVersion = "0.1.0";
  r.opdbVersion = "2026.11.0";
  r.root = "/work/project";
  r.targets = fourPlatforms();
  fx.files["src/app.cu"] =
      "#include <cuda_runtime.h>\n"
      "#include \"common.cuh\"\n"
      "__global__ void scale_kernel(float* x, int n) {\n"
      "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
      "  if (i < n) x[i] = twice(x[i]);\n"
      "}\n"
      "\n"
      "void run(float* h, int n, cublasHandle_t handle) {\n"
      "  float* d = nullptr;\n"
      "  cudaMalloc(&d, n * sizeof(float));\n"
      "  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n"
      "  scale_kernel<<<(n + 255) / 256, 256>>>(d, n);\n"
      "  cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, nullptr, d, n, d, n, nullptr, d, n);\n"
      "  unsigned mask = __activemask();  // assumes 32 lanes\n"
      "  cudaFree(d);  // opscope-ignore\n"
      "}\n";
  fx.files["src/common.cuh"] = "#pragma once\n__device__ inline float twice(float v) {\n  return v * 2.0f;\n}\n";
  fx.files["src/ext.cpp"] = "#include <torch/extension.h>\nTORCH_LIBRARY(my_ops, m) {\n  m.def(\"scale(Tensor x) -> Tensor\");\n}\n"
                            "void launch() { ext_kernel<<<1, 32>>>(); }\n";

  auto mappedEverywhere = [](std::string a, std::string c, std::string e, std::string d) {
    return std::map<PlatformId, Coverage>{{"ascend", cov(Mapped, a)}, {"cambricon", cov(Mapped, c)},
                                          {"enflame", cov(Mapped, e)}, {"dcu", cov(Mapped, d)}};
  };
  auto& f = r.findings;
  f.push_back(finding("cudaMalloc", SymbolKind::Function, "cudart", "src/app.cu", 10, 3, 10,
                      mappedEverywhere("aclrtMalloc", "cnrtMalloc", "topsMalloc", "hipMalloc")));
  auto memcpy = mappedEverywhere("aclrtMemcpy", "cnrtMemcpy", "topsMemcpy", "hipMemcpy");
  memcpy["cambricon"] = cov(Partial, "cnrtMemcpy", "no peer-to-peer kind");
  f.push_back(finding("cudaMemcpy", SymbolKind::Function, "cudart", "src/app.cu", 11, 3, 10, memcpy));
  f.push_back(finding("cudaMemcpyHostToDevice", SymbolKind::EnumValue, "cudart", "src/app.cu", 11, 40, 22,
                      mappedEverywhere("ACL_MEMCPY_HOST_TO_DEVICE", "cnrtMemcpyHostToDev", "topsMemcpyHostToDevice",
                                       "hipMemcpyHostToDevice")));
  f.push_back(finding("scale_kernel", SymbolKind::Kernel, "user", "src/app.cu", 3, 17, 12, {}, "scale_kernel", "lines=4"));
  f.push_back(finding("scale_kernel", SymbolKind::KernelLaunch, "user", "src/app.cu", 12, 3, 12, {}, "run",
                      "grid=(n + 255) / 256 block=256"));
  f.push_back(finding("cublasSgemm", SymbolKind::Function, "cublas", "src/app.cu", 13, 3, 11,
                      {{"ascend", cov(Missing, "", "no BLAS handle API; use aclnnMatmul")},
                       {"cambricon", cov(Unknown)},
                       {"enflame", cov(Emulated, "topsblasSgemm", "composed from matmul")},
                       {"dcu", cov(Mapped, "hipblasSgemm")}}));
  f.push_back(finding("__activemask", SymbolKind::Intrinsic, "device", "src/app.cu", 14, 19, 12,
                      {{"ascend", cov(Missing)}, {"cambricon", cov(Unknown)}, {"enflame", cov(Unknown)},
                       {"dcu", cov(Native, "__activemask")}}));
  f.push_back(finding("warp-size-32", SymbolKind::Hazard, "device", "src/app.cu", 14, 19, 12, {}, "run",
                      "assumes 32-lane warps; Ascend and DCU differ"));
  ReportFinding freeCall = finding("cudaFree", SymbolKind::Function, "cudart", "src/app.cu", 15, 3, 8,
                                   mappedEverywhere("aclrtFree", "cnrtFree", "topsFree", "hipFree"));
  freeCall.suppressed = true;
  f.push_back(freeCall);
  f.push_back(finding("twice", SymbolKind::DeviceFunction, "user", "src/common.cuh", 2, 26, 5, {}, "twice", "lines=3"));
  f.push_back(finding("ext_kernel", SymbolKind::KernelLaunch, "user", "src/ext.cpp", 5, 16, 10, {}, "launch"));
  f.push_back(finding("my_ops::scale", SymbolKind::RegisteredOp, "user", "src/ext.cpp", 3, 3, 5, {}, "TORCH_LIBRARY",
                      "schema=scale(Tensor x) -> Tensor"));
  f.back().finding.location.macroChain = {"TORCH_LIBRARY"};
  auto onnx = [&](std::string op, std::string node, std::map<PlatformId, Coverage> c) {
    ReportFinding rf = finding(std::move(op), SymbolKind::OnnxOp, "onnx", "models/net.onnx", 0, 0, 0, std::move(c),
                               std::move(node));
    rf.finding.evidence = Evidence::Graph;
    f.push_back(rf);
  };
  std::map<PlatformId, Coverage> conv{{"ascend", cov(Native)}, {"cambricon", cov(Native)}, {"enflame", cov(Native)},
                                      {"dcu", cov(Native)}};
  std::map<PlatformId, Coverage> layerNorm{{"ascend", cov(Missing)}, {"cambricon", cov(Native)},
                                           {"enflame", cov(Partial, "", "fp32 only")}, {"dcu", cov(Native)}};
  std::map<PlatformId, Coverage> custom{{"ascend", cov(Unknown)}, {"cambricon", cov(Unknown)},
                                        {"enflame", cov(Unknown)}, {"dcu", cov(Unknown)}};
  onnx("onnx::Conv", "/backbone/conv1", conv);
  onnx("onnx::Conv", "/backbone/conv2", conv);
  onnx("onnx::Conv", "/head/conv", conv);
  onnx("onnx::LayerNormalization", "/encoder/ln1", layerNorm);
  onnx("onnx::LayerNormalization", "/encoder/ln2", layerNorm);
  onnx("com.example::FusedAttention", "/encoder/attn", custom);

  r.inputs = {{"src/app.cu", "cuda", InputStatus::Semantic, ""},
              {"src/common.cuh", "cuda", InputStatus::Semantic, "scanned through src/app.cu"},
              {"src/ext.cpp", "c++", InputStatus::Lexical, "torch/extension.h not found: lexical scan"},
              {"src/broken.cu", "cuda", InputStatus::Error, "cannot read: permission denied"},
              {"models/net.onnx", "onnx", InputStatus::Graph, ""}};
  Suggestion s;
  s.platform = "dcu";
  s.file = "src/app.cu";
  s.offset = fx.files["src/app.cu"].find("cudaMalloc(&d");
  s.length = 10;
  s.replacement = "hipMalloc";
  s.reason = "cudaMalloc is hipMalloc on DTK";
  r.suggestions.push_back(s);
  ModelReport model;
  model.file = "models/net.onnx";
  model.nodes = 6;
  model.parameters = 25.6e6;
  model.precision = "FP32";
  model.allowance = "20% of the weights (the rule of thumb)";
  model.partitions["ascend"] = GraphPartition{6, 4, 2, 1, 3};
  model.sizing.push_back(SizingRow{"ascend-910b-64g", "Huawei Ascend 910B (64 GB)", "ascend", "FP32", "FP32", "", true,
                                   123e6, 1, 1, 1, 1});
  model.sizing.push_back(SizingRow{"nvidia-h200", "NVIDIA H200", "reference", "FP8", "FP8", "", true, 31e6, 1, 1, 1, 1});
  r.models.push_back(model);
  r.gate.push_back({"fail-under ascend=80.0%", true, "ascend covers 57.1% of API symbols"});
  r.gate.push_back({"fail-on hazard", false, "no hazards outside the baseline"});
  r.finalize();
  return fx;
}

std::string hostilePayload(const std::string& field) {
  std::string push = "__pwned.push('" + field + "')";
  return "</script><img src=x onerror=\"" + push + "\"><svg onload=" + push + "><script>" + push +
         "</script>\"'><iframe srcdoc=\"<script>parent." + push + "</script>\"></iframe></style></textarea>"
         "<!-- --> ]]> ${" + push + "} '-" + push + "-' @@SCRIPT@@ @@DATA@@ \xE2\x80\xA8\xE2\x80\xA9 "
         "https://evil.example/" + field + ".js //evil.example/x.css \x01\xff " + field;
}

std::vector<std::string> hostileFields() {
  return {"x_root",         "x_toolVersion",   "x_opdbVersion",   "x_platformName", "x_platformStack",
          "x_platformId",   "x_inputPath",     "x_inputLanguage", "x_inputMessage", "x_symbolName",
          "x_symbolLibrary", "x_file",         "x_macroChain",    "x_context",      "x_detail",
          "x_target",       "x_note",          "x_source",        "x_layer",        "x_suggestionFile",
          "x_replacement",  "x_reason",        "x_gateName",      "x_gateMessage",  "x_sourceLine",
          "x_kernelName",   "x_hazardName",    "x_onnxOp",        "x_onnxNode",     "x_modelFile",
          "x_allowance",    "x_cardName",      "x_conversion"};
}

FixtureReport hostileReport() {
  auto P = hostilePayload;
  FixtureReport fx;
  Report& r = fx.report;
  r.root = P("x_root");
  r.toolVersion = P("x_toolVersion");
  r.opdbVersion = P("x_opdbVersion");
  r.targets = {{"ascend", P("x_platformName"), P("x_platformStack")}};
  const std::string file = "src/" + P("x_file") + ".cu";
  const std::string suggestionFile = "src/" + P("x_suggestionFile") + ".cu";
  fx.files[file] = "int main() {\n  cudaMalloc(0, 0); // " + P("x_sourceLine") + "\n}\n";
  fx.files[suggestionFile] = "void f() { cudaFree(0); }\n";
  r.inputs = {{file, P("x_inputLanguage"), InputStatus::Lexical, P("x_inputMessage")},
              {"inputs/" + P("x_inputPath"), "cuda", InputStatus::Error, "unreadable"}};

  Coverage c;
  c.status = CoverageStatus::Missing;
  c.target = P("x_target");
  c.note = P("x_note");
  c.source = P("x_source");
  c.layer = P("x_layer");
  c.confidence = Confidence::Inferred;
  Coverage other = c;
  other.status = CoverageStatus::Mapped;

  ReportFinding api;
  api.finding.symbol = {P("x_symbolName"), SymbolKind::Function, P("x_symbolLibrary")};
  api.finding.location = at(file, 2, 3, 10);
  api.finding.location.macroChain = {P("x_macroChain")};
  api.finding.context = P("x_context");
  api.finding.detail = P("x_detail");
  api.coverage = {{"ascend", c}, {P("x_platformId"), other}};
  r.findings.push_back(api);

  ReportFinding kernel;
  kernel.finding.symbol = {P("x_kernelName"), SymbolKind::Kernel, "user"};
  kernel.finding.location = at(file, 1, 1, 3);
  kernel.finding.detail = "lines=3";
  r.findings.push_back(kernel);
  ReportFinding launch = kernel;
  launch.finding.symbol.kind = SymbolKind::KernelLaunch;
  launch.finding.location = at(file, 2, 1, 3);
  r.findings.push_back(launch);

  ReportFinding hazard;
  hazard.finding.symbol = {P("x_hazardName"), SymbolKind::Hazard, "device"};
  hazard.finding.location = at(file, 2, 3, 2);
  hazard.finding.detail = "warp size";
  r.findings.push_back(hazard);

  ReportFinding node;
  node.finding.symbol = {P("x_onnxOp"), SymbolKind::OnnxOp, "onnx"};
  node.finding.location = at("models/m.onnx", 0, 0, 0);
  node.finding.evidence = Evidence::Graph;
  node.finding.context = P("x_onnxNode");
  node.coverage = {{"ascend", c}};
  r.findings.push_back(node);

  ModelReport model;
  model.file = "models/" + P("x_modelFile") + ".onnx";
  model.nodes = 1;
  model.precision = "FP16";
  model.allowance = P("x_allowance");
  model.partitions["ascend"] = GraphPartition{1, 0, 0, 1, 0};
  model.sizing.push_back(SizingRow{"card", P("x_cardName"), "ascend", "FP8", "BF16", P("x_conversion"), true, 1e9, 1, 1, 1, 1});
  r.models.push_back(model);

  Suggestion s;
  s.platform = "ascend";
  s.file = suggestionFile;
  s.offset = 11;
  s.length = 8;
  s.replacement = P("x_replacement");
  s.reason = P("x_reason");
  r.suggestions.push_back(s);
  Suggestion unlocated = s;
  unlocated.file = file;
  unlocated.offset = 1u << 30;  // outside the file: shown without a diff
  r.suggestions.push_back(unlocated);
  r.gate.push_back({P("x_gateName"), true, P("x_gateMessage")});
  r.finalize();
  return fx;
}

FixtureReport largeReport(unsigned count) {
  FixtureReport fx;
  Report& r = fx.report;
  r.toolVersion = "0.1.0";
  r.opdbVersion = "2026.11.0";
  r.root = "/work/monorepo";
  r.targets = fourPlatforms();
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&](std::uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  };
  const unsigned symbols = 1500, perFile = 40;
  const unsigned fileCount = (count + perFile - 1) / perFile;
  std::vector<std::map<PlatformId, Coverage>> answers(symbols);
  for (unsigned s = 0; s < symbols; ++s)
    for (const Platform& p : r.targets) {
      CoverageStatus st = kAllStatuses[next(6)];
      answers[s][p.id] = cov(st, st == CoverageStatus::Mapped ? p.id + "_api_" + std::to_string(s) : "");
    }
  static constexpr SymbolKind kKinds[] = {SymbolKind::Function, SymbolKind::Function, SymbolKind::Type,
                                          SymbolKind::EnumValue, SymbolKind::Macro,   SymbolKind::Intrinsic};
  for (unsigned f = 0; f < fileCount; ++f) {
    std::string path = "module" + std::to_string(f / 50) + "/src/file" + std::to_string(f) + ".cu";
    r.inputs.push_back({path, "cuda", InputStatus::Semantic, ""});
    std::string text;
    for (unsigned line = 1; line <= perFile * 2 + 10; ++line)
      text += "  value_" + std::to_string(line) + " = compute(value_" + std::to_string(line - 1) + ", stream);\n";
    fx.files[path] = std::move(text);
  }
  for (unsigned i = 0; i < count; ++i) {
    unsigned f = i / perFile;
    std::string path = r.inputs[f].path;
    unsigned line = 2 * (i % perFile) + 1;
    unsigned roll = static_cast<unsigned>(next(100));
    if (roll < 3) {
      r.findings.push_back(finding("kernel_" + std::to_string(i), SymbolKind::Kernel, "user", path, line, 3, 8, {},
                                   "kernel_" + std::to_string(i), "lines=" + std::to_string(5 + next(60))));
    } else if (roll < 6) {
      r.findings.push_back(finding("kernel_" + std::to_string(i - 1), SymbolKind::KernelLaunch, "user", path, line, 3,
                                   8, {}, "launcher"));
    } else if (roll < 7) {
      r.findings.push_back(finding("warp-size-32", SymbolKind::Hazard, "device", path, line, 3, 8, {}, "reduce",
                                   "assumes 32-lane warps"));
    } else {
      unsigned s = static_cast<unsigned>(next(symbols));
      r.findings.push_back(finding("cudaApi" + std::to_string(s), kKinds[s % 6], s % 3 ? "cudart" : "cublas", path,
                                   line, 3, 8, answers[s], "function_" + std::to_string(i % 97)));
    }
  }
  r.finalize();
  return fx;
}

}  // namespace opscope::testing
