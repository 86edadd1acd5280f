// Device-code constructs with no direct equivalent on every target: kernels launched from device
// code (dynamic parallelism) and double-precision arithmetic in kernels. (__managed__ variables are
// seen by the preprocessor watcher: Clang keeps that attribute for HIP only.)
#include "cuda/hazards/SemanticChecks.h"

namespace opscope::cuda {
namespace {

class DeviceLaunchCheck : public SemanticCheck {
 public:
  void onKernelLaunch(const clang::CUDAKernelCallExpr& call, const std::string& kernel, FunctionState* fn,
                      SemanticContext& ctx) override {
    if (fn && fn->device)
      ctx.raise(checks::kDeviceLaunch, call.getCallee()->getExprLoc(),
                "kernel " + kernel + " launched from device code (" + fn->name + ")", fn->name);
  }
  void onCall(const clang::CallExpr& call, const std::string& callee, FunctionState& fn, SemanticContext& ctx,
              clang::ASTContext&) override {
    // The device runtime API: cudaLaunchDevice, cudaDeviceSynchronize, ... called from a kernel.
    if (fn.device && callee.compare(0, 4, "cuda") == 0 && callee.size() > 4 && std::isupper(static_cast<unsigned char>(callee[4])))
      ctx.raise(checks::kDeviceLaunch, calleeLoc(call), callee + " called from device code (" + fn.name + ")", fn.name);
  }
};

bool isDouble(clang::QualType t) {
  if (t.isNull()) return false;
  t = t.getCanonicalType().getUnqualifiedType();
  if (const auto* ref = t->getAs<clang::ReferenceType>()) t = ref->getPointeeType().getCanonicalType();
  return t->isSpecificBuiltinType(clang::BuiltinType::Double) || t->isSpecificBuiltinType(clang::BuiltinType::LongDouble);
}

class DeviceFp64Check : public SemanticCheck {
 public:
  void onBinaryOperator(const clang::BinaryOperator& op, FunctionState& fn, SemanticContext& ctx) override {
    if (!fn.device || fn.fp64Raised || op.isComparisonOp() || op.isLogicalOp()) return;
    if (!isDouble(op.getType()) || op.getType()->isDependentType()) return;
    fn.fp64Raised = true;
    ctx.raise(checks::kDeviceFp64, op.getOperatorLoc(), "double-precision arithmetic in " + fn.name, fn.name);
  }
  void onVarDecl(const clang::VarDecl& var, FunctionState* fn, SemanticContext& ctx) override {
    if (!fn || !fn->device || fn->fp64Raised || !isDouble(var.getType())) return;
    fn->fp64Raised = true;
    ctx.raise(checks::kDeviceFp64, var.getLocation(), "double-precision variable '" + var.getNameAsString() + "' in " + fn->name,
              fn->name);
  }
};


}  // namespace

std::unique_ptr<SemanticCheck> makeDeviceLaunchCheck() { return std::make_unique<DeviceLaunchCheck>(); }
std::unique_ptr<SemanticCheck> makeDeviceFp64Check() { return std::make_unique<DeviceFp64Check>(); }

}  // namespace opscope::cuda
