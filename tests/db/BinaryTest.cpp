// The compiled form of the opdb (analyzer/db/Binary.h): it reads back exactly what the YAML
// says, and a damaged blob is an error, never a crash.
#include <gtest/gtest.h>

#include "db/Binary.h"
#include "db/Database.h"

namespace opscope::db {
namespace {

std::string describe(const std::shared_ptr<const Provenance>& p) { return p ? p->describe() + "|" + p->id + "|" + p->license : "-"; }

std::string describe(const Figure& f) {
  return (f.min ? std::to_string(*f.min) : "-") + "/" + (f.max ? std::to_string(*f.max) : "-") + "/" + f.text + "/" + f.note +
         "/" + describe(f.source);
}

/// Every field of both databases, compared.
void expectSame(const Database& a, const Database& b) {
  EXPECT_EQ(a.version(), b.version());
  EXPECT_EQ(a.layers(), b.layers());
  ASSERT_EQ(a.platforms().size(), b.platforms().size());
  for (size_t i = 0; i < a.platforms().size(); ++i) {
    EXPECT_EQ(a.platforms()[i].id, b.platforms()[i].id);
    EXPECT_EQ(a.platforms()[i].stack, b.platforms()[i].stack);
  }
  ASSERT_EQ(a.symbols().size(), b.symbols().size());
  for (const auto& [name, s] : a.symbols()) {
    const SymbolInfo* t = b.symbol(name);
    ASSERT_NE(t, nullptr) << name;
    EXPECT_EQ(s.kind, t->kind) << name;
    EXPECT_EQ(std::tie(s.library, s.category, s.header, s.added, s.deprecated, s.removed, s.signature),
              std::tie(t->library, t->category, t->header, t->added, t->deprecated, t->removed, t->signature))
        << name;
    EXPECT_EQ(s.versions, t->versions) << name;
    EXPECT_EQ(s.deprecatedVersions, t->deprecatedVersions) << name;
    EXPECT_EQ(s.dispatch, t->dispatch) << name;
    EXPECT_EQ(describe(s.source), describe(t->source)) << name;
  }
  for (const Platform& p : a.platforms()) {
    const auto* ea = a.entries(p.id);
    const auto* eb = b.entries(p.id);
    ASSERT_EQ(ea == nullptr, eb == nullptr) << p.id;
    if (!ea) continue;
    ASSERT_EQ(ea->size(), eb->size()) << p.id;
    for (const auto& [name, e] : *ea) {
      const Entry* f = b.entry(p.id, name);
      ASSERT_NE(f, nullptr) << p.id << " " << name;
      EXPECT_EQ(std::tie(e.status, e.confidence, e.target, e.note, e.category, e.effort, e.fileCategory, e.library, e.file, e.line,
                         e.layer),
                std::tie(f->status, f->confidence, f->target, f->note, f->category, f->effort, f->fileCategory, f->library,
                         f->file, f->line, f->layer))
          << p.id << " " << name;
      EXPECT_EQ(e.kind, f->kind) << name;
      EXPECT_EQ(e.constraints.dtypes, f->constraints.dtypes) << name;
      EXPECT_EQ(e.constraints.opsetMin, f->constraints.opsetMin) << name;
      EXPECT_EQ(e.constraints.opsetMax, f->constraints.opsetMax) << name;
      EXPECT_EQ(e.constraints.sdk, f->constraints.sdk) << name;
      EXPECT_EQ(e.constraints.node, f->constraints.node) << name;
      EXPECT_EQ(describe(e.source), describe(f->source)) << name;
    }
  }
  ASSERT_EQ(a.opsetDomains().size(), b.opsetDomains().size());
  for (size_t i = 0; i < a.opsetDomains().size(); ++i)
    EXPECT_EQ(std::tie(a.opsetDomains()[i].domain, a.opsetDomains()[i].prefix, a.opsetDomains()[i].maxOpset),
              std::tie(b.opsetDomains()[i].domain, b.opsetDomains()[i].prefix, b.opsetDomains()[i].maxOpset));
  ASSERT_EQ(a.onnxReleases().size(), b.onnxReleases().size());
  for (size_t i = 0; i < a.onnxReleases().size(); ++i) {
    EXPECT_EQ(a.onnxReleases()[i].release, b.onnxReleases()[i].release);
    EXPECT_EQ(a.onnxReleases()[i].opsets, b.onnxReleases()[i].opsets);
  }
  ASSERT_EQ(a.accelerators().size(), b.accelerators().size());
  for (size_t i = 0; i < a.accelerators().size(); ++i) {
    const Accelerator &x = a.accelerators()[i], &y = b.accelerators()[i];
    EXPECT_EQ(std::tie(x.id, x.name, x.vendor, x.platform, x.form, x.line), std::tie(y.id, y.name, y.vendor, y.platform, y.form, y.line));
    ASSERT_EQ(x.figures.size(), y.figures.size()) << x.id;
    for (const auto& [k, f] : x.figures) EXPECT_EQ(describe(f), describe(y.figures.at(k))) << x.id << " " << k;
    ASSERT_EQ(x.dtypes.size(), y.dtypes.size()) << x.id;
    for (const auto& [k, d] : x.dtypes) {
      EXPECT_EQ(d.supported, y.dtypes.at(k).supported) << x.id << " " << k;
      EXPECT_EQ(describe(d.peak), describe(y.dtypes.at(k).peak)) << x.id << " " << k;
    }
  }
}

TEST(CompiledOpdb, TheBuiltInCompiledFormEqualsItsYaml) {
  Database compiled, parsed;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(loadBuiltin(compiled, diags));
  ASSERT_TRUE(loadBuiltinYaml(parsed, diags));
  for (const Diagnostic& d : diags) ADD_FAILURE() << d.str();
  expectSame(parsed, compiled);
}

TEST(CompiledOpdb, RoundTripIsStableAndDeterministic) {
  Database db;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(loadBuiltin(db, diags));
  std::string again = compileDatabase(db);
  EXPECT_EQ(again, std::string(builtinCompiled())) << "compiling what was read gives the same bytes";
  Database back;
  std::string error;
  ASSERT_TRUE(loadCompiled(again, back, error)) << error;
  expectSame(db, back);
}

TEST(CompiledOpdb, ALoadOfSomeKindsHasExactlyTheirSymbolsAndEntries) {
  Database full, onnxOnly, none;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(loadBuiltin(full, diags));
  ASSERT_TRUE(loadBuiltin(onnxOnly, diags, kindBit(SymbolKind::OnnxOp)));
  ASSERT_TRUE(loadBuiltin(none, diags, 0));
  size_t onnxSymbols = 0;
  for (const auto& [name, s] : full.symbols()) {
    bool isOnnx = s.kind == SymbolKind::OnnxOp;
    onnxSymbols += isOnnx;
    EXPECT_EQ(onnxOnly.symbol(name) != nullptr, isOnnx) << name;
  }
  EXPECT_GT(onnxSymbols, 150u);
  EXPECT_EQ(onnxOnly.symbols().size(), onnxSymbols);
  EXPECT_TRUE(none.symbols().empty());
  // Every ONNX entry of every platform is there, the same as in the full load; nothing else is.
  for (const Platform& p : full.platforms()) {
    const auto* entries = full.entries(p.id);
    if (!entries) continue;
    for (const auto& [symbol, e] : *entries) {
      const SymbolInfo* s = full.symbol(symbol);
      bool isOnnx = e.kind ? *e.kind == SymbolKind::OnnxOp : s && s->kind == SymbolKind::OnnxOp;
      const Entry* kept = onnxOnly.entry(p.id, symbol);
      ASSERT_EQ(kept != nullptr, isOnnx) << p.id << " " << symbol;
      if (kept) EXPECT_EQ(kept->status, e.status) << p.id << " " << symbol;
      EXPECT_EQ(none.entry(p.id, symbol), nullptr);
    }
  }
  EXPECT_EQ(onnxOnly.sinceVersion("", "Conv", 17), full.sinceVersion("", "Conv", 17));
  EXPECT_TRUE(onnxOnly.sinceVersion("", "Conv", 17).has_value());
  // Platforms, versions and hardware come with every load.
  EXPECT_EQ(none.version(), full.version());
  EXPECT_EQ(none.platforms().size(), full.platforms().size());
  EXPECT_EQ(none.accelerators().size(), full.accelerators().size());
  EXPECT_EQ(none.onnxReleases().size(), full.onnxReleases().size());
}

TEST(CompiledOpdb, DamagedBlobsAreErrorsNotCrashes) {
  std::string blob(builtinCompiled());
  ASSERT_GT(blob.size(), 1000u);
  std::string error;
  {
    Database db;
    EXPECT_FALSE(loadCompiled("NOPE", db, error));
    EXPECT_NE(error.find("bad magic"), std::string::npos) << error;
  }
  {
    std::string wrong = blob;
    wrong[4] = 99;  // version
    Database db;
    EXPECT_FALSE(loadCompiled(wrong, db, error));
    EXPECT_NE(error.find("version 99"), std::string::npos) << error;
  }
  // Every truncation is refused.
  for (size_t cut : {size_t(5), size_t(12), blob.size() / 3, blob.size() / 2, blob.size() - 1}) {
    Database db;
    EXPECT_FALSE(loadCompiled(std::string_view(blob).substr(0, cut), db, error)) << "cut at " << cut;
  }
  // Flipped bytes in the tables either read as other valid data or are refused; never a crash.
  for (size_t i = blob.size() - 4096; i < blob.size(); i += 97) {
    std::string flipped = blob;
    flipped[i] = static_cast<char>(~flipped[i]);
    Database db;
    (void)loadCompiled(flipped, db, error);
  }
  std::string trailing = blob + "x";
  Database db;
  EXPECT_FALSE(loadCompiled(trailing, db, error));
  EXPECT_NE(error.find("trailing"), std::string::npos) << error;
}

}  // namespace
}  // namespace opscope::db
