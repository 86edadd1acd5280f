// The YAML side of the opdb loader: one file's diagnostics and node helpers that report at
// the offending node (FILE:LINE:COLUMN), over LLVM's YAML parser.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "db/Database.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace opscope::db {

namespace yaml = llvm::yaml;

/// One file being read: its diagnostics and YAML helpers that report at the offending node.
class FileReader {
 public:
  FileReader(const SourceText& src, std::vector<Diagnostic>& diags)
      : src_(src), diags_(diags), stream_(src.text, sm_, /*ShowColors=*/false) {
    sm_.setDiagHandler(&FileReader::onParserDiag, this);
  }

  yaml::Stream& stream() { return stream_; }
  bool hadError() const { return errors_ > 0; }

  void error(const yaml::Node* node, const std::string& message) {
    report(node ? node->getSourceRange().Start : llvm::SMLoc(), Diagnostic::Severity::Error, message);
  }
  void warning(const yaml::Node* node, const std::string& message) {
    report(node ? node->getSourceRange().Start : llvm::SMLoc(), Diagnostic::Severity::Warning,
           message);
  }

  /// The node's plain text, or nullopt (and an error) if it is not a scalar.
  std::optional<std::string> scalar(yaml::Node* node, std::string_view what) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::ScalarNode>(node)) {
      llvm::SmallString<64> storage;
      return s->getValue(storage).str();
    }
    if (auto* b = llvm::dyn_cast_or_null<yaml::BlockScalarNode>(node)) return b->getValue().str();
    rejectAlias(node);
    error(node, std::string(what) + " must be a scalar");
    return std::nullopt;
  }

  yaml::MappingNode* mapping(yaml::Node* node, std::string_view what) {
    if (auto* m = llvm::dyn_cast_or_null<yaml::MappingNode>(node)) return m;
    if (!rejectAlias(node)) error(node, std::string(what) + " must be a mapping");
    return nullptr;
  }

  yaml::SequenceNode* sequence(yaml::Node* node, std::string_view what) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::SequenceNode>(node)) return s;
    if (!rejectAlias(node)) error(node, std::string(what) + " must be a list");
    return nullptr;
  }

  /// Walks a mapping; `onKey` returns false for a key it does not know, which is an error.
  /// Duplicate keys are errors too.
  void forEachKey(yaml::MappingNode* map, std::string_view what,
                  const std::function<bool(const std::string&, yaml::Node*, yaml::Node*)>& onKey) {
    std::set<std::string> seen;
    for (yaml::KeyValueNode& kv : *map) {
      std::optional<std::string> key = scalar(kv.getKey(), "a key");
      if (!key) {
        kv.skip();
        continue;
      }
      if (!seen.insert(*key).second) {
        error(kv.getKey(), "duplicate key '" + *key + "' in " + std::string(what));
        kv.skip();
        continue;
      }
      yaml::Node* value = kv.getValue();
      if (!onKey(*key, kv.getKey(), value))
        error(kv.getKey(), "unknown key '" + *key + "' in " + std::string(what));
      if (value) value->skip();
    }
  }

  unsigned lineOf(const yaml::Node* node) {
    return sm_.getLineAndColumn(node->getSourceRange().Start).first;
  }

 private:
  bool rejectAlias(yaml::Node* node) {
    if (auto* alias = llvm::dyn_cast_or_null<yaml::AliasNode>(node)) {
      // LLVM gives alias nodes no source range; the name points into the buffer, after '*'.
      report(llvm::SMLoc::getFromPointer(alias->getName().data() - 1), Diagnostic::Severity::Error,
             "YAML aliases are not allowed in the opdb");
      return true;
    }
    return false;
  }

  void report(llvm::SMLoc loc, Diagnostic::Severity sev, const std::string& message) {
    Diagnostic d;
    d.file = src_.path;
    d.severity = sev;
    d.message = message;
    if (loc.isValid()) {
      auto [line, col] = sm_.getLineAndColumn(loc);
      d.line = line;
      d.column = col;
    } else {
      d.line = 1;
      d.column = 1;
    }
    if (sev == Diagnostic::Severity::Error) ++errors_;
    diags_.push_back(std::move(d));
  }

  static void onParserDiag(const llvm::SMDiagnostic& d, void* ctx) {
    auto* self = static_cast<FileReader*>(ctx);
    Diagnostic out;
    out.file = self->src_.path;
    out.line = d.getLineNo() > 0 ? d.getLineNo() : 1;
    out.column = d.getColumnNo() >= 0 ? d.getColumnNo() + 1 : 1;
    out.message = "YAML syntax: " + d.getMessage().str();
    ++self->errors_;
    self->diags_.push_back(std::move(out));
  }

  const SourceText& src_;
  std::vector<Diagnostic>& diags_;
  llvm::SourceMgr sm_;
  yaml::Stream stream_;
  unsigned errors_ = 0;
};

/// [a-z][a-z0-9_-]*: platform and accelerator ids.
bool validId(const std::string& s);
/// YYYY-MM-DD.
bool validDate(const std::string& s);
/// A non-negative decimal integer of at most 9 digits.
std::optional<int> parseCount(const std::string& s);
/// A decimal number (digits, at most one '.'), as hardware figures are written.
std::optional<double> parseNumber(const std::string& s);

}  // namespace opscope::db
