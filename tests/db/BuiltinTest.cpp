// The opdb shipped in the binary: it loads cleanly and seeds every platform honestly.
#include <gtest/gtest.h>

#include <set>

#include "db/Database.h"

namespace opscope::db {
namespace {

TEST(BuiltinOpdb, LoadsWithoutErrors) {
  Database db;
  std::vector<Diagnostic> diags;
  bool ok = loadBuiltin(db, diags);
  std::string all;
  for (const Diagnostic& d : diags) all += d.str() + "\n";
  ASSERT_TRUE(ok) << all;
  EXPECT_FALSE(db.version().empty());
  std::set<std::string> ids;
  for (const Platform& p : db.platforms()) ids.insert(p.id);
  EXPECT_EQ(ids, (std::set<std::string>{"ascend", "cambricon", "dcu", "enflame"}));
}

TEST(BuiltinOpdb, RuntimeCoreSeedCoversEveryPlatformWithSourcedEntries) {
  Database db;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(loadBuiltin(db, diags));
  unsigned runtimeFunctions = 0;
  for (const auto& [name, s] : db.symbols())
    if (s.library == "cudart" && s.kind == SymbolKind::Function && s.category.rfind("cuda-runtime/", 0) == 0)
      ++runtimeFunctions;
  EXPECT_GE(runtimeFunctions, 60u);
  for (const Platform& p : db.platforms()) {
    const auto* entries = db.entries(p.id);
    ASSERT_NE(entries, nullptr) << p.id;
    std::set<std::string> categories;
    for (const auto& [name, e] : *entries) {
      EXPECT_NE(e.source, nullptr) << p.id << " " << name;
      if (e.status == CoverageStatus::Mapped) EXPECT_FALSE(e.target.empty()) << p.id << " " << name;
      categories.insert(db.categoryOf(e));
    }
    for (const char* c : {"cuda-runtime/device", "cuda-runtime/memory", "cuda-runtime/stream", "cuda-runtime/event",
                          "cuda-runtime/launch", "cuda-runtime/error"})
      EXPECT_TRUE(categories.count(c)) << p.id << " lacks " << c;
  }
  // Facts the sources state, spot-checked.
  EXPECT_EQ(db.lookup("dcu", "cudaMalloc").target, "hipMalloc");
  EXPECT_EQ(db.lookup("dcu", "cudaMalloc").confidence, Confidence::Derived);
  EXPECT_EQ(db.lookup("ascend", "cudaMalloc").target, "aclrtMalloc");
  EXPECT_EQ(db.lookup("ascend", "cudaMalloc").confidence, Confidence::Inferred);
  EXPECT_EQ(db.lookup("cambricon", "cudaStreamCreate").status, CoverageStatus::Mapped);
}

}  // namespace
}  // namespace opscope::db
