// Internal interfaces between the frontend's passes (not part of the public API).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/Model.h"
#include "core/SymbolCatalog.h"
#include "cuda/CudaFrontend.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace opscope::cuda {

class ShimSet;

/// A name position in a file: (absolute path, line, column).
using Position = std::tuple<std::string, unsigned, unsigned>;

/// Lines [first, last] of a file that the lexical pass must scan.
using LineRanges = std::vector<std::pair<unsigned, unsigned>>;

/// The lines a kernel or device function spans, keyed by the position of its name.
using FunctionSpans = std::map<Position, std::pair<unsigned, unsigned>>;

/// What the semantic pass learned from one translation unit. Finding locations hold absolute
/// paths here; the merge step makes them relative to the scan root.
struct UnitResult {
  InputFile input;
  std::vector<Finding> findings;
  /// Positions of names that Clang resolved (to CUDA or to the user's own declarations): the
  /// lexical pass must not report them again.
  std::set<Position> resolved;
  /// User files the unit read (the main file and headers under the root).
  std::set<std::string> userFiles;
  /// Every file the unit read, system and third-party headers included, shims excluded: what
  /// the unit's cached result depends on.
  std::set<std::string> readFiles;
  /// Lines of user files that Clang did not parse as code: inactive #if branches, macro bodies.
  std::map<std::string, LineRanges> unparsedLines;
  FunctionSpans spans;
  /// Names the user's code declares (functions, types, variables, macros; qualified as well when
  /// declared inside a CUDA library's namespace), for the lexical pass of files Clang could not
  /// parse: a project's own cudaCheckError is not an unknown CUDA name.
  std::set<std::string> userNames;
  bool hadErrors = false;
};

/// The unit's result as bytes (for a worker process's pipe and the cache), and back; nullopt
/// when the bytes are not a whole record.
std::string serializeUnitResult(const UnitResult& r);
std::optional<UnitResult> deserializeUnitResult(std::string_view bytes);

/// The file system the scan reads: the real one with ScanOptions::overlayFiles on top.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> baseFileSystem(const ScanOptions& options);

/// Parses one unit with Clang and collects semantic findings.
UnitResult runSemanticPass(const TranslationUnit& unit, const SymbolCatalog& catalog,
                           const ScanOptions& options, const ShimSet& shims);

struct LexicalResult {
  std::vector<Finding> findings;
  FunctionSpans spans;
};

/// Lexical findings of one file: over the whole file when `ranges` is null, else over those lines.
/// `projectNames` are names the scanned project declares anywhere (never guessed to be CUDA's).
LexicalResult runLexicalPass(const std::string& absPath, std::string_view text, const SymbolCatalog& catalog,
                             const LineRanges* ranges, const ScanOptions& options,
                             const std::set<std::string>* projectNames = nullptr);

/// The names a file declares itself, from its tokens (see TokenView).
std::set<std::string> declaredNames(std::string_view text);

/// True when `absPath` lies under the scan root (the user's own code).
bool isUnderRoot(const std::string& absPath, const std::string& root);

/// The hazard finding a check raises (symbol = the hazard id from options.checkHazards), or
/// nullopt when no rule maps the check.
std::optional<Symbol> hazardSymbol(const ScanOptions& options, const std::string& checkId);

/// The unit as it is parsed when no other unit includes it: a header of device code (`__global__`,
/// `__device__`) whose flags are inferred is parsed as CUDA whatever its extension (as C++ those
/// words would only be parse errors); any other unit is returned as it is.
TranslationUnit asLoneUnit(const TranslationUnit& unit, llvm::vfs::FileSystem& fs);

/// The clang arguments for one unit, shims or toolkit included, the input file last.
std::vector<std::string> parseArguments(const TranslationUnit& unit, const ScanOptions& options);

}  // namespace opscope::cuda
