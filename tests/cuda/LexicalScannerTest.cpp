// The token-level view the lexical pass builds: declared names, device regions, namespaces.
#include <gtest/gtest.h>

#include "cuda/LexicalScanner.h"

namespace opscope::cuda {
namespace {

TEST(LexicalScanner, DeclaredNamesAreTheFilesOwn) {
  TokenView v(tokenize(
      "#define CUDA_CHECK(x) x\n"
      "struct cudaThing { int a; };\n"
      "typedef int CUresultAlias;\n"
      "using cudaAlias = int;\n"
      "static int cudaPickDevice(int n) { return n; }\n"
      "void f() { int cudaStatus = cudaMalloc(0, 1); float y = b * __expf(2.0f); return cudaFree(0); }\n"));
  for (const char* own : {"CUDA_CHECK", "cudaThing", "CUresultAlias", "cudaAlias", "cudaPickDevice", "cudaStatus"})
    EXPECT_TRUE(v.declaresName(own)) << own;
  for (const char* used : {"cudaMalloc", "__expf", "cudaFree"}) EXPECT_FALSE(v.declaresName(used)) << used;
}

TEST(LexicalScanner, DeviceRegionsCoverKernelAndDeviceFunctionBodies) {
  TokenView v(tokenize(
      "template <int B> __global__ void __launch_bounds__(B) k(float* x) { x[0] = 1; }\n"
      "__device__ int d(int i) { return i; }\n"
      "__device__ int variable;\n"
      "void host() { auto l = [] __device__ (int i) { return i; }; }\n"));
  ASSERT_EQ(v.deviceRegions().size(), 3u);
  EXPECT_EQ(v.deviceRegions()[0].name, "k");
  EXPECT_TRUE(v.deviceRegions()[0].kernel);
  EXPECT_EQ(v.deviceRegions()[1].name, "d");
  EXPECT_FALSE(v.deviceRegions()[1].kernel);
  EXPECT_EQ(v.deviceRegions()[2].name, "");  // the lambda
}

TEST(LexicalScanner, UsingNamespacesAndAliases) {
  TokenView v(tokenize("using namespace nvcuda;\nnamespace cg = cooperative_groups;\nusing namespace at::cuda;\n"));
  EXPECT_EQ(v.usingNamespaces(), (std::vector<std::string>{"nvcuda", "at::cuda"}));
  EXPECT_EQ(v.aliases().at("cg"), "cooperative_groups");
}

TEST(LexicalScanner, IntegerValues) {
  EXPECT_EQ(integerValue("0xffffffff"), 0xffffffffULL);
  EXPECT_EQ(integerValue("0xFFFFFFFFu"), 0xffffffffULL);
  EXPECT_EQ(integerValue("4294967295UL"), 4294967295ULL);
  EXPECT_EQ(integerValue("32"), 32ULL);
  EXPECT_EQ(integerValue("040"), 32ULL);
  EXPECT_EQ(integerValue("0b100000"), 32ULL);
  EXPECT_EQ(integerValue("1'000"), 1000ULL);
  EXPECT_FALSE(integerValue("3.2f"));
  EXPECT_FALSE(integerValue("1e5"));
}

}  // namespace
}  // namespace opscope::cuda
