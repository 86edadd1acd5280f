// Exports the frontend's clang command lines so that a plain `clang -fsyntax-only` can repeat its
// parses: for the scan benchmark, and for anyone asking "what exactly did opscope compile?".
#include <cstring>
#include <fstream>

#include "cuda/CudaFrontend.h"
#include "cuda/Passes.h"
#include "cuda/Shims.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace opscope::cuda {
namespace {

std::string writeFile(const std::string& path, const std::string& text) {
  if (std::error_code ec = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path)))
    return "cannot create the directory of " + path + ": " + ec.message();
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  return out ? "" : "cannot write " + path;
}

}  // namespace

std::string exportClangCommands(const std::vector<TranslationUnit>& units, const ScanOptions& options,
                                const std::string& dir) {
  llvm::SmallString<256> absDir(dir);
  llvm::sys::fs::make_absolute(absDir);
  std::string shimDir = (absDir + "/shims").str();
  bool shims = options.toolkit.path.empty();
  if (shims)
    for (const auto& [path, text] : ShimSet::bundled().files())
      if (std::string err = writeFile(shimDir + "/" + path, text); !err.empty()) return err;
  std::string json;
  llvm::raw_string_ostream os(json);
  llvm::json::OStream out(os, 2);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = baseFileSystem(options);
  out.array([&] {
    for (const TranslationUnit& unit : units) {
      // A header is exported as it is parsed when no unit includes it.
      std::vector<std::string> args = parseArguments(asLoneUnit(unit, *fs), options);
      out.object([&] {
        out.attribute("directory", llvm::sys::path::parent_path(unit.file));
        out.attribute("file", unit.file);
        out.attributeArray("arguments", [&] {
          for (std::string arg : args) {
            // The shims live in memory at kShimRoot during a scan; on disk here.
            if (shims && arg.compare(0, std::strlen(kShimRoot), kShimRoot) == 0)
              arg = shimDir + arg.substr(std::strlen(kShimRoot));
            out.value(arg);
          }
        });
      });
    }
  });
  os << "\n";
  os.flush();
  return writeFile((absDir + "/compile_commands.json").str(), json);
}

}  // namespace opscope::cuda
