// libFuzzer target for the Python frontend (analyzer/python): tree-sitter parse, import-alias
// resolution, the finders and the rewrite suggestions, on one script (and the same bytes as a
// second module of the tree, so cross-module name resolution runs too). Findings and suggestions
// must point inside the file; nothing may crash, hang or read outside the input.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/PythonFrontend.h"

namespace {
using namespace opscope;

/// Knows every torch.* name, and a few library functions, as the opdb catalog would.
class FuzzCatalog final : public SymbolCatalog {
 public:
  std::optional<Symbol> find(std::string_view name) const override {
    if (name.rfind("torch.", 0) == 0) return Symbol{std::string(name), SymbolKind::TorchApi, "torch"};
    if (name.rfind("flash_attn.", 0) == 0) return Symbol{std::string(name), SymbolKind::Function, "flash_attn"};
    return std::nullopt;
  }
};

python::RuleSet rules() {
  python::RuleSet r;
  r.platform = "ascend";
  r.renames.push_back({"cuda-ns", "torch.cuda", "torch.npu", "Ascend's namespace"});
  r.renames.push_back({"tensor-cuda", "torch.Tensor.cuda", "torch.Tensor.npu", "device move"});
  r.strings.push_back({"device", "device:*", "cuda", "npu", "device strings"});
  r.imports.push_back({"import", "import torch_npu", "torch_npu", python::ImportRule::When::FileEdited, "plugin"});
  r.advice.push_back({"nccl", "dist_backend:nccl", "use hccl"});
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  static const FuzzCatalog catalog;
  python::ScanOptions options;
  options.jobs = 1;
  options.rules.push_back(rules());
  std::vector<python::SourceFile> files = {{"pkg/train.py", text}, {"pkg/__init__.py", text}};
  python::ScanResult r = python::scan(files, catalog, options);
  unsigned lines = 1;
  for (char c : text) lines += c == '\n';
  for (const Finding& f : r.findings)
    if (f.location.line == 0 || f.location.line > lines) std::abort();
  for (const Suggestion& s : r.suggestions)
    if (s.offset > size || s.length > size - s.offset) std::abort();
  (void)python::firstSyntaxError(text);
  return 0;
}
