// libFuzzer target for the opdb YAML loader (analyzer/db): the input is one overlay file, loaded
// as a layer over a small base database (one platforms file, one symbols file) the way `--db`
// loads user overlays. Any crash, hang, sanitizer report, or diagnostic without a position inside
// the input is a bug; so is an answer the database cannot give back after a successful load.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "db/Database.h"

namespace {
using namespace opscope;

const db::Database& base() {
  static const db::Database d = [] {
    db::Database b;
    std::vector<db::Diagnostic> diags;
    std::vector<db::SourceText> files = {
        {"platforms.yaml",
         "opdb: 1\nkind: platforms\nversion: \"1\"\nplatforms:\n"
         "  - {id: ascend, name: Huawei Ascend}\n  - {id: dcu, name: Hygon DCU}\n"},
        {"source/cuda.yaml",
         "opdb: 1\nkind: symbols\nsources:\n"
         "  - {id: s, title: T, url: \"https://example.org\", date: 2026-01-01, license: CC0-1.0}\n"
         "symbols:\n  - {name: cudaMalloc, kind: function, library: cudart, category: memory, source: s}\n"}};
    if (!b.addLayer("builtin", files, diags)) {
      for (const db::Diagnostic& d : diags) std::fprintf(stderr, "base: %s\n", d.str().c_str());
      std::abort();
    }
    return b;
  }();
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  db::Database d = base();
  std::vector<db::Diagnostic> diags;
  bool ok = d.addLayer("overlay", {db::SourceText{"overlay.yaml", text}}, diags);
  unsigned lines = 1;
  for (char c : text) lines += c == '\n';
  for (const db::Diagnostic& diag : diags) {
    if (diag.file != "overlay.yaml" || diag.line == 0 || diag.line > lines || diag.message.empty()) {
      std::fprintf(stderr, "diagnostic outside the input (%u lines): %s\n", lines, diag.str().c_str());
      std::abort();
    }
    (void)diag.str();
  }
  if (ok == std::any_of(diags.begin(), diags.end(), [](const db::Diagnostic& x) {
        return x.severity == db::Diagnostic::Severity::Error;
      })) {
    std::fprintf(stderr, "addLayer says %s, the diagnostics say otherwise\n", ok ? "ok" : "failed");
    std::abort();
  }
  for (const Platform& p : d.platforms()) {
    if (const auto* table = d.entries(p.id))
      for (const auto& [name, e] : *table) {
        if (d.entry(p.id, name) != &e) std::abort();
        (void)d.lookup(p.id, name);
        (void)d.categoryOf(e);
      }
  }
  for (const auto& [name, s] : d.symbols()) (void)d.symbol(name);
  for (const db::OpsetDomain& dom : d.opsetDomains()) (void)d.opsetDomain(dom.domain);
  return 0;
}
