// The opscope model: what frontends find, what the opdb answers, and what reports show.
// Plain data only: no Clang, ONNX or I/O types, so every frontend and renderer shares it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Enums.h"
#include "core/Plan.h"

namespace opscope {

/// A platform is a data key from opdb/platforms.yaml, never a code branch.
using PlatformId = std::string;

/// A target platform as described by the opdb.
struct Platform {
  PlatformId id;      // "ascend"
  std::string name;   // "Huawei Ascend"
  std::string stack;  // "CANN (ACL runtime, aclnn, HCCL), torch_npu"
};

/// A source-side name that code uses: a CUDA API, a kernel, an aten op, an ONNX operator.
struct Symbol {
  std::string name;     // "cudaMalloc", "aten::addmm.out", "onnx::LayerNormalization"
  SymbolKind kind = SymbolKind::Function;
  std::string library;  // "cudart", "cublas", "user" for the project's own kernels

  friend auto operator<=>(const Symbol&, const Symbol&) = default;
};

/// A position in a scanned file. Lines and columns are 1-based; end is inclusive of the last
/// character's column + 1 (half-open), as in SARIF regions.
struct Location {
  std::string file;  // relative to the scan root when the file is under it
  unsigned line = 0;
  unsigned column = 0;
  unsigned endLine = 0;
  unsigned endColumn = 0;
  /// For a name that reached the code through macros: the macro names, outermost first.
  std::vector<std::string> macroChain;

  friend auto operator<=>(const Location&, const Location&) = default;
};

/// One use of a symbol at one place.
struct Finding {
  Symbol symbol;
  Location location;
  Evidence evidence = Evidence::Semantic;
  std::string context;  // enclosing function or kernel, node path for ONNX
  std::string detail;   // kind-specific facts, e.g. "lines=24" for a kernel

  friend auto operator<=>(const Finding&, const Finding&) = default;
};

/// One platform's answer for one symbol, and where it came from.
struct Coverage {
  CoverageStatus status = CoverageStatus::Unknown;
  std::string target;  // the platform's equivalent, when there is one
  std::string note;
  std::string source;  // provenance: "<title> (<repository>@<commit> | <url>)"
  std::optional<Confidence> confidence;  // absent when no entry decided (plain unknown)
  std::string layer;  // what decided: the opdb layer ("builtin" or an overlay path), a rules file
                      // (hazard advice), "rewrite:ID" (a rewrite rule, per use); "" if none
};

/// How a per-use answer names the rewrite rule that decided it (layer "rewrite:ID").
inline constexpr std::string_view kRewriteRuleLayer = "rewrite:";
/// The rule id when `c` was decided by a rewrite rule (the rewrite makes the edit), else empty.
inline std::string_view rewriteRuleOf(const Coverage& c) {
  std::string_view l = c.layer;
  return l.starts_with(kRewriteRuleLayer) ? l.substr(kRewriteRuleLayer.size()) : std::string_view();
}

/// An exact edit that ports code to a platform, and why.
struct Suggestion {
  PlatformId platform;
  std::string file;
  std::uint64_t offset = 0;  // bytes from the start of the file
  std::uint64_t length = 0;
  unsigned line = 0, column = 0;  // where `offset` is, 1-based, so renderers can place the edit
  std::string replacement;
  std::string reason;
};

/// How one input was read. Timeout and Crashed: Clang's parse of a C/C++/CUDA unit ran past its
/// deadline or ended abnormally (a crash, the memory cap); its findings come from a lexical scan.
enum class InputStatus { Semantic, Lexical, Graph, Error, Timeout, Crashed };
std::string_view toString(InputStatus s);
std::optional<InputStatus> parseInputStatus(std::string_view s);

/// Why an input's findings come from the lexical scan (status Lexical): a header absent from the
/// machine (the user can install it), a gap of opscope's CUDA shims (opscope's to fix), an error in
/// the code as Clang reads it, or a parse that ran out of time. None for other inputs.
enum class LexicalReason { None, MissingHeader, ShimGap, CodeError, Timeout };
std::string_view toString(LexicalReason r);
std::optional<LexicalReason> parseLexicalReason(std::string_view s);

/// One scanned input file and what happened to it.
struct InputFile {
  std::string path;      // relative to the scan root
  std::string language;  // "cuda", "c++", "c", "python", "onnx"
  InputStatus status = InputStatus::Semantic;
  std::string message;   // what went wrong, if anything
  LexicalReason lexicalReason = LexicalReason::None;
  std::string missingHeader;  // MissingHeader: the header as the code includes it ("mpi.h")
  std::string package;        // MissingHeader: the Debian package providing it, "" if none is known
};

/// One line per reason and missing header over the lexical inputs, most inputs first:
/// "3 units: mpi.h missing (apt install libopenmpi-dev)", "2 units: opscope shim gap".
std::vector<std::string> lexicalReasonSummary(const std::vector<InputFile>& inputs);

/// A finding with every target platform's answer for its symbol.
struct ReportFinding {
  Finding finding;
  std::map<PlatformId, Coverage> coverage;  // empty for inventory kinds (user kernels)
  bool suppressed = false;  // an `opscope-ignore` comment covers it: reported, but no gate counts it
  /// Device code: the kernel or device function this finding is inside. It takes that kernel's
  /// verdict (Report::kernels): listed with its own counterpart, but not counted in the summaries
  /// or the gate. Empty for host code.
  std::string deviceCode;
};

/// One platform's verdict for one __global__ kernel: rewrite it in the platform's kernel
/// language (missing) or call an operator that computes the same thing (partial/mapped).
struct KernelVerdict {
  CoverageStatus status = CoverageStatus::Unknown;
  std::string target;  // the operator, or the kernel language to rewrite it in
  std::string effort;  // trivial | low | medium | high
  std::string reason;  // why this verdict: the recognised computation, the size and hazards
  std::string source;  // provenance of the platform answer, as Coverage::source
  std::optional<Confidence> confidence;
};

/// A __global__ kernel the scan found and how each platform ports it (db/KernelRollUp.h).
struct KernelReport {
  std::string name;
  Location location;  // the definition
  unsigned lines = 0;
  std::string computes;  // what it recognisably computes ("softmax"), "" when not recognised
  std::vector<std::string> hazards;  // hazard ids raised inside it, sorted, unique
  unsigned deviceCalls = 0;  // device-code findings inside it (intrinsics, math, types)
  std::map<PlatformId, KernelVerdict> verdicts;
};

/// Per-platform aggregate over the distinct symbols a scan found.
struct PlatformSummary {
  PlatformId platform;
  std::map<CoverageStatus, unsigned> symbolsByStatus;   // distinct symbols
  std::map<CoverageStatus, unsigned> findingsByStatus;  // occurrences
  unsigned symbols = 0;
  /// Share of distinct symbols the platform covers in some form (native, mapped, partial or
  /// emulated), over all distinct looked-up symbols, unknown ones included.
  double coveragePercent = 0;
};

/// One condition of the CI gate and its outcome (see core/Gate.h).
struct GateCondition {
  std::string name;     // "fail-under ascend=80.0%", "fail-on missing", "fail-on hazard:warp-size-32"
  bool failed = false;
  std::string message;  // what was measured, and the new gaps when it failed
};

/// How one ONNX model's main graph would split between one platform's accelerator and a
/// fallback device (estimated as analyzer/onnx/Coverage.h describes).
struct GraphPartition {
  std::uint64_t nodes = 0;             // main-graph nodes left after constant folding
  std::uint64_t acceleratorNodes = 0;  // of which on the accelerator (unknown operators fall back)
  unsigned acceleratorSegments = 0, fallbackSegments = 0;
  unsigned transitions = 0;  // data edges crossing between the two
  std::uint64_t foldedNodes = 0;   // main-graph nodes the converter folds (in no segment)
  std::uint64_t unknownNodes = 0;  // of `nodes`, those no source places
  // The optimistic end of the range: unknown operators run on the accelerator.
  std::uint64_t acceleratorNodesIfUnknownRun = 0;
  unsigned fallbackSegmentsIfUnknownRun = 0;
};

/// The fewest cards (and 8-card servers) of one accelerator that hold a model at one precision.
/// Low and high follow the spread of the memory figures the sources give.
struct SizingRow {
  std::string accelerator;  // hardware id in opdb/hardware.yaml
  std::string name;         // its display name
  PlatformId platform;      // "reference" for the NVIDIA reference cards
  std::string precision;    // as requested: fp16, bf16, fp8, w8a8, ...
  std::string effective;    // what the card runs it at
  std::string conversion;   // why `effective` differs from `precision`, if it does
  bool available = true;    // false: the card cannot run this precision at all
  double totalBytes = 0;    // weights at `effective` plus the allowance
  std::uint64_t cardsLow = 0, cardsHigh = 0, serversLow = 0, serversHigh = 0;
};

/// What the findings of one ONNX model cannot carry: graph-level partition and sizing.
struct ModelReport {
  std::string file;  // as in Report::inputs
  std::uint64_t nodes = 0;  // every node, subgraphs and function bodies included
  double parameters = 0;    // floating-point weights (those that scale with the precision)
  std::string precision;    // the model's own precision (that of most weight bytes)
  std::string allowance;    // how the KV-cache and activation allowance was reckoned
  std::map<PlatformId, GraphPartition> partitions;
  std::vector<SizingRow> sizing;
};

/// Everything a run produced; the only thing renderers see.
/// One op in use and the SDK version that decides it: the version that adds it (or removed it).
struct SdkNeed {
  std::string symbol;   // "aten::_chunk_cat"
  std::string version;  // "2.9"
};

/// One platform's minimum SDK for the ops a scan found (db::minimumSdk): the lowest level under
/// which every op in use whose opdb entry states a range for that SDK is supported.
struct MinimumSdk {
  PlatformId platform;
  std::string sdk;              // "torch_npu", as the opdb's ranges spell it
  std::string minimum;          // "2.9"; "" when no op in use states a range
  std::string oldest;           // the oldest level the opdb knows for the SDK ("2.1"); may be ""
  std::vector<SdkNeed> newer;   // ops that need a level above `oldest`, newest first
  std::vector<SdkNeed> removed; // ops gone at `minimum` already: the version that removed them
  unsigned dated = 0;           // distinct ops in use whose entry states a range for the SDK
  unsigned ops = 0;             // distinct ops in use looked up on the platform
};

struct Report {
  std::string toolVersion;
  std::string opdbVersion;
  std::string root;  // the scan root all paths are relative to
  std::vector<Platform> targets;
  std::vector<InputFile> inputs;
  std::vector<ReportFinding> findings;
  std::vector<Suggestion> suggestions;
  std::vector<ModelReport> models;  // one per ONNX model read
  std::vector<KernelReport> kernels;  // one per __global__ kernel definition, with its verdicts
  std::map<PlatformId, PlatformSummary> summaries;
  std::vector<GateCondition> gate;  // empty when no gate was asked for
  /// The effort weights (rules/effort.yaml or the user's); when set, finalize() makes `plans`.
  std::optional<EffortModel> effort;
  std::map<PlatformId, PortingPlan> plans;  // per target that has an effort profile
  /// Per target and SDK, the lowest level every dated op in use needs (db::minimumSdk).
  std::vector<MinimumSdk> minimumSdk;

  /// Sorts inputs, findings, suggestions and models into their canonical order and recomputes
  /// the summaries, and the porting plans when `effort` is set.
  void finalize();
};

/// Computes one platform's summary from report findings (inventory kinds and device code excluded)
/// and kernel verdicts (each kernel counts once, as a symbol and as a finding).
PlatformSummary summarize(const std::vector<ReportFinding>& findings, const PlatformId& platform,
                          const std::vector<KernelReport>& kernels = {});

}  // namespace opscope
