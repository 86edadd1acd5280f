// Walks the AST of one unit's user code and turns it into findings: CUDA API uses (calls, types,
// enum values, members of CUDA library types, data members of CUDA runtime structs), kernels and device functions with their spans,
// kernel launches (<<<>>> and the launch APIs), op registrations of PyTorch extensions, and the
// hazards the semantic checks raise.
#pragma once

#include <map>

#include <memory>
#include <vector>

#include "clang/AST/RecursiveASTVisitor.h"
#include "cuda/SemanticContext.h"
#include "cuda/hazards/SemanticChecks.h"

namespace opscope::cuda {

/// A user function's lines, to name the function findings made outside the AST walk belong to.
struct FunctionExtent {
  std::string file;
  unsigned first = 0, last = 0;
  std::string name;
};

class AstCollector : public clang::RecursiveASTVisitor<AstCollector> {
  using Base = clang::RecursiveASTVisitor<AstCollector>;

 public:
  AstCollector(clang::ASTContext& ast, SemanticContext& ctx);

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(clang::Decl* d);
  bool VisitFunctionDecl(clang::FunctionDecl* fd);
  bool VisitFunctionTemplateDecl(clang::FunctionTemplateDecl* td);
  bool VisitNamedDecl(clang::NamedDecl* d);
  bool VisitVarDecl(clang::VarDecl* vd);
  bool VisitDeclRefExpr(clang::DeclRefExpr* e);
  bool VisitMemberExpr(clang::MemberExpr* e);
  bool VisitUnresolvedLookupExpr(clang::UnresolvedLookupExpr* e);
  bool VisitTypeLoc(clang::TypeLoc tl);
  bool VisitCallExpr(clang::CallExpr* call);
  bool VisitCUDAKernelCallExpr(clang::CUDAKernelCallExpr* e);
  bool VisitBinaryOperator(clang::BinaryOperator* op);
  bool VisitIntegerLiteral(clang::IntegerLiteral* lit);
  bool VisitAsmStmt(clang::AsmStmt* stmt);
  bool VisitForStmt(clang::ForStmt* loop);

  const std::vector<FunctionExtent>& functions() const { return extents_; }

 private:
  FunctionState* current() { return fns_.empty() ? nullptr : &fns_.back(); }
  bool inDevice() const { return !fns_.empty() && fns_.back().device; }
  std::string contextName() const { return fns_.empty() ? std::string() : fns_.back().name; }

  void noteUserDeclaration(const clang::NamedDecl* d);
  void reference(const clang::NamedDecl* d, clang::SourceLocation loc);
  void recordLaunchThroughApi(const clang::CallExpr& call, const std::string& api);
  void recordField(const clang::FieldDecl* field, clang::SourceLocation loc);
  void recordRegistration(const clang::CXXMemberCallExpr& call);

  clang::ASTContext& ast_;
  SemanticContext& ctx_;
  std::vector<FunctionState> fns_;
  std::vector<std::unique_ptr<SemanticCheck>> checks_;
  std::vector<FunctionExtent> extents_;
  std::map<clang::SourceLocation::UIntTy, unsigned> callArgs_;  // callee name's location -> arguments written
};

/// The name of a declaration with its namespaces and classes, without template arguments, inline
/// or anonymous namespaces: "cooperative_groups::thread_block_tile::shfl_down", "cudaMalloc".
std::string qualifiedName(const clang::NamedDecl* d);

}  // namespace opscope::cuda
