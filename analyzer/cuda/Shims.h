// The bundled declaration shims as the semantic pass uses them: the files (from the archive the
// shim generator builds) mounted at a fixed root, and which CUDA library each file belongs to.
#pragma once

#include <string>

#include "cuda/ShimArchive.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace opscope::cuda {

/// Where the shims appear to Clang; never a real directory.
inline constexpr const char* kShimRoot = "/opscope-shims";

class ShimSet {
 public:
  explicit ShimSet(ShimFiles files);

  /// The shims compiled into the binary.
  static const ShimSet& bundled();

  const ShimFiles& files() const { return files_; }

  /// The CUDA library of a shim file given by absolute path under kShimRoot ("" when the file
  /// is not a shim, "cuda" for a shim the manifest does not name).
  std::string libraryOf(const std::string& absPath) const;

  /// A fresh in-memory file system holding the shims under kShimRoot (buffers are not copied).
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> fileSystem() const;

 private:
  ShimFiles files_;
  std::map<std::string, std::string> libraries_;  // relative path -> library
};

}  // namespace opscope::cuda
