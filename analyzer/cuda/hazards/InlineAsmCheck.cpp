// Inline assembly: PTX is NVIDIA's virtual ISA, so every asm statement must be rewritten for the
// target; tensor-core PTX (mma, wgmma, ldmatrix) is flagged as a tensor-core path as well.
#include "cuda/hazards/SemanticChecks.h"

namespace opscope::cuda {
namespace {

/// The first instruction of an asm template, for the finding's detail ("mma.sync.aligned...").
std::string firstInstruction(llvm::StringRef text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '{' || text[i] == '}'))
      ++i;
    if (text.substr(i).starts_with("//")) {
      i = text.find('\n', i);
      if (i == llvm::StringRef::npos) return "";
      continue;
    }
    if (i < text.size() && text[i] == '.') {  // a directive such as .reg: skip the statement
      i = text.find(';', i);
      if (i == llvm::StringRef::npos) return "";
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '@') {  // a predicate guard: @p
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      continue;
    }
    break;
  }
  size_t end = i;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ';') ++end;
  return text.substr(i, end - i).str();
}

bool isTensorCorePtx(llvm::StringRef text) {
  return text.contains("mma.") || text.contains("wgmma") || text.contains("ldmatrix") ||
         text.contains("movmatrix") || text.contains("tcgen05");
}

class InlineAsmCheck : public SemanticCheck {
 public:
  void onAsm(const clang::AsmStmt& stmt, FunctionState* fn, SemanticContext& ctx) override {
    std::string text;
    if (const auto* gcc = llvm::dyn_cast<clang::GCCAsmStmt>(&stmt)) text = gcc->getAsmString()->getString().str();
    std::string first = firstInstruction(text);
    std::string where = fn ? fn->name : std::string();
    ctx.raise(checks::kInlineAsm, stmt.getAsmLoc(), first.empty() ? "inline asm" : "inline asm: " + first, where);
    if (isTensorCorePtx(text))
      ctx.raise(checks::kPtxTensorCore, stmt.getAsmLoc(), "tensor-core PTX: " + first, where);
  }
};

}  // namespace

std::unique_ptr<SemanticCheck> makeInlineAsmCheck() { return std::make_unique<InlineAsmCheck>(); }

}  // namespace opscope::cuda
