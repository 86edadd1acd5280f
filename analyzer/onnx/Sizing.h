// Deployment sizing: how many cards (and 8-card servers) of each accelerator a model's weights
// plus an allowance for KV cache and activations need, at the model's precision and at converted
// precisions, with the spread of the hardware specs carried through. Every figure comes with the
// arithmetic that produced it. The accelerator specs come from opdb/hardware.yaml via the CLI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onnx/ModelInfo.h"
#include "onnx/Summary.h"

namespace opscope::onnx {

/// A value known to lie in [low, high]; low == high when the sources agree.
struct Range {
  double low = 0, high = 0;
  bool known() const { return high > 0; }
  bool exact() const { return low == high; }
};

/// One accelerator card as the hardware table describes it.
struct Accelerator {
  std::string id;        // "ascend-910b-64g"
  std::string name;      // "Huawei Ascend 910B (64 GB)"
  std::string platform;  // opdb platform id, or "" for reference (NVIDIA) cards
  Range memoryGB;        // device memory per card, decimal GB
  Range bandwidthGBs;    // memory bandwidth, GB/s
  unsigned cardsPerServer = 8;
  /// Compute dtypes the hardware supports natively: fp32, fp16, bf16, fp8, int8, int4.
  std::vector<std::string> dtypes;
  /// Dtypes whose support no source states (treated as absent, and said so).
  std::vector<std::string> undocumented;
  std::string note;    // where sources disagree, and anything else a reader should know
  std::string source;  // provenance of the figures
  bool supports(std::string_view dtype) const;
  bool undocumentedSupport(std::string_view dtype) const;
};

/// Precisions a deployment can use. WxAy: x-bit weights, y-bit activations.
enum class Precision { Fp32, Fp16, Bf16, Fp8, W8A8, W8A16, W4A16 };

std::string_view toString(Precision p);
std::optional<Precision> parsePrecision(std::string_view s);
/// Bytes one weight parameter takes at `p`.
double bytesPerParameter(Precision p);

/// What is being deployed: its weights.
struct WeightProfile {
  double parameters = 0;  // weights that change size with the precision (floating point)
  double fixedBytes = 0;  // other tensors (integer tables, ...), kept as they are
  Precision native = Precision::Fp32;
  std::string origin;  // one line: where these numbers come from
};

/// The profile of a model read from an ONNX file: floating-point parameters scale with the
/// precision; the native precision is that of the largest share of weight bytes.
WeightProfile profileFromModel(const ModelInfo& model, const ModelSummary& summary);

/// The allowance on top of the weights for KV cache and activations.
struct Allowance {
  /// Share of the (converted) weights reserved. The rule of thumb is 0.2.
  double ratio = 0.2;
  /// When set, the KV cache is derived from the graph instead: elements of all past key/value
  /// inputs at the stated batch and sequence length; the allowance is then those elements at the
  /// plan's activation width.
  std::optional<double> kvElements;
  int kvDeclaredBits = 16;  // element width the graph declares for its past inputs
  std::string explanation;  // the formula, in words, with the numbers used
};

/// The default allowance: `ratio` × weights, unless the graph has past_key_values inputs whose
/// dimensions resolve with `batch` and `sequence` (symbolic dims named *batch* and
/// *seq*/*len*/*past*); then the KV cache they imply.
Allowance allowanceFromModel(const ModelInfo& model, double ratio, std::int64_t batch, std::int64_t sequence);

/// One precision on one accelerator.
struct Plan {
  Precision requested = Precision::Fp32;
  Precision effective = Precision::Fp32;
  bool available = true;   // false: the hardware cannot run this precision at all
  std::string conversion;  // why `effective` differs from `requested`, if it does
  double weightBytes = 0, allowanceBytes = 0, totalBytes = 0;
  std::uint64_t cardsLow = 0, cardsHigh = 0;      // minimum cards, at the high and the low memory figure
  std::uint64_t serversLow = 0, serversHigh = 0;  // 8-card (cardsPerServer) servers
  std::vector<std::string> explanation;           // the arithmetic, one step a line
};

/// Every plan for one accelerator.
struct AcceleratorFit {
  Accelerator accelerator;
  std::vector<Plan> plans;
};

/// Sizes `weights` on every accelerator at every precision in `precisions`.
std::vector<AcceleratorFit> fitDeployment(const WeightProfile& weights, const Allowance& allowance,
                                          const std::vector<Accelerator>& accelerators,
                                          const std::vector<Precision>& precisions);

/// The precisions shown by default: the model's own, BF16, W8A8 and W8A16 (duplicates dropped).
std::vector<Precision> defaultPrecisions(Precision native);

/// "1.34 TB", "671 GB", "64 GB", "512 MB": decimal units, three significant digits.
std::string formatBytes(double bytes);

/// "671e9", "1.5e6", "4096": counts as people write them.
std::string formatCount(double n);

}  // namespace opscope::onnx
