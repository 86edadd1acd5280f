// The C/C++/CUDA stage of the scan: compile commands or inferred flags, the toolkit or the
// bundled shims, the hazard rules, then the frontend; hazards get each platform's advice.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "scan/Files.h"
#include "scan/Stage.h"
#include "cuda/CompileCommands.h"
#include "cuda/CudaFrontend.h"
#include "cuda/Toolkit.h"
#include "db/Catalog.h"
#include "llvm/Support/JSON.h"
#include "reports/JsonReader.h"

namespace opscope::scan {
namespace {

/// Why a compilation database could not be read: the reader's reason, and where the JSON is
/// broken (line, column and byte, from LLVM's JSON parser) when it is not JSON at all.
std::string databaseError(const std::string& path, const std::string& error) {
  std::string file = path;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) file = (std::filesystem::path(path) / "compile_commands.json").string();
  std::optional<std::string> text = readSourceText("", file);
  if (!text) return "cannot read the compilation database " + error;
  // A compilation database nests three levels deep; only a plausibly shaped file is parsed.
  constexpr unsigned kMaxDepth = 16;
  if (size_t at = reports::jsonNestingTooDeep(*text, kMaxDepth); at != std::string_view::npos)
    return "cannot read the compilation database " + error + " (nested deeper than " + std::to_string(kMaxDepth) +
           " levels at byte " + std::to_string(at) + ")";
  auto json = llvm::json::parse(*text);
  if (!json) return "cannot read the compilation database " + file + ": not JSON: " + llvm::toString(json.takeError());
  return "cannot read the compilation database " + error;
}

/// Files a compilation database names that do not exist: a note naming the first few, since
/// they are silently left out otherwise.
void noteMissingFiles(const cuda::CompileDatabase& database, const std::string& path, std::vector<std::string>& notes) {
  std::vector<std::string> missing;
  std::error_code ec;
  for (const auto& [file, args] : database.commands)
    if (!std::filesystem::exists(file, ec)) missing.push_back(file);
  if (missing.empty()) return;
  std::string note = path + " names " + std::to_string(missing.size()) + " file(s) that do not exist, not scanned:";
  for (size_t i = 0; i < missing.size() && i < 5; ++i) note += " " + missing[i];
  if (missing.size() > 5) note += " ...";
  notes.push_back(note);
}

}  // namespace

std::string compileDatabaseRoot(const std::string& compileCommands) {
  std::string error;
  auto database = cuda::loadCompileDatabase(compileCommands, cuda::TranslateOptions{}, error);
  if (!database) throw UsageError{databaseError(compileCommands, error)};
  if (database->commands.empty()) throw UsageError{"the compilation database " + compileCommands + " has no commands"};
  return cuda::databaseRoot(*database);
}

void ScanState::scanCode(const std::vector<cuda::TranslationUnit>& units, cuda::ScanOptions options) {
  db::DatabaseCatalog catalog(db);
  cuda::ScanResult scanned = cuda::scan(units, catalog, options);
  for (InputFile& in : scanned.inputs) report.inputs.push_back(std::move(in));
  parsedUnits.insert(parsedUnits.end(), scanned.parsed.begin(), scanned.parsed.end());
  unitsFromCache += scanned.fromCache;
  addCode(std::move(scanned.findings));
}

namespace {

/// The compilation database the request names (nullopt: none), read and checked.
std::optional<cuda::CompileDatabase> readDatabase(ScanState& state, bool toolkit) {
  if (state.request.compileCommands.empty()) return std::nullopt;
  const std::string& path = state.request.compileCommands;
  cuda::TranslateOptions translate;
  translate.dropToolkitIncludes = !toolkit;
  std::string error;
  std::optional<cuda::CompileDatabase> database = cuda::loadCompileDatabase(path, translate, error);
  if (!database) throw UsageError{databaseError(path, error)};
  noteMissingFiles(*database, path, state.notes);
  if (std::string note = database->notes.summary(); !note.empty() && !state.inputs.sources.empty())
    state.notes.push_back(note);
  return database;
}

/// The units of this run: every source, with its compile command when the database has one.
std::vector<cuda::TranslationUnit> unitsOf(ScanState& state, const std::optional<cuda::CompileDatabase>& database) {
  std::vector<cuda::TranslationUnit> units;
  size_t fromDatabase = 0;
  for (const std::string& f : state.inputs.sources) {
    cuda::TranslationUnit unit{f, {}};
    if (database)
      if (auto it = database->commands.find(f); it != database->commands.end()) {
        unit.args = it->second;
        ++fromDatabase;
      }
    units.push_back(std::move(unit));
  }
  if (database)
    state.notes.push_back(std::to_string(fromDatabase) + " of " + std::to_string(units.size()) +
                          " C/C++/CUDA files have a compile command; flags of the others are inferred");
  return units;
}

class CudaStage : public Frontend {
 public:
  const char* name() const override { return "C/C++/CUDA"; }

  void run(ScanState& state) override {
    // A database named on the command line must be readable, whatever the tree holds.
    cuda::Toolkit toolkit;
    if (!state.request.cudaPath.empty() && !state.inputs.sources.empty()) {
      cuda::ToolkitProbe probe = cuda::probeToolkit(state.request.cudaPath);
      state.notes.push_back(probe.message);
      if (probe.usable) toolkit = probe.toolkit;
    }
    std::optional<cuda::CompileDatabase> database = readDatabase(state, !toolkit.path.empty());
    if (state.inputs.sources.empty()) return;
    cuda::ScanOptions options = state.cudaOptions();
    options.toolkit = toolkit;
    std::vector<cuda::TranslationUnit> units = unitsOf(state, database);
    if (const std::string& dir = state.request.exportClangCommands; !dir.empty()) {
      if (std::string error = cuda::exportClangCommands(units, options, dir); error.empty())
        state.notes.push_back("the clang command lines of this scan are in " + dir + "/compile_commands.json");
      else
        state.notes.push_back("cannot export the clang command lines to " + dir + ": " + error);
    }
    if (state.progress) {
      state.progress->stage("C/C++/CUDA: " + std::to_string(units.size()) + " files", units.size());
      options.onUnitDone = [p = state.progress] { p->advance(); };
    }
    state.scanCode(units, std::move(options));
  }
};

}  // namespace

std::unique_ptr<Frontend> makeCudaFrontend() { return std::make_unique<CudaStage>(); }

}  // namespace opscope::scan
