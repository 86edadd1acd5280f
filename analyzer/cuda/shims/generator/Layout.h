// The shim layout (analyzer/cuda/shims/layout.yaml): per CUDA library, where its hand-written
// core is, which headers bring it in, and how the generator declares the names the core leaves
// out. Read strictly: every problem is reported as FILE:LINE:COLUMN.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace opscope::shimgen {

struct ReturnRule {
  std::string match;  // glob over function names
  std::string type;
};

struct EnumHook {
  std::string tag;                  // the core enum ends with OPSCOPE_MORE_<tag>
  std::vector<std::string> match;  // globs over enumerator names
};

/// One library's entry of the layout.
struct LibraryLayout {
  std::string name;
  std::string core;  // file under core/, or empty
  std::vector<std::string> headers;
  std::vector<std::string> headerDirs;  // any header under these directories brings the library in
  std::vector<std::string> requires_;
  bool deviceApi = false;
  std::string status = "int";
  std::vector<ReturnRule> returns;
  std::vector<EnumHook> hooks;
  std::vector<std::string> handles, notHandles;
  std::vector<std::string> constants;  // lower-case macro names that are values, not functions
  bool generate = true;  // false: no shim at all (names the shims must not declare, e.g. PyTorch's)
};

struct Layout {
  std::vector<LibraryLayout> libraries;
  const LibraryLayout* find(const std::string& name) const;
};

/// Parses the layout; on error returns nullopt and appends "FILE:LINE:COL: error: ..." lines.
std::optional<Layout> readLayout(const std::string& path, const std::string& text,
                                 std::vector<std::string>& errors);

/// True when `name` matches the glob (`*` and `?` wildcards).
bool globMatch(const std::string& glob, const std::string& name);

}  // namespace opscope::shimgen
