// The Python step of `opscope scan`: scripts through analyzer/python, suggestions from the
// built-in rules/python for each target platform, and the C/C++/CUDA sources named by
// torch.utils.cpp_extension calls handed to the C++ frontend.
#include <charconv>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "scan/Files.h"
#include "scan/PythonRules.h"
#include "scan/Stage.h"
#include "cuda/CudaFrontend.h"
#include "db/Catalog.h"
#include "llvm/Support/GlobPattern.h"
#include "python/PythonFrontend.h"
#include "core/Serialize.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"

namespace opscope::scan {
namespace fs = std::filesystem;
namespace {

// The record kind. Its byte form is versioned by recordFormat() (core/Serialize.h), which every
// cache entry carries: bump kRecordFormatVersion there when this record changes shape.
constexpr std::string_view kPythonRecord = "opscope-python-record";

/// The existing C/C++/CUDA files an extension names: the path itself, or the files matching it
/// when its last component is a glob.
std::vector<std::string> expand(const fs::path& path) {
  std::vector<std::string> out;
  std::string name = path.filename().string();
  std::error_code ec;
  if (name.find_first_of("*?[") == std::string::npos) {
    if (fs::is_regular_file(path, ec)) out.push_back(path.lexically_normal().string());
    return out;
  }
  auto glob = llvm::GlobPattern::create(name);
  if (!glob) return out;
  for (fs::directory_iterator it(path.parent_path(), ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && glob->match(it->path().filename().string()))
      out.push_back(it->path().lexically_normal().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// The C/C++/CUDA sources the scripts' cpp_extension calls name that the C/C++/CUDA stage did
/// not see (scripts scanned without their csrc/ tree), scanned with their directories as
/// include directories.
void scanExtensionSources(ScanState& state, const std::vector<python::ExtensionSource>& sources) {
  std::set<std::string> seen(state.inputs.sources.begin(), state.inputs.sources.end());
  seen.insert(state.inputs.notOwned.begin(), state.inputs.notOwned.end());
  std::vector<cuda::TranslationUnit> units;
  std::set<std::string> dirs(state.inputs.includeDirs.begin(), state.inputs.includeDirs.end());
  for (const python::ExtensionSource& e : sources) {
    if (!state.owns(e.declaredIn)) continue;
    fs::path p = fs::path(e.path).is_absolute() ? fs::path(e.path) : fs::path(state.inputs.root) / e.path;
    for (const std::string& file : expand(p)) {
      if (cuda::languageOf(file).empty() || !seen.insert(file).second) continue;
      units.push_back(cuda::TranslationUnit{file, {}});
      dirs.insert(fs::path(file).parent_path().string());
    }
  }
  if (units.empty()) return;
  cuda::ScanOptions options = state.cudaOptions();
  options.includeDirs.assign(dirs.begin(), dirs.end());
  state.scanCode(units, std::move(options));
}

/// load_inline's code strings, scanned by the C++ frontend as files that exist only in memory,
/// whose lines and columns are the script's (python::InlineSource); findings are reported in
/// the script.
void scanInlineSources(ScanState& state, const std::vector<python::InlineSource>& all) {
  std::vector<const python::InlineSource*> sources;
  for (const python::InlineSource& s : all)
    if (state.owns(s.declaredIn)) sources.push_back(&s);
  if (sources.empty()) return;
  const std::string root = "/opscope-inline";
  cuda::ScanOptions options = state.cudaOptions();
  options.root = root;
  options.headersNotAlone.clear();
  std::vector<cuda::TranslationUnit> units;
  for (size_t i = 0; i < sources.size(); ++i) {
    std::string file = root + "/" + std::to_string(i) + (sources[i]->language == "cuda" ? ".cu" : ".cpp");
    options.overlayFiles[file] = sources[i]->text;
    units.push_back(cuda::TranslationUnit{file, {}});
  }
  db::DatabaseCatalog catalog(state.db);
  cuda::ScanResult scanned = cuda::scan(units, catalog, options);
  state.parsedUnits.insert(state.parsedUnits.end(), scanned.parsed.begin(), scanned.parsed.end());
  state.unitsFromCache += scanned.fromCache;
  std::vector<Finding> findings;
  for (Finding& f : scanned.findings) {
    size_t index = 0;
    auto [ptr, err] = std::from_chars(f.location.file.data(), f.location.file.data() + f.location.file.size(), index);
    if (err != std::errc() || index >= sources.size() || *ptr != '.') continue;  // not one of the code strings
    const python::InlineSource& src = *sources[index];
    f.location.file = src.declaredIn;
    if (!src.exact) {
      // Decoded escapes: the code's lines all come from the literal's first line.
      f.location.line = f.location.endLine = src.line;
      f.location.column = f.location.endColumn = 1;
    }
    f.detail += (f.detail.empty() ? "" : " ") + std::string("(load_inline ") + (src.language == "cuda" ? "cuda_sources" : "cpp_sources") + ")";
    findings.push_back(std::move(f));
  }
  state.add(std::move(findings));
}

std::string serialize(const python::ScanResult& r) {
  ByteWriter w;
  w.str(kPythonRecord);
  w.u64(r.inputs.size());
  for (const InputFile& in : r.inputs) w.input(in);
  w.findings(r.findings);
  w.u64(r.suggestions.size());
  for (const Suggestion& s : r.suggestions) w.suggestion(s);
  w.u64(r.extensionSources.size());
  for (const python::ExtensionSource& e : r.extensionSources) {
    w.str(e.declaredIn);
    w.str(e.path);
  }
  w.u64(r.inlineSources.size());
  for (const python::InlineSource& s : r.inlineSources) {
    w.str(s.declaredIn);
    w.str(s.language);
    w.u64(s.line);
    w.u64(s.endLine);
    w.u64(s.exact);
    w.str(s.text);
  }
  return w.take();
}

std::optional<python::ScanResult> deserialize(std::string_view bytes) {
  ByteReader in(bytes);
  if (in.str() != kPythonRecord) return std::nullopt;
  python::ScanResult r;
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) r.inputs.push_back(in.input());
  r.findings = in.findings();
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) r.suggestions.push_back(in.suggestion());
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) {
    python::ExtensionSource e;
    e.declaredIn = in.str();
    e.path = in.str();
    r.extensionSources.push_back(std::move(e));
  }
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) {
    python::InlineSource s;
    s.declaredIn = in.str();
    s.language = in.str();
    s.line = static_cast<unsigned>(in.u64());
    s.endLine = static_cast<unsigned>(in.u64());
    s.exact = in.u64() != 0;
    s.text = in.str();
    r.inlineSources.push_back(std::move(s));
  }
  if (!in.atEnd()) return std::nullopt;
  return r;
}

/// The Python frontend's result for `files`: from the cache when the same files (paths and
/// bytes) were scanned with the same rules and limits, else scanned and kept. Names resolve
/// across modules, so the scripts of a tree are one cache entry.
python::ScanResult scanScripts(ScanState& state, const std::vector<python::SourceFile>& files,
                               const python::ScanOptions& options) {
  llvm::BLAKE3 h;
  auto field = [&](std::string_view s) {
    h.update(std::to_string(s.size()) + ":");
    h.update(llvm::StringRef(s.data(), s.size()));
  };
  field(kPythonRecord);
  field(state.cacheSalt);
  field(toString(options.strategy));
  for (const python::SourceFile& f : files) {
    field(f.path);
    field(f.text);
  }
  std::string key = "python-" + llvm::toHex(h.final<16>(), /*LowerCase=*/true);
  if (state.cache)
    if (std::optional<std::string> entry = state.cache->load(key))
      if (std::optional<python::ScanResult> hit = deserialize(*entry)) {
        if (state.progress) state.progress->advance(2 * files.size());
        return std::move(*hit);
      }
  db::DatabaseCatalog catalog(state.db);
  python::ScanResult scanned = python::scan(files, catalog, options);
  if (state.cache) state.cache->store(key, serialize(scanned));
  return scanned;
}

class PythonStage : public Frontend {
 public:
  const char* name() const override { return "Python"; }

  void run(ScanState& state) override {
    if (state.inputs.python.empty()) return;
    std::vector<python::SourceFile> files;
    for (const std::string& abs : state.inputs.python) {
      std::string rel = state.reported(abs);
      std::optional<std::string> text = readSourceText(state.inputs.root, abs);
      if (!text) {
        state.report.inputs.push_back(InputFile{rel, "python", InputStatus::Error, "cannot read " + rel});
        continue;
      }
      files.push_back(python::SourceFile{rel, std::move(*text)});
    }
    python::ScanOptions options;
    options.jobs = state.request.jobs;
    options.maxSyntaxDepth = state.request.maxSyntaxDepth;
    if (state.progress) {
      state.progress->stage("Python: " + std::to_string(files.size()) + " files, 2 passes", 2 * files.size());
      options.onFilePass = [p = state.progress] { p->advance(); };
    }
    for (const Platform& p : state.coverage.targets()) options.rules.push_back(rulesFor(state.rules.python, p.id));
    options.strategy = state.request.importStrategy;
    // Depends on the rules only (not cached): the answers of the scripts' hazard findings.
    state.coverage.setPythonHazards(python::hazardAnswers(options.rules));
    python::ScanResult scanned = scanScripts(state, files, options);
    for (InputFile& in : scanned.inputs) state.report.inputs.push_back(std::move(in));
    for (Suggestion& s : scanned.suggestions) state.report.suggestions.push_back(std::move(s));
    state.add(std::move(scanned.findings));
    scanExtensionSources(state, scanned.extensionSources);
    scanInlineSources(state, scanned.inlineSources);
  }
};

}  // namespace

std::unique_ptr<Frontend> makePythonFrontend() { return std::make_unique<PythonStage>(); }

}  // namespace opscope::scan
