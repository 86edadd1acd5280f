// The opdb's ONNX operator-version table, as the reader resolves nodes with it, against libonnx's
// own operator schema registry (ONNX 1.12: opset 17, ai.onnx.ml 3): for every operator libonnx
// knows, the since_versions up to its opsets must be the same. Newer versions come from the opdb.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cli/Commands.h"
#include "scan/OnnxData.h"
#include "onnx/defs/schema.h"

namespace opscope::scan {
namespace {

TEST(OpsetTable, AgreesWithLibonnxSchemasUpToItsOpsets) {
  db::Database db;
  std::ostringstream diags;
  loadDatabase(db, {}, diags);
  DbOperatorVersions table(db);
  ASSERT_TRUE(table.knowsDomain("ai.onnx")) << "the opdb has no ONNX operator-version table";
  EXPECT_GE(table.newestOpset("ai.onnx").value_or(0), 17);

  std::map<std::pair<std::string, std::string>, std::set<int>> reference;
  for (const ::onnx::OpSchema& s : ::onnx::OpSchemaRegistry::get_all_schemas_with_history())
    reference[{onnx::canonicalDomain(s.domain()), s.Name()}].insert(s.SinceVersion());
  const std::map<std::string, int> libonnxOpsets = {
      {"ai.onnx", 17}, {"ai.onnx.ml", 3}, {"ai.onnx.preview.training", 1}};

  unsigned compared = 0;
  for (const auto& [key, versions] : reference) {
    const auto& [domain, op] = key;
    auto max = libonnxOpsets.find(domain);
    if (max == libonnxOpsets.end()) continue;  // domains libonnx has that ONNX does not publish
    ++compared;
    // At every opset libonnx covers, both resolve a node of this operator to the same version.
    for (int opset = 1; opset <= max->second; ++opset) {
      auto it = versions.upper_bound(opset);
      std::optional<int> expected = it == versions.begin() ? std::nullopt : std::optional<int>(*std::prev(it));
      EXPECT_EQ(table.sinceVersion(domain, op, opset), expected) << domain << ":" << op << " at opset " << opset;
    }
  }
  EXPECT_GT(compared, 180u);
}

}  // namespace
}  // namespace opscope::scan
