// The one place the hazard checks are registered, and what each check id looks for.
#include "cuda/CudaFrontend.h"
#include "cuda/hazards/SemanticChecks.h"

namespace opscope::cuda {

std::unique_ptr<SemanticCheck> makeDeviceFp64Check();
std::unique_ptr<SemanticCheck> makeDeviceLaunchCheck();
std::unique_ptr<SemanticCheck> makeInlineAsmCheck();
std::unique_ptr<SemanticCheck> makeWarpSizeCheck();

std::vector<std::unique_ptr<SemanticCheck>> makeSemanticChecks() {
  std::vector<std::unique_ptr<SemanticCheck>> out;
  out.push_back(makeDeviceFp64Check());
  out.push_back(makeDeviceLaunchCheck());
  out.push_back(makeInlineAsmCheck());
  out.push_back(makeWarpSizeCheck());
  return out;
}

const std::vector<HazardCheck>& hazardChecks() {
  static const std::vector<HazardCheck> all = {
      {checks::kDeviceFp64, "double-precision arithmetic or variables in device code (once per function)"},
      {checks::kDeviceLaunch, "kernels launched, or device runtime API called, from device code (dynamic parallelism)"},
      {checks::kInlineAsm, "inline asm statements (PTX)"},
      {checks::kManagedVariable, "__managed__ variables"},
      {checks::kPtxTensorCore, "tensor-core PTX in inline asm (mma, wgmma, ldmatrix)"},
      {checks::kWarpLaneMath, "'% 32', '/ 32', '& 31', '>> 5' lane and warp index arithmetic in device code"},
      {checks::kWarpMaskLiteral, "a full 32-lane mask (0xffffffff) passed to a warp intrinsic"},
      {checks::kWarpReduceOffset, "warp reduction loops over shuffles that start at offset 16"},
      {checks::kWarpSizeLiteral, "literal 32 as shuffle width or tile size, or in device code that uses warp shuffles or votes"},
  };
  return all;
}

}  // namespace opscope::cuda
