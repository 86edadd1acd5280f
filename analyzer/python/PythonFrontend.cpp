// Orchestration: parse every file, index the tree's modules so imports between them resolve,
// then scan each file (in parallel, with a deterministic result).
#include "python/PythonFrontend.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <set>
#include <thread>
#include <unordered_set>

#include "python/FileScan.h"

namespace opscope::python {
namespace {

/// The modules of the scanned tree, named after their paths relative to the root, and what each
/// exports at module level (from its summary: no syntax tree is kept, so memory stays bounded by
/// the files being parsed at one time). Exports are resolved once, sequentially, then frozen, so
/// that the parallel scan only reads.
class ModuleIndex final : public TreeModules {
 public:
  ModuleIndex(const std::vector<SourceFile>& files, const SymbolCatalog& catalog) : catalog_(catalog) {
    for (size_t i = 0; i < files.size(); ++i) {
      std::string p = files[i].path;
      p = p.substr(0, p.rfind('.'));
      std::replace(p.begin(), p.end(), '/', '.');
      std::vector<std::string> parts = splitDots(p);
      if (!parts.empty() && parts.back() == "__init__") {
        parts.pop_back();
        initFiles_.insert(i);
      }
      std::string full;
      for (size_t k = 0; k < parts.size(); ++k) full += (k ? "." : "") + parts[k];
      fullName_.push_back(full);
      if (full.empty()) continue;
      byFullName_.emplace(full, i);
      std::string pkg;
      for (size_t k = 0; k + 1 < parts.size(); ++k) {
        pkg += (k ? "." : "") + parts[k];
        packages_.insert(pkg);
      }
      for (size_t k = 0; k < parts.size(); ++k) {
        std::string suffix;
        for (size_t j = k; j < parts.size(); ++j) suffix += (j > k ? "." : "") + parts[j];
        bySuffix_[suffix].push_back(i);
      }
    }
    summaries_.resize(files.size());
  }

  void setSummary(size_t file, ModuleSummary s) { summaries_[file] = std::move(s); }

  std::string find(std::string_view dotted, unsigned level, size_t fromFile) const override {
    if (level > 0) {
      std::vector<std::string> base = splitDots(fullName_[fromFile]);
      if (!initFiles_.count(fromFile) && !base.empty()) base.pop_back();
      for (unsigned up = 1; up < level; ++up)
        if (!base.empty()) base.pop_back();
        else return "";
      std::string target;
      for (const std::string& s : base)
        if (!s.empty()) target += (target.empty() ? "" : ".") + s;
      if (!dotted.empty()) target += (target.empty() ? "" : ".") + std::string(dotted);
      return known(target) ? target : "";
    }
    std::string name(dotted);
    if (known(name)) return name;
    auto it = bySuffix_.find(name);
    if (it == bySuffix_.end()) return "";
    // Several files answer to the name: the one nearest to the importing file.
    size_t best = it->second.front(), bestShared = 0;
    for (size_t f : it->second) {
      size_t shared = sharedPrefix(fullName_[f], fullName_[fromFile]);
      if (shared > bestShared) {
        best = f;
        bestShared = shared;
      }
    }
    return fullName_[best];
  }

  Ref member(const std::string& module, const std::string& name) const override {
    std::string key = module + '\n' + name;
    if (auto it = exports_.find(key); it != exports_.end()) return it->second;
    Ref r;
    if (!frozen_) {
      exports_[key] = Ref::none();  // a cycle of re-exports resolves to nothing
      if (auto f = byFullName_.find(module); f != byFullName_.end()) r = resolveIn(f->second, name);
    }
    if (r.is(Ref::Kind::None) && known(module + "." + name)) r = Ref::treeModule(module + "." + name);
    if (!frozen_) exports_[key] = r;
    return r;
  }

  /// Resolves every module-level name of every file, then allows reads only.
  void resolveExports() {
    for (size_t i = 0; i < summaries_.size(); ++i)
      if (!fullName_[i].empty())
        for (const auto& [name, _] : summaries_[i].names) member(fullName_[i], name);
    frozen_ = true;
    summaries_.clear();
  }

 private:
  /// What module-level `name` of file `f` denotes (sequential phase only).
  Ref resolveIn(size_t f, const std::string& name) const {
    std::string key = std::to_string(f) + "/" + name;
    if (!resolving_.insert(key).second) return Ref::none();
    Ref best;
    const ModuleSummary& s = summaries_[f];
    auto it = s.names.find(name);
    if (it == s.names.end()) {
      for (const auto& [module, level] : s.starImports) {
        if (level == 0 && isTrackedRoot(rootOf(module))) {
          if (catalog_.find(module + "." + name)) best = Ref::qualified(module + "." + name);
        } else if (std::string m = find(module, level, f); !m.empty()) {
          best = member(m, name);
        }
        if (!best.is(Ref::Kind::None)) break;
      }
    } else {
      for (const PortableBinding& b : it->second) {
        Ref r = refOf(f, b);
        if (r.is(Ref::Kind::None)) continue;
        bool import = b.kind == Binding::Kind::Import || b.kind == Binding::Kind::ImportFrom;
        if (import || best.is(Ref::Kind::None)) best = std::move(r);
        if (import) break;
      }
    }
    resolving_.erase(key);
    return best;
  }

  Ref refOf(size_t f, const PortableBinding& b) const {
    switch (b.kind) {
      case Binding::Kind::Import:
      case Binding::Kind::ImportFrom:
        return importRef(b.kind, b.module, b.name, b.level, f, this);
      case Binding::Kind::Assign:
        return b.chains.empty() ? Ref::none() : chainRef(f, b.chains.front());
      case Binding::Kind::Class:
        for (const PortableChain& base : b.chains)
          if (Ref r = subclassOf(chainRef(f, base)); !r.is(Ref::Kind::None)) return r;
        return Ref::none();
      default:
        return Ref::none();
    }
  }

  Ref chainRef(size_t f, const PortableChain& c) const {
    Ref r = resolveIn(f, c.head);
    for (const std::string& a : c.attrs) r = attributeOf(r, a, this);
    return c.called ? callResultOf(r) : r;
  }

  static size_t sharedPrefix(const std::string& a, const std::string& b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
  }
  bool known(const std::string& name) const { return byFullName_.count(name) || packages_.count(name); }

  const SymbolCatalog& catalog_;
  std::vector<std::string> fullName_;
  std::unordered_map<std::string, size_t> byFullName_;
  std::unordered_map<std::string, std::vector<size_t>> bySuffix_;
  std::unordered_set<std::string> packages_;
  std::unordered_set<size_t> initFiles_;
  std::vector<ModuleSummary> summaries_;
  mutable std::unordered_map<std::string, Ref> exports_;
  mutable std::unordered_set<std::string> resolving_;
  bool frozen_ = false;
};

template <typename Fn>
void parallelFor(size_t n, unsigned jobs, Fn&& fn) {
  unsigned workers = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<size_t>(workers, n));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w)
    threads.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  for (std::thread& t : threads) t.join();
}

/// Line and column of the first byte that is not UTF-8, or {0, 0}.
std::pair<unsigned, unsigned> firstNonUtf8(const std::string& s) {
  unsigned line = 1, col = 1;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) return {line, col};
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      col += static_cast<unsigned>(len);
    }
    i += len;
  }
  return {0, 0};
}

/// A hazard finding (kind hazard, symbol = the rule id) at each place some platform's hazard
/// rule is raised; one per rule id and line, whichever platforms raise it.
void addHazardFindings(FileScan& scan, const std::vector<RuleSet>& rules) {
  std::set<std::pair<std::string, unsigned>> seen;
  std::vector<Finding> found;
  std::vector<uint32_t> offsets;
  for (const RuleSet& r : rules)
    for (const HazardHit& hit : hazardHits(scan, r)) {
      if (!seen.emplace(hit.rule->id, hit.at->location.line).second) continue;
      Finding f = *hit.at;
      f.symbol = Symbol{hit.rule->id, SymbolKind::Hazard, "python"};
      f.detail = hit.rule->title + (hit.at->detail.empty() ? "" : ": " + hit.at->detail);
      found.push_back(std::move(f));
      offsets.push_back(hit.offset);
    }
  for (size_t i = 0; i < found.size(); ++i) {
    scan.findings.push_back(std::move(found[i]));
    scan.findingOffsets.push_back(offsets[i]);
  }
}

}  // namespace

bool isPythonFile(const std::string& path) { return path.ends_with(".py") || path.ends_with(".pyi"); }

std::string firstSyntaxError(const std::string& text) {
  ParsedFile f(text);
  auto [line, col] = f.firstError();
  return line ? std::to_string(line) + ":" + std::to_string(col) : "";
}

ScanResult scan(const std::vector<SourceFile>& files, const SymbolCatalog& catalog, const ScanOptions& options) {
  const size_t n = files.size();
  std::vector<InputFile> inputs(n);
  std::vector<char> parsed(n, 0);
  ModuleIndex index(files, catalog);
  std::vector<ModuleSummary> summaries(n);

  // Pass 1: what each module binds at module level. Trees are freed at once: keeping thousands of
  // them costs gigabytes, and first-touch page faults on that memory cost more than parsing twice.
  parallelFor(n, options.jobs, [&](size_t i) {
    InputFile& in = inputs[i];
    in.path = files[i].path;
    in.language = "python";
    try {
      ParsedFile file(files[i].text);
      if (auto [line, col] = file.firstNodeDeeperThan(options.maxSyntaxDepth); line) {
        in.status = InputStatus::Error;
        in.message = files[i].path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                     ": syntax nested deeper than " + std::to_string(options.maxSyntaxDepth) +
                     " levels; the file was not scanned (--max-syntax-depth raises the limit)";
        if (options.onFilePass) options.onFilePass();
        return;
      }
      FileModel model(file, i, catalog);
      summaries[i] = model.summary();
      parsed[i] = 1;
      in.status = file.hasErrors() ? InputStatus::Lexical : InputStatus::Semantic;
      if (file.hasErrors()) {
        auto [line, col] = file.firstError();
        in.message = "syntax error at " + files[i].path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                     "; the rest of the file was scanned";
      }
      if (auto [line, col] = firstNonUtf8(files[i].text); line)
        in.message += std::string(in.message.empty() ? "" : "; ") + "bytes that are not UTF-8 at " + files[i].path +
                      ":" + std::to_string(line) + ":" + std::to_string(col);
    } catch (const std::exception& e) {
      in.status = InputStatus::Error;
      in.message = files[i].path + ": " + e.what();
    }
    if (options.onFilePass) options.onFilePass();
  });
  for (size_t i = 0; i < n; ++i) index.setSummary(i, std::move(summaries[i]));
  summaries.clear();
  index.resolveExports();

  // Pass 2: the scan proper, with imports between the tree's modules resolved.
  std::vector<FileScan> scans(n);
  std::vector<std::vector<Suggestion>> suggestions(n);
  parallelFor(n, options.jobs, [&](size_t i) {
    if (!parsed[i]) {
      if (options.onFilePass) options.onFilePass();
      return;
    }
    try {
      ParsedFile file(files[i].text);
      FileModel model(file, i, catalog);
      model.setTree(&index);
      scans[i] = scanFile(model, catalog, files[i].path);
      addHazardFindings(scans[i], options.rules);
      for (const RuleSet& rules : options.rules) {
        std::vector<Suggestion> s = suggest(scans[i], files[i].text, files[i].path, rules, options.strategy);
        suggestions[i].insert(suggestions[i].end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
      }
    } catch (const std::exception& e) {
      scans[i] = FileScan{};
      inputs[i].status = InputStatus::Error;
      inputs[i].message = files[i].path + ": " + e.what();
    }
    if (options.onFilePass) options.onFilePass();
  });

  ScanResult result;
  result.inputs = std::move(inputs);
  for (size_t i = 0; i < n; ++i) {
    for (Finding& f : scans[i].findings) result.findings.push_back(std::move(f));
    for (ExtensionSource& e : scans[i].extensionSources) result.extensionSources.push_back(std::move(e));
    for (InlineSource& e : scans[i].inlineSources) result.inlineSources.push_back(std::move(e));
    for (Suggestion& s : suggestions[i]) result.suggestions.push_back(std::move(s));
  }
  std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.symbol) <
           std::tie(b.location.file, b.location.line, b.location.column, b.symbol);
  });
  result.findings.erase(std::unique(result.findings.begin(), result.findings.end()), result.findings.end());
  return result;
}

}  // namespace opscope::python
