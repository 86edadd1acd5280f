#include "rewrite/Verify.h"

#include <clang/Basic/DiagnosticLex.h>
#include <clang/CodeGen/CodeGenAction.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

namespace opscope::rewrite {
namespace fs = std::filesystem;
namespace {

bool hasExtension(const std::string& path, std::initializer_list<const char*> exts) {
  std::string ext = fs::path(path).extension().string();
  return std::any_of(exts.begin(), exts.end(), [&](const char* e) { return ext == e; });
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string hipVersionOf(const std::string& root) {
  std::string text = slurp(fs::path(root) / "include" / "hip" / "hip_version.h");
  std::string v;
  for (const char* part : {"MAJOR", "MINOR", "PATCH"}) {
    std::smatch m;
    std::regex re(std::string(R"(#define\s+HIP_VERSION_)") + part + R"(\s+(\d+))");
    if (!std::regex_search(text, m, re)) return v;
    v += (v.empty() ? "" : ".") + m[1].str();
  }
  return v;
}

/// Collects the errors of one parse, relative to `root` where the file is under it.
class VerdictCollector : public clang::DiagnosticConsumer {
 public:
  explicit VerdictCollector(std::string root) : root_(std::move(root)) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    llvm::SmallString<128> text;
    info.FormatDiagnostic(text);
    VerifyError e;
    e.message = text.str().str();
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid()) {
        e.file = p.getFilename();
        e.line = p.getLine();
        e.column = p.getColumn();
      }
    }
    if (!e.file.empty() && e.file.compare(0, root_.size() + 1, root_ + "/") == 0) e.file = e.file.substr(root_.size() + 1);
    if (info.getID() == clang::diag::err_pp_file_not_found) {
      llvm::StringRef quoted = llvm::StringRef(text).split('\'').second.split('\'').first;
      missingHeaders.push_back(quoted.str());
    }
    errors.push_back(std::move(e));
  }
  std::vector<VerifyError> errors;
  std::vector<std::string> missingHeaders;

 private:
  std::string root_;
};

std::vector<std::string> commonArguments(const std::string& file, const VerifyOptions& o) {
  std::vector<std::string> args = {"clang++", "-x", "hip", "-std=" + o.standard, "--rocm-path=" + o.hip.root,
                                   "--offload-arch=" + o.offloadArch, "-nogpulib", "-w", "-ferror-limit=0",
                                   "-fno-caret-diagnostics", "-resource-dir", OPSCOPE_CLANG_RESOURCE_DIR};
  if (!o.hip.version.empty()) args.push_back("--hip-version=" + o.hip.version);
  args.push_back("-I" + fs::path(file).parent_path().string());
  for (const std::string& d : o.includeDirs) {
    args.push_back("-idirafter");
    args.push_back(d);
  }
  return args;
}

/// One parse of `file`: the host side (syntax) or the device side (through code generation for
/// the offload architecture: the AMDGPU assembler sees inline assembly there, as hipcc's does).
void parse(const std::string& file, const VerifyOptions& o, bool device, VerdictCollector& collector) {
  std::vector<std::string> args = commonArguments(file, o);
  if (device) {
    for (const char* a : {"--cuda-device-only", "-c", "-o", "/dev/null"}) args.emplace_back(a);
  } else {
    for (const char* a : {"--cuda-host-only", "-fsyntax-only"}) args.emplace_back(a);
  }
  args.push_back(file);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions());
  std::unique_ptr<clang::FrontendAction> action;
  if (device) action = std::make_unique<clang::EmitObjAction>();
  else action = std::make_unique<clang::SyntaxOnlyAction>();
  clang::tooling::ToolInvocation invocation(args, std::move(action), files.get());
  invocation.setDiagnosticConsumer(&collector);
  if (!invocation.run() && collector.errors.empty())
    collector.errors.push_back(VerifyError{"", 0, 0, std::string("Clang could not run the ") + (device ? "device" : "host") + " parse", 0});
}

}  // namespace

std::string VerifyError::str() const {
  std::string where = file.empty() ? "" : file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  std::string original = originalLine && originalLine != line ? " (line " + std::to_string(originalLine) + " before the rewrite)" : "";
  return where + message + original;
}

unsigned VerifyReport::compiling() const {
  return static_cast<unsigned>(std::count_if(files.begin(), files.end(), [](const FileVerdict& f) { return f.compiles; }));
}

std::map<std::string, std::vector<std::string>> VerifyReport::missingLibraries() const {
  std::map<std::string, std::vector<std::string>> out;
  for (const FileVerdict& f : files)
    if (!f.missingLibraryHeader.empty()) out[f.missingLibraryHeader].push_back(f.file);
  return out;
}

std::optional<HipInstallation> findHipInstallation(const std::string& given, std::string& error) {
  auto rootOf = [](const fs::path& dir) -> std::optional<std::string> {
    for (const fs::path& root : {dir, dir.parent_path(), dir.parent_path().parent_path()})
      if (!root.empty() && fs::exists(root / "include" / "hip" / "hip_runtime.h"))
        return fs::absolute(root).lexically_normal().string();
    return std::nullopt;
  };
  if (!given.empty()) {
    fs::path p = fs::absolute(given).lexically_normal();
    if (p.has_filename() == false) p = p.parent_path();
    if (auto root = rootOf(p)) return HipInstallation{*root, hipVersionOf(*root)};
    error = "--hip-path " + given + ": no include/hip/hip_runtime.h there (give the ROCm or DTK root, or its include/hip)";
    return std::nullopt;
  }
  for (const char* candidate : {"/opt/rocm", "/usr"})
    if (fs::exists(fs::path(candidate) / "include" / "hip" / "hip_runtime.h"))
      return HipInstallation{candidate, hipVersionOf(candidate)};
  error = "no HIP installation found (/opt/rocm, /usr/include/hip); install HIP (Debian: libamdhip64-dev) or give --hip-path DIR";
  return std::nullopt;
}

std::vector<std::string> translationUnits(const std::string& root) {
  std::vector<std::string> sources;
  std::set<std::string> includedNames;
  static const std::regex include(R"(#\s*include\s*["<]([^">]+)[">])");
  for (const auto& entry : fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied)) {
    if (!entry.is_regular_file()) continue;
    std::string path = entry.path().string();
    if (!hasExtension(path, {".cu", ".cpp", ".cc", ".cxx", ".hip", ".c", ".h", ".hpp", ".cuh", ".hh", ".inl"})) continue;
    std::string text = slurp(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it)
      includedNames.insert(fs::path((*it)[1].str()).filename().string());
    if (hasExtension(path, {".cu", ".cpp", ".cc", ".cxx", ".hip", ".c"}))
      sources.push_back(entry.path().lexically_relative(root).generic_string());
  }
  std::vector<std::string> out;
  for (const std::string& s : sources)
    if (!includedNames.count(fs::path(s).filename().string())) out.push_back(s);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> headerDirectories(const std::string& root) {
  std::set<std::string> dirs;
  for (const auto& entry : fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied))
    if (entry.is_regular_file() && hasExtension(entry.path().string(), {".h", ".hpp", ".hh", ".cuh", ".inl"}))
      dirs.insert(entry.path().parent_path().string());
  return {dirs.begin(), dirs.end()};
}

unsigned originalLineOf(const std::string& original, const std::vector<Edit>& edits, unsigned rewrittenLine) {
  std::vector<const Edit*> sorted;
  for (const Edit& e : edits) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const Edit* a, const Edit* b) { return a->offset < b->offset; });
  auto newlines = [](std::string_view s) { return static_cast<unsigned>(std::count(s.begin(), s.end(), '\n')); };
  unsigned newLine = 1, origLine = 1;
  std::uint64_t pos = 0;
  for (const Edit* e : sorted) {
    if (e->offset < pos || e->offset + e->length > original.size()) continue;
    unsigned n = newlines(std::string_view(original).substr(pos, e->offset - pos));
    if (rewrittenLine < newLine + n) return origLine + (rewrittenLine - newLine);
    newLine += n;
    origLine += n;
    unsigned on = newlines(std::string_view(original).substr(e->offset, e->length)), rn = newlines(e->replacement);
    if (rewrittenLine < newLine + rn) return e->length == 0 ? 0 : origLine + std::min(rewrittenLine - newLine, on);
    newLine += rn;
    origLine += on;
    pos = e->offset + e->length;
  }
  return origLine + (rewrittenLine - newLine);
}

VerifyReport verifyTree(const std::string& root, const std::vector<std::string>& units, const VerifyOptions& options,
                        const std::map<std::string, RewrittenFile>& rewritten) {
  // The device side generates AMDGPU code (and assembles inline asm): the targets must be there.
  static std::once_flag targets;
  std::call_once(targets, [] {
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    llvm::InitializeAllAsmParsers();
  });
  VerifyReport report;
  report.hip = options.hip;
  report.offloadArch = options.offloadArch;
  std::string absRoot = fs::absolute(root).lexically_normal().string();
  while (absRoot.size() > 1 && absRoot.back() == '/') absRoot.pop_back();
  for (const std::string& unit : units) {
    FileVerdict v;
    v.file = unit;
    std::string path = (fs::path(absRoot) / unit).string();
    VerdictCollector host(absRoot), device(absRoot);
    parse(path, options, false, host);
    // A missing header fails the device side the same way; one parse says it.
    if (host.missingHeaders.empty()) parse(path, options, true, device);
    std::vector<VerifyError> all = host.errors;
    // The device side repeats the host's errors in code both sides see; keep each place once.
    std::set<std::tuple<std::string, unsigned, unsigned, std::string>> seen;
    for (const VerifyError& e : host.errors) seen.insert({e.file, e.line, e.column, e.message});
    for (const VerifyError& e : device.errors)
      if (seen.insert({e.file, e.line, e.column, e.message}).second) all.push_back(e);
    v.errorCount = static_cast<unsigned>(all.size());
    v.compiles = all.empty();
    if (!host.missingHeaders.empty()) v.missingLibraryHeader = host.missingHeaders.front();
    for (VerifyError& e : all) {
      if (v.errors.size() >= options.maxErrors) break;
      auto edited = rewritten.find(e.file);
      if (edited != rewritten.end() && e.line > 0) e.originalLine = originalLineOf(edited->second.original, edited->second.edits, e.line);
      v.errors.push_back(e);
    }
    report.files.push_back(std::move(v));
  }
  return report;
}

void writeVerifyText(const VerifyReport& report, std::ostream& out) {
  for (const FileVerdict& f : report.files) {
    if (f.compiles) {
      out << f.file << ": compiles\n";
      continue;
    }
    if (!f.missingLibraryHeader.empty()) {
      out << f.file << ": not checked: " << f.missingLibraryHeader << " is not in this HIP installation\n";
      continue;
    }
    out << f.file << ": does not compile (" << f.errorCount << " error(s))\n";
    for (const VerifyError& e : f.errors) out << "  " << e.str() << "\n";
  }
  for (const auto& [header, files] : report.missingLibraries())
    out << "note: " << header << " is not in the HIP installation at " << report.hip.root << ": " << files.size()
        << " file(s) including it could not be checked (install the library's headers, or give --hip-path)\n";
  out << "opscope rewrite --verify: " << report.compiling() << " of " << report.files.size()
      << " file(s) compile as HIP " << (report.hip.version.empty() ? "(version unknown)" : report.hip.version) << " ("
      << report.hip.root << ") for " << report.offloadArch << "\n";
}

void writeVerifyJson(const VerifyReport& report, std::ostream& out) {
  std::string buffer;
  llvm::raw_string_ostream os(buffer);
  llvm::json::OStream j(os, 1);
  j.object([&] {
    j.attributeObject("hip", [&] {
      j.attribute("root", report.hip.root);
      j.attribute("version", report.hip.version);
    });
    j.attribute("offload_arch", report.offloadArch);
    j.attributeArray("files", [&] {
      for (const FileVerdict& f : report.files)
        j.object([&] {
          j.attribute("file", f.file);
          j.attribute("compiles", f.compiles);
          j.attribute("error_count", static_cast<int64_t>(f.errorCount));
          if (!f.missingLibraryHeader.empty()) j.attribute("missing_library_header", f.missingLibraryHeader);
          j.attributeArray("errors", [&] {
            for (const VerifyError& e : f.errors) j.value(e.str());
          });
        });
    });
    j.attributeObject("missing_libraries", [&] {
      for (const auto& [header, files] : report.missingLibraries())
        j.attributeArray(header, [&] {
          for (const std::string& f : files) j.value(f);
        });
    });
    j.attributeObject("summary", [&] {
      j.attribute("files", static_cast<int64_t>(report.files.size()));
      j.attribute("compile", static_cast<int64_t>(report.compiling()));
    });
  });
  os.flush();
  out << buffer << "\n";
}

}  // namespace opscope::rewrite
