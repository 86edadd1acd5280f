// Writing rewritten files safely. In place: only files under the scanned roots (symlinks are
// resolved and must stay inside), only when the file still has the content that was scanned
// (SHA-256), through a temporary file in the same directory renamed over the original, keeping
// its permission bits. Into a copy: the whole tree, untouched files copied as they are.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace opscope::rewrite {

/// The SHA-256 of `text`, in hex.
std::string contentHash(std::string_view text);

/// What happened to one file.
struct WriteResult {
  enum class Status { Written, Unchanged, Refused } status = Status::Unchanged;
  std::string path;
  std::string message;  // why it was refused
};

/// Called after the temporary file is complete and before it is renamed over the original
/// (tests inject failures here; throwing aborts that file's write).
using BeforeRenameHook = std::function<void(const std::string& temporaryPath, const std::string& target)>;

struct InPlaceOptions {
  std::vector<std::string> roots;  // absolute; a file must resolve to a path under one of them
  BeforeRenameHook beforeRename;   // empty: none
};

/// Writes `content` over `path` (absolute) if its current content hashes to `scannedHash`.
/// Never throws: a problem is a Refused result naming the file and the reason.
WriteResult writeInPlace(const std::string& path, const std::string& scannedHash, const std::string& content,
                         const InPlaceOptions& options);

/// Copies the tree under `root` to `outDir` (created; it must not exist or be empty and must not
/// be inside `root`), with `rewritten` (path relative to root -> new content) in place of the
/// originals. Symlinks are copied as the files they resolve to when those are under `root`, and
/// left out (with a message) otherwise. Returns one result per file written or left out.
std::vector<WriteResult> writeTreeCopy(const std::string& root, const std::string& outDir,
                                       const std::map<std::string, std::string>& rewritten, std::string& error);

/// True when `path` (absolute, resolved) is `root` or below it.
bool isUnder(const std::string& path, const std::string& root);

}  // namespace opscope::rewrite
