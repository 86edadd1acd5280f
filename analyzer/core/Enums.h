// Enumerations of the opscope model, with their stable text names.
// The text names are part of the JSON report and opdb contracts: never rename one.
#pragma once

#include <optional>
#include <string_view>

namespace opscope {

/// How well a platform covers one source-side symbol (see opdb/README.md).
enum class CoverageStatus { Native, Mapped, Partial, Emulated, Missing, Unknown };

/// Who vouches for a coverage answer.
enum class Confidence { Official, Derived, ThirdParty, Inferred };

/// How a finding was established: from a resolved AST, from tokens only, or from a model graph.
enum class Evidence { Semantic, Lexical, Graph };

/// What kind of thing a symbol is.
enum class SymbolKind {
  Function,
  Type,
  EnumValue,
  Macro,
  Kernel,
  KernelLaunch,
  DeviceFunction,
  Intrinsic,
  RegisteredOp,
  AtenOp,
  TorchApi,
  OnnxOp,
  Hazard,
  BuildSetting,  // a CUDA-only setting in a build file (setup.py, CMake, make, nvcc scripts)
  Header,  // an #include of a CUDA or CUDA-library header, named as written (cuda_runtime.h)
  Field,   // a data member of a CUDA runtime struct, as Struct::member (cudaDeviceProp::unifiedAddressing)
};

std::string_view toString(CoverageStatus s);
std::string_view toString(Confidence c);
std::string_view toString(Evidence e);
std::string_view toString(SymbolKind k);

std::optional<CoverageStatus> parseCoverageStatus(std::string_view s);
std::optional<Confidence> parseConfidence(std::string_view s);
std::optional<Evidence> parseEvidence(std::string_view s);
std::optional<SymbolKind> parseSymbolKind(std::string_view s);

/// All statuses, in report order (best first).
inline constexpr CoverageStatus kAllStatuses[] = {
    CoverageStatus::Native,  CoverageStatus::Mapped,  CoverageStatus::Partial,
    CoverageStatus::Emulated, CoverageStatus::Missing, CoverageStatus::Unknown};

/// True when code using the symbol can run on the platform in some form.
constexpr bool isCovered(CoverageStatus s) {
  return s == CoverageStatus::Native || s == CoverageStatus::Mapped ||
         s == CoverageStatus::Partial || s == CoverageStatus::Emulated;
}

/// True for kinds that are the user's own code (kernels, launches, registered ops, build files): they are
/// inventory, not platform APIs, so they are not looked up in the opdb.
constexpr bool isInventoryKind(SymbolKind k) {
  return k == SymbolKind::Kernel || k == SymbolKind::KernelLaunch ||
         k == SymbolKind::DeviceFunction || k == SymbolKind::RegisteredOp ||
         k == SymbolKind::Hazard || k == SymbolKind::BuildSetting;
}

}  // namespace opscope
