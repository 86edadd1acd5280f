#include "cli/Options.h"

#include <cstdlib>

#include "cli/Commands.h"

namespace opscope::cli {

namespace po = boost::program_options;

po::variables_map parseOptions(const std::vector<std::string>& args, const po::options_description& desc,
                               const char* positional, const std::string& command) {
  po::positional_options_description pos;
  pos.add(positional, -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError{std::string(e.what()) + (command.empty() ? "" : " (see opscope " + command + " --help)")};
  }
  return vm;
}

void addScanOptions(po::options_description& desc, ScanOptionValues& v) {
  scan::ScanRequest& r = v.request;
  desc.add_options()
      ("db", po::value(&r.overlays)->composing(), "an opdb overlay file; repeatable, later ones win")
      ("rules", po::value(&r.ruleFiles)->composing(), "a rules file (kind hazards, python or rewrites) layered over the built-in ones; repeatable, later ones win")
      ("exclude", po::value(&r.excludes)->composing(), "leave out paths matching GLOB (relative to the scan root); repeatable")
      ("jobs,j", po::value(&r.jobs)->default_value(0), "parallel parses (0: all cores)")
      ("compile-commands,p", po::value(&r.compileCommands), "compile_commands.json (or its directory) for C/C++/CUDA flags; without PATH, scans its sources")
      ("cuda-path", po::value(&r.cudaPath), "parse against this CUDA toolkit when Clang can (else the bundled shims, with a note)")
      ("unit-timeout", po::value(&v.unitTimeout), "CPU seconds one C/C++/CUDA parse may use before it is stopped and scanned lexically (default 60; 0: no limit); one that waits instead is stopped after ten times that")
      ("unit-memory", po::value(&v.unitMemory), "address space one C/C++/CUDA parse may use (bytes, or with K, M, G; default 8G)")
      ("no-cache", "neither read nor write the result cache ($OPSCOPE_CACHE/results, default ~/.cache/opscope/results)")
      ("cache-size", po::value(&v.cacheSize), "bound on the result cache's size; least recently used entries go first (default 2G)")
      ("import-strategy", po::value(&v.importStrategy), "how scripts get the vendor's names: explicit (rename .cuda(), 'cuda', 'nccl'; default) or runtime (the vendor's migration import, such as transfer_to_npu)")
      ("no-config", "ignore .opscope.yaml")
      ("max-file-size", po::value(&v.maxFileSize), "skip C/C++/CUDA and Python files larger than this (bytes, or with K, M, G; default 16M)")
      ("max-syntax-depth", po::value(&r.maxSyntaxDepth)->default_value(r.maxSyntaxDepth), "skip Python files whose syntax nests deeper than this")
      ("max-onnx-depth", po::value(&r.maxOnnxDepth)->default_value(r.maxOnnxDepth), "refuse ONNX models whose subgraphs (If/Loop/Scan bodies) nest deeper than this");
}

scan::ScanRequest toRequest(ScanOptionValues& v, const po::variables_map& vm) {
  scan::ScanRequest& r = v.request;
  r.cache = !vm.count("no-cache");
  r.noConfig = vm.count("no-config") > 0;
  scan::applyProjectConfig(r);
  // A setting from the command line, else from .opscope.yaml (named as FILE: KEY in errors).
  auto setting = [&](const std::string& option, const std::string& fromConfig, const char* key) {
    if (!option.empty() || !r.config || fromConfig.empty()) return std::pair{option, std::string()};
    return std::pair{fromConfig, r.config->path + ": " + key};
  };
  if (!v.maxFileSize.empty()) r.inputLimits.maxFileSize = scan::parseByteSize("--max-file-size", v.maxFileSize);
  if (!v.cacheSize.empty()) r.cacheMaxBytes = scan::parseByteSize("--cache-size", v.cacheSize);
  if (auto [text, from] = setting(v.unitMemory, r.config ? r.config->unitMemory : "", "unit_memory"); !text.empty())
    r.unitMemoryBytes = scan::parseByteSize(from.empty() ? "--unit-memory" : from, text);
  if (auto [text, from] = setting(v.unitTimeout, r.config ? r.config->unitTimeout : "", "unit_timeout"); !text.empty()) {
    char* end = nullptr;
    double seconds = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end || !(seconds >= 0) || seconds > 1e6)
      throw UsageError{(from.empty() ? "--unit-timeout" : from) + " '" + text + "': expected a number of seconds (0: no limit)"};
    r.unitTimeoutSeconds = seconds;
  }
  if (auto [text, from] = setting(v.importStrategy, r.config ? r.config->importStrategy : "", "import_strategy"); !text.empty()) {
    std::optional<python::PortStrategy> strategy = python::parsePortStrategy(text);
    if (!strategy) throw UsageError{(from.empty() ? "--import-strategy" : from) + " '" + text + "': expected explicit or runtime"};
    r.importStrategy = *strategy;
  }
  if (r.maxSyntaxDepth == 0 || r.maxOnnxDepth == 0) throw UsageError{"--max-syntax-depth and --max-onnx-depth must be at least 1"};
  return r;
}

}  // namespace opscope::cli
