// Resolving each node to (domain, op_type, since_version). The operator-version table comes
// from the opdb; this library sees it only through OperatorVersions, which the CLI implements
// over analyzer/db (and tests implement in memory with VersionTable).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onnx/ModelInfo.h"

namespace opscope::onnx {

/// The operator-version table: for each (domain, op_type), the opset versions in which the
/// operator's definition changed.
class OperatorVersions {
 public:
  virtual ~OperatorVersions() = default;
  /// The since_version in effect for `opType` of `domain` (canonical: "ai.onnx", "ai.onnx.ml",
  /// ...) when the model imports the domain at `opset`: the largest since_version <= opset.
  /// nullopt when the table has no version of the operator at or below `opset`.
  virtual std::optional<int> sinceVersion(std::string_view domain, std::string_view opType,
                                          std::int64_t opset) const = 0;
  /// True when the table describes the domain at all (a standard domain).
  virtual bool knowsDomain(std::string_view domain) const = 0;
  /// True when the table has some version of the operator in the domain.
  virtual bool knowsOperator(std::string_view domain, std::string_view opType) const = 0;
  /// The newest opset of the domain in the table, or nullopt when it does not know the domain.
  virtual std::optional<std::int64_t> newestOpset(std::string_view domain) const = 0;
};

/// An in-memory operator-version table.
class VersionTable final : public OperatorVersions {
 public:
  /// Adds one (domain, op_type, since_version) row; the domain is canonicalised.
  void add(std::string_view domain, std::string_view opType, int sinceVersion);
  /// Declares the newest opset of a domain (otherwise the largest since_version added).
  void setNewestOpset(std::string_view domain, std::int64_t opset);
  bool empty() const { return ops_.empty(); }

  std::optional<int> sinceVersion(std::string_view domain, std::string_view opType, std::int64_t opset) const override;
  bool knowsDomain(std::string_view domain) const override;
  bool knowsOperator(std::string_view domain, std::string_view opType) const override;
  std::optional<std::int64_t> newestOpset(std::string_view domain) const override;

 private:
  std::map<std::string, std::map<std::string, std::vector<int>, std::less<>>, std::less<>> ops_;
  std::map<std::string, std::int64_t, std::less<>> newest_;
};

/// The canonical name of a domain: "" and "ai.onnx" are both "ai.onnx".
std::string canonicalDomain(std::string_view domain);

/// How a node's operator was resolved.
enum class OpKind {
  Standard,       // a known operator of a standard domain; sinceVersion is set
  LocalFunction,  // a call of a function defined in the model
  Custom,         // a domain the table does not describe (com.microsoft, org.pytorch.aten, ...)
  UnknownOp,      // a standard domain, but the table has no such operator (or none this old)
  NoTable,        // the table is empty: since_version cannot be resolved
};

std::string_view toString(OpKind k);

/// One node's resolution.
struct ResolvedOp {
  std::string domain;  // canonical
  std::string opType;
  OpKind kind = OpKind::NoTable;
  std::optional<int> sinceVersion;
  /// The opset the node's scope imports for its domain (model or function opset_import); 0 when
  /// the scope does not import the domain.
  std::int64_t opset = 0;
  std::optional<std::uint32_t> function;  // for LocalFunction: index into ModelInfo::functions
};

/// Resolves every node of `model` (index-aligned with model.nodes). Problems that affect the
/// whole model (an opset newer than the table, a domain used but not imported) are appended to
/// `notes`, once each.
std::vector<ResolvedOp> resolveOperators(const ModelInfo& model, const OperatorVersions& table,
                                         std::vector<std::string>& notes);

/// "ai.onnx:Add" — the key of op histograms.
std::string histogramKey(std::string_view domain, std::string_view opType);

}  // namespace opscope::onnx
