#include "scan/Inputs.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <filesystem>
#include <set>
#include <system_error>

#include "scan/BuildFiles.h"
#include "scan/Files.h"
#include "cuda/CudaFrontend.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/xxhash.h"

namespace opscope::scan {
namespace fs = std::filesystem;
namespace {

/// Directories that never hold the project's own sources.
bool skippedDirectory(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

/// "cuda", "c++", "c", "python", "onnx", "build", or "" for files no frontend reads.
std::string languageOfInput(const fs::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".py") return "python";
  if (ext == ".onnx") return "onnx";
  std::string lang = cuda::languageOf(p.string());
  if (lang.empty() && isBuildFileName(p.generic_string())) return "build";
  return lang;
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

namespace {

/// "12.5 MiB"-style sizes for messages.
std::string bytesText(std::uint64_t n) {
  char buf[64];
  if (n >= (std::uint64_t{1} << 20)) std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(n) / (1 << 20));
  else std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(n));
  return buf;
}

/// One directory tree, walked with an explicit stack: every directory that cannot be opened or
/// read is a problem naming it, symbolic links to directories are not entered, and links that
/// loop or dangle (under a name a frontend would read) are problems too.
void walkTree(const fs::path& top, const std::function<void(const fs::path&)>& addFile,
              std::vector<InputFile>& problems) {
  std::vector<fs::path> pending{top};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      problems.push_back(InputFile{dir.string(), "", InputStatus::Error, "cannot read directory: " + ec.message()});
      continue;
    }
    std::vector<fs::path> subdirs;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::directory_entry& e = *it;
      std::error_code ec2;
      bool link = e.is_symlink(ec2);
      fs::file_status st = e.status(ec2);
      if (ec2) {
        if (link && !languageOfInput(e.path()).empty())
          problems.push_back(InputFile{e.path().string(), languageOfInput(e.path()), InputStatus::Error,
                                       "symbolic link that cannot be followed (" + ec2.message() + ")"});
        continue;
      }
      if (fs::is_directory(st)) {
        if (!link && !skippedDirectory(e.path())) subdirs.push_back(e.path());
      } else if (fs::is_regular_file(st)) {
        addFile(e.path());
      }
    }
    if (ec) problems.push_back(InputFile{dir.string(), "", InputStatus::Error, "directory listing stopped: " + ec.message()});
    // Depth first, in name order, so the walk is deterministic.
    std::sort(subdirs.begin(), subdirs.end(), std::greater<>());
    for (fs::path& d : subdirs) pending.push_back(std::move(d));
  }
}

}  // namespace

DiscoveredInputs discoverInputs(const std::vector<std::string>& paths, const std::vector<std::string>& excludes,
                                const InputLimits& limits, const std::function<void()>& onFile) {
  DiscoveredInputs out;
  std::vector<fs::path> roots;
  std::set<std::string> sources, python, onnx, includeDirs, build;
  std::vector<std::pair<fs::path, bool>> found;  // (file, named on the command line)
  auto addFile = [&](const fs::path& p, bool named) {
    found.emplace_back(p, named);
    if (onFile) onFile();
  };
  for (const std::string& raw : paths) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(raw, ec), ec);
    if (ec || !fs::exists(p, ec)) throw UsageError{"cannot read '" + raw + "': no such file or directory"};
    if (fs::is_directory(p, ec)) {
      fs::directory_iterator probe(p, ec);
      if (ec) throw UsageError{"cannot read '" + raw + "': " + ec.message()};
      roots.push_back(p);
      walkTree(p, [&](const fs::path& f) { addFile(f, false); }, out.problems);
    } else {
      if (languageOfInput(p).empty())
        throw UsageError{"cannot scan '" + raw + "': not a C, C++, CUDA, Python, ONNX or build file"};
      if (!fs::is_regular_file(p, ec)) throw UsageError{"cannot scan '" + raw + "': not a regular file"};
      if (FILE* f = std::fopen(p.c_str(), "rb")) std::fclose(f);
      else throw UsageError{"cannot read '" + raw + "': permission denied"};
      roots.push_back(p.parent_path());
      addFile(p, true);
    }
  }
  out.root = commonDirectory(roots);
  std::vector<llvm::GlobPattern> patterns;
  for (const std::string& e : excludes) {
    auto g = llvm::GlobPattern::create(e);
    if (!g) throw UsageError{"exclude pattern '" + e + "': " + llvm::toString(g.takeError())};
    patterns.push_back(std::move(*g));
  }
  for (const auto& [p, named] : found) {
    std::string rel = fs::path(p).lexically_relative(out.root).string();
    if (!named && std::any_of(patterns.begin(), patterns.end(), [&](const llvm::GlobPattern& g) { return g.match(rel); }))
      continue;
    std::string lang = languageOfInput(p);
    if (!lang.empty() && lang != "onnx") {
      std::error_code ec;
      std::uintmax_t size = fs::file_size(p, ec);
      if (!ec && size > limits.maxFileSize) {
        out.problems.push_back(InputFile{p.string(), lang, InputStatus::Error,
                                         bytesText(size) + ", over the per-file limit of " + bytesText(limits.maxFileSize) +
                                             " (--max-file-size); not scanned"});
        continue;
      }
    }
    if (lang == "python") python.insert(p.string());
    else if (lang == "onnx") onnx.insert(p.string());
    else if (lang == "build") build.insert(p.string());
    else if (!lang.empty()) {
      if (isHeader(p)) includeDirs.insert(p.parent_path().string());
      sources.insert(p.string());
    }
  }
  out.python.assign(python.begin(), python.end());
  out.onnx.assign(onnx.begin(), onnx.end());
  out.buildFiles.assign(build.begin(), build.end());
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
  // Problems are reported like every input: relative to the root, each message naming its path.
  for (InputFile& p : out.problems) {
    std::string rel = fs::path(p.path).lexically_relative(out.root).generic_string();
    if (!rel.empty() && rel.rfind("..", 0) != 0) p.path = rel;
    p.message = p.path + ": " + p.message;
  }
  std::sort(out.problems.begin(), out.problems.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  return out;
}

namespace {

/// Headers reachable through #include lines from the non-header sources, resolved against the
/// includer's directory and the include directories (the lexical include graph).
std::set<std::string> includedHeaders(const DiscoveredInputs& inputs) {
  static const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::set<std::string> headers;
  for (const std::string& s : inputs.sources)
    if (isHeader(s)) headers.insert(s);
  std::set<std::string> reached;
  std::vector<std::string> work;
  for (const std::string& s : inputs.sources)
    if (!isHeader(s)) work.push_back(s);
  while (!work.empty()) {
    std::string file = work.back();
    work.pop_back();
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      // std::regex recurses per character: a huge line would exhaust the stack, and no
      // #include line is that long.
      if (line.size() > 4096 || line.find("include") == std::string::npos || !std::regex_search(line, m, include))
        continue;
      std::vector<fs::path> dirs = {fs::path(file).parent_path()};
      for (const std::string& d : inputs.includeDirs) dirs.emplace_back(d);
      for (const fs::path& d : dirs) {
        std::string candidate = (d / m[1].str()).lexically_normal().string();
        if (headers.count(candidate)) {
          if (reached.insert(candidate).second) work.push_back(candidate);
          break;
        }
      }
    }
  }
  return reached;
}

}  // namespace

void keepShard(DiscoveredInputs& inputs, unsigned k, unsigned n) {
  if (n == 0 || k == 0 || k > n) throw UsageError{"--shard K/N needs 1 <= K <= N"};
  auto mine = [&](const std::string& abs) {
    std::string rel = fs::path(abs).lexically_relative(inputs.root).string();
    return llvm::xxh3_64bits(llvm::StringRef(rel)) % n == k - 1;
  };
  std::set<std::string> included = includedHeaders(inputs);
  std::vector<std::string> sources;
  for (const std::string& s : inputs.sources) {
    if (!isHeader(s)) {
      if (mine(s)) sources.push_back(s);
      else inputs.notOwned.insert(s);
    } else {
      // Headers reached through includers are parsed with them, in whichever shard; the others
      // are parsed alone by the shard that owns them.
      if (included.count(s) || !mine(s)) inputs.headersNotAlone.insert(s);
      sources.push_back(s);
    }
  }
  inputs.sources = std::move(sources);
  for (const std::string& f : inputs.python)
    if (!mine(f)) inputs.notOwned.insert(f);
  std::erase_if(inputs.onnx, [&](const std::string& f) {
    if (mine(f)) return false;
    inputs.notOwned.insert(f);
    return true;
  });
  std::erase_if(inputs.buildFiles, [&](const std::string& f) {
    if (mine(f)) return false;
    inputs.notOwned.insert(f);
    return true;
  });
  std::erase_if(inputs.problems, [&](const InputFile& p) { return !mine((fs::path(inputs.root) / p.path).string()); });
}

}  // namespace opscope::scan
