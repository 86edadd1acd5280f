#include "onnx/Sizing.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

#include "onnx/DataTypes.h"

namespace opscope::onnx {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// "64", "1610.4": decimal GB with at most one decimal.
std::string gb(double bytes) {
  char buf[64];
  double v = bytes / 1e9;
  if (std::fabs(v - std::round(v)) < 0.05)
    std::snprintf(buf, sizeof buf, "%.0f GB", std::round(v));
  else
    std::snprintf(buf, sizeof buf, "%.1f GB", v);
  return buf;
}

std::string gbRange(const Range& r) {
  if (r.exact()) return gb(r.low * 1e9);
  return gb(r.low * 1e9).substr(0, gb(r.low * 1e9).size() - 3) + "-" + gb(r.high * 1e9);
}

std::string count(double n) {
  char buf[64];
  if (n >= 1e9)
    std::snprintf(buf, sizeof buf, "%.4ge9", n / 1e9);
  else if (n >= 1e6)
    std::snprintf(buf, sizeof buf, "%.4ge6", n / 1e6);
  else
    std::snprintf(buf, sizeof buf, "%.4g", n);
  return buf;
}

/// The largest card count reported; beyond it the figure means "absurdly many" and saturates.
constexpr double kMaxCards = 1e15;

std::uint64_t cardsFor(double total, double perCardGB) {
  if (perCardGB <= 0) return 0;
  double cards = total / (perCardGB * 1e9);
  // A plan that fits exactly needs no extra card despite rounding noise.
  cards = std::max(1.0, std::ceil(cards - 1e-9));
  return static_cast<std::uint64_t>(std::min(cards, kMaxCards));
}

std::uint64_t ceilDiv(std::uint64_t a, std::uint64_t b) { return b == 0 ? 0 : (a + b - 1) / b; }

Precision nativeOf(std::int32_t type, bool integerCompute) {
  if (type == dtype::kFloat16) return Precision::Fp16;
  if (type == dtype::kBfloat16) return Precision::Bf16;
  if (isFloat8Type(type)) return Precision::Fp8;
  if (type == dtype::kInt8 || type == dtype::kUint8) return integerCompute ? Precision::W8A8 : Precision::W8A16;
  if (type == dtype::kInt4 || type == dtype::kUint4) return Precision::W4A16;
  return Precision::Fp32;
}

/// The activation width a precision computes at, for the KV cache.
int activationBits(Precision p, int declared) {
  if (p == Precision::Fp32) return declared;
  return std::min(declared, 16);
}

enum class Support { Yes, No, Unknown };

Support dtypeState(const Accelerator& acc, const char* dtype) {
  if (acc.supports(dtype)) return Support::Yes;
  return acc.undocumentedSupport(dtype) ? Support::Unknown : Support::No;
}

/// The 16-bit precision weights are converted to: BF16 unless a source says the card lacks it,
/// then FP16, then FP32.
Precision sixteenBit(const Accelerator& acc) {
  if (dtypeState(acc, "bf16") != Support::No) return Precision::Bf16;
  if (dtypeState(acc, "fp16") != Support::No) return Precision::Fp16;
  return Precision::Fp32;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// "X has no FP8" when a source says so; "no source in the opdb says whether X computes in FP8
/// (assumed not)" when none does.
std::string lacks(const Accelerator& acc, const std::string& name, const char* dtype, std::string_view label) {
  if (acc.undocumentedSupport(dtype))
    return "no source in the opdb says whether " + name + " computes in " + std::string(label) + " (assumed not)";
  return name + " has no " + std::string(label);
}

std::string assumed(const std::string& name, const char* dtype) {
  return "no source in the opdb says whether " + name + " computes in " + upper(dtype) + "; sized as if it does";
}

}  // namespace

bool Accelerator::supports(std::string_view dtype) const {
  std::string want = lower(dtype);
  return std::any_of(dtypes.begin(), dtypes.end(), [&](const std::string& d) { return lower(d) == want; });
}

bool Accelerator::undocumentedSupport(std::string_view dtype) const {
  std::string want = lower(dtype);
  return std::any_of(undocumented.begin(), undocumented.end(), [&](const std::string& d) { return lower(d) == want; });
}

std::string_view toString(Precision p) {
  switch (p) {
    case Precision::Fp32: return "FP32";
    case Precision::Fp16: return "FP16";
    case Precision::Bf16: return "BF16";
    case Precision::Fp8: return "FP8";
    case Precision::W8A8: return "W8A8";
    case Precision::W8A16: return "W8A16";
    case Precision::W4A16: return "W4A16";
  }
  return "?";
}

std::optional<Precision> parsePrecision(std::string_view s) {
  std::string v = lower(s);
  if (v == "fp32" || v == "float32" || v == "float") return Precision::Fp32;
  if (v == "fp16" || v == "float16" || v == "half") return Precision::Fp16;
  if (v == "bf16" || v == "bfloat16") return Precision::Bf16;
  if (v == "fp8" || v == "float8" || v == "fp8e4m3" || v == "fp8e4m3fn" || v == "fp8e5m2") return Precision::Fp8;
  if (v == "w8a8" || v == "int8") return Precision::W8A8;
  if (v == "w8a16") return Precision::W8A16;
  if (v == "w4a16" || v == "int4") return Precision::W4A16;
  return std::nullopt;
}

double bytesPerParameter(Precision p) {
  switch (p) {
    case Precision::Fp32: return 4;
    case Precision::Fp16:
    case Precision::Bf16: return 2;
    case Precision::Fp8:
    case Precision::W8A8:
    case Precision::W8A16: return 1;
    case Precision::W4A16: return 0.5;
  }
  return 4;
}

std::string formatCount(double n) { return count(n); }

std::string formatBytes(double bytes) {
  static const char* units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
  int u = 0;
  while (bytes >= 1000 && u < 5) {
    bytes /= 1000;
    ++u;
  }
  char buf[32];
  if (u == 0)
    std::snprintf(buf, sizeof buf, "%.0f B", bytes);
  else
    std::snprintf(buf, sizeof buf, "%.3g %s", bytes, units[u]);
  return buf;
}

WeightProfile profileFromModel(const ModelInfo& model, const ModelSummary& summary) {
  bool integerCompute = false;
  for (const NodeInfo& n : model.nodes)
    if (n.opType == "MatMulInteger" || n.opType == "ConvInteger" || n.opType == "QLinearMatMul" ||
        n.opType == "QLinearConv")
      integerCompute = true;
  std::map<std::int32_t, double> bytesByType;
  for (const TensorInfo& t : model.tensors)
    if (isParameter(t)) bytesByType[t.dataType] += static_cast<double>(t.bytes);
  std::int32_t dominant = dtype::kFloat;
  double most = -1;
  for (const auto& [type, bytes] : bytesByType)
    if (bytes > most) {
      most = bytes;
      dominant = type;
    }
  WeightProfile w;
  w.native = nativeOf(dominant, integerCompute);
  bool quantized = w.native == Precision::W8A8 || w.native == Precision::W8A16 || w.native == Precision::W4A16;
  for (const TensorInfo& t : model.tensors) {
    if (!isParameter(t)) continue;
    bool scales = quantized ? t.dataType == dominant : isFloatingType(t.dataType);
    if (scales)
      w.parameters += static_cast<double>(t.elements);
    else
      w.fixedBytes += static_cast<double>(t.bytes);
  }
  w.origin = model.path + ": " + count(static_cast<double>(summary.parameterCount)) + " parameters, " +
             formatBytes(static_cast<double>(summary.parameterBytes)) + " of weights, mostly " +
             dataTypeName(dominant) + " (" +
             (isFloatingType(dominant) || quantized ? std::string(toString(w.native))
                                                    : "no floating-point weights; FP32 assumed") +
             ")";
  return w;
}

Allowance allowanceFromModel(const ModelInfo& model, double ratio, std::int64_t batch, std::int64_t sequence) {
  Allowance a;
  a.ratio = ratio;
  char pct[32];
  std::snprintf(pct, sizeof pct, "%g%%", ratio * 100);
  a.explanation = std::string(pct) + " of the weights for KV cache and activations, the usual rule of thumb";
  if (model.graphs.empty()) return a;
  double elements = 0;
  unsigned inputs = 0;
  int bits = 0;
  std::string example;
  for (const ValueInfo& v : model.graphs[0].inputs) {
    std::string name = lower(v.name);
    if (name.find("past") == std::string::npos || v.typeKind != "tensor" || !v.hasShape) continue;
    double e = 1;
    std::string shape;
    for (const Dim& d : v.shape) {
      std::string p = lower(d.param);
      double x = 0;
      std::string text;
      if (d.value && *d.value > 0)
        x = static_cast<double>(*d.value), text = std::to_string(*d.value);
      else if (p.find("batch") != std::string::npos)
        x = static_cast<double>(batch), text = d.param + "=" + std::to_string(batch);
      else if (p.find("seq") != std::string::npos || p.find("len") != std::string::npos ||
               p.find("past") != std::string::npos || p.find("total") != std::string::npos)
        x = static_cast<double>(sequence), text = d.param + "=" + std::to_string(sequence);
      else {
        a.explanation += "; the graph's past input '" + v.name + "' has a dimension '" +
                         (d.param.empty() ? std::string("?") : d.param) +
                         "' that names neither batch nor sequence, so its KV cache is not derived";
        return a;
      }
      e *= x;
      shape += (shape.empty() ? "" : ", ") + text;
    }
    elements += e;
    ++inputs;
    if (!bits) bits = static_cast<int>(dataTypeBits(v.elemType));
    if (example.empty()) example = v.name + " [" + shape + "]";
  }
  if (inputs == 0) return a;
  a.kvElements = elements;
  a.kvDeclaredBits = bits ? bits : 16;
  a.explanation = "KV cache from the graph's " + std::to_string(inputs) + " past key/value inputs (e.g. " + example +
                  ") at batch " + std::to_string(batch) + " and sequence " + std::to_string(sequence) + ": " +
                  count(elements) + " elements; activations beyond the KV cache are not included";
  return a;
}

std::vector<Precision> defaultPrecisions(Precision native) {
  std::vector<Precision> out{native};
  for (Precision p : {Precision::Bf16, Precision::W8A8, Precision::W8A16})
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

std::vector<AcceleratorFit> fitDeployment(const WeightProfile& weights, const Allowance& allowance,
                                          const std::vector<Accelerator>& accelerators,
                                          const std::vector<Precision>& precisions) {
  std::vector<AcceleratorFit> out;
  for (const Accelerator& acc : accelerators) {
    AcceleratorFit fit;
    fit.accelerator = acc;
    auto state = [&](const char* d) { return dtypeState(acc, d); };
    const std::string name = acc.name.empty() ? acc.id : acc.name;
    for (Precision want : precisions) {
      Plan plan;
      plan.requested = want;
      plan.effective = want;
      // A dtype a source says the card lacks forces a conversion; one no source mentions is
      // assumed in the way that does not hide cost, and the plan says so.
      switch (want) {
        case Precision::Fp8:
          if (state("fp8") == Support::Yes) break;
          plan.effective = sixteenBit(acc);
          plan.conversion = lacks(acc, name, "fp8", "FP8") + ": FP8 weights are converted to " +
                            std::string(toString(plan.effective)) + " (" + count(bytesPerParameter(plan.effective)) +
                            " bytes per parameter instead of 1)";
          break;
        case Precision::Bf16:
        case Precision::Fp16: {
          const char* own = want == Precision::Bf16 ? "bf16" : "fp16";
          const char* other = want == Precision::Bf16 ? "fp16" : "bf16";
          if (state(own) == Support::Yes) break;
          if (state(own) == Support::Unknown) {
            plan.conversion = assumed(name, own);
            break;
          }
          plan.effective = state(other) != Support::No ? (want == Precision::Bf16 ? Precision::Fp16 : Precision::Bf16)
                                                       : Precision::Fp32;
          plan.conversion =
              lacks(acc, name, own, toString(want)) + ": " + std::string(toString(plan.effective)) + " is used instead";
          break;
        }
        case Precision::W8A8:
          if (state("int8") == Support::No) {
            plan.available = false;
            plan.conversion = name + " has no INT8 compute, which W8A8 needs";
          } else if (state("int8") == Support::Unknown) {
            plan.conversion = assumed(name, "int8") + " (W8A8 needs it)";
          }
          break;
        case Precision::W8A16:
        case Precision::W4A16:
          if (state("bf16") == Support::No && state("fp16") == Support::No) {
            plan.available = false;
            plan.conversion = name + " has neither BF16 nor FP16 for the activations of " + std::string(toString(want));
          } else if (state("bf16") == Support::Unknown && state("fp16") == Support::Unknown) {
            plan.conversion = assumed(name, "fp16") + " (for the activations)";
          }
          break;
        case Precision::Fp32: break;
      }
      if (!plan.available) {
        plan.explanation.push_back(plan.conversion);
        fit.plans.push_back(std::move(plan));
        continue;
      }
      double perParam = bytesPerParameter(plan.effective);
      plan.weightBytes = weights.parameters * perParam + weights.fixedBytes;
      std::string w = "weights: " + count(weights.parameters) + " parameters x " + count(perParam) + " byte" +
                      (perParam == 1 ? "" : "s") + " (" + std::string(toString(plan.effective)) + ")";
      if (weights.fixedBytes > 0) w += " + " + gb(weights.fixedBytes) + " of other tensors kept as they are";
      w += " = " + gb(plan.weightBytes);
      if (!plan.conversion.empty()) plan.explanation.push_back(plan.conversion);
      plan.explanation.push_back(w);
      if (allowance.kvElements) {
        int bits = activationBits(plan.effective, allowance.kvDeclaredBits);
        plan.allowanceBytes = *allowance.kvElements * bits / 8.0;
        plan.explanation.push_back("allowance: " + allowance.explanation + "; at " + std::to_string(bits) +
                                   " bits each = " + gb(plan.allowanceBytes));
      } else {
        plan.allowanceBytes = allowance.ratio * plan.weightBytes;
        plan.explanation.push_back("allowance: " + allowance.explanation + " = " + gb(plan.allowanceBytes));
      }
      plan.totalBytes = plan.weightBytes + plan.allowanceBytes;
      plan.explanation.push_back("total: " + gb(plan.weightBytes) + " + " + gb(plan.allowanceBytes) + " = " +
                                 gb(plan.totalBytes));
      if (!acc.memoryGB.known()) {
        plan.explanation.push_back("memory per card is unknown: no card count");
        fit.plans.push_back(std::move(plan));
        continue;
      }
      plan.cardsLow = cardsFor(plan.totalBytes, acc.memoryGB.high);
      plan.cardsHigh = cardsFor(plan.totalBytes, acc.memoryGB.low);
      plan.serversLow = ceilDiv(plan.cardsLow, acc.cardsPerServer);
      plan.serversHigh = ceilDiv(plan.cardsHigh, acc.cardsPerServer);
      if (acc.memoryGB.exact()) {
        plan.explanation.push_back("cards: ceil(" + gb(plan.totalBytes) + " / " + gb(acc.memoryGB.low * 1e9) +
                                   " per card) = " + std::to_string(plan.cardsLow));
      } else {
        plan.explanation.push_back("cards: ceil(" + gb(plan.totalBytes) + " / " + gbRange(acc.memoryGB) +
                                   " per card; the sources differ) = " + std::to_string(plan.cardsLow) + "-" +
                                   std::to_string(plan.cardsHigh));
      }
      std::string per = " / " + std::to_string(acc.cardsPerServer) + ")";
      std::string servers =
          plan.cardsLow == plan.cardsHigh
              ? "ceil(" + std::to_string(plan.cardsLow) + per + " = " + std::to_string(plan.serversLow)
              : "ceil(" + std::to_string(plan.cardsLow) + per + " to ceil(" + std::to_string(plan.cardsHigh) + per +
                    " = " + std::to_string(plan.serversLow) + "-" + std::to_string(plan.serversHigh);
      plan.explanation.push_back(std::to_string(acc.cardsPerServer) + "-card servers: " + servers +
                                 " (by memory alone; tensor-parallel groups usually take a power of two of cards)");
      fit.plans.push_back(std::move(plan));
    }
    out.push_back(std::move(fit));
  }
  return out;
}

}  // namespace opscope::onnx
