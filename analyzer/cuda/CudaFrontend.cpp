// Orchestration: semantic pass per unit in parallel, then one merge that de-duplicates findings
// across units, adds lexical findings where Clang could not vouch for the code, raises the hazards
// symbols trigger, and lists the hazards inside each kernel.
#include "cuda/CudaFrontend.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "cuda/IncludeFindings.h"
#include "cuda/Passes.h"
#include "cuda/Shims.h"
#include "cuda/UnitScheduler.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

namespace opscope::cuda {

std::string languageOf(const std::string& path) {
  std::string ext = llvm::sys::path::extension(path).lower();
  if (ext == ".cu" || ext == ".cuh") return "cuda";
  if (ext == ".c") return "c";
  if (ext == ".cpp" || ext == ".cc" || ext == ".cxx" || ext == ".c++" || ext == ".h" || ext == ".hpp" ||
      ext == ".hh" || ext == ".hxx" || ext == ".inl" || ext == ".ipp")
    return "c++";
  return "";
}

namespace {

std::string relativeTo(const std::string& path, const std::string& root) {
  if (root.empty() || !isUnderRoot(path, root) || path.size() == root.size()) return path;
  size_t skip = root.size() + (root.back() == '/' ? 0 : 1);
  return path.substr(skip);
}

using FindingKey = std::tuple<std::string, unsigned, unsigned, std::string, SymbolKind>;
FindingKey keyOf(const Finding& f) {
  return {f.location.file, f.location.line, f.location.column, f.symbol.name, f.symbol.kind};
}

/// Several units can report the same place (a header they all include) with different context
/// (the function a macro was expanded in). Keeping the best evidence, then the least finding in
/// canonical order, rather
/// than the first unit's, makes the outcome independent of which units ran together, so a
/// sharded scan merges to exactly the unsharded one.
void keepFirstInOrder(std::map<FindingKey, Finding>& merged, Finding f) {
  auto [it, inserted] = merged.try_emplace(keyOf(f), f);
  if (!inserted && std::tie(f.evidence, f) < std::tie(it->second.evidence, it->second)) it->second = std::move(f);
}

bool matches(const std::string& pattern, const std::string& name) {
  if (!pattern.empty() && pattern.back() == '*') return name.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return pattern == name;
}

/// Whether a file defines device code: `__global__` or `__device__` outside comments is enough.
bool holdsDeviceCode(const std::string& path, llvm::vfs::FileSystem& fs) {
  auto buffer = fs.getBufferForFile(path);
  if (!buffer) return false;
  llvm::StringRef text = (*buffer)->getBuffer();
  for (llvm::StringRef word : {"__global__", "__device__"})
    for (size_t at = text.find(word); at != llvm::StringRef::npos; at = text.find(word, at + 1)) {
      size_t lineStart = text.rfind('\n', at);
      llvm::StringRef before = text.slice(lineStart == llvm::StringRef::npos ? 0 : lineStart + 1, at);
      if (!before.contains("//")) return true;
    }
  return false;
}

bool isHeaderFile(const std::string& f) {
  std::string ext = llvm::sys::path::extension(f).lower();
  return ext == ".h" || ext == ".hpp" || ext == ".hh" || ext == ".hxx" || ext == ".cuh" || ext == ".inl" || ext == ".ipp";
}

}  // namespace

TranslationUnit asLoneUnit(const TranslationUnit& unit, llvm::vfs::FileSystem& fs) {
  TranslationUnit out = unit;
  if (unit.args.empty() && unit.language.empty() && isHeaderFile(unit.file) && languageOf(unit.file) == "c++" &&
      holdsDeviceCode(unit.file, fs))
    out.language = "cuda";
  return out;
}

ScanResult scan(const std::vector<TranslationUnit>& units, const SymbolCatalog& catalog, const ScanOptions& options) {
  // Source files first; then each header no source file included, parsed on its own.
  std::vector<const TranslationUnit*> sources, headers;
  for (const TranslationUnit& u : units) (isHeaderFile(u.file) ? headers : sources).push_back(&u);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = baseFileSystem(options);
  UnitScheduler scheduler(catalog, options, *fs);
  std::vector<UnitResult> results = scheduler.run(sources);
  std::map<std::string, const UnitResult*> includedBy;  // header -> first unit that read it
  for (const UnitResult& r : results)
    for (const std::string& f : r.userFiles)
      if (f != r.input.path) includedBy.try_emplace(f, &r);
  std::vector<const TranslationUnit*> lone;
  ScanResult out;
  for (const TranslationUnit* h : headers) {
    auto it = includedBy.find(h->file);
    if (it == includedBy.end() && !options.headersNotAlone.count(h->file)) {
      lone.push_back(h);
      continue;
    }
    if (options.onUnitDone) options.onUnitDone();
    if (it != includedBy.end()) {
      // A header is as trustworthy as the unit it was parsed in.
      const UnitResult& via = *it->second;
      std::string msg = "scanned through " + relativeTo(via.input.path, options.root);
      if (via.hadErrors) msg += ", which did not parse cleanly; findings Clang could not resolve come from a lexical scan";
      InputFile in{relativeTo(h->file, options.root), languageOf(h->file),
                   via.hadErrors ? InputStatus::Lexical : InputStatus::Semantic, msg};
      if (via.hadErrors) {
        // The header's findings are as good as its unit's parse: the same reason applies.
        in.lexicalReason = via.input.lexicalReason;
        in.missingHeader = via.input.missingHeader;
        in.package = via.input.package;
      }
      out.inputs.push_back(std::move(in));
    }
  }
  std::vector<TranslationUnit> loneUnits;
  for (const TranslationUnit* h : lone) loneUnits.push_back(asLoneUnit(*h, *fs));
  lone.clear();
  for (const TranslationUnit& u : loneUnits) lone.push_back(&u);
  for (UnitResult& r : scheduler.run(lone)) results.push_back(std::move(r));
  out.parsed = std::move(scheduler.parsed);
  std::sort(out.parsed.begin(), out.parsed.end());
  out.fromCache = scheduler.fromCache;

  // Merge in unit order, so the outcome never depends on which thread finished first.
  std::map<FindingKey, Finding> merged;
  std::set<Position> resolved;
  FunctionSpans spans;
  std::map<std::string, std::optional<LineRanges>> lexicalWork;  // nullopt: the whole file
  for (UnitResult& r : results) {
    for (Finding& f : r.findings) keepFirstInOrder(merged, std::move(f));
    resolved.insert(r.resolved.begin(), r.resolved.end());
    spans.insert(r.spans.begin(), r.spans.end());
    for (const std::string& file : r.userFiles) {
      auto [it, inserted] = lexicalWork.try_emplace(file, LineRanges{});
      if (r.hadErrors) it->second = std::nullopt;
    }
    for (auto& [file, ranges] : r.unparsedLines) {
      auto& slot = lexicalWork.try_emplace(file, LineRanges{}).first->second;
      if (slot) slot->insert(slot->end(), ranges.begin(), ranges.end());
    }
    r.input.path = relativeTo(r.input.path, options.root);
    out.inputs.push_back(std::move(r.input));
  }

  // The names the project declares, wherever: what Clang saw, and what the files left to the
  // lexical pass declare themselves.
  std::set<std::string> projectNames;
  for (const UnitResult& r : results) projectNames.insert(r.userNames.begin(), r.userNames.end());
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> texts;
  for (const auto& [file, ranges] : lexicalWork) {
    if (ranges && ranges->empty()) continue;
    auto buffer = fs->getBufferForFile(file, /*FileSize=*/-1, /*RequiresNullTerminator=*/false);
    if (!buffer) continue;  // the semantic pass already reported an unreadable file
    // What a file declares where Clang did not look (ggml's NCCL_CHECK, #defined in an inactive
    // branch and used in others) is the project's too.
    std::set<std::string> own = declaredNames((*buffer)->getBuffer());
    projectNames.insert(own.begin(), own.end());
    texts.emplace(file, std::move(*buffer));
  }
  for (const auto& [file, ranges] : lexicalWork) {
    auto text = texts.find(file);
    if (text == texts.end()) continue;
    LexicalResult lexical = runLexicalPass(file, text->second->getBuffer(), catalog, ranges ? &*ranges : nullptr,
                                           options, &projectNames);
    for (Finding& f : lexical.findings) {
      // A name Clang resolved is the semantic pass's to report; hazards are not names.
      if (f.symbol.kind != SymbolKind::Hazard && resolved.count(Position{f.location.file, f.location.line, f.location.column}))
        continue;
      keepFirstInOrder(merged, std::move(f));
    }
    for (auto& [pos, span] : lexical.spans) spans.try_emplace(pos, span);
  }

  // The #include of each CUDA header, in every project file the units reached.
  for (const auto& [file, ranges] : lexicalWork) {
    std::unique_ptr<llvm::MemoryBuffer> own;
    std::string_view text;
    if (auto it = texts.find(file); it != texts.end()) {
      text = it->second->getBuffer();
    } else if (auto buffer = fs->getBufferForFile(file, /*FileSize=*/-1, /*RequiresNullTerminator=*/false)) {
      own = std::move(*buffer);
      text = own->getBuffer();
    }
    for (Finding& f : includeFindings(file, text, catalog)) keepFirstInOrder(merged, std::move(f));
  }

  // Hazards raised by the use of symbols: at the same place, with the same evidence.
  std::vector<Finding> triggered;
  for (const auto& [key, f] : merged) {
    if (f.symbol.kind == SymbolKind::Hazard || isInventoryKind(f.symbol.kind)) continue;
    for (const HazardTrigger& t : options.hazardTriggers) {
      if (!matches(t.pattern, f.symbol.name)) continue;
      Finding h = f;
      h.symbol = Symbol{t.hazard, SymbolKind::Hazard, "hazard"};
      h.detail = "uses " + f.symbol.name;
      triggered.push_back(std::move(h));
    }
  }
  for (Finding& h : triggered) keepFirstInOrder(merged, std::move(h));

  // Each kernel lists the hazards inside it.
  for (auto& [key, f] : merged) {
    if (f.symbol.kind != SymbolKind::Kernel && f.symbol.kind != SymbolKind::DeviceFunction) continue;
    auto span = spans.find(Position{f.location.file, f.location.line, f.location.column});
    if (span == spans.end()) continue;
    std::set<std::string> inside;
    for (auto it = merged.lower_bound(FindingKey{f.location.file, span->second.first, 0, "", SymbolKind::Function});
         it != merged.end() && std::get<0>(it->first) == f.location.file && std::get<1>(it->first) <= span->second.second;
         ++it)
      if (it->second.symbol.kind == SymbolKind::Hazard) inside.insert(it->second.symbol.name);
    if (inside.empty()) continue;
    std::string list;
    for (const std::string& h : inside) list += (list.empty() ? "" : ",") + h;
    f.detail += (f.detail.empty() ? "" : " ") + std::string("hazards=") + list;
  }

  out.findings.reserve(merged.size());
  for (auto& [key, f] : merged) {
    f.location.file = relativeTo(f.location.file, options.root);
    out.findings.push_back(std::move(f));
  }
  std::sort(out.inputs.begin(), out.inputs.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace opscope::cuda
