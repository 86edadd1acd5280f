#include "cuda/CompileCommands.h"

#include <algorithm>
#include <mutex>
#include <set>

#include "clang/Driver/Options.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace opscope::cuda {
namespace {

bool startsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

std::string basename(const std::string& path) { return llvm::sys::path::filename(path).str(); }

bool isSourceFile(const std::string& arg) {
  std::string ext = llvm::sys::path::extension(arg).lower();
  return ext == ".cu" || ext == ".c" || ext == ".cc" || ext == ".cpp" || ext == ".cxx" || ext == ".c++" ||
         ext == ".cuh" || ext == ".o" || ext == ".obj";
}

std::string absolute(const std::string& path, const std::string& directory) {
  if (path.empty() || llvm::sys::path::is_absolute(path)) return path;
  llvm::SmallString<256> p(directory);
  llvm::sys::path::append(p, path);
  llvm::sys::path::remove_dots(p, true);
  return std::string(p);
}

/// True for an include directory of a CUDA toolkit (it holds cuda_runtime_api.h).
bool isToolkitInclude(const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::string, bool> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, inserted] = cache.try_emplace(dir, false);
  if (inserted) {
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, "cuda_runtime_api.h");
    it->second = llvm::sys::fs::exists(p);
  }
  return it->second;
}

// nvcc options that take a separate argument and mean nothing to a host-side parse.
const std::set<std::string> kNvccDropWithArg = {
    "-gencode", "--generate-code", "-arch", "--gpu-architecture", "-code", "--gpu-code", "-Xptxas",
    "--ptxas-options", "-Xnvlink", "--nvlink-options", "-Xlinker", "--linker-options", "-Xcudafe", "-Xfatbin",
    "--fatbin-options", "-Xarchive", "--archive-options", "-ccbin", "--compiler-bindir", "-maxrregcount",
    "--maxrregcount", "-t", "--threads", "--keep-dir", "-odir", "--output-directory", "-cudart", "--cudart",
    "-cudadevrt", "--cudadevrt", "--diag-suppress", "-diag-suppress", "--diag-warn", "--diag-error",
    "--machine", "--optimize", "-dlink-time-opt", "-split-compile", "--split-compile", "--output-file",
    "-rdc", "--relocatable-device-code", "--run-args", "-run-args", "-ftz", "-prec-div", "-prec-sqrt", "-fmad",
    "--ftz", "--prec-div", "--prec-sqrt", "--fmad"};
// nvcc options without argument that a host-side parse ignores.
const std::set<std::string> kNvccDrop = {
    "--expt-extended-lambda", "-expt-extended-lambda", "--extended-lambda", "-extended-lambda",
    "--expt-relaxed-constexpr", "-expt-relaxed-constexpr", "--use_fast_math", "-use_fast_math",
    "--use-fast-math", "-lineinfo", "--generate-line-info", "-G", "--device-debug", "-dc", "--device-c", "-dw",
    "--device-w", "-dlink", "--device-link", "-dlto", "--forward-unknown-to-host-compiler",
    "-forward-unknown-to-host-compiler", "--forward-unknown-opts", "-forward-unknown-opts", "--keep", "-keep",
    "--resource-usage", "-res-usage", "--display-error-number", "-Wno-deprecated-gpu-targets",
    "--Wno-deprecated-gpu-targets", "--expt-relaxed-constexpr", "-static-global-template-stub=true",
    "-static-global-template-stub=false", "--restrict", "-restrict", "--compile", "--no-host-device-initializer-list", "--allow-unsupported-compiler", "-allow-unsupported-compiler",
    "--source-in-ptx", "-src-in-ptx", "-cubin", "-ptx", "-fatbin"};
// Prefixes of nvcc's `--option=value` forms of the options above.
const char* const kNvccDropPrefixes[] = {
    "-arch=", "--gpu-architecture=", "-code=", "--gpu-code=", "-gencode=", "--generate-code=", "-rdc=",
    "--relocatable-device-code=", "-maxrregcount=", "--maxrregcount=", "-Xptxas=", "--ptxas-options=", "-ccbin=",
    "--compiler-bindir=", "-Xcudafe=", "-Xnvlink=", "--diag-suppress=", "-diag-suppress=", "--threads=", "-t=",
    "-ftz=", "-prec-div=", "-prec-sqrt=", "-fmad=", "--ftz=", "--prec-div=", "--prec-sqrt=", "--fmad=",
    "-cudart=", "--cudart=", "--keep-dir=", "-Werror=", "--Werror=", "--split-compile=", "-split-compile=",
    "--optimize=", "--machine=", "--nvlink-options=", "--linker-options=", "-Xlinker="};

/// The kind of nvcc flag, for the user's note.
std::string nvccFlagName(const std::string& arg) {
  size_t eq = arg.find('=');
  return eq == std::string::npos ? arg : arg.substr(0, eq);
}

void splitCommaList(const std::string& value, std::vector<std::string>& out) {
  std::string cur;
  for (char c : value) {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
}

/// Drops arguments Clang's driver does not know (GCC- or nvcc-only), recording them.
std::vector<std::string> dropUnknownToClang(const std::vector<std::string>& args, FlagNotes& notes) {
  if (args.size() <= 1) return args;
  std::vector<const char*> argv;
  for (size_t i = 1; i < args.size(); ++i) argv.push_back(args[i].c_str());
  const llvm::opt::OptTable& table = clang::driver::getDriverOptTable();
  unsigned missingIndex = 0, missingCount = 0;
  llvm::opt::InputArgList list = table.ParseArgs(argv, missingIndex, missingCount);
  std::set<unsigned> unknown;
  for (const llvm::opt::Arg* a : list.filtered(clang::driver::options::OPT_UNKNOWN)) unknown.insert(a->getIndex());
  if (unknown.empty()) return args;
  std::vector<std::string> out = {args[0]};
  for (size_t i = 1; i < args.size(); ++i) {
    if (unknown.count(static_cast<unsigned>(i - 1))) {
      ++notes.dropped[nvccFlagName(args[i]) + " (unknown to Clang)"];
      continue;
    }
    out.push_back(args[i]);
  }
  return out;
}

}  // namespace

std::string FlagNotes::summary() const {
  if (translated.empty() && dropped.empty()) return "";
  auto list = [](const std::map<std::string, unsigned>& m) {
    std::string s;
    for (const auto& [flag, n] : m) s += (s.empty() ? "" : ", ") + flag + (n > 1 ? " (x" + std::to_string(n) + ")" : "");
    return s;
  };
  std::string s = "compile commands translated for Clang";
  if (!translated.empty()) s += "; translated: " + list(translated);
  if (!dropped.empty()) s += "; dropped: " + list(dropped);
  return s;
}

std::vector<std::string> translateCommand(const std::vector<std::string>& commandLine, const std::string& file,
                                          const std::string& directory, const TranslateOptions& options,
                                          FlagNotes& notes) {
  std::vector<std::string> in = commandLine;
  // Compiler launchers: ccache g++ ..., sccache nvcc ...
  while (in.size() > 1 && (basename(in[0]) == "ccache" || basename(in[0]) == "sccache" || basename(in[0]) == "distcc"))
    in.erase(in.begin());
  if (in.empty()) return {};
  std::string driver = basename(in[0]);
  bool nvcc = driver.find("nvcc") != std::string::npos;
  std::string ext = llvm::sys::path::extension(file).lower();
  bool cFile = ext == ".c";
  std::vector<std::string> out = {cFile ? "clang" : "clang++"};
  if (nvcc && (ext == ".cu" || ext == ".cuh")) {
    out.insert(out.end(), {"-x", "cuda"});
  }
  auto path = [&](const std::string& flag, const std::string& value) {
    std::string abs = absolute(value, directory);
    if (options.dropToolkitIncludes && (flag == "-I" || flag == "-isystem" || flag == "-idirafter") && isToolkitInclude(abs)) {
      ++notes.dropped[flag + " <CUDA toolkit include directory> (the bundled shims stand in for it)"];
      return;
    }
    out.push_back(flag);
    out.push_back(abs);
  };
  std::set<std::string> pathFlags = {"-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-isysroot",
                                     "--sysroot"};
  for (size_t i = 1; i < in.size(); ++i) {
    const std::string& a = in[i];
    auto next = [&]() -> std::string { return i + 1 < in.size() ? in[++i] : std::string(); };
    if (a == file || absolute(a, directory) == file || (!a.empty() && a[0] != '-' && isSourceFile(a))) continue;
    if (nvcc) {
      if (a == "-x" && i + 1 < in.size()) {
        std::string lang = next();
        if (lang == "cu") {
          ++notes.translated["-x cu -> -x cuda"];
          lang = "cuda";
        }
        if (lang != "cuda" || !(out.size() > 2 && out[2] == "cuda")) out.insert(out.end(), {"-x", lang});
        continue;
      }
      if (a == "-Xcompiler" || a == "--compiler-options" || startsWith(a, "-Xcompiler=") ||
          startsWith(a, "--compiler-options=")) {
        std::string value = a.find('=') != std::string::npos ? a.substr(a.find('=') + 1) : next();
        std::vector<std::string> host;
        splitCommaList(value, host);
        for (const std::string& h : host) {
          ++notes.translated["-Xcompiler " + nvccFlagName(h) + " -> " + nvccFlagName(h)];
          out.push_back(h);
        }
        continue;
      }
      if (a == "--default-stream" || startsWith(a, "--default-stream=") || a == "-default-stream") {
        std::string value = a.find('=') != std::string::npos ? a.substr(a.find('=') + 1) : next();
        if (value == "per-thread") {
          ++notes.translated["--default-stream per-thread -> -DCUDA_API_PER_THREAD_DEFAULT_STREAM=1"];
          out.push_back("-DCUDA_API_PER_THREAD_DEFAULT_STREAM=1");
        } else {
          ++notes.dropped["--default-stream " + value];
        }
        continue;
      }
      if ((a == "-Werror" || a == "--Werror") && i + 1 < in.size() && !in[i + 1].empty() && in[i + 1][0] != '-') {
        ++notes.dropped[a + " (nvcc warning class)"];
        ++i;
        continue;
      }
      if (kNvccDropWithArg.count(a)) {
        ++notes.dropped[a + " (nvcc-only)"];
        ++i;
        continue;
      }
      if (kNvccDrop.count(a)) {
        ++notes.dropped[a + " (nvcc-only)"];
        continue;
      }
      if (std::any_of(std::begin(kNvccDropPrefixes), std::end(kNvccDropPrefixes),
                      [&](const char* p) { return startsWith(a, p); })) {
        ++notes.dropped[nvccFlagName(a) + " (nvcc-only)"];
        continue;
      }
      if (a == "--include-path" || a == "--system-include" || a == "--pre-include" || a == "--define-macro" ||
          a == "--undefine-macro") {
        std::string value = next();
        std::string flag = a == "--include-path" ? "-I" : a == "--system-include" ? "-isystem" : a == "--pre-include" ? "-include" : a == "--define-macro" ? "-D" : "-U";
        ++notes.translated[a + " -> " + flag];
        if (flag == "-D" || flag == "-U") out.push_back(flag + value);
        else path(flag, value);
        continue;
      }
      if (a == "--std" && i + 1 < in.size()) {
        out.push_back("-std=" + next());
        continue;
      }
      if (startsWith(a, "--std=")) {
        out.push_back(a.substr(1));
        continue;
      }
      for (const char* f : {"-isystem=", "-I=", "--include-path=", "--system-include="}) {
        if (!startsWith(a, f)) continue;
        std::string flag = std::string(f) == "--include-path=" ? "-I" : std::string(f) == "--system-include=" ? "-isystem" : std::string(f).substr(0, std::string(f).size() - 1);
        ++notes.translated[std::string(f) + "DIR -> " + flag + " DIR"];
        path(flag, a.substr(std::string(f).size()));
        goto handled;
      }
    }
    // Arguments of any compiler: output and dependency files go, paths become absolute.
    if (a == "-o" || a == "-MF" || a == "-MT" || a == "-MQ" || a == "-Xclang") {
      ++i;
      continue;
    }
    if (a == "-c" || a == "-MD" || a == "-MMD" || a == "-MP" || a == "-M" || a == "-MM" || a == "-pipe" ||
        startsWith(a, "-o") || startsWith(a, "-MF") || startsWith(a, "-MT") || startsWith(a, "-MQ"))
      continue;
    if (pathFlags.count(a) && i + 1 < in.size()) {
      path(a, next());
      continue;
    }
    if ((startsWith(a, "-I") || startsWith(a, "-iquote")) && a.size() > 2) {
      std::string flag = startsWith(a, "-iquote") ? "-iquote" : "-I";
      path(flag, a.substr(flag.size()));
      continue;
    }
    if (startsWith(a, "-isystem") && a.size() > 8) {
      path("-isystem", a.substr(8));
      continue;
    }
    out.push_back(a);
  handled:;
  }
  return dropUnknownToClang(out, notes);
}

std::optional<CompileDatabase> loadCompileDatabase(const std::string& path, const TranslateOptions& options,
                                                   std::string& error) {
  llvm::SmallString<256> file(path);
  if (llvm::sys::fs::is_directory(file)) llvm::sys::path::append(file, "compile_commands.json");
  std::string message;
  auto json = clang::tooling::JSONCompilationDatabase::loadFromFile(
      file, message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!json) {
    error = std::string(file) + ": " + message;
    return std::nullopt;
  }
  CompileDatabase db;
  for (const clang::tooling::CompileCommand& c : json->getAllCompileCommands()) {
    std::string source = absolute(c.Filename, c.Directory);
    if (db.commands.count(source)) continue;
    std::vector<std::string> args = translateCommand(c.CommandLine, source, c.Directory, options, db.notes);
    if (!args.empty()) db.commands.emplace(source, std::move(args));
  }
  return db;
}

std::string databaseRoot(const CompileDatabase& db) {
  std::string root;
  bool first = true;
  for (const auto& [file, args] : db.commands) {
    std::string dir = llvm::sys::path::parent_path(file).str();
    if (first) {
      root = dir;
      first = false;
      continue;
    }
    while (!root.empty() && !(dir == root || (dir.size() > root.size() && dir.compare(0, root.size(), root) == 0 &&
                                              dir[root.size()] == '/')))
      root = llvm::sys::path::parent_path(root).str();
  }
  return root;
}

}  // namespace opscope::cuda
