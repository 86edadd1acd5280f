// The Python step of `opscope scan`: scripts through analyzer/python, suggestions from the
// built-in rules/python for each target platform, and the C/C++/CUDA sources named by
// torch.utils.cpp_extension calls handed to the C++ frontend.
#include <filesystem>
#include <set>
#include <stdexcept>

#include "cli/Commands.h"
#include "cli/PythonRules.h"
#include "cli/ScanSteps.h"
#include "cuda/CudaFrontend.h"
#include "db/Catalog.h"
#include "llvm/Support/GlobPattern.h"
#include "python/PythonFrontend.h"

namespace opscope::cli {
namespace fs = std::filesystem;
namespace {

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

std::vector<python::RuleSet> builtinRules() {
  std::vector<python::RuleSet> sets;
  std::vector<db::Diagnostic> diags;
  if (!loadPythonRules(builtinPythonRuleFiles(), sets, diags)) {
    std::string message = "the built-in Python rules have errors:";
    for (const db::Diagnostic& d : diags) message += "\n" + d.str();
    throw std::logic_error(message);
  }
  return sets;
}

}  // namespace

void runPythonStep(ScanContext& ctx) {
  if (ctx.inputs.python.empty()) return;
  std::vector<python::SourceFile> files;
  for (const std::string& abs : ctx.inputs.python) {
    std::string rel = fs::path(abs).lexically_relative(ctx.inputs.root).generic_string();
    std::optional<std::string> text = readSourceText(ctx.inputs.root, abs);
    if (!text) {
      ctx.report.inputs.push_back(InputFile{rel, "python", InputStatus::Error, "cannot read " + rel});
      continue;
    }
    files.push_back(python::SourceFile{rel, std::move(*text)});
  }

  static const std::vector<python::RuleSet> rules = builtinRules();
  python::ScanOptions options;
  options.jobs = ctx.jobs;
  for (const Platform& p : ctx.report.targets) options.rules.push_back(rulesFor(rules, p.id));
  db::DatabaseCatalog catalog(ctx.db);
  python::ScanResult scanned = python::scan(files, catalog, options);
  if (!ctx.inputs.notOwned.empty()) {
    // A sharded scan reads every module (names resolve across them) but reports only its own.
    auto foreign = [&](const std::string& rel) {
      return ctx.inputs.notOwned.count((fs::path(ctx.inputs.root) / rel).lexically_normal().string()) > 0;
    };
    std::erase_if(scanned.inputs, [&](const InputFile& in) { return foreign(in.path); });
    std::erase_if(scanned.findings, [&](const Finding& f) { return foreign(f.location.file); });
    std::erase_if(scanned.suggestions, [&](const Suggestion& s) { return foreign(s.file); });
    std::erase_if(scanned.extensionSources, [&](const python::ExtensionSource& e) { return foreign(e.declaredIn); });
  }
  for (InputFile& in : scanned.inputs) ctx.report.inputs.push_back(std::move(in));
  for (Suggestion& s : scanned.suggestions) ctx.report.suggestions.push_back(std::move(s));
  addFindings(ctx, std::move(scanned.findings));

  // Extension sources the CUDA step did not see (scripts scanned without their csrc/ tree).
  std::set<std::string> seen(ctx.inputs.sources.begin(), ctx.inputs.sources.end());
  seen.insert(ctx.inputs.notOwned.begin(), ctx.inputs.notOwned.end());
  std::vector<cuda::TranslationUnit> units;
  std::set<std::string> dirs(ctx.inputs.includeDirs.begin(), ctx.inputs.includeDirs.end());
  for (const python::ExtensionSource& e : scanned.extensionSources) {
    fs::path p = fs::path(e.path).is_absolute() ? fs::path(e.path) : fs::path(ctx.inputs.root) / e.path;
    for (const std::string& file : expand(p)) {
      if (cuda::languageOf(file).empty() || !seen.insert(file).second) continue;
      units.push_back(cuda::TranslationUnit{file, {}});
      dirs.insert(fs::path(file).parent_path().string());
    }
  }
  if (units.empty()) return;
  cuda::ScanOptions cudaOptions;
  cudaOptions.root = ctx.inputs.root;
  cudaOptions.includeDirs.assign(dirs.begin(), dirs.end());
  cudaOptions.jobs = ctx.jobs;
  cuda::ScanResult cudaScanned = cuda::scan(units, catalog, cudaOptions);
  for (InputFile& in : cudaScanned.inputs) ctx.report.inputs.push_back(std::move(in));
  addFindings(ctx, std::move(cudaScanned.findings));
}

}  // namespace opscope::cli
