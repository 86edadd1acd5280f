#include "ClangProbe.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

#ifndef OPSCOPE_CLANG_RESOURCE_DIR
#error "OPSCOPE_CLANG_RESOURCE_DIR must name Clang 19's resource directory"
#endif

namespace opscope::shimgen {
namespace {

class Errors : public clang::DiagnosticConsumer {
 public:
  explicit Errors(std::vector<ProbeError>& out) : out_(out) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    if (level < clang::DiagnosticsEngine::Error) return;
    llvm::SmallString<128> text;
    info.FormatDiagnostic(text);
    ProbeError e;
    e.message = text.str().str();
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      const clang::SourceManager& sm = info.getSourceManager();
      clang::PresumedLoc p = sm.getPresumedLoc(sm.getSpellingLoc(info.getLocation()));
      if (p.isValid()) {
        e.file = p.getFilename();
        std::string root = std::string(kProbeRoot) + "/";
        if (e.file.compare(0, root.size(), root) == 0) e.file = e.file.substr(root.size());
        e.line = p.getLine();
      }
    }
    out_.push_back(std::move(e));
  }

 private:
  std::vector<ProbeError>& out_;
};

/// The file (relative to the probe root) a location is in, or "" outside the shim files.
std::string shimFileOf(const clang::SourceManager& sm, clang::SourceLocation loc) {
  if (loc.isInvalid()) return "";
  clang::PresumedLoc p = sm.getPresumedLoc(sm.getSpellingLoc(loc));
  if (p.isInvalid()) return "";
  std::string file = p.getFilename(), root = std::string(kProbeRoot) + "/";
  if (file.compare(0, root.size(), root) != 0) return "";
  file = file.substr(root.size());
  return file.rfind("opscope_probe.", 0) == 0 ? "" : file;
}

/// The kind a declaration has as a finding (what the scanner's semantic pass calls it).
std::string kindOf(const clang::NamedDecl* d) {
  if (llvm::isa<clang::EnumConstantDecl>(d)) return "enum_value";
  if (llvm::isa<clang::TypeDecl>(d) || llvm::isa<clang::ClassTemplateDecl>(d) ||
      llvm::isa<clang::TypeAliasTemplateDecl>(d))
    return "type";
  const clang::FunctionDecl* fd = llvm::dyn_cast<clang::FunctionDecl>(d);
  if (const auto* ft = llvm::dyn_cast<clang::FunctionTemplateDecl>(d)) fd = ft->getTemplatedDecl();
  if (fd) return fd->hasAttr<clang::CUDADeviceAttr>() && !fd->hasAttr<clang::CUDAHostAttr>() ? "intrinsic" : "function";
  return "";  // variables, namespaces: not names the scanner reports
}

struct NameSink {
  const clang::SourceManager& sm;
  std::set<std::string>& names;
  std::map<std::string, ProbeDeclaration>& declarations;

  void add(const clang::NamedDecl* d, const std::string& name) {
    names.insert(name);
    std::string kind = kindOf(d);
    if (kind.empty() || d->isImplicit()) return;
    std::string file = shimFileOf(sm, d->getLocation());
    if (!file.empty()) declarations.try_emplace(name, ProbeDeclaration{kind, file});
  }
};

void collectNames(const clang::DeclContext* dc, const std::string& prefix, NameSink& out) {
  for (const clang::Decl* d : dc->decls()) {
    if (const auto* ls = llvm::dyn_cast<clang::LinkageSpecDecl>(d)) {
      collectNames(ls, prefix, out);
      continue;
    }
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(d)) {
      if (ns->isAnonymousNamespace()) continue;
      std::string inner = prefix + ns->getNameAsString() + "::";
      out.names.insert(prefix + ns->getNameAsString());
      collectNames(ns, inner, out);
      if (ns->isInline()) collectNames(ns, prefix, out);  // visible in the enclosing namespace too
      continue;
    }
    if (const auto* ed = llvm::dyn_cast<clang::EnumDecl>(d)) {
      for (const clang::EnumConstantDecl* c : ed->enumerators())
        out.add(c, (ed->isScoped() ? prefix + ed->getNameAsString() + "::" : prefix) + c->getNameAsString());
    }
    if (const auto* nd = llvm::dyn_cast<clang::NamedDecl>(d))
      if (nd->getIdentifier()) out.add(nd, prefix + nd->getNameAsString());
  }
}

class ProbeAction : public clang::ASTFrontendAction {
 public:
  explicit ProbeAction(ProbeResult& out) : out_(out) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance& ci, llvm::StringRef) override {
    struct Consumer : clang::ASTConsumer {
      ProbeResult& out;
      clang::Preprocessor& pp;
      Consumer(ProbeResult& o, clang::Preprocessor& p) : out(o), pp(p) {}
      void HandleTranslationUnit(clang::ASTContext& ctx) override {
        NameSink sink{ctx.getSourceManager(), out.names, out.declarations};
        collectNames(ctx.getTranslationUnitDecl(), "", sink);
        for (const auto& m : pp.macros()) {
          out.macros.insert(m.first->getName().str());
          const clang::MacroInfo* mi = pp.getMacroInfo(m.first);
          std::string file = mi ? shimFileOf(ctx.getSourceManager(), mi->getDefinitionLoc()) : "";
          if (!file.empty()) out.declarations.try_emplace(m.first->getName().str(), ProbeDeclaration{"macro", file});
        }
      }
    };
    return std::make_unique<Consumer>(out_, ci.getPreprocessor());
  }

 private:
  ProbeResult& out_;
};

}  // namespace

ProbeResult probe(const cuda::ShimFiles& files, const std::string& mainText, ProbeLanguage language) {
  bool cxx = language != ProbeLanguage::C;
  ProbeResult result;
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [path, text] : files)
    memory->addFile(std::string(kProbeRoot) + "/" + path, 0, llvm::MemoryBuffer::getMemBufferCopy(text, path));
  std::string mainPath = std::string(kProbeRoot) + (language == ProbeLanguage::Cuda ? "/opscope_probe.cu"
                                                    : language == ProbeLanguage::Cxx ? "/opscope_probe.cpp"
                                                                                     : "/opscope_probe.c");
  memory->addFile(mainPath, 0, llvm::MemoryBuffer::getMemBufferCopy(mainText, mainPath));
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlay->pushOverlay(memory);
  auto fileManager = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);
  std::vector<std::string> args = {cxx ? "clang++" : "clang", "-fsyntax-only", "-w", "-ferror-limit=0"};
  if (language == ProbeLanguage::Cuda) {
    for (const char* a : {"-x", "cuda", "--cuda-host-only", "-nocudainc", "-nocudalib", "-std=c++17",
                          "-Wno-unknown-cuda-version"})
      args.emplace_back(a);
  } else if (language == ProbeLanguage::Cxx) {
    for (const char* a : {"-x", "c++", "-std=c++17"}) args.emplace_back(a);
  } else {
    for (const char* a : {"-x", "c", "-std=gnu11"}) args.emplace_back(a);
  }
  for (const std::string& a : {std::string("-resource-dir"), std::string(OPSCOPE_CLANG_RESOURCE_DIR),
                               std::string("-isystem"), std::string(kProbeRoot), mainPath})
    args.push_back(a);
  Errors errors(result.errors);
  clang::tooling::ToolInvocation invocation(args, std::make_unique<ProbeAction>(result), fileManager.get());
  invocation.setDiagnosticConsumer(&errors);
  result.ran = invocation.run();
  return result;
}

}  // namespace opscope::shimgen
