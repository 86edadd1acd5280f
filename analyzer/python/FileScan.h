// Scanning one parsed file: the findings, and the places where each name or string is spelled,
// which the rules turn into exact edits. Internal to analyzer/python.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/Model.h"
#include "core/SymbolCatalog.h"
#include "python/Names.h"
#include "python/PythonFrontend.h"
#include "python/Rules.h"

namespace opscope::python {

using Span = std::pair<uint32_t, uint32_t>;  // [begin, end) byte offsets

/// A use of a qualified name, as spelled: `T.cuda.synchronize` is qualified torch.cuda.synchronize
/// with `T` opaque (it stands for `torch`, bound elsewhere) and `cuda`, `synchronize` spelled here.
struct NameSite {
  std::vector<std::string> qualified;
  size_t opaque = 0;       // qualified[0, opaque) are not spelled at this site
  uint32_t headStart = 0;  // where the written name starts (the opaque head, if any)
  std::vector<Span> spans; // the spans of qualified[opaque, end)
  bool canReplaceHead = true;  // false for method receivers: an expression, not a name
  bool firstSegmentBound = false;  // `import a.b` binds `a`: an edit must keep the first segment
};

/// `from M import a, b as c`: the module's segments and each imported name.
struct ImportFromSite {
  std::vector<std::string> module;
  std::vector<Span> moduleSpans;
  struct Name {
    std::string name;
    Span span;
    bool aliased = false;
  };
  std::vector<Name> names;
};

/// A string literal that yielded a finding of `symbol`; `content` excludes prefix and quotes.
struct StringSite {
  std::string symbol;
  Span content;
};

/// A keyword argument's name in a call (`async` in `x.cuda(async=True)`), for keyword rules.
struct KeywordSite {
  std::string name;
  Span span;
};

/// An integer literal that PyTorch reads as a CUDA device ordinal (`.to(0)`, `device=1`).
/// `rewritable` when the argument also takes a device string, so `"npu:0"` can replace it
/// (not so in `device_ids=[0, 1]`, which wants ordinals on every platform).
struct DeviceIndexSite {
  Span literal;
  bool rewritable = false;
};

/// Where one of the frontend's hazard checks (hazardChecks()) fired: a finding whose symbol is
/// the check id, located at the construct, and its byte offset.
struct CheckSite {
  Finding at;
  uint32_t offset = 0;
};

/// Everything one file yields.
struct FileScan {
  std::vector<Finding> findings;
  std::vector<uint32_t> findingOffsets;  // byte offset of each finding, same order
  std::vector<NameSite> names;
  std::vector<ImportFromSite> importFroms;
  std::vector<StringSite> strings;
  std::vector<DeviceIndexSite> deviceIndices;
  std::vector<KeywordSite> keywords;
  std::vector<CheckSite> checkSites;
  std::vector<ExtensionSource> extensionSources;
  std::vector<InlineSource> inlineSources;
  std::vector<std::string> importedModules;  // every absolute module an import statement names
  bool entryScript = false;                  // has `if __name__ == "__main__":`
  bool importsTorch = false;
  uint32_t afterTorchImport = UINT32_MAX;    // start of the line after the first module-level torch import
  uint32_t top = 0;                          // start of the line after docstring and __future__ imports
  std::string newline = "\n";
};

FileScan scanFile(const FileModel& model, const SymbolCatalog& catalog, const std::string& path);

// Tree helpers the walk shares with the extension-source collection (ExtensionSources.cpp).

/// A string literal's text between its quotes, interpolations read as "{}"; "" for bytes.
/// `span`, if given, receives the content's byte range.
std::string stringLiteralContent(const ParsedFile& file, TSNode literal, Span* span = nullptr);

/// The binding of `name` seen from `scope` when the nearest scope that binds it binds it exactly
/// once; nullptr otherwise.
const Binding* singleAssignment(const FileModel& model, const std::string& name, int scope);

/// `s` cut at every `sep`; empty pieces are kept.
std::vector<std::string> splitOn(const std::string& s, char sep);

/// A hazard rule raised at one place of a file: at a check site or at a finding of its symbols.
struct HazardHit {
  const HazardRule* rule = nullptr;
  const Finding* at = nullptr;  // the check site's or the symbol finding's location
  uint32_t offset = 0;
};

/// The hazard rules of `rules` raised in one scanned file, once per rule and line, in file order.
std::vector<HazardHit> hazardHits(const FileScan& scan, const RuleSet& rules);

/// Whether a rule tagged with `strategy` ("explicit", "runtime"; untagged is explicit) applies
/// in a run of `s`.
bool strategyApplies(const std::string& strategy, PortStrategy s);

/// The edits `rules` make of one scanned file, with their reasons.
std::vector<Suggestion> suggest(const FileScan& scan, const std::string& text, const std::string& path,
                                const RuleSet& rules, PortStrategy strategy = PortStrategy::Explicit);

}  // namespace opscope::python
