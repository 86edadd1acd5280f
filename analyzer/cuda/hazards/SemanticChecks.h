// Porting-hazard checks that look at the AST: one class per concern, registered in one list
// (makeSemanticChecks). A check raises a hazard by its check id; the rules data decides which
// hazard (id, message, per-platform advice) each check id stands for.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "cuda/SemanticContext.h"

namespace opscope::cuda {

/// The function being walked, as the checks see it.
struct FunctionState {
  const clang::FunctionDecl* decl = nullptr;
  std::string name;
  bool device = false;        // __device__ or __global__ (or inside one)
  bool usesWarpOps = false;   // calls a warp shuffle, vote, match or reduction
  std::vector<clang::SourceLocation> literal32;  // integer literals 32 seen so far
  std::set<unsigned> literalsRaised;             // literals already reported (width, lane math)
  bool fp64Raised = false;
};

class SemanticCheck {
 public:
  virtual ~SemanticCheck() = default;
  virtual void onCall(const clang::CallExpr& call, const std::string& callee, FunctionState& fn, SemanticContext& ctx,
                      clang::ASTContext& ast) {}
  virtual void onBinaryOperator(const clang::BinaryOperator& op, FunctionState& fn, SemanticContext& ctx) {}
  virtual void onIntegerLiteral(const clang::IntegerLiteral& lit, FunctionState& fn, SemanticContext& ctx) {}
  virtual void onAsm(const clang::AsmStmt& stmt, FunctionState* fn, SemanticContext& ctx) {}
  virtual void onKernelLaunch(const clang::CUDAKernelCallExpr& call, const std::string& kernel, FunctionState* fn,
                              SemanticContext& ctx) {}
  virtual void onVarDecl(const clang::VarDecl& var, FunctionState* fn, SemanticContext& ctx) {}
  virtual void onForStmt(const clang::ForStmt& loop, FunctionState& fn, SemanticContext& ctx, clang::ASTContext& ast) {}
  virtual void onFunctionEnd(FunctionState& fn, SemanticContext& ctx) {}
};

/// Where a call names its callee: the name itself (not a qualifier before it).
inline clang::SourceLocation calleeLoc(const clang::CallExpr& call) {
  const clang::Expr* callee = call.getCallee()->IgnoreImpCasts();
  if (const auto* dre = llvm::dyn_cast<clang::DeclRefExpr>(callee)) return dre->getLocation();
  if (const auto* ule = llvm::dyn_cast<clang::UnresolvedLookupExpr>(callee)) return ule->getNameLoc();
  return call.getExprLoc();
}

/// Every AST check, in a fixed order.
std::vector<std::unique_ptr<SemanticCheck>> makeSemanticChecks();

/// The check ids (also used by the lexical pass) and what each looks for.
namespace checks {
inline constexpr const char* kWarpMaskLiteral = "warp-mask-literal";
inline constexpr const char* kWarpSizeLiteral = "warp-size-literal";
inline constexpr const char* kWarpLaneMath = "warp-lane-math";
inline constexpr const char* kWarpReduceOffset = "warp-reduce-offset";
inline constexpr const char* kInlineAsm = "inline-asm";
inline constexpr const char* kPtxTensorCore = "ptx-tensor-core";
inline constexpr const char* kDeviceLaunch = "device-launch";
inline constexpr const char* kDeviceFp64 = "device-fp64";
inline constexpr const char* kManagedVariable = "managed-variable";
}  // namespace checks

}  // namespace opscope::cuda
