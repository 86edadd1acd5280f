#include "PythonTestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include <unistd.h>

#include "scan/PythonRules.h"

namespace opscope::python::test {
namespace fs = std::filesystem;

namespace {

class FileCatalog final : public SymbolCatalog {
 public:
  FileCatalog() {
    std::ifstream in(inputsDir() + "/catalog.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string name, kind, library;
      fields >> name >> kind >> library;
      auto k = parseSymbolKind(kind);
      if (!k) throw std::runtime_error("catalog.txt: bad kind " + kind);
      symbols_[name] = Symbol{name, *k, library};
    }
  }
  std::optional<Symbol> find(std::string_view name) const override {
    auto it = symbols_.find(std::string(name));
    if (it == symbols_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::string, Symbol> symbols_;
};

}  // namespace

std::string inputsDir() { return std::string(OPSCOPE_SOURCE_DIR) + "/tests/python/inputs"; }

const std::vector<std::string>& inputFiles() {
  static const std::vector<std::string> files = [] {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(inputsDir()))
      if (e.is_regular_file() && isPythonFile(e.path().string()))
        out.push_back(fs::relative(e.path(), inputsDir()).generic_string());
    std::sort(out.begin(), out.end());
    return out;
  }();
  return files;
}

std::string inputText(const std::string& rel) {
  std::ifstream in(inputsDir() + "/" + rel, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const SymbolCatalog& catalog() {
  static const FileCatalog c;
  return c;
}

const std::vector<RuleSet>& rules() {
  static const std::vector<RuleSet> sets = [] {
    std::vector<RuleSet> out;
    std::vector<db::Diagnostic> diags;
    bool ok = scan::loadPythonRules(scan::builtinPythonRuleFiles(), out, diags);
    for (const db::Diagnostic& d : diags) ADD_FAILURE() << d.str();
    EXPECT_TRUE(ok);
    return out;
  }();
  return sets;
}

const std::vector<std::string>& platforms() {
  static const std::vector<std::string> ids = {"ascend", "cambricon", "dcu", "enflame"};
  return ids;
}

std::vector<RuleSet> platformRules() {
  std::vector<RuleSet> out;
  for (const std::string& p : platforms()) out.push_back(scan::rulesFor(rules(), p));
  return out;
}

ScanResult scanInputs(unsigned jobs) {
  std::vector<SourceFile> files;
  for (const std::string& rel : inputFiles()) files.push_back(SourceFile{rel, inputText(rel)});
  ScanOptions options;
  options.jobs = jobs;
  options.rules = platformRules();
  return scan(files, catalog(), options);
}

const ScanResult& scanOfInputs() {
  static const ScanResult result = scanInputs(2);
  return result;
}

std::vector<Suggestion> suggestionsFor(const std::string& rel, const std::string& platform) {
  std::vector<Suggestion> out;
  for (const Suggestion& s : scanOfInputs().suggestions)
    if (s.file == rel && s.platform == platform) out.push_back(s);
  return out;
}

Rewrite rewriteByLine(const std::string& text, const std::vector<Suggestion>& suggestions) {
  Rewrite out;
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  auto lineOf = [&](uint64_t off) {
    return static_cast<unsigned>(std::upper_bound(starts.begin(), starts.end(), off) - starts.begin());
  };
  auto lineText = [&](unsigned line) {
    size_t b = starts[line - 1];
    size_t e = text.find('\n', b);
    std::string s = text.substr(b, e == std::string::npos ? std::string::npos : e - b);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s;
  };
  std::map<unsigned, std::vector<const Suggestion*>> byLine;
  for (const Suggestion& s : suggestions) {
    unsigned line = lineOf(s.offset);
    if (s.line != line || s.column != s.offset - starts[line - 1] + 1)
      out.problems += "suggestion at offset " + std::to_string(s.offset) + " says " + std::to_string(s.line) + ":" +
                      std::to_string(s.column) + "; ";
    if (s.length == 0 && s.replacement.empty()) {
      std::string id = s.reason.substr(s.reason.rfind("(rule ") + 6);
      id.pop_back();
      out.advice.insert(std::to_string(line) + ":" + std::to_string(s.column) + " " + id);
    } else if (s.length == 0 && s.replacement.find('\n') != std::string::npos) {
      if (s.offset != starts[line - 1] && s.offset != text.size())
        out.problems += "insertion at " + std::to_string(s.offset) + " is not at a line start; ";
      std::istringstream lines(s.replacement);
      std::string l;
      while (std::getline(lines, l)) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        if (!l.empty()) out.inserts[line].push_back(l);
      }
    } else {
      if (lineOf(s.offset + s.length) != line && s.length > 0)
        out.problems += "edit at " + std::to_string(s.offset) + " spans lines; ";
      byLine[line].push_back(&s);
    }
  }
  for (auto& [line, edits] : byLine) {
    std::string original = lineText(line);
    std::string rewritten;
    size_t pos = 0;
    for (const Suggestion* s : edits) {
      size_t col = s->offset - starts[line - 1];
      if (col < pos) {
        out.problems += "overlapping edits on line " + std::to_string(line) + "; ";
        continue;
      }
      rewritten += original.substr(pos, col - pos) + s->replacement;
      pos = col + s->length;
    }
    rewritten += original.substr(std::min(pos, original.size()));
    out.fixes[line] = rewritten;
  }
  return out;
}

std::string applyAll(const std::string& text, const std::vector<Suggestion>& suggestions) {
  std::vector<const Suggestion*> edits;
  for (const Suggestion& s : suggestions)
    if (s.length > 0 || !s.replacement.empty()) edits.push_back(&s);
  std::stable_sort(edits.begin(), edits.end(), [](const Suggestion* a, const Suggestion* b) { return a->offset < b->offset; });
  std::string out;
  uint64_t pos = 0;
  for (const Suggestion* s : edits) {
    if (s->offset < pos) throw std::runtime_error("overlapping edits at offset " + std::to_string(s->offset));
    out += text.substr(pos, s->offset - pos) + s->replacement;
    pos = s->offset + s->length;
  }
  return out + text.substr(pos);
}

std::map<std::string, std::string> pyCompileFailures(const std::vector<std::string>& files) {
  std::map<std::string, std::string> failures;
  if (files.empty()) return failures;
  // One interpreter for all files (starting one can take a second); byte code goes to a
  // temporary prefix, never next to the inputs in the source tree.
  fs::path dir = fs::temp_directory_path() / ("opscope-pycompile-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "check.py") << "import sys, py_compile\n"
                                     "for f in sys.argv[1:]:\n"
                                     "    try:\n"
                                     "        py_compile.compile(f, doraise=True)\n"
                                     "    except py_compile.PyCompileError as e:\n"
                                     "        print('FAILED ' + f + ' ' + str(e).replace('\\n', ' '))\n";
  std::string cmd = "PYTHONPYCACHEPREFIX='" + (dir / "cache").string() + "' " + std::string(OPSCOPE_PYTHON3) + " '" +
                    (dir / "check.py").string() + "'";
  for (const std::string& f : files) cmd += " '" + f + "'";
  cmd += " 2>&1";
  std::string output;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    std::array<char, 4096> buf{};
    while (size_t n = fread(buf.data(), 1, buf.size(), p)) output.append(buf.data(), n);
    if (pclose(p) != 0) failures[""] = "python3 failed: " + output;
  } else {
    failures[""] = "cannot run " + cmd;
  }
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with("FAILED ")) continue;
    for (const std::string& f : files)
      if (line.compare(7, f.size(), f) == 0) failures[f] = line.substr(7 + f.size());
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return failures;
}

}  // namespace opscope::python::test
