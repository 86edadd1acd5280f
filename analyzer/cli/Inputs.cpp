#include "cli/Inputs.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "cli/Commands.h"
#include "cuda/CudaFrontend.h"

namespace opscope::cli {
namespace fs = std::filesystem;
namespace {

/// Directories that never hold the project's own sources.
bool skippedDirectory(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool isHeader(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".h" || ext == ".hpp" || ext == ".hh" || ext == ".cuh" || ext == ".hxx" || ext == ".inl";
}

std::string commonDirectory(const std::vector<fs::path>& dirs) {
  fs::path common = dirs.front();
  for (const fs::path& d : dirs) {
    fs::path next;
    auto a = common.begin(), b = d.begin();
    for (; a != common.end() && b != d.end() && *a == *b; ++a, ++b) next /= *a;
    common = next;
  }
  return common.string();
}

}  // namespace

DiscoveredInputs discoverInputs(const std::vector<std::string>& paths) {
  DiscoveredInputs out;
  std::vector<fs::path> roots;
  std::set<std::string> sources, includeDirs;
  auto addFile = [&](const fs::path& p) {
    if (cuda::languageOf(p.string()).empty()) return;
    if (isHeader(p)) includeDirs.insert(p.parent_path().string());
    sources.insert(p.string());
  };
  for (const std::string& raw : paths) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(raw, ec), ec);
    if (ec || !fs::exists(p, ec)) throw UsageError{"cannot read '" + raw + "': no such file or directory"};
    if (fs::is_directory(p, ec)) {
      fs::directory_iterator probe(p, ec);
      if (ec) throw UsageError{"cannot read '" + raw + "': " + ec.message()};
      roots.push_back(p);
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::directory_entry& e = *it;
        std::error_code ec2;
        if (e.is_directory(ec2)) {
          if (skippedDirectory(e.path())) it.disable_recursion_pending();
          continue;
        }
        if (e.is_regular_file(ec2)) addFile(e.path());
      }
      if (ec) out.problems.push_back(InputFile{p.string(), "", InputStatus::Error, "directory walk stopped: " + ec.message()});
    } else {
      if (cuda::languageOf(p.string()).empty())
        throw UsageError{"cannot scan '" + raw + "': not a C, C++ or CUDA source file"};
      if (FILE* f = std::fopen(p.c_str(), "rb")) std::fclose(f);
      else throw UsageError{"cannot read '" + raw + "': permission denied"};
      roots.push_back(p.parent_path());
      addFile(p);
    }
  }
  out.root = commonDirectory(roots);
  // Headers are scanned through the units that include them (or alone, if none does). Each
  // directory holding headers, and its parent, go on the include path: that resolves both
  // #include "x.h" and #include "dir/x.h" without a compilation database.
  out.sources.assign(sources.begin(), sources.end());
  std::set<std::string> dirs;
  for (const std::string& dir : includeDirs) {
    dirs.insert(dir);
    fs::path parent = fs::path(dir).parent_path();
    if (parent.string().size() >= out.root.size() && parent.string().compare(0, out.root.size(), out.root) == 0)
      dirs.insert(parent.string());
  }
  out.includeDirs.assign(dirs.begin(), dirs.end());
  return out;
}

}  // namespace opscope::cli
