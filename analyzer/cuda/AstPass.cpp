// The semantic pass: one Clang parse per translation unit, over a file system where the
// bundled CUDA declaration shims stand in for the toolkit. Parse errors do not stop it (Clang
// recovers, and the lexical pass covers what it could not vouch for).
#include <algorithm>
#include <memory>

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "cuda/Passes.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#ifndef OPSCOPE_CLANG_RESOURCE_DIR
#error "OPSCOPE_CLANG_RESOURCE_DIR must name Clang 19's resource directory"
#endif

namespace opscope::cuda {

namespace {

constexpr const char* kShimDir = "/opscope-shims";

/// Normalised absolute paths of files, cached per FileID; "" for files without a name.
class PathCache {
 public:
  explicit PathCache(const clang::SourceManager& sm) : sm_(sm) {}
  const std::string& of(clang::FileID fid) {
    auto [it, inserted] = cache_.try_emplace(fid.getHashValue());
    if (inserted) {
      if (auto entry = sm_.getFileEntryRefForID(fid)) {
        llvm::SmallString<256> p(entry->getName());
        llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
        it->second = std::string(p);
      }
    }
    return it->second;
  }

 private:
  const clang::SourceManager& sm_;
  std::unordered_map<unsigned, std::string> cache_;
};

/// Collects errors; everything else Clang says is noise for a scanner.
class ErrorCollector : public clang::DiagnosticConsumer {
 public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    llvm::SmallString<128> text;
    info.FormatDiagnostic(text);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid())
        where = llvm::sys::path::filename(p.getFilename()).str() + ":" + std::to_string(p.getLine()) +
                ":" + std::to_string(p.getColumn()) + ": ";
    }
    if (info.getID() == clang::diag::err_pp_file_not_found) missingHeaders.push_back(where + text.str().str());
    else errors.push_back(where + text.str().str());
  }
  std::vector<std::string> errors;
  std::vector<std::string> missingHeaders;
};

/// Records which user lines Clang skipped (inactive #if branches) and macro bodies, and where
/// the user's own macros are used (CUDA_CHECK looks like a CUDA name but is the user's).
class PreprocessorWatcher : public clang::PPCallbacks {
 public:
  PreprocessorWatcher(const clang::SourceManager& sm, PathCache& paths, const std::string& root, UnitResult& out)
      : sm_(sm), paths_(paths), root_(root), out_(out) {}

  void SourceRangeSkipped(clang::SourceRange range, clang::SourceLocation endifLoc) override {
    add(range.getBegin(), endifLoc.isValid() ? endifLoc : range.getEnd());
  }
  void MacroDefined(const clang::Token&, const clang::MacroDirective* md) override {
    const clang::MacroInfo* mi = md->getMacroInfo();
    add(mi->getDefinitionLoc(), mi->getDefinitionEndLoc());
  }
  void MacroExpands(const clang::Token& name, const clang::MacroDefinition& md, clang::SourceRange,
                    const clang::MacroArgs*) override {
    const clang::MacroInfo* mi = md.getMacroInfo();
    if (!mi || !name.getLocation().isFileID()) return;
    const std::string& def = paths_.of(sm_.getFileID(sm_.getSpellingLoc(mi->getDefinitionLoc())));
    if (def.empty() || !isUnderRoot(def, root_)) return;
    clang::SourceLocation loc = name.getLocation();
    const std::string& file = paths_.of(sm_.getFileID(loc));
    if (!file.empty() && isUnderRoot(file, root_))
      out_.resolved.insert(Position{file, sm_.getSpellingLineNumber(loc), sm_.getSpellingColumnNumber(loc)});
  }

 private:
  void add(clang::SourceLocation begin, clang::SourceLocation end) {
    if (begin.isInvalid() || end.isInvalid() || !begin.isFileID()) return;
    const std::string& file = paths_.of(sm_.getFileID(begin));
    if (file.empty() || !isUnderRoot(file, root_)) return;
    out_.unparsedLines[file].emplace_back(sm_.getSpellingLineNumber(begin), sm_.getSpellingLineNumber(end));
  }
  const clang::SourceManager& sm_;
  PathCache& paths_;
  const std::string& root_;
  UnitResult& out_;
};

/// Walks the AST of one unit and turns CUDA uses, kernels and launches into findings.
class Collector : public clang::RecursiveASTVisitor<Collector> {
  using Base = clang::RecursiveASTVisitor<Collector>;

 public:
  Collector(clang::ASTContext& ctx, PathCache& paths, const SymbolCatalog& catalog,
            const ScanOptions& options, UnitResult& out)
      : ctx_(ctx), sm_(ctx.getSourceManager()), paths_(paths), catalog_(catalog), options_(options), out_(out) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(clang::Decl* d) {
    // Declarations from the shims and system headers hold no user code: skip them whole.
    if (d && !llvm::isa<clang::TranslationUnitDecl>(d) && !inUserFile(d->getLocation())) return true;
    auto* fd = llvm::dyn_cast_or_null<clang::FunctionDecl>(d);
    if (fd) functions_.push_back(fd->getQualifiedNameAsString());
    bool ok = Base::TraverseDecl(d);
    if (fd) functions_.pop_back();
    return ok;
  }

  bool VisitFunctionDecl(clang::FunctionDecl* fd) {
    noteUserDeclaration(fd);
    if (!fd->doesThisDeclarationHaveABody()) return true;
    bool global = fd->hasAttr<clang::CUDAGlobalAttr>();
    bool device = fd->hasAttr<clang::CUDADeviceAttr>();
    if (!global && !device) return true;
    // Expansion lines: the definition starts with `__global__`, a macro from the shims.
    unsigned first = sm_.getExpansionLineNumber(fd->getBeginLoc());
    unsigned last = sm_.getExpansionLineNumber(fd->getEndLoc());
    Finding f = makeFinding(Symbol{fd->getNameAsString(), global ? SymbolKind::Kernel : SymbolKind::DeviceFunction, "user"},
                            fd->getLocation());
    f.detail = "lines=" + std::to_string(last >= first ? last - first + 1 : 1);
    f.context = fd->getQualifiedNameAsString();
    add(std::move(f), fd->getLocation());
    return true;
  }

  bool VisitNamedDecl(clang::NamedDecl* d) {
    if (!llvm::isa<clang::FunctionDecl>(d)) noteUserDeclaration(d);
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr* e) {
    reference(e->getDecl(), e->getLocation());
    return true;
  }

  bool VisitUnresolvedLookupExpr(clang::UnresolvedLookupExpr* e) {
    // A call in a template with dependent arguments: the candidates are known by name.
    for (clang::NamedDecl* d : e->decls()) {
      reference(d->getUnderlyingDecl(), e->getNameLoc());
      break;
    }
    return true;
  }

  bool VisitTypeLoc(clang::TypeLoc tl) {
    if (auto t = tl.getAs<clang::TypedefTypeLoc>()) reference(t.getTypedefNameDecl(), t.getNameLoc());
    else if (auto t = tl.getAs<clang::TagTypeLoc>()) reference(t.getDecl(), t.getNameLoc());
    return true;
  }

  bool VisitCUDAKernelCallExpr(clang::CUDAKernelCallExpr* e) {
    const clang::Expr* callee = e->getCallee()->IgnoreImplicit();
    std::string name;
    if (const clang::FunctionDecl* fd = e->getDirectCallee()) name = fd->getNameAsString();
    else if (const auto* ule = llvm::dyn_cast<clang::UnresolvedLookupExpr>(callee)) name = ule->getName().getAsString();
    else if (const auto* dre = llvm::dyn_cast<clang::DeclRefExpr>(callee)) name = dre->getDecl()->getNameAsString();
    if (name.empty()) name = "<indirect>";
    clang::SourceLocation loc = callee->getExprLoc();
    if (const auto* dre = llvm::dyn_cast<clang::DeclRefExpr>(callee)) loc = dre->getLocation();
    Finding f = makeFinding(Symbol{name, SymbolKind::KernelLaunch, "user"}, loc);
    add(std::move(f), loc);
    return true;
  }

 private:
  bool inUserFile(clang::SourceLocation loc) {
    if (loc.isInvalid()) return true;  // implicit declarations: keep walking
    const std::string& file = paths_.of(sm_.getFileID(sm_.getSpellingLoc(loc)));
    return !file.empty() && isUnderRoot(file, options_.root);
  }

  bool candidate(const std::string& name) { return !name.empty() && (looksLikeCudaName(name) || catalog_.find(name)); }

  /// A user declaration whose name looks like CUDA: its position is the user's, not CUDA's.
  void noteUserDeclaration(clang::NamedDecl* d) {
    if (!d->getIdentifier() || !candidate(d->getNameAsString())) return;
    if (auto pos = position(d->getLocation())) out_.resolved.insert(*pos);
  }

  std::optional<Position> position(clang::SourceLocation loc) {
    clang::SourceLocation sp = sm_.getSpellingLoc(loc);
    if (sp.isInvalid()) return std::nullopt;
    const std::string& file = paths_.of(sm_.getFileID(sp));
    if (file.empty() || !isUnderRoot(file, options_.root)) return std::nullopt;
    return Position{file, sm_.getSpellingLineNumber(sp), sm_.getSpellingColumnNumber(sp)};
  }

  /// A use of `d` at `loc`: a CUDA finding when `d` is declared outside the user's code.
  void reference(const clang::NamedDecl* d, clang::SourceLocation loc) {
    if (!d || !d->getIdentifier()) return;
    std::string name = d->getNameAsString();
    if (!candidate(name)) return;
    std::optional<Position> pos = position(loc);
    if (!pos) return;
    out_.resolved.insert(*pos);
    if (inUserFile(d->getLocation())) return;  // the user's own function or type shadows the name
    Symbol sym;
    if (std::optional<Symbol> known = catalog_.find(name)) {
      sym = *known;
    } else {
      sym.name = name;
      sym.library = std::string(libraryFromPrefix(name));
      if (llvm::isa<clang::EnumConstantDecl>(d)) sym.kind = SymbolKind::EnumValue;
      else if (llvm::isa<clang::TypeDecl>(d)) sym.kind = SymbolKind::Type;
      else if (llvm::isa<clang::FunctionDecl>(d) || llvm::isa<clang::FunctionTemplateDecl>(d)) sym.kind = SymbolKind::Function;
      else return;  // variables and the like are not API names
    }
    add(makeFinding(std::move(sym), loc), loc);
  }

  Finding makeFinding(Symbol sym, clang::SourceLocation loc) {
    Finding f;
    f.symbol = std::move(sym);
    f.evidence = Evidence::Semantic;
    clang::SourceLocation sp = sm_.getSpellingLoc(loc);
    f.location.file = paths_.of(sm_.getFileID(sp));
    f.location.line = sm_.getSpellingLineNumber(sp);
    f.location.column = sm_.getSpellingColumnNumber(sp);
    f.location.endLine = f.location.line;
    f.location.endColumn = f.location.column + static_cast<unsigned>(f.symbol.name.size());
    for (clang::SourceLocation l = loc; l.isMacroID(); l = sm_.getImmediateMacroCallerLoc(l)) {
      llvm::StringRef macro = clang::Lexer::getImmediateMacroName(l, sm_, ctx_.getLangOpts());
      if (!macro.empty() && (f.location.macroChain.empty() || f.location.macroChain.back() != macro))
        f.location.macroChain.push_back(macro.str());
    }
    std::reverse(f.location.macroChain.begin(), f.location.macroChain.end());
    if (!functions_.empty()) f.context = functions_.back();
    return f;
  }

  void add(Finding f, clang::SourceLocation) {
    if (f.location.file.empty() || !isUnderRoot(f.location.file, options_.root)) return;
    out_.findings.push_back(std::move(f));
  }

  clang::ASTContext& ctx_;
  clang::SourceManager& sm_;
  PathCache& paths_;
  const SymbolCatalog& catalog_;
  const ScanOptions& options_;
  UnitResult& out_;
  std::vector<std::string> functions_;
};

class CollectAction : public clang::ASTFrontendAction {
 public:
  CollectAction(const SymbolCatalog& catalog, const ScanOptions& options, UnitResult& out)
      : catalog_(catalog), options_(options), out_(out) {}

  bool BeginSourceFileAction(clang::CompilerInstance& ci) override {
    paths_ = std::make_unique<PathCache>(ci.getSourceManager());
    ci.getPreprocessor().addPPCallbacks(
        std::make_unique<PreprocessorWatcher>(ci.getSourceManager(), *paths_, options_.root, out_));
    return true;
  }

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&, llvm::StringRef) override {
    struct Consumer : clang::ASTConsumer {
      CollectAction& self;
      explicit Consumer(CollectAction& s) : self(s) {}
      void HandleTranslationUnit(clang::ASTContext& ctx) override {
        Collector c(ctx, *self.paths_, self.catalog_, self.options_, self.out_);
        c.TraverseDecl(ctx.getTranslationUnitDecl());
        clang::SourceManager& sm = ctx.getSourceManager();
        for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
          llvm::SmallString<256> p(it->first.getName());
          llvm::sys::path::remove_dots(p, true);
          if (isUnderRoot(std::string(p), self.options_.root)) self.out_.userFiles.insert(std::string(p));
        }
      }
    };
    return std::make_unique<Consumer>(*this);
  }

 private:
  const SymbolCatalog& catalog_;
  const ScanOptions& options_;
  UnitResult& out_;
  std::unique_ptr<PathCache> paths_;
};

std::vector<std::string> inferredArgs(const TranslationUnit& unit, const ScanOptions& options) {
  std::string lang = languageOf(unit.file);
  std::vector<std::string> args = {"clang++", "-fsyntax-only", "-w", "-ferror-limit=0", "-fno-caret-diagnostics"};
  if (lang == "cuda") {
    for (const char* a : {"-x", "cuda", "--cuda-host-only", "-nocudainc", "-nocudalib", "-std=c++17",
                          "-Wno-unknown-cuda-version", "-include", "cuda_runtime.h"})
      args.emplace_back(a);
  } else if (lang == "c") {
    for (const char* a : {"-x", "c", "-std=gnu11"}) args.emplace_back(a);
  } else {
    for (const char* a : {"-x", "c++", "-std=c++17"}) args.emplace_back(a);
  }
  args.push_back("-I" + llvm::sys::path::parent_path(unit.file).str());
  for (const std::string& dir : options.includeDirs) args.push_back("-I" + dir);
  return args;
}

}  // namespace

bool isUnderRoot(const std::string& absPath, const std::string& root) {
  if (root.empty()) return true;
  if (absPath.size() < root.size() || absPath.compare(0, root.size(), root) != 0) return false;
  return absPath.size() == root.size() || absPath[root.size()] == '/' || root.back() == '/';
}

UnitResult runSemanticPass(const TranslationUnit& unit, const SymbolCatalog& catalog,
                           const ScanOptions& options) {
  UnitResult out;
  out.input.path = unit.file;
  out.input.language = languageOf(unit.file);

  auto shims = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [name, text] : shimFiles())
    shims->addFile(std::string(kShimDir) + "/" + name, 0, llvm::MemoryBuffer::getMemBuffer(text, name, false));
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlay->pushOverlay(shims);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);

  std::vector<std::string> args = unit.args.empty() ? inferredArgs(unit, options) : unit.args;
  args.push_back("-resource-dir");
  args.push_back(OPSCOPE_CLANG_RESOURCE_DIR);
  args.push_back("-isystem");
  args.push_back(kShimDir);
  args.push_back(unit.file);

  ErrorCollector errors;
  clang::tooling::ToolInvocation invocation(args, std::make_unique<CollectAction>(catalog, options, out), files.get());
  invocation.setDiagnosticConsumer(&errors);
  bool ran = invocation.run();

  out.userFiles.insert(unit.file);
  out.hadErrors = !ran || !errors.errors.empty() || !errors.missingHeaders.empty();
  if (out.hadErrors) {
    out.input.status = InputStatus::Lexical;
    std::string msg;
    for (const std::string& m : errors.missingHeaders) msg += (msg.empty() ? "" : "; ") + m;
    if (!errors.errors.empty())
      msg += (msg.empty() ? "" : "; ") + std::to_string(errors.errors.size()) + " parse error(s), first: " + errors.errors.front();
    if (msg.empty()) msg = "Clang could not parse the file";
    out.input.message = msg + "; findings Clang could not resolve come from a lexical scan";
  }
  return out;
}

}  // namespace opscope::cuda
