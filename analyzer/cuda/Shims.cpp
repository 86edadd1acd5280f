#include "cuda/Shims.h"

#include "cuda/CudaFrontend.h"

#include <stdexcept>

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

// Defined by the file analyzer/Embed.cmake generates from the shim generator's archive.
const std::vector<std::pair<std::string_view, std::string_view>>& opscope_cuda_shims();

namespace opscope::cuda {

ShimSet::ShimSet(ShimFiles files)
    : files_(std::move(files)),
      libraries_(readShimManifest(files_)),
      directories_(readShimDirectoryRules(files_)),
      names_(readShimNames(files_)) {
  for (const auto& [dir, header] : directories_)
    if (auto lib = libraries_.find(header); lib != libraries_.end()) libraries_.emplace(dir + "/", lib->second);
}

const ShimName* ShimSet::declared(const std::string& name) const {
  auto it = names_.find(name);
  return it == names_.end() ? nullptr : &it->second;
}

namespace {

/// The in-memory shims, plus forwarders made on demand for headers under the directory rules.
class ShimFileSystem : public llvm::vfs::ProxyFileSystem {
 public:
  ShimFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory,
                 const std::map<std::string, std::string>& directories)
      : ProxyFileSystem(memory), memory_(std::move(memory)), directories_(directories) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine& path) override {
    auto s = ProxyFileSystem::status(path);
    if (!s && synthesize(path.str())) return ProxyFileSystem::status(path);
    return s;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine& path) override {
    auto f = ProxyFileSystem::openFileForRead(path);
    if (!f && synthesize(path.str())) return ProxyFileSystem::openFileForRead(path);
    return f;
  }

 private:
  bool synthesize(const std::string& path) {
    std::string root = std::string(kShimRoot) + "/";
    if (path.compare(0, root.size(), root) != 0) return false;
    std::string rel = path.substr(root.size());
    llvm::StringRef ext = llvm::sys::path::extension(rel);
    bool header = ext == ".h" || ext == ".cuh" || ext == ".hpp" || ext == ".inl";
    for (const auto& [dir, header_] : directories_) {
      if (rel.compare(0, dir.size() + 1, dir + "/") != 0) continue;
      if (!header) {  // a directory on the way to a header: exists as soon as something is in it
        if (!ext.empty()) return false;
        return memory_->addFile(path + "/.opscope-directory", 0, llvm::MemoryBuffer::getMemBuffer(""));
      }
      std::string text = "/* Served by opscope for <" + rel + ">: a " + dir + " header the shims stand in for. */\n"
                         "#pragma once\n#include <" + header_ + ">\n";  // <>: never this directory
      return memory_->addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(text, rel));
    }
    return false;
  }

  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory_;
  const std::map<std::string, std::string>& directories_;
};

}  // namespace

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
  std::string rel = absPath.substr(root.size());
  auto it = libraries_.find(rel);
  if (it != libraries_.end()) return it->second;
  for (const auto& [dir, header] : directories_)
    if (rel.compare(0, dir.size() + 1, dir + "/") == 0) {
      auto lib = libraries_.find(dir + "/");
      return lib == libraries_.end() ? "cuda" : lib->second;
    }
  return "cuda";
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> ShimSet::fileSystem() const {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [path, text] : files_)
    memory->addFile(std::string(kShimRoot) + "/" + path, 0, llvm::MemoryBuffer::getMemBuffer(text, path, false));
  return llvm::makeIntrusiveRefCnt<ShimFileSystem>(memory, directories_);
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
