// The semantic pass: one Clang parse per translation unit, over a file system where the bundled
// CUDA declaration shims stand in for the toolkit (or over a real toolkit Clang can parse). Parse
// errors do not stop it (Clang recovers, and the lexical pass covers what it could not vouch for).
#include <memory>

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "cuda/AstCollector.h"
#include "cuda/CudaNames.h"
#include "cuda/SemanticContext.h"
#include "cuda/Shims.h"
#include "cuda/ThirdPartyHeaders.h"
#include "cuda/hazards/SemanticChecks.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#ifndef OPSCOPE_CLANG_RESOURCE_DIR
#error "OPSCOPE_CLANG_RESOURCE_DIR must name Clang 19's resource directory"
#endif

namespace opscope::cuda {

namespace {

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
        where = llvm::sys::path::filename(p.getFilename()).str() + ":" + std::to_string(p.getLine()) + ":" +
                std::to_string(p.getColumn()) + ": ";
    }
    if (info.getID() == clang::diag::err_pp_file_not_found) {
      missingHeaders.push_back(where + text.str().str());
      // "'mpi.h' file not found": the header as written is the first quoted text.
      llvm::StringRef quoted = llvm::StringRef(text).split('\'').second.split('\'').first;
      if (!quoted.empty()) missingNames.push_back(quoted.str());
    } else {
      errors.push_back(where + text.str().str());
      bool inShim = false;
      if (info.hasSourceManager() && info.getLocation().isValid()) {
        clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
        inShim = p.isValid() && llvm::StringRef(p.getFilename()).starts_with(kShimRoot);
      }
      parseErrors.push_back({text.str().str(), inShim});
    }
  }
  std::vector<std::string> errors;
  std::vector<std::string> missingHeaders;
  std::vector<std::string> missingNames;  // the headers as written
  std::vector<ParseError> parseErrors;
};

/// Records which user lines Clang skipped (inactive #if branches) and macro bodies, where the
/// user's own macros are used (CUDA_CHECK looks like a CUDA name but is the user's), and every use
/// of a CUDA macro (cudaStreamNonBlocking, CUDNN_VERSION, cuMemAlloc -> cuMemAlloc_v2).
class PreprocessorWatcher : public clang::PPCallbacks {
 public:
  PreprocessorWatcher(SemanticContext& ctx) : ctx_(ctx) {}

  void SourceRangeSkipped(clang::SourceRange range, clang::SourceLocation endifLoc) override {
    add(range.getBegin(), endifLoc.isValid() ? endifLoc : range.getEnd());
  }
  void MacroDefined(const clang::Token& name, const clang::MacroDirective* md) override {
    const clang::MacroInfo* mi = md->getMacroInfo();
    add(mi->getDefinitionLoc(), mi->getDefinitionEndLoc());
    if (name.getIdentifierInfo() && ctx_.inUserFile(mi->getDefinitionLoc()))
      ctx_.out().userNames.insert(name.getIdentifierInfo()->getName().str());
  }
  void MacroExpands(const clang::Token& name, const clang::MacroDefinition& md, clang::SourceRange,
                    const clang::MacroArgs*) override {
    use(name, md.getMacroInfo());
  }
  void Ifdef(clang::SourceLocation, const clang::Token& name, const clang::MacroDefinition& md) override {
    use(name, md.getMacroInfo());
  }
  void Ifndef(clang::SourceLocation, const clang::Token& name, const clang::MacroDefinition& md) override {
    use(name, md.getMacroInfo());
  }
  void Defined(const clang::Token& name, const clang::MacroDefinition& md, clang::SourceRange) override {
    use(name, md.getMacroInfo());
  }

 private:
  void use(const clang::Token& nameTok, const clang::MacroInfo* mi) {
    if (!mi || !nameTok.getIdentifierInfo()) return;
    std::optional<Position> pos = ctx_.position(nameTok.getLocation());
    if (!pos) return;
    clang::SourceLocation def = mi->getDefinitionLoc();
    if (ctx_.inUserFile(def)) {
      ctx_.out().resolved.insert(*pos);  // the user's own macro
      return;
    }
    std::string name = nameTok.getIdentifierInfo()->getName().str();
    std::optional<std::string> headerLibrary = ctx_.cudaLibraryOf(def);
    // __managed__ is an attribute Clang keeps for HIP only: its macro is where CUDA code shows it.
    if (name == "__managed__" && headerLibrary)
      ctx_.raise(checks::kManagedVariable, nameTok.getLocation(), "__managed__ variable", "");
    std::optional<Symbol> known = ctx_.catalog().find(name);
    bool pytorch = isPytorchMacro(name);
    if (!headerLibrary && !known && !pytorch) return;
    if (!known && !pytorch && (!looksLikeCudaName(name) || isIncludeGuardName(name))) return;  // __host__, CUBLAS_API_H_
    ctx_.out().resolved.insert(*pos);
    Symbol sym = known ? *known
                       : Symbol{name, SymbolKind::Macro,
                                pytorch ? std::string("torch_cuda")
                                        : headerLibrary && *headerLibrary != "cuda" ? *headerLibrary
                                                                                    : std::string(libraryFromPrefix(name))};
    ctx_.add(ctx_.makeFinding(std::move(sym), nameTok.getLocation(), static_cast<unsigned>(name.size())));
  }

  void add(clang::SourceLocation begin, clang::SourceLocation end) {
    if (begin.isInvalid() || end.isInvalid() || !begin.isFileID() || !ctx_.inUserFile(begin)) return;
    const clang::SourceManager& sm = ctx_.sm();
    ctx_.out().unparsedLines[ctx_.fileOf(begin)].emplace_back(sm.getSpellingLineNumber(begin),
                                                             sm.getSpellingLineNumber(end));
  }

  SemanticContext& ctx_;
};

class CollectAction : public clang::ASTFrontendAction {
 public:
  CollectAction(const SymbolCatalog& catalog, const ScanOptions& options, const ShimSet& shims, UnitResult& out)
      : catalog_(catalog), options_(options), shims_(shims), out_(out) {}

  bool BeginSourceFileAction(clang::CompilerInstance& ci) override {
    ctx_ = std::make_unique<SemanticContext>(ci.getSourceManager(), catalog_, options_, shims_, out_);
    ctx_->setLangOptions(ci.getLangOpts());
    ci.getPreprocessor().addPPCallbacks(std::make_unique<PreprocessorWatcher>(*ctx_));
    return true;
  }

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&, llvm::StringRef) override {
    struct Consumer : clang::ASTConsumer {
      CollectAction& self;
      explicit Consumer(CollectAction& s) : self(s) {}
      void HandleTranslationUnit(clang::ASTContext& ast) override {
        SemanticContext& ctx = *self.ctx_;
        AstCollector collector(ast, ctx);
        collector.TraverseDecl(ast.getTranslationUnitDecl());
        // Findings made outside the walk (macro uses) get the function they are in.
        for (Finding& f : ctx.out().findings) {
          if (!f.context.empty()) continue;
          const FunctionExtent* best = nullptr;
          for (const FunctionExtent& e : collector.functions())
            if (e.file == f.location.file && e.first <= f.location.line && f.location.line <= e.last &&
                (!best || e.last - e.first < best->last - best->first))
              best = &e;
          if (best) f.context = best->name;
        }
        clang::SourceManager& sm = ast.getSourceManager();
        for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
          llvm::SmallString<256> p(it->first.getName());
          llvm::sys::path::remove_dots(p, true);
          if (isUnderRoot(std::string(p), self.options_.root)) self.out_.userFiles.insert(std::string(p));
          // What the result depends on (the cache key): every file but the shims, which the
          // cache key covers by their version.
          // The name as Clang opened it: removing '..' lexically is wrong across symbolic links
          // (GCC's include directories are reached through some).
          if (!p.starts_with(kShimRoot)) self.out_.readFiles.insert(it->first.getName().str());
        }
      }
    };
    return std::make_unique<Consumer>(*this);
  }

 private:
  const SymbolCatalog& catalog_;
  const ScanOptions& options_;
  const ShimSet& shims_;
  UnitResult& out_;
  std::unique_ptr<SemanticContext> ctx_;
};

bool hasArg(const std::vector<std::string>& args, const std::string& a) {
  return std::find(args.begin(), args.end(), a) != args.end();
}

/// What the unit's third-party includes (omp.h, mpi.h, torch/...) add to its arguments `args`.
ThirdPartySetup unitThirdPartySetup(const TranslationUnit& unit, const ScanOptions& options,
                                    const std::vector<std::string>& args) {
  std::vector<std::string> dirs = options.includeDirs;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "-I" || a == "-isystem" || a == "-iquote" || a == "-idirafter") && i + 1 < args.size())
      dirs.push_back(args[++i]);
    else if (a.size() > 2 && a.compare(0, 2, "-I") == 0)
      dirs.push_back(a.substr(2));
  }
  return thirdPartySetup(includedHeaders(unit.file, dirs), args, unit.file);
}

}  // namespace

bool isUnderRoot(const std::string& absPath, const std::string& root) {
  if (root.empty()) return true;
  if (absPath.size() < root.size() || absPath.compare(0, root.size(), root) != 0) return false;
  return absPath.size() == root.size() || absPath[root.size()] == '/' || root.back() == '/';
}

std::optional<Symbol> hazardSymbol(const ScanOptions& options, const std::string& checkId) {
  auto it = options.checkHazards.find(checkId);
  if (it == options.checkHazards.end()) return std::nullopt;
  return Symbol{it->second, SymbolKind::Hazard, "hazard"};
}

std::vector<std::string> parseArguments(const TranslationUnit& unit, const ScanOptions& options) {
  std::string lang = unitLanguage(unit);
  std::vector<std::string> args;
  if (!unit.args.empty()) {
    args = unit.args;
    bool cudaMode = hasArg(args, "cuda");
    if (!cudaMode && lang == "cuda") {
      args.insert(args.begin() + 1, {"-x", "cuda"});
      cudaMode = true;
    }
    lang = cudaMode ? "cuda" : lang == "cuda" ? "c++" : lang;
  } else {
    args = {"clang++"};
    if (lang == "cuda") {
      for (const char* a : {"-x", "cuda", "-std=c++17"}) args.emplace_back(a);
    } else if (lang == "c") {
      for (const char* a : {"-x", "c", "-std=gnu11"}) args.emplace_back(a);
    } else {
      for (const char* a : {"-x", "c++", "-std=c++17"}) args.emplace_back(a);
    }
    // The file's own directory first; the tree's header directories after the system ones, so a
    // vendored copy of a system header (Windows pthreads' sched.h) never shadows the real one.
    args.push_back("-I" + llvm::sys::path::parent_path(unit.file).str());
    for (const std::string& dir : options.includeDirs) {
      args.push_back("-idirafter");
      args.push_back(dir);
    }
  }
  // No typo correction: a misspelt or unknown CUDA name must not turn into a finding of another.
  for (const char* a : {"-fsyntax-only", "-w", "-ferror-limit=0", "-fno-caret-diagnostics", "-fno-spell-checking",
                        "-Wno-unknown-cuda-version"})
    args.emplace_back(a);
  // What GCC still accepts in C (implicit declarations, implicit int) Clang 16+ rejects by default.
  if (lang == "c")
    for (const char* a : {"-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
                          "-Wno-error=int-conversion", "-Wno-error=incompatible-function-pointer-types"})
      args.emplace_back(a);
  bool toolkit = !options.toolkit.path.empty();
  if (lang == "cuda") {
    for (const char* a : {"--cuda-host-only", "-nocudalib"}) args.emplace_back(a);
    if (toolkit) {
      args.push_back("--cuda-path=" + options.toolkit.path);
    } else {
      args.emplace_back("-nocudainc");
      // nvcc includes cuda_runtime.h into every .cu file; so do the shims.
      if (!hasArg(args, "cuda_runtime.h")) {
        args.emplace_back("-include");
        args.emplace_back("cuda_runtime.h");
      }
    }
  }
  ThirdPartySetup thirdParty = unitThirdPartySetup(unit, options, args);
  args.insert(args.end(), thirdParty.args.begin(), thirdParty.args.end());
  args.emplace_back("-resource-dir");
  args.emplace_back(OPSCOPE_CLANG_RESOURCE_DIR);
  if (toolkit) {
    args.push_back("-isystem");
    args.push_back(options.toolkit.includeDir);
  } else {
    args.emplace_back("-isystem");
    args.emplace_back(kShimRoot);
  }
  args.push_back(unit.file);
  return args;
}

UnitResult runSemanticPass(const TranslationUnit& unit, const SymbolCatalog& catalog, const ScanOptions& options,
                           const ShimSet& shims) {
  UnitResult out;
  out.input.path = unit.file;
  out.input.language = unitLanguage(unit);

  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(baseFileSystem(options));
  if (options.toolkit.path.empty()) overlay->pushOverlay(shims.fileSystem());
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);

  ErrorCollector errors;
  std::vector<std::string> args = parseArguments(unit, options);
  std::vector<std::string> thirdPartyNotes = unitThirdPartySetup(unit, options, unit.args).notes;
  clang::tooling::ToolInvocation invocation(args,
                                            std::make_unique<CollectAction>(catalog, options, shims, out), files.get());
  invocation.setDiagnosticConsumer(&errors);
  bool ran = invocation.run();

  out.userFiles.insert(unit.file);
  out.readFiles.insert(unit.file);
  out.hadErrors = !ran || !errors.errors.empty() || !errors.missingHeaders.empty();
  if (out.hadErrors) {
    out.input.status = InputStatus::Lexical;
    std::string msg;
    for (const std::string& m : errors.missingHeaders) msg += (msg.empty() ? "" : "; ") + m;
    if (!errors.errors.empty())
      msg += (msg.empty() ? "" : "; ") + std::to_string(errors.errors.size()) + " parse error(s), first: " + errors.errors.front();
    if (msg.empty()) msg = "Clang could not parse the file";
    out.input.message = msg + "; findings Clang could not resolve come from a lexical scan";
    LexicalDiagnosis why = diagnoseParseFailure(errors.missingNames, errors.parseErrors, [&](const std::string& name) {
      // PyTorch's names live in PyTorch's own headers, never in the shims.
      std::optional<Symbol> known = catalog.find(name);
      std::optional<std::string> space = libraryOfNamespace(name + "::x");
      return (known && known->library != "torch_cuda") || isPlausibleUnknownCudaName(name) ||
             (space && *space != "torch_cuda");
    });
    out.input.lexicalReason = why.reason;
    out.input.missingHeader = why.missingHeader;
    out.input.package = why.package;
    if (why.reason == LexicalReason::MissingHeader)
      out.input.message += "; " + why.missingHeader + " is not on this machine" +
                           (why.package.empty() ? "" : " (apt install " + why.package + ")");
  }
  for (const std::string& note : thirdPartyNotes)
    out.input.message += (out.input.message.empty() ? "" : "; ") + note;
  return out;
}

}  // namespace opscope::cuda
