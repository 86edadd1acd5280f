#include "core/Enums.h"

#include <array>
#include <utility>

namespace opscope {
namespace {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<CoverageStatus, 6> kStatusNames{{
    {CoverageStatus::Native, "native"},
    {CoverageStatus::Mapped, "mapped"},
    {CoverageStatus::Partial, "partial"},
    {CoverageStatus::Emulated, "emulated"},
    {CoverageStatus::Missing, "missing"},
    {CoverageStatus::Unknown, "unknown"},
}};

constexpr NameTable<Confidence, 4> kConfidenceNames{{
    {Confidence::Official, "official"},
    {Confidence::Derived, "derived"},
    {Confidence::ThirdParty, "third-party"},
    {Confidence::Inferred, "inferred"},
}};

constexpr NameTable<Evidence, 3> kEvidenceNames{{
    {Evidence::Semantic, "semantic"},
    {Evidence::Lexical, "lexical"},
    {Evidence::Graph, "graph"},
}};

constexpr NameTable<SymbolKind, 16> kKindNames{{
    {SymbolKind::Function, "function"},
    {SymbolKind::Type, "type"},
    {SymbolKind::EnumValue, "enum_value"},
    {SymbolKind::Macro, "macro"},
    {SymbolKind::Kernel, "kernel"},
    {SymbolKind::KernelLaunch, "kernel_launch"},
    {SymbolKind::DeviceFunction, "device_function"},
    {SymbolKind::Intrinsic, "intrinsic"},
    {SymbolKind::RegisteredOp, "registered_op"},
    {SymbolKind::AtenOp, "aten_op"},
    {SymbolKind::TorchApi, "torch_api"},
    {SymbolKind::OnnxOp, "onnx_op"},
    {SymbolKind::Hazard, "hazard"},
    {SymbolKind::BuildSetting, "build_setting"},
    {SymbolKind::Header, "header"},
    {SymbolKind::Field, "field"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace

std::string_view toString(CoverageStatus s) { return nameOf(kStatusNames, s); }
std::string_view toString(Confidence c) { return nameOf(kConfidenceNames, c); }
std::string_view toString(Evidence e) { return nameOf(kEvidenceNames, e); }
std::string_view toString(SymbolKind k) { return nameOf(kKindNames, k); }

std::optional<CoverageStatus> parseCoverageStatus(std::string_view s) { return valueOf(kStatusNames, s); }
std::optional<Confidence> parseConfidence(std::string_view s) { return valueOf(kConfidenceNames, s); }
std::optional<Evidence> parseEvidence(std::string_view s) { return valueOf(kEvidenceNames, s); }
std::optional<SymbolKind> parseSymbolKind(std::string_view s) { return valueOf(kKindNames, s); }

}  // namespace opscope
