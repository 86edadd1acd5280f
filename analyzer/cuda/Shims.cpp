#include "cuda/Shims.h"

#include "cuda/CudaFrontend.h"

#include <stdexcept>

#include "llvm/Support/MemoryBuffer.h"

// Defined by the file analyzer/Embed.cmake generates from the shim generator's archive.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_cuda_shims();

namespace opscope::cuda {

ShimSet::ShimSet(ShimFiles files) : files_(std::move(files)), libraries_(readShimManifest(files_)) {}

const ShimSet& ShimSet::bundled() {
  static const ShimSet set = [] {
    const auto& embedded = opscope_cuda_shims();
    if (embedded.size() != 1) throw std::runtime_error("the CUDA shim archive is not embedded");
    auto files = readShimArchive(embedded.front().second);
    if (!files) throw std::runtime_error("the embedded CUDA shim archive is malformed");
    return ShimSet(std::move(*files));
  }();
  return set;
}

std::string ShimSet::libraryOf(const std::string& absPath) const {
  std::string root = std::string(kShimRoot) + "/";
  if (absPath.compare(0, root.size(), root) != 0) return "";
  auto it = libraries_.find(absPath.substr(root.size()));
  return it == libraries_.end() ? "cuda" : it->second;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> ShimSet::fileSystem() const {
  auto fs = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [path, text] : files_)
    fs->addFile(std::string(kShimRoot) + "/" + path, 0, llvm::MemoryBuffer::getMemBuffer(text, path, false));
  return fs;
}

const std::vector<std::pair<std::string, std::string>>& shimFiles() {
  static const std::vector<std::pair<std::string, std::string>> files = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [path, text] : ShimSet::bundled().files()) out.emplace_back(path, text);
    return out;
  }();
  return files;
}

}  // namespace opscope::cuda
