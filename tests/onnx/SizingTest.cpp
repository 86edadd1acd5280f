// The fitting arithmetic, on accelerators described in the test (the real figures live in
// opdb/hardware.yaml; the CLI test checks them end to end).
#include <gtest/gtest.h>

#include "onnx/DataTypes.h"
#include "onnx/Sizing.h"
#include "onnx/Summary.h"
#include "tests/onnx/TestUtil.h"
#include "tests/onnx/WireWriter.h"

namespace opscope::onnx {
namespace {
using namespace testing;

Accelerator card(std::string id, double lowGB, double highGB, std::vector<std::string> dtypes) {
  Accelerator a;
  a.id = id;
  a.name = id;
  a.memoryGB = Range{lowGB, highGB};
  a.dtypes = std::move(dtypes);
  return a;
}

const Plan& plan(const AcceleratorFit& fit, Precision p) {
  for (const Plan& q : fit.plans)
    if (q.requested == p) return q;
  throw std::runtime_error("no plan");
}

TEST(Sizing, DeepSeekSizedModelAtFp8) {
  WeightProfile w;
  w.parameters = 671e9;
  w.native = Precision::Fp8;
  Allowance allowance;  // 20% of the weights
  allowance.explanation = "20% of the weights";
  std::vector<Accelerator> cards{card("h200", 141, 141, {"fp32", "fp16", "bf16", "fp8", "int8"}),
                                 card("910b", 64, 64, {"fp32", "fp16", "bf16", "int8"})};
  auto fits = fitDeployment(w, allowance, cards, defaultPrecisions(Precision::Fp8));
  ASSERT_EQ(fits.size(), 2u);

  const Plan& h200 = plan(fits[0], Precision::Fp8);
  EXPECT_EQ(h200.effective, Precision::Fp8);
  EXPECT_DOUBLE_EQ(h200.weightBytes, 671e9);
  EXPECT_NEAR(h200.totalBytes, 805.2e9, 1e3);
  EXPECT_EQ(h200.cardsLow, 6u);  // ceil(805.2 / 141)
  EXPECT_EQ(h200.serversLow, 1u);

  const Plan& fp8On910 = plan(fits[1], Precision::Fp8);
  EXPECT_EQ(fp8On910.effective, Precision::Bf16);
  EXPECT_NE(fp8On910.conversion.find("has no FP8: FP8 weights are converted to BF16"), std::string::npos);
  EXPECT_NEAR(fp8On910.totalBytes, 1610.4e9, 1e3);
  EXPECT_EQ(fp8On910.cardsLow, 26u);  // ceil(1610.4 / 64)
  EXPECT_EQ(fp8On910.serversLow, 4u);
  const Plan& w8a8 = plan(fits[1], Precision::W8A8);
  EXPECT_EQ(w8a8.cardsLow, 13u);  // ceil(805.2 / 64)
  EXPECT_EQ(w8a8.serversLow, 2u);
  EXPECT_EQ(plan(fits[1], Precision::Bf16).serversLow, 4u);

  // Every number is explained.
  std::string all;
  for (const std::string& line : fp8On910.explanation) all += line + "\n";
  EXPECT_NE(all.find("weights: 671e9 parameters x 2 bytes (BF16) = 1342 GB"), std::string::npos) << all;
  EXPECT_NE(all.find("= 268.4 GB"), std::string::npos) << all;
  EXPECT_NE(all.find("total: 1342 GB + 268.4 GB = 1610.4 GB"), std::string::npos) << all;
  EXPECT_NE(all.find("cards: ceil(1610.4 GB / 64 GB per card) = 26"), std::string::npos) << all;
  EXPECT_NE(all.find("8-card servers: ceil(26 / 8) = 4"), std::string::npos) << all;
}

TEST(Sizing, SpecRangesCarryThrough) {
  WeightProfile w;
  w.parameters = 70e9;
  w.native = Precision::Bf16;
  Allowance allowance;
  auto fits = fitDeployment(w, allowance, {card("h20", 96, 141, {"bf16", "fp16", "fp8", "int8"})}, {Precision::Bf16});
  const Plan& p = fits[0].plans[0];
  EXPECT_NEAR(p.totalBytes, 168e9, 1e3);
  EXPECT_EQ(p.cardsLow, 2u);   // 168 / 141
  EXPECT_EQ(p.cardsHigh, 2u);  // 168 / 96
  auto big = fitDeployment(WeightProfile{671e9, 0, Precision::Bf16, ""}, allowance,
                           {card("h20", 96, 141, {"bf16", "int8"})}, {Precision::Bf16});
  EXPECT_EQ(big[0].plans[0].cardsLow, 12u);   // 1610.4 / 141
  EXPECT_EQ(big[0].plans[0].cardsHigh, 17u);  // 1610.4 / 96
  EXPECT_EQ(big[0].plans[0].serversLow, 2u);
  EXPECT_EQ(big[0].plans[0].serversHigh, 3u);
}

TEST(Sizing, UnavailablePrecisionsAndUnknownMemory) {
  WeightProfile w{7e9, 0, Precision::Fp16, ""};
  Allowance allowance;
  auto fits = fitDeployment(w, allowance, {card("noint8", 32, 32, {"fp16"}), card("nomem", 0, 0, {"fp16", "int8"})},
                            {Precision::W8A8, Precision::Bf16});
  EXPECT_FALSE(plan(fits[0], Precision::W8A8).available);
  EXPECT_EQ(plan(fits[0], Precision::Bf16).effective, Precision::Fp16);
  EXPECT_EQ(plan(fits[1], Precision::W8A8).cardsLow, 0u);
  EXPECT_NE(plan(fits[1], Precision::W8A8).explanation.back().find("unknown"), std::string::npos);
}

TEST(Sizing, ProfileAndKvCacheFromAModel) {
  Msg graph;
  graph.msg(5, rawTensor("w", dtype::kFloat16, {1000, 1000}, 0));
  graph.msg(5, rawTensor("ids", dtype::kInt64, {1000}, 0));
  // past_key_values.0.key: [batch, 8 heads, past_sequence_length, 64]
  Msg shape;
  shape.msg(1, Msg().str(2, "batch_size")).msg(1, Msg().varint(1, 8)).msg(1, Msg().str(2, "past_sequence_length"));
  shape.msg(1, Msg().varint(1, 64));
  for (const char* name : {"past_key_values.0.key", "past_key_values.0.value"})
    graph.msg(11, Msg().str(1, name).msg(2, Msg().msg(1, Msg().varint(1, dtype::kFloat16).msg(2, shape))));
  graph.msg(1, node("MatMul", {"x", "w"}, {"y"}));
  ModelInfo info = readOk(model(graph).bytes());
  WeightProfile w = profileFromModel(info, summarize(info));
  EXPECT_EQ(w.native, Precision::Fp16);
  EXPECT_DOUBLE_EQ(w.parameters, 1e6);
  EXPECT_DOUBLE_EQ(w.fixedBytes, 8000);
  Allowance a = allowanceFromModel(info, 0.2, 2, 1024);
  ASSERT_TRUE(a.kvElements);
  EXPECT_DOUBLE_EQ(*a.kvElements, 2.0 * (2 * 8 * 1024 * 64));
  EXPECT_EQ(a.kvDeclaredBits, 16);
  auto fits = fitDeployment(w, a, {card("c", 16, 16, {"fp16", "bf16"})}, {Precision::Fp32, Precision::Fp16});
  EXPECT_DOUBLE_EQ(fits[0].plans[0].allowanceBytes, *a.kvElements * 2);  // fp16 KV stays 16-bit
  EXPECT_DOUBLE_EQ(fits[0].plans[1].weightBytes, 2e6 + 8000);
  // Without past inputs, the rule of thumb applies.
  ModelInfo plain = readOk(model(Msg().msg(1, node("Relu", {"x"}, {"y"}))).bytes());
  EXPECT_FALSE(allowanceFromModel(plain, 0.2, 1, 1).kvElements);
}

TEST(Sizing, UndocumentedDtypesAreAssumedTheWayThatDoesNotHideCost) {
  Accelerator a = card("quiet", 64, 64, {"bf16"});
  a.undocumented = {"fp8", "int8", "fp16"};
  auto fits = fitDeployment(WeightProfile{10e9, 0, Precision::Fp8, ""}, Allowance{}, {a},
                            {Precision::Fp8, Precision::W8A8, Precision::Fp16});
  const Plan& fp8 = plan(fits[0], Precision::Fp8);
  EXPECT_EQ(fp8.effective, Precision::Bf16);  // converted: costs more memory, never less
  EXPECT_NE(fp8.conversion.find("no source in the opdb says whether quiet computes in FP8 (assumed not)"),
            std::string::npos)
      << fp8.conversion;
  const Plan& w8a8 = plan(fits[0], Precision::W8A8);
  EXPECT_TRUE(w8a8.available);  // sized, and flagged
  EXPECT_NE(w8a8.conversion.find("computes in INT8; sized as if it does"), std::string::npos) << w8a8.conversion;
  EXPECT_EQ(plan(fits[0], Precision::Fp16).effective, Precision::Fp16);
  // A source saying "no" is firm.
  Accelerator b = card("firm", 64, 64, {"fp16"});
  auto firm = fitDeployment(WeightProfile{10e9, 0, Precision::Bf16, ""}, Allowance{}, {b},
                            {Precision::Bf16, Precision::W8A8});
  EXPECT_EQ(plan(firm[0], Precision::Bf16).effective, Precision::Fp16);
  EXPECT_FALSE(plan(firm[0], Precision::W8A8).available);
}

TEST(Sizing, AbsurdSizesSaturateInsteadOfOverflowing) {
  // Found by the fuzz target: a model declaring more parameters than an unsigned counts cards.
  WeightProfile w{5.5e30, 0, Precision::Fp32, ""};
  auto fits = fitDeployment(w, Allowance{}, {card("c", 0.001, 0.001, {"fp16"})}, {Precision::Fp32});
  EXPECT_EQ(fits[0].plans[0].cardsLow, 1000000000000000u);
  EXPECT_EQ(fits[0].plans[0].serversLow, 125000000000000u);
}

TEST(Sizing, Formatting) {
  EXPECT_EQ(formatBytes(671e9), "671 GB");
  EXPECT_EQ(formatBytes(1.3424e12), "1.34 TB");
  EXPECT_EQ(formatBytes(512), "512 B");
  EXPECT_EQ(parsePrecision("fp8"), Precision::Fp8);
  EXPECT_EQ(parsePrecision("W8A8"), Precision::W8A8);
  EXPECT_FALSE(parsePrecision("fp7"));
}

}  // namespace
}  // namespace opscope::onnx
