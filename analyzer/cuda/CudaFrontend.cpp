// Orchestration: semantic pass per unit in parallel, then one merge that de-duplicates
// findings across units and adds lexical findings where Clang could not vouch for the code.
#include "cuda/CudaFrontend.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "cuda/Passes.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

// Defined by the file analyzer/Embed.cmake generates from analyzer/cuda/shims/.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_cuda_shims();

namespace opscope::cuda {

const std::vector<std::pair<std::string, std::string>>& shimFiles() {
  static const std::vector<std::pair<std::string, std::string>> files = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [path, text] : opscope_cuda_shims())
      out.emplace_back(llvm::sys::path::filename(path).str(), std::string(text));
    return out;
  }();
  return files;
}

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

}  // namespace

ScanResult scan(const std::vector<TranslationUnit>& units, const SymbolCatalog& catalog,
                const ScanOptions& options) {
  // Source files first; then each header no source file included, parsed on its own.
  auto isHeaderFile = [](const std::string& f) {
    std::string ext = llvm::sys::path::extension(f).lower();
    return ext == ".h" || ext == ".hpp" || ext == ".hh" || ext == ".hxx" || ext == ".cuh" || ext == ".inl" || ext == ".ipp";
  };
  std::vector<const TranslationUnit*> sources, headers;
  for (const TranslationUnit& u : units) (isHeaderFile(u.file) ? headers : sources).push_back(&u);
  unsigned jobs = options.jobs ? options.jobs : llvm::hardware_concurrency().compute_thread_count();
  auto runAll = [&](const std::vector<const TranslationUnit*>& batch) {
    std::vector<UnitResult> out(batch.size());
    llvm::StdThreadPool pool(llvm::hardware_concurrency(std::max(1u, jobs)));
    for (size_t i = 0; i < batch.size(); ++i)
      pool.async([&, i] { out[i] = runSemanticPass(*batch[i], catalog, options); });
    pool.wait();
    return out;
  };
  std::vector<UnitResult> results = runAll(sources);
  std::map<std::string, const UnitResult*> includedBy;  // header -> first unit that read it
  for (const UnitResult& r : results)
    for (const std::string& f : r.userFiles)
      if (f != r.input.path) includedBy.try_emplace(f, &r);
  std::vector<const TranslationUnit*> lone;
  ScanResult out;
  for (const TranslationUnit* h : headers) {
    auto it = includedBy.find(h->file);
    if (it == includedBy.end()) {
      lone.push_back(h);
    } else {
      // A header is as trustworthy as the unit it was parsed in.
      const UnitResult& via = *it->second;
      std::string msg = "scanned through " + relativeTo(via.input.path, options.root);
      if (via.hadErrors) msg += ", which did not parse cleanly; findings Clang could not resolve come from a lexical scan";
      out.inputs.push_back(InputFile{relativeTo(h->file, options.root), languageOf(h->file),
                                     via.hadErrors ? InputStatus::Lexical : InputStatus::Semantic, msg});
    }
  }
  for (UnitResult& r : runAll(lone)) results.push_back(std::move(r));

  // Merge in unit order, so the outcome never depends on which thread finished first.
  std::map<FindingKey, Finding> merged;
  std::set<Position> resolved;
  std::map<std::string, std::optional<LineRanges>> lexicalWork;  // nullopt: the whole file
  for (UnitResult& r : results) {
    for (Finding& f : r.findings) merged.try_emplace(keyOf(f), std::move(f));
    resolved.insert(r.resolved.begin(), r.resolved.end());
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

  for (const auto& [file, ranges] : lexicalWork) {
    if (ranges && ranges->empty()) continue;
    auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false, /*RequiresNullTerminator=*/false);
    if (!buffer) continue;  // the semantic pass already reported an unreadable file
    for (Finding& f : runLexicalPass(file, (*buffer)->getBuffer(), catalog, ranges ? &*ranges : nullptr)) {
      if (resolved.count(Position{f.location.file, f.location.line, f.location.column})) continue;
      merged.try_emplace(keyOf(f), std::move(f));
    }
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
