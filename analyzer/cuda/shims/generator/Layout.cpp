#include "Layout.h"

#include <functional>
#include <set>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace opscope::shimgen {
namespace yaml = llvm::yaml;

const LibraryLayout* Layout::find(const std::string& name) const {
  for (const LibraryLayout& l : libraries)
    if (l.name == name) return &l;
  return nullptr;
}

bool globMatch(const std::string& glob, const std::string& name) {
  // Iterative wildcard match with backtracking on the last '*'.
  size_t g = 0, n = 0, star = std::string::npos, mark = 0;
  while (n < name.size()) {
    if (g < glob.size() && (glob[g] == '?' || glob[g] == name[n])) {
      ++g;
      ++n;
    } else if (g < glob.size() && glob[g] == '*') {
      star = g++;
      mark = n;
    } else if (star != std::string::npos) {
      g = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

namespace {

class Reader {
 public:
  Reader(const std::string& path, const std::string& text, std::vector<std::string>& errors)
      : path_(path), errors_(errors), stream_(text, sm_) {
    sm_.setDiagHandler([](const llvm::SMDiagnostic& d, void* self) {
      static_cast<Reader*>(self)->errorAt(d.getLoc(), d.getMessage().str());
    }, this);
  }

  std::optional<Layout> read() {
    Layout layout;
    auto doc = stream_.begin();
    if (doc == stream_.end() || !doc->getRoot()) {
      errorAt(llvm::SMLoc(), "empty layout");
      return std::nullopt;
    }
    auto* top = mapping(doc->getRoot(), "the layout");
    bool sawVersion = false;
    if (top) {
      for (yaml::KeyValueNode& kv : *top) {
        std::string key = scalar(kv.getKey());
        if (key == "shims") {
          sawVersion = true;
          if (scalar(kv.getValue()) != "1") error(kv.getValue(), "unsupported layout version (expected shims: 1)");
        } else if (key == "libraries") {
          if (auto* seq = sequence(kv.getValue(), "libraries"))
            for (yaml::Node& n : *seq) readLibrary(&n, layout);
        } else {
          error(kv.getKey(), "unknown key '" + key + "'");
        }
      }
      if (!sawVersion) error(top, "missing 'shims: 1'");
    }
    std::set<std::string> names;
    for (const LibraryLayout& l : layout.libraries) names.insert(l.name);
    for (const auto& [lib, req, node] : requiresToCheck_)
      if (!names.count(req)) error(node, "library '" + lib + "' requires unknown library '" + req + "'");
    if (errorCount_ > 0) return std::nullopt;
    return layout;
  }

 private:
  void readLibrary(yaml::Node* node, Layout& layout) {
    auto* m = mapping(node, "a library");
    if (!m) return;
    LibraryLayout lib;
    for (yaml::KeyValueNode& kv : *m) {
      std::string key = scalar(kv.getKey());
      yaml::Node* v = kv.getValue();
      if (key == "name") lib.name = scalar(v);
      else if (key == "core") lib.core = scalar(v);
      else if (key == "headers") lib.headers = strings(v);
      else if (key == "header_dirs") lib.headerDirs = strings(v);
      else if (key == "requires") {
        lib.requires_ = strings(v);
        for (const std::string& r : lib.requires_) requiresToCheck_.emplace_back(lib.name, r, v);
      } else if (key == "api") {
        std::string api = scalar(v);
        if (api != "host" && api != "device") error(v, "api must be host or device");
        lib.deviceApi = api == "device";
      } else if (key == "status") lib.status = scalar(v);
      else if (key == "returns") {
        if (auto* seq = sequence(v, "returns"))
          for (yaml::Node& n : *seq) {
            ReturnRule r;
            fields(&n, "a return rule", {{"match", &r.match}, {"type", &r.type}});
            lib.returns.push_back(r);
          }
      } else if (key == "hooks") {
        if (auto* seq = sequence(v, "hooks"))
          for (yaml::Node& n : *seq) {
            EnumHook h;
            if (auto* hm = mapping(&n, "a hook"))
              for (yaml::KeyValueNode& hkv : *hm) {
                std::string hk = scalar(hkv.getKey());
                if (hk == "enum") h.tag = scalar(hkv.getValue());
                else if (hk == "match") h.match = strings(hkv.getValue());
                else error(hkv.getKey(), "unknown key '" + hk + "' in a hook");
              }
            if (h.tag.empty() || h.match.empty()) error(&n, "a hook needs enum and match");
            lib.hooks.push_back(h);
          }
      } else if (key == "handles") lib.handles = strings(v);
      else if (key == "not_handles") lib.notHandles = strings(v);
      else if (key == "constants") lib.constants = strings(v);
      else if (key == "generate") {
        std::string g = scalar(v);
        if (g != "true" && g != "false") error(v, "generate must be true or false");
        lib.generate = g == "true";
      }
      else error(kv.getKey(), "unknown key '" + key + "' in a library");
    }
    if (lib.name.empty()) error(node, "a library needs a name");
    else if (layout.find(lib.name)) error(node, "library '" + lib.name + "' appears twice");
    layout.libraries.push_back(std::move(lib));
  }

  void fields(yaml::Node* node, const std::string& what, std::vector<std::pair<std::string, std::string*>> wanted) {
    auto* m = mapping(node, what);
    if (!m) return;
    for (yaml::KeyValueNode& kv : *m) {
      std::string key = scalar(kv.getKey());
      bool known = false;
      for (auto& [name, slot] : wanted)
        if (name == key) {
          *slot = scalar(kv.getValue());
          known = true;
        }
      if (!known) error(kv.getKey(), "unknown key '" + key + "' in " + what);
    }
    for (auto& [name, slot] : wanted)
      if (slot->empty()) error(node, what + " needs '" + name + "'");
  }

  std::vector<std::string> strings(yaml::Node* node) {
    std::vector<std::string> out;
    if (auto* seq = sequence(node, "a list"))
      for (yaml::Node& n : *seq) out.push_back(scalar(&n));
    return out;
  }

  std::string scalar(yaml::Node* node) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::ScalarNode>(node)) {
      llvm::SmallString<64> storage;
      return s->getValue(storage).str();
    }
    error(node, "expected a scalar");
    return "";
  }
  yaml::MappingNode* mapping(yaml::Node* node, const std::string& what) {
    if (auto* m = llvm::dyn_cast_or_null<yaml::MappingNode>(node)) return m;
    error(node, what + " must be a mapping");
    return nullptr;
  }
  yaml::SequenceNode* sequence(yaml::Node* node, const std::string& what) {
    if (auto* s = llvm::dyn_cast_or_null<yaml::SequenceNode>(node)) return s;
    error(node, what + " must be a list");
    return nullptr;
  }

  void error(yaml::Node* node, const std::string& message) {
    errorAt(node ? node->getSourceRange().Start : llvm::SMLoc(), message);
  }
  void errorAt(llvm::SMLoc loc, const std::string& message) {
    ++errorCount_;
    unsigned line = 0, col = 0;
    if (loc.isValid()) std::tie(line, col) = sm_.getLineAndColumn(loc);
    errors_.push_back(path_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + message);
  }

  std::string path_;
  std::vector<std::string>& errors_;
  llvm::SourceMgr sm_;
  yaml::Stream stream_;
  unsigned errorCount_ = 0;
  std::vector<std::tuple<std::string, std::string, yaml::Node*>> requiresToCheck_;
};

}  // namespace

std::optional<Layout> readLayout(const std::string& path, const std::string& text,
                                 std::vector<std::string>& errors) {
  Reader reader(path, text, errors);
  return reader.read();
}

}  // namespace opscope::shimgen
