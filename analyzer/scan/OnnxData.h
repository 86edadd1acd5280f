// Wiring between the opdb (analyzer/db) and the ONNX library (analyzer/onnx): the operator-version
// table, operator coverage and the hardware table seen through analyzer/onnx's interfaces, and
// the one analysis `opscope onnx`, `opscope fit` and the scan step share.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "db/Database.h"
#include "onnx/Coverage.h"
#include "onnx/Opset.h"
#include "onnx/Reader.h"
#include "onnx/Sizing.h"
#include "onnx/Summary.h"

namespace opscope::scan {

/// The opdb's ONNX operator-version table (kind: opsets, and the ONNX symbols' versions).
class DbOperatorVersions final : public onnx::OperatorVersions {
 public:
  explicit DbOperatorVersions(const db::Database& db) : db_(db) {}
  std::optional<int> sinceVersion(std::string_view domain, std::string_view opType, std::int64_t opset) const override;
  bool knowsDomain(std::string_view domain) const override;
  bool knowsOperator(std::string_view domain, std::string_view opType) const override;
  std::optional<std::int64_t> newestOpset(std::string_view domain) const override;

 private:
  const db::Database& db_;
};

/// The opdb's per-platform answers for ONNX operators, with their opset and dtype constraints.
class DbOperatorCoverage final : public onnx::OperatorCoverage {
 public:
  explicit DbOperatorCoverage(const db::Database& db) : db_(db) {}
  std::optional<onnx::OperatorAnswer> find(std::string_view platform, std::string_view domain,
                                           std::string_view opType) const override;

 private:
  const db::Database& db_;
};

/// The category of ONNX entries inferred from a platform's aten coverage for PyTorch-exported
/// models (opdb/importers/onnx_inferred_from_aten.py): no public ONNX operator list stands behind them.
inline constexpr std::string_view kInferredFromAten = "onnx-inferred-aten";

/// DbOperatorCoverage's answers with each entry's per-node rules (constraints.node) added; the
/// entries inferred from aten coverage answer only when `pytorchModel` (the model's producer is
/// PyTorch). Defined in OnnxCommand.cpp.
class RuleAwareCoverage final : public onnx::OperatorCoverage {
 public:
  RuleAwareCoverage(const db::Database& db, bool pytorchModel) : db_(db), plain_(db), pytorchModel_(pytorchModel) {}
  std::optional<onnx::OperatorAnswer> find(std::string_view platform, std::string_view domain,
                                           std::string_view opType) const override;

 private:
  const db::Database& db_;
  DbOperatorCoverage plain_;
  bool pytorchModel_;
};

/// Whether torch.onnx exported the model (producer_name "pytorch").
bool producedByPytorch(const onnx::ModelInfo& model);

/// Whether the opdb has ONNX operator entries for `platform` from a public operator list (the
/// entries inferred from aten coverage are not one).
bool hasOnnxList(const db::Database& db, const PlatformId& platform);

/// The accelerators of opdb/hardware.yaml, in the sizing library's terms.
std::vector<onnx::Accelerator> acceleratorsFromDb(const db::Database& db);

/// A model read, typed, resolved and summarised.
struct AnalyzedModel {
  onnx::ModelInfo model;
  onnx::ModelSummary summary;
  std::vector<onnx::ResolvedOp> ops;
  std::vector<std::string> notes;  // model-wide remarks (opset newer than the table, ...)
};

/// The sizing defaults `opscope fit` and the scan's model report share: the rule-of-thumb
/// allowance, and the batch and sequence a KV cache from past_key_values inputs is sized at.
inline constexpr double kDefaultAllowanceRatio = 0.2;
inline constexpr std::int64_t kDefaultBatch = 1, kDefaultSequence = 4096;

/// Reads and analyses one model file; a ReadError when it cannot be read.
std::variant<AnalyzedModel, onnx::ReadError> analyzeModel(const std::string& path, const db::Database& db,
                                                          const onnx::ReadOptions& options = {});

/// The external-data problems of a model, one line each ("FILE: byte N: ..."), for stderr.
std::vector<std::string> externalDataErrors(const onnx::ModelInfo& model);

/// "ONNX 1.13-1.14" for an IR version, from the opdb's release table; "" when unknown.
std::string releasesForIrVersion(const db::Database& db, std::int64_t irVersion);

}  // namespace opscope::scan
