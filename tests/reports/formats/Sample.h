// A small but complete report shared by the format tests, with hostile strings in user fields.
#pragma once

#include "core/Model.h"

namespace opscope::reports::testing {

inline Report sampleReport() {
  Report r;
  r.toolVersion = "0.1.0";
  r.opdbVersion = "2026.11.0";
  r.root = "/work/project";
  r.targets = {Platform{"ascend", "Huawei Ascend", ""}, Platform{"dcu", "Hygon DCU", ""}};
  r.inputs = {InputFile{"src/a.cu", "cuda", InputStatus::Semantic, ""},
              InputFile{"src/b,\"odd\" name.cu", "cuda", InputStatus::Lexical, "b.cu:3:1: expected ';'"}};
  auto add = [&](std::string sym, SymbolKind kind, std::string file, unsigned line, unsigned col,
                 std::map<PlatformId, std::pair<CoverageStatus, std::string>> cov) {
    ReportFinding rf;
    rf.finding.symbol = Symbol{sym, kind, kind == SymbolKind::Kernel ? "user" : "cudart"};
    rf.finding.location = Location{file, line, col, line, col + static_cast<unsigned>(sym.size()), {}};
    for (auto& [p, c] : cov) {
      rf.coverage[p].status = c.first;
      rf.coverage[p].target = c.second;
      rf.coverage[p].layer = "builtin";
    }
    r.findings.push_back(std::move(rf));
  };
  add("cudaMalloc", SymbolKind::Function, "src/a.cu", 10, 3,
      {{"ascend", {CoverageStatus::Mapped, "aclrtMalloc"}}, {"dcu", {CoverageStatus::Mapped, "hipMalloc"}}});
  add("cudaGraphLaunch", SymbolKind::Function, "src/a.cu", 12, 5,
      {{"ascend", {CoverageStatus::Unknown, ""}}, {"dcu", {CoverageStatus::Mapped, "hipGraphLaunch"}}});
  add("cudaIpcGetMemHandle", SymbolKind::Function, "src/b,\"odd\" name.cu", 4, 1,
      {{"ascend", {CoverageStatus::Missing, ""}}, {"dcu", {CoverageStatus::Partial, "hipIpcGetMemHandle"}}});
  add("=cmd|' /C calc'!A0", SymbolKind::Function, "src/a.cu", 20, 1,
      {{"ascend", {CoverageStatus::Unknown, ""}}, {"dcu", {CoverageStatus::Unknown, "</script><b>x</b>"}}});
  add("saxpy", SymbolKind::Kernel, "src/a.cu", 30, 17, {});
  r.findings[0].finding.location.macroChain = {"CUDA_CHECK"};
  r.findings[0].finding.context = "run";
  r.findings[4].finding.detail = "lines=12";
  Suggestion s;
  s.platform = "dcu";
  s.file = "src/a.cu";
  s.offset = 200;
  s.length = 10;
  s.line = 10;
  s.column = 3;
  s.replacement = "hipMalloc";
  s.reason = "HIP's name for cudaMalloc";
  r.suggestions.push_back(s);
  ModelReport m;
  m.file = "models/decoder.onnx";
  m.nodes = 58;
  m.parameters = 6.74e9;
  m.precision = "FP16";
  m.allowance = "20% of the weights (the rule of thumb)";
  m.partitions["ascend"] = GraphPartition{54, 52, 2, 2, 4, 30, 1, 53, 1};  // 30 folded, 1 unknown
  m.partitions["dcu"] = GraphPartition{54, 54, 1, 0, 0};
  m.sizing.push_back(SizingRow{"ascend-910b-64g", "Huawei Ascend 910B <64 GB>", "ascend", "FP8", "BF16",
                               "no FP8 on this card: BF16, twice the bytes", true, 16.2e9, 1, 1, 1, 1});
  m.sizing.push_back(SizingRow{"nvidia-h20", "NVIDIA H20", "reference", "FP16", "FP16", "", true, 16.2e9, 1, 2, 1, 1});
  m.sizing.push_back(SizingRow{"ascend-310p", "Atlas 300I Duo", "ascend", "FP8", "FP8", "no FP8 or BF16", false, 0, 0, 0, 0, 0});
  r.models.push_back(m);
  r.gate = {GateCondition{"fail-under ascend=80.0%", true, "ascend coverage 33.3% is below 80.0%"},
            GateCondition{"fail-on missing", false, "no new symbol(s) a target platform lacks <&>"}};
  r.finalize();
  return r;
}

}  // namespace opscope::reports::testing
