// Target descriptors with a product and an SDK level (`ascend:910b@torch_npu-2.4`, issue 17):
// parsing against platforms.yaml's products and SDKs, and the built-in Ascend answers re-decided
// for a product (the aclnn and torch_npu product tables) and a torch_npu level (op-plugin's
// version ranges), plus torch_npu's core registrations.
#include <gtest/gtest.h>

#include "db/Database.h"
#include "db/Target.h"
#include "tests/db/BuiltinDatabase.h"

namespace opscope::db {
namespace {

/// The built-in opdb's answer to `symbol` at the target `descriptor`.
Coverage answerAt(std::string_view descriptor, std::string_view symbol) {
  return lookupAt(builtin(), target(descriptor), symbol);
}

/// Expects the answer to `symbol` at `descriptor` to have `status` and a note that says `says`.
void expectAnswerAt(std::string_view descriptor, std::string_view symbol, CoverageStatus status,
                    const std::string& says) {
  Coverage c = answerAt(descriptor, symbol);
  EXPECT_EQ(c.status, status) << descriptor << " " << symbol;
  EXPECT_NE(c.note.find(says), std::string::npos) << c.note;
}

std::string parseError(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parseTarget(text, &builtin(), error)) << text;
  return error;
}

TEST(TargetProduct, ParsesProductAndLevel) {
  TargetDescriptor t = target("ascend:910b@torch_npu-2.4");
  EXPECT_EQ(t.platform, "ascend");
  EXPECT_EQ(t.product, "910b");
  EXPECT_EQ(t.sdk, "torch_npu");
  EXPECT_EQ(t.version, "2.4");
  EXPECT_EQ(t.str(), "ascend:910b@torch_npu-2.4");
  EXPECT_EQ(t.qualifier(builtin()), "Ascend 910B (Atlas A2), torch_npu 2.4");
  // Aliases and case name the product by its id; a level written 2.4.0 is the level 2.4.
  EXPECT_EQ(target("ascend:A3").str(), "ascend:910c");
  EXPECT_EQ(target("ascend:a2@torch_npu-2.4.0").str(), "ascend:910b@torch_npu-2.4");
  EXPECT_EQ(target("ascend:310p").qualifier(builtin()), "Ascend 310P (Atlas inference)");
  EXPECT_EQ(target("cambricon@torch_mlu-2.3").str(), "cambricon@torch_mlu-2.3");
  EXPECT_EQ(target("dcu@hip-6.1").str(), "dcu@hip-6.1");  // HIP takes any version
}

TEST(TargetProduct, BadDescriptorsListWhatIsValid) {
  std::string e = parseError("ascend:910x");
  EXPECT_NE(e.find("unknown ascend product '910x'"), std::string::npos) << e;
  EXPECT_NE(e.find("910a"), std::string::npos) << e;
  EXPECT_NE(e.find("910b (a2, atlas-a2)"), std::string::npos) << e;
  EXPECT_NE(e.find("310p"), std::string::npos) << e;
  e = parseError("ascend@torch_npu-3.0");
  EXPECT_NE(e.find("torch_npu 3.0 is not a level the opdb knows for ascend"), std::string::npos) << e;
  EXPECT_NE(e.find("2.1, 2.2"), std::string::npos) << e;
  EXPECT_NE(e.find("2.15"), std::string::npos) << e;
  e = parseError("ascend:910b@cann-8.0");
  EXPECT_NE(e.find("unknown ascend SDK 'cann' (known: torch_npu 2.1 to 2.15)"), std::string::npos) << e;
  e = parseError("dcu:k100");
  EXPECT_NE(e.find("the opdb lists no products for dcu"), std::string::npos) << e;
  e = parseError("ascend:@torch_npu-2.4");
  EXPECT_NE(e.find("no product after ':'"), std::string::npos) << e;
  e = parseError(":910b");
  EXPECT_NE(e.find("no platform"), std::string::npos) << e;
}

TEST(TargetProduct, ProductWithoutTheOpIsMissingNamingIt) {
  const Database& db = builtin();
  // aclnnChunkCat: Ascend 950, Atlas A3, Atlas A2 only, and no ACL op implementation.
  EXPECT_EQ(db.lookup("ascend", "aten::_chunk_cat").status, CoverageStatus::Native);
  expectAnswerAt("ascend:310p", "aten::_chunk_cat", CoverageStatus::Missing,
                 "Not supported on Ascend 310P (Atlas inference) (the requested product)");
  EXPECT_EQ(answerAt("ascend:910a", "aten::_chunk_cat").status, CoverageStatus::Missing);
  Coverage on910b = answerAt("ascend:910b", "aten::_chunk_cat");
  EXPECT_EQ(on910b.status, CoverageStatus::Native);
  EXPECT_EQ(on910b.note, db.lookup("ascend", "aten::_chunk_cat").note);
}

TEST(TargetProduct, AclOpPathKeepsAnOpOnAProductAclnnLacks) {
  const Database& db = builtin();
  // aclnnAddRelu is not documented for 310P, but aten::_add_relu has an ACL op implementation.
  const Entry* e = db.entry("ascend", "aten::_add_relu.Tensor");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->constraints.unsupportedOn.empty());
  EXPECT_NE(e->note.find("ACL op (Ascend IR) implementation is the path there"), std::string::npos) << e->note;
  EXPECT_EQ(answerAt("ascend:310p", "aten::_add_relu.Tensor").status, CoverageStatus::Native);
}

TEST(TargetProduct, ProductTheSourceDoesNotCoverKeepsTheAnswerAndSaysSo) {
  const Database& db = builtin();
  // torch_npu's support pages have columns for A2, A3 and 950DT only.
  Coverage c = answerAt("ascend:310p", "torch.Tensor.acos");
  EXPECT_EQ(c.status, db.lookup("ascend", "torch.Tensor.acos").status);
  EXPECT_NE(c.note.find("does not speak for Ascend 310P (Atlas inference)"), std::string::npos) << c.note;
  // A product the page marks unsupported.
  const Entry* hub = db.entry("ascend", "torch.hub.load_state_dict_from_url");
  ASSERT_NE(hub, nullptr);
  EXPECT_EQ(hub->constraints.unsupportedOn, (std::vector<std::string>{"950"}));
  EXPECT_EQ(answerAt("ascend:950dt", "torch.hub.load_state_dict_from_url").status, CoverageStatus::Missing);
  EXPECT_EQ(answerAt("ascend:910c", "torch.hub.load_state_dict_from_url").status, CoverageStatus::Native);
}

TEST(TargetLevel, OpNewerThanTheLevelIsMissingNamingTheVersion) {
  const Database& db = builtin();
  EXPECT_EQ(db.entry("ascend", "aten::addmm.dtype")->constraints.sdk, "torch_npu >=2.9");
  Coverage old = answerAt("ascend:910b@torch_npu-2.4", "aten::addmm.dtype");
  EXPECT_EQ(old.status, CoverageStatus::Missing);
  EXPECT_NE(old.note.find("At torch_npu 2.4 (the requested level)"), std::string::npos) << old.note;
  EXPECT_NE(old.note.find("torch_npu 2.9 adds it"), std::string::npos) << old.note;
  EXPECT_EQ(answerAt("ascend@torch_npu-2.9", "aten::addmm.dtype").status, CoverageStatus::Native);
}

TEST(TargetLevel, OpRemovedLaterIsNativeAtItsLevels) {
  const Database& db = builtin();
  // Registered for torch_npu 2.1-2.12 only: partial at the newest, native at 2.4.
  Coverage own = db.lookup("ascend", "aten::argsort.dimname");
  EXPECT_EQ(own.status, CoverageStatus::Partial);
  Coverage at24 = answerAt("ascend@torch_npu-2.4", "aten::argsort.dimname");
  EXPECT_EQ(at24.status, CoverageStatus::Native);
  EXPECT_EQ(at24.note.find("At torch_npu 2.15"), std::string::npos) << at24.note;
  expectAnswerAt("ascend@torch_npu-2.14", "aten::argsort.dimname", CoverageStatus::Partial, "torch_npu 2.13 removed it");
}

TEST(TargetLevel, WrittenRestrictionsHoldInsideTheRange) {
  const Database& db = builtin();
  // An answer written for the newest level, inside its range: a level inside keeps it as is.
  for (const auto& [name, entry] : *db.entries("ascend")) {
    if (entry.status != CoverageStatus::Partial || entry.constraints.sdk != "torch_npu >=2.1") continue;
    EXPECT_EQ(answerAt("ascend@torch_npu-2.4", name).status, CoverageStatus::Partial) << name;
  }
}

TEST(TargetLevel, TorchMluBranchesDateCambriconOps) {
  const Database& db = builtin();
  // Registered on r2.4_develop only.
  EXPECT_EQ(db.entry("cambricon", "aten::_fused_sgd_")->constraints.sdk, "torch_mlu >=2.4");
  expectAnswerAt("cambricon@torch_mlu-2.1", "aten::_fused_sgd_", CoverageStatus::Missing, "torch_mlu 2.4 adds it");
  EXPECT_EQ(answerAt("cambricon@torch_mlu-2.4", "aten::_fused_sgd_").status, CoverageStatus::Native);
  std::string e = parseError("cambricon@torch_mlu-2.2");
  EXPECT_NE(e.find("(known: 2.1, 2.3, 2.4)"), std::string::npos) << e;
}

std::string loadErrors(const std::vector<SourceText>& files) {
  Database db;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(db.addLayer("t", files, diags));
  std::string all;
  for (const Diagnostic& d : diags) all += d.str() + "\n";
  return all;
}

TEST(TargetProduct, LoaderChecksProductsAndLevelsWhereTheyAreWritten) {
  const std::string platforms =
      "opdb: 1\nkind: platforms\nversion: \"t\"\nplatforms:\n"
      "  - id: npu\n    name: N\n    products:\n      - {id: \"910b\", name: \"B\", aliases: [a2]}\n";
  std::string bad = loadErrors({{"platforms.yaml", platforms + "      - {id: \"BAD ID\"}\n    sdks:\n"
                                                               "      - {id: torch_npu, versions: [\"2.1\", \"x.y\"]}\n"}});
  EXPECT_NE(bad.find("platforms.yaml:9:14: error: products id 'BAD ID' must match"), std::string::npos) << bad;
  EXPECT_NE(bad.find("platforms.yaml:11:10: error: SDK version 'x.y' must be digits and dots"), std::string::npos) << bad;
  const char* coverage =
      "opdb: 1\nkind: coverage\nplatform: npu\nsources:\n"
      "  - {id: s, title: t, url: \"https://example.org\", date: \"2026-01-01\", license: x}\nentries:\n"
      "  - {symbol: a, status: native, source: s, confidence: official, constraints: {products: [a2], unsupported_on: [\"310p\"]}}\n";
  std::string all = loadErrors({{"platforms.yaml", platforms}, {"npu/x.yaml", coverage}});
  EXPECT_NE(all.find("npu/x.yaml:7:6: error: product '310p' of 'a' is not among the products platforms.yaml lists for npu"),
            std::string::npos)
      << all;
  EXPECT_EQ(all.find("product 'a2'"), std::string::npos) << "an alias names a product: " << all;
  Database db;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(db.addLayer("t", {{"platforms.yaml", platforms}}, diags));
  std::string valid = coverage;
  valid.replace(valid.find(", unsupported_on: [\"310p\"]"), std::string(", unsupported_on: [\"310p\"]").size(), "");
  ASSERT_TRUE(db.addLayer("overlay.yaml", {{"npu/x.yaml", valid}}, diags));
  EXPECT_EQ(db.entry("npu", "a")->constraints.products, (std::vector<std::string>{"910b"}));
}

TEST(TargetProduct, PerChipCpuFallbackIsEmulatedOnThatChip) {
  const Database& db = builtin();
  // torch_gcu's gcu_op_fallback.yaml: silu_backward falls back to the CPU on S60.
  EXPECT_EQ(db.lookup("enflame", "aten::silu_backward").status, CoverageStatus::Partial);
  expectAnswerAt("enflame:s60", "aten::silu_backward", CoverageStatus::Emulated,
                 "On Enflame S60 (the requested product) every call falls back to the CPU");
  EXPECT_EQ(answerAt("enflame:l600", "aten::silu_backward").status, CoverageStatus::Partial);
  EXPECT_EQ(answerAt("enflame:l600", "aten::unique_consecutive").status, CoverageStatus::Emulated);
  EXPECT_EQ(target("enflame:s60@torch_gcu-2.10").str(), "enflame:s60@torch_gcu-2.10");
}

TEST(CoreRegistrations, TorchNpuCoreOpsAreNative) {
  const Database& db = builtin();
  for (const char* name : {"aten::view", "aten::as_strided", "aten::copy_", "aten::_to_copy", "aten::resize_"}) {
    Coverage c = db.lookup("ascend", name);
    EXPECT_EQ(c.status, CoverageStatus::Native) << name << ": " << c.note;
    EXPECT_NE(c.note.find("its own core"), std::string::npos) << name << ": " << c.note;
    EXPECT_NE(c.source.find("npu_native_functions.yaml"), std::string::npos) << c.source;
  }
}

}  // namespace
}  // namespace opscope::db
