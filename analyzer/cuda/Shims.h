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

  /// A name the hand-written core declares (dim3, nvcuda::wmma::row_major, fabs), with its kind
  /// and library; null for other names.
  const ShimName* declared(const std::string& name) const;

  /// A fresh file system holding the shims under kShimRoot (buffers are not copied). Headers under
  /// a directory rule's directory (thrust/..., cub/...) that no file names are served on demand as
  /// forwarders to their library's header.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fileSystem() const;

 private:
  ShimFiles files_;
  std::map<std::string, std::string> libraries_;  // relative path -> library
  std::map<std::string, std::string> directories_;  // directory -> library header
  std::map<std::string, ShimName> names_;
};

}  // namespace opscope::cuda
