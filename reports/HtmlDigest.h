// What the HTML report shows, aggregated once from the report model: distinct symbols with their
// per-platform answers, gaps, kernel inventory, ONNX facts, per-file counts,
// embedded source excerpts and suggested edits as line diffs. Plain data; no HTML here.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Model.h"

namespace opscope::reports::html {

/// Returns a scanned file's bytes by its report path (relative to Report::root), or nothing.
using SourceProvider = std::function<std::optional<std::string>(const std::string& relPath)>;

/// A platform column of the report: the targets, then any platform the findings name besides.
struct PlatformColumn {
  PlatformId id;
  std::string name;
  std::string stack;
};

/// One distinct symbol (name, kind, library, and one answer per platform column).
struct SymbolEntry {
  Symbol symbol;
  bool inventory = false;                       // the project's own code: not looked up
  std::vector<std::optional<Coverage>> coverage;  // per platform column; empty for inventory
  unsigned occurrences = 0;
  unsigned graphOccurrences = 0;  // occurrences established from an ONNX graph
  unsigned files = 0;             // distinct files it occurs in
  std::size_t firstFinding = 0;

  /// The status on column `p`; unknown when no answer was recorded.
  CoverageStatus status(std::size_t p) const;
};

/// A kernel or device function defined in the scanned code, or a launched kernel defined elsewhere.
struct KernelEntry {
  std::string name;
  SymbolKind kind = SymbolKind::Kernel;
  std::optional<std::size_t> definition;  // finding index; absent when defined outside the scan
  std::optional<unsigned> lines;          // from the finding's detail "lines=N"
  std::vector<std::size_t> launches;      // finding indices of launches of a kernel of this name
};

/// Per-file counts for the files table; index = file id.
struct FileEntry {
  std::string path;
  const InputFile* input = nullptr;  // absent for a file only findings or suggestions name
  unsigned findings = 0;
  unsigned hazards = 0;
  unsigned suggestions = 0;
  std::vector<unsigned> gaps;  // per platform column: findings missing or unknown there
};

/// A run of consecutive source lines embedded in the page.
struct SourceSegment {
  unsigned firstLine = 1;
  std::vector<std::string> lines;
};

/// What the page embeds of one file's text.
struct SourceText {
  bool provided = false;  // the provider returned the file
  bool complete = false;  // every line is embedded (else excerpts around findings and edits)
  std::vector<SourceSegment> segments;
};

/// A suggestion shown as a line diff when its offsets fall inside the provided file text.
struct SuggestionDiff {
  std::size_t suggestion = 0;  // index in Report::suggestions
  std::size_t file = 0;
  bool located = false;  // false: no text, or offsets outside it; shown as offset/length
  unsigned firstLine = 0;  // first line of `before`; when not located, Suggestion::line (0: unknown)
  std::vector<std::string> before, after;
};

/// Limits on embedded source text, so that a huge tree still yields a page a browser opens.
struct SourceBudget {
  std::size_t maxCompleteFileBytes = 1u << 20;  // larger files are embedded as excerpts
  std::size_t maxTotalBytes = 24u << 20;        // past this, excerpts only
  unsigned excerptContext = 3;                  // lines each side of a finding or edit
};

struct Digest {
  std::vector<PlatformColumn> platforms;
  std::vector<PlatformSummary> summaries;  // per column: Report::summaries, or computed
  std::vector<FileEntry> files;            // sorted by path
  std::vector<SymbolEntry> symbols;
  std::vector<std::size_t> findingSymbol;  // per finding: index into symbols
  std::vector<std::size_t> findingFile;    // per finding: index into files
  std::vector<std::size_t> matrix;         // looked-up symbols, most gaps first
  std::vector<std::size_t> gaps;           // symbols missing or unknown somewhere, most used first
  std::vector<std::size_t> hazards;        // finding indices
  std::vector<KernelEntry> kernels;        // definitions in finding order, then launch-only
  std::vector<std::size_t> registeredOps;  // finding indices
  std::vector<std::size_t> onnxOps;        // symbols seen in graphs, most frequent first
  std::vector<std::size_t> onnxUnsupported;  // graph findings missing or unknown somewhere
  std::vector<SourceText> sources;         // per file
  std::vector<SuggestionDiff> diffs;       // per suggestion, same order
  std::vector<std::size_t> suggestionFile;  // per suggestion: index into files

  std::optional<std::size_t> platformIndex(const PlatformId& id) const;
};

/// Aggregates `report`. `sources` may be empty (no source text is embedded then).
Digest digest(const Report& report, const SourceProvider& sources, const SourceBudget& budget = {});

/// The value N of a "lines=N" token in a kernel's detail text.
std::optional<unsigned> linesFromDetail(const std::string& detail);

}  // namespace opscope::reports::html
