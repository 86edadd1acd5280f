// Shared helpers of the Python frontend tests: the inputs tree, a symbol catalog read from
// tests/python/inputs/catalog.txt, the built-in rules, and applying suggestions to text.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/SymbolCatalog.h"
#include "python/PythonFrontend.h"

namespace opscope::python::test {

/// The .py files under tests/python/inputs, relative to it, sorted.
const std::vector<std::string>& inputFiles();
std::string inputText(const std::string& rel);
std::string inputsDir();

/// The catalog of catalog.txt.
const SymbolCatalog& catalog();
/// The built-in rules (rules/python), one set per platform.
const std::vector<RuleSet>& rules();
const std::vector<std::string>& platforms();

ScanResult scanInputs(unsigned jobs);
/// One scan of the whole inputs tree with every platform's rules, shared by the tests.
const ScanResult& scanOfInputs();
/// The built-in Python rules, one set per platform, as a scan uses them.
std::vector<RuleSet> platformRules();
std::vector<Suggestion> suggestionsFor(const std::string& rel, const std::string& platform);

/// Suggestions seen line by line: the rewritten text of each changed line, the lines inserted
/// before a line, and advice as "LINE:COL rule-id".
struct Rewrite {
  std::map<unsigned, std::string> fixes;
  std::map<unsigned, std::vector<std::string>> inserts;
  std::set<std::string> advice;
  std::string problems;  // overlapping edits, edits across lines, insertions off a line start
};
Rewrite rewriteByLine(const std::string& text, const std::vector<Suggestion>& suggestions);

/// `text` with every edit applied (advice changes nothing). Overlapping edits throw.
std::string applyAll(const std::string& text, const std::vector<Suggestion>& suggestions);

/// Compiles `files` with python3's py_compile; returns the ones that fail, with the error (key ""
/// if python3 itself could not run).
std::map<std::string, std::string> pyCompileFailures(const std::vector<std::string>& files);

}  // namespace opscope::python::test
