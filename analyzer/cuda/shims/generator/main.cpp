// opscope_shimgen: builds the CUDA declaration shim archive the frontend embeds.
//   opscope_shimgen --shims DIR --out ARCHIVE [--log FILE] --symbols FILE.yaml...
// DIR holds layout.yaml and core/*.h; the universe is the symbols of the opdb `kind: symbols`
// files given (opdb/source/*.yaml at build time). A file the opdb loader rejects is skipped with
// its diagnostics, so the shims never block on data being edited. A build tool: it may use
// analyzer/db, which the frontend library itself never does.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "Generator.h"
#include "Layout.h"
#include "db/Database.h"

namespace {

std::optional<std::string> readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool isUniverseKind(opscope::SymbolKind k) {
  using opscope::SymbolKind;
  return k == SymbolKind::Function || k == SymbolKind::Intrinsic || k == SymbolKind::Type ||
         k == SymbolKind::EnumValue || k == SymbolKind::Macro;
}

int usage() {
  std::cerr << "usage: opscope_shimgen --shims DIR --out ARCHIVE [--log FILE] --symbols FILE.yaml...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace opscope;
  std::string shims, out, log;
  std::vector<std::string> extra;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--shims") shims = next();
    else if (a == "--out") out = next();
    else if (a == "--log") log = next();
    else if (a == "--symbols") extra.push_back(next());
    else return usage();
  }
  if (shims.empty() || out.empty() || extra.empty()) return usage();

  shimgen::GeneratorInput input;
  fs::path layoutPath = fs::path(shims) / "layout.yaml";
  auto layoutText = readFile(layoutPath);
  if (!layoutText) {
    std::cerr << "opscope_shimgen: cannot read " << layoutPath.string() << "\n";
    return 1;
  }
  std::vector<std::string> errors;
  auto layout = shimgen::readLayout(layoutPath.string(), *layoutText, errors);
  if (!layout) {
    for (const std::string& e : errors) std::cerr << e << "\n";
    return 1;
  }
  input.layout = std::move(*layout);
  std::vector<fs::path> coreFiles;
  for (const auto& e : fs::directory_iterator(fs::path(shims) / "core"))
    if (e.is_regular_file() && e.path().extension() == ".h") coreFiles.push_back(e.path());
  std::sort(coreFiles.begin(), coreFiles.end());
  for (const fs::path& p : coreFiles) input.core[p.filename().string()] = *readFile(p);

  db::Database database;
  std::vector<db::Diagnostic> diags;
  std::vector<db::SourceText> extraFiles;
  for (const std::string& f : extra) {
    auto text = readFile(f);
    if (!text) {
      std::cerr << "opscope_shimgen: cannot read " << f << "\n";
      return 1;
    }
    extraFiles.push_back(db::SourceText{f, *text});
  }
  database.addLayer("universe", extraFiles, diags);
  size_t rejected = 0;
  for (const db::Diagnostic& d : diags)
    if (d.severity == db::Diagnostic::Severity::Error && ++rejected <= 5) std::cerr << "opscope_shimgen: skipped: " << d.str() << "\n";
  if (rejected > 5) std::cerr << "opscope_shimgen: ... and " << rejected - 5 << " more opdb errors (files with errors are skipped)\n";
  std::vector<std::string> names;
  for (const auto& [name, info] : database.symbols())
    if (isUniverseKind(info.kind)) names.push_back(name);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    const db::SymbolInfo& s = *database.symbol(n);
    input.universe.push_back(shimgen::UniverseSymbol{s.name, std::string(toString(s.kind)), s.library, s.header});
  }

  shimgen::GeneratorOutput result = shimgen::generateShims(input);
  std::ostringstream report;
  report << "opscope_shimgen: " << input.universe.size() << " universe names; " << result.fromCore
         << " declared by the hand-written core, " << result.generated << " generated, " << result.notes.size()
         << " dropped; " << result.files.size() << " files\n";
  for (const std::string& n : result.notes) report << "  " << n << "\n";
  if (!log.empty()) std::ofstream(log) << report.str();
  if (!result.errors.empty()) {
    for (const std::string& e : result.errors) std::cerr << "opscope_shimgen: error: " << e << "\n";
    return 1;
  }
  if (!result.notes.empty()) std::cerr << report.str();

  std::string archive = cuda::writeShimArchive(result.files);
  if (readFile(out) != archive) {  // unchanged output keeps its timestamp: no needless rebuilds
    std::ofstream o(out, std::ios::binary);
    o << archive;
    if (!o) {
      std::cerr << "opscope_shimgen: cannot write " << out << "\n";
      return 1;
    }
  }
  return 0;
}
