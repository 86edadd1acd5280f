// libFuzzer target for the streaming reader and everything that runs on what it returns: type
// inference, summary, opset resolution, coverage, sizing. Any crash, leak, sanitizer report or
// error offset past the end of the input is a bug.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <variant>

#include "onnx/Coverage.h"
#include "onnx/Opset.h"
#include "onnx/Reader.h"
#include "onnx/Sizing.h"
#include "onnx/Summary.h"
#include "onnx/Types.h"

namespace {
using namespace opscope::onnx;

/// Every operator native on one platform, with an opset range and a dtype constraint, so the
/// constraint paths run too.
class EverythingNative final : public OperatorCoverage {
 public:
  std::optional<OperatorAnswer> find(std::string_view platform, std::string_view domain,
                                     std::string_view opType) const override {
    if (opType.empty() || opType.front() < 'M') return std::nullopt;
    OperatorAnswer a;
    a.coverage.status = opscope::CoverageStatus::Native;
    a.opsetMin = 7;
    a.opsetMax = 18;
    if (opType.front() == 'S') a.dtypes = {"fp16", "fp32"};
    return a;
  }
};

const VersionTable& table() {
  static const VersionTable t = [] {
    VersionTable v;
    for (const char* op : {"Add", "If", "Loop", "Scan", "MatMul", "Relu", "Cast", "Constant", "Softmax"})
      for (int version : {1, 7, 13, 21}) v.add("", op, version);
    v.add("ai.onnx.ml", "LabelEncoder", 2);
    return v;
  }();
  return t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  ReadOptions options;
  options.fileSize = [](const std::string& path) -> std::optional<std::uint64_t> {
    if (path.size() % 2) return std::nullopt;
    return std::uint64_t{1} << 20;
  };
  ReadResult r = readModel(Bytes{data, size, 0}, "fuzz.onnx", "/fuzz", options);
  if (const ReadError* e = std::get_if<ReadError>(&r)) {
    if (e->offset > size || e->message.empty()) std::abort();
    return 0;
  }
  ModelInfo& model = std::get<ModelInfo>(r);
  inferTypes(model);
  ModelSummary summary = summarize(model);
  std::vector<std::string> notes;
  std::vector<ResolvedOp> ops = resolveOperators(model, table(), notes);
  PlatformCoverage coverage = evaluateCoverage(model, ops, EverythingNative(), "npu");
  if (coverage.nodes.size() != model.nodes.size() || summary.nodes != model.nodes.size()) std::abort();
  WeightProfile weights = profileFromModel(model, summary);
  Allowance allowance = allowanceFromModel(model, 0.2, 1, 128);
  Accelerator card;
  card.id = "card";
  card.memoryGB = Range{16, 32};
  card.dtypes = {"fp16", "int8"};
  fitDeployment(weights, allowance, {card}, defaultPrecisions(weights.native));
  return 0;
}
