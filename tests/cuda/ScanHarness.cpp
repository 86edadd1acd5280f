#include "ScanHarness.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "rewrite/Rules.h"

namespace opscope::cuda::testing {
namespace fs = std::filesystem;

namespace {

// PyTorch's headers for every scan of the tests are the stand-ins of tests/cuda/fake_sdk, whatever
// the machine has installed (python3's torch, Debian's libtorch-dev): set before any scan asks.
const bool kFakeTorch = [] {
  setenv("OPSCOPE_TORCH_INCLUDE", (fs::path(OPSCOPE_SOURCE_DIR) / "tests/cuda/fake_sdk").c_str(), 1);
  return true;
}();

std::string readText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

Expectations readExpectations(const fs::path& file) {
  static const std::regex check(R"(//\s*CHECK:\s*\[\[@LINE([+-]\d+)?\]\]:(\d+)\s+(.*\S)\s*$)");
  static const std::regex input(R"(//\s*CHECK-INPUT:\s*(\w+)\s*(.*?)\s*$)");
  Expectations e;
  std::ifstream in(file);
  std::string line;
  for (unsigned n = 1; std::getline(in, line); ++n) {
    std::smatch m;
    if (std::regex_search(line, m, check)) {
      ExpectedFinding f;
      f.text = line;
      f.line = n + (m[1].matched ? std::stoi(m[1].str()) : 0);
      f.column = static_cast<unsigned>(std::stoul(m[2].str()));
      std::string rest = m[3].str();
      if (size_t brace = rest.find('{'); brace != std::string::npos) {
        if (rest.back() != '}') {
          e.malformed.push_back(line);
          continue;
        }
        f.detail = rest.substr(brace + 1, rest.size() - brace - 2);
        rest = rest.substr(0, brace);
      }
      std::istringstream words(rest);
      std::vector<std::string> w;
      for (std::string x; words >> x;) w.push_back(x);
      if (w.size() < 3) {
        e.malformed.push_back(line);
        continue;
      }
      f.symbol = w[0];
      f.kind = w[1];
      f.evidence = w[2];
      bool via = false;
      for (size_t i = 3; i < w.size(); ++i) {
        if (w[i] == "via") via = true;
        else if (w[i].rfind("lib=", 0) == 0) f.library = w[i].substr(4), via = false;
        else if (via) f.chain.push_back(w[i]);
        else e.malformed.push_back(line);
      }
      e.findings.push_back(std::move(f));
    } else if (std::regex_search(line, m, input)) {
      e.status = m[1].str();
      e.messagePart = m[2].str();
    }
  }
  return e;
}

std::string describe(const Finding& f) {
  std::string s = std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + " " + f.symbol.name + " " +
                  std::string(toString(f.symbol.kind)) + " " + std::string(toString(f.evidence));
  if (!f.location.macroChain.empty()) {
    s += " via";
    for (const std::string& m : f.location.macroChain) s += " " + m;
  }
  s += " lib=" + f.symbol.library;
  if (!f.detail.empty()) s += " {" + f.detail + "}";
  return s;
}

bool matches(const ExpectedFinding& e, const Finding& f) {
  return e.line == f.location.line && e.column == f.location.column && e.symbol == f.symbol.name &&
         e.kind == toString(f.symbol.kind) && e.evidence == toString(f.evidence) && e.chain == f.location.macroChain &&
         (!e.library || *e.library == f.symbol.library) && (!e.detail || *e.detail == f.detail);
}

const SymbolCatalog& testCatalog() {
  static db::Database database;
  static const db::DatabaseCatalog catalog = [] {
    fs::path universe = fs::path(OPSCOPE_SOURCE_DIR) / "tests/cuda/universe.yaml";
    std::vector<db::Diagnostic> diags;
    bool ok = database.addLayer("test-universe", {db::SourceText{universe.string(), readText(universe)}}, diags);
    for (const db::Diagnostic& d : diags) ADD_FAILURE() << d.str();
    EXPECT_TRUE(ok);
    return db::DatabaseCatalog(database);
  }();
  return catalog;
}

ScanOptions optionsWithRules(const std::string& root) {
  static const rewrite::RuleSet rules = [] {
    rewrite::RuleSet set;
    std::vector<db::Diagnostic> diags;
    std::vector<db::SourceText> files;
    for (const auto& e : fs::directory_iterator(fs::path(OPSCOPE_SOURCE_DIR) / "rules/cuda"))
      if (e.path().extension() == ".yaml") files.push_back(db::SourceText{e.path().string(), readText(e.path())});
    EXPECT_TRUE(set.load(files, {"ascend", "cambricon", "dcu", "enflame"}, diags));
    for (const db::Diagnostic& d : diags) ADD_FAILURE() << d.str();
    return set;
  }();
  ScanOptions options;
  options.root = root;
  for (const rewrite::HazardRule& h : rules.hazards()) {
    for (const std::string& c : h.checks) options.checkHazards[c] = h.id;
    for (const std::string& s : h.symbols) options.hazardTriggers.push_back(HazardTrigger{h.id, s});
  }
  return options;
}

}  // namespace opscope::cuda::testing
