#include "cuda/AstCollector.h"

#include <cctype>

#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"
#include "cuda/CudaNames.h"

namespace opscope::cuda {

std::string qualifiedName(const clang::NamedDecl* d) {
  std::string name = d->getNameAsString();
  for (const clang::DeclContext* dc = d->getDeclContext(); dc; dc = dc->getParent()) {
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(dc)) {
      if (ns->isAnonymousNamespace() || ns->isInline()) continue;
      name = ns->getNameAsString() + "::" + name;
    } else if (const auto* rd = llvm::dyn_cast<clang::RecordDecl>(dc)) {
      if (!rd->getIdentifier()) continue;
      name = rd->getNameAsString() + "::" + name;
    } else if (const auto* ed = llvm::dyn_cast<clang::EnumDecl>(dc)) {
      if (ed->isScoped()) name = ed->getNameAsString() + "::" + name;
    } else if (llvm::isa<clang::FunctionDecl>(dc)) {
      break;  // a local declaration: its own name is all there is
    }
  }
  return name;
}

namespace {

bool isDeviceFunction(const clang::FunctionDecl* fd) {
  return fd->hasAttr<clang::CUDADeviceAttr>() || fd->hasAttr<clang::CUDAGlobalAttr>();
}

/// True for a declaration at file scope or in an extern "C" block: its plain name is its name.
bool isGlobalScope(const clang::NamedDecl* d) {
  const clang::DeclContext* dc = d->getDeclContext();
  while (dc && (llvm::isa<clang::LinkageSpecDecl>(dc) || llvm::isa<clang::EnumDecl>(dc))) dc = dc->getParent();
  return dc && dc->isTranslationUnit();
}

SymbolKind kindOfDecl(const clang::NamedDecl* d) {
  if (llvm::isa<clang::EnumConstantDecl>(d)) return SymbolKind::EnumValue;
  if (llvm::isa<clang::TypeDecl>(d) || llvm::isa<clang::ClassTemplateDecl>(d) ||
      llvm::isa<clang::TypeAliasTemplateDecl>(d))
    return SymbolKind::Type;
  const clang::FunctionDecl* fd = llvm::dyn_cast<clang::FunctionDecl>(d);
  if (const auto* ft = llvm::dyn_cast<clang::FunctionTemplateDecl>(d)) fd = ft->getTemplatedDecl();
  if (fd) return fd->hasAttr<clang::CUDADeviceAttr>() && !fd->hasAttr<clang::CUDAHostAttr>() ? SymbolKind::Intrinsic
                                                                                           : SymbolKind::Function;
  return SymbolKind::Macro;  // not reached for the declarations reference() accepts
}

/// The first string literal inside an expression (a schema, possibly wrapped in a call).
const clang::StringLiteral* firstString(const clang::Stmt* s) {
  if (!s) return nullptr;
  if (const auto* lit = llvm::dyn_cast<clang::StringLiteral>(s)) return lit;
  for (const clang::Stmt* child : s->children())
    if (const clang::StringLiteral* lit = firstString(child)) return lit;
  return nullptr;
}

}  // namespace

AstCollector::AstCollector(clang::ASTContext& ast, SemanticContext& ctx)
    : ast_(ast), ctx_(ctx), checks_(makeSemanticChecks()) {}

bool AstCollector::TraverseDecl(clang::Decl* d) {
  // Declarations from the shims, the toolkit and system headers hold no user code: skip them.
  if (d && !llvm::isa<clang::TranslationUnitDecl>(d) && d->getLocation().isValid() &&
      !ctx_.declaredByUser(d->getLocation()))
    return true;
  auto* fd = llvm::dyn_cast_or_null<clang::FunctionDecl>(d);
  if (!fd || !fd->doesThisDeclarationHaveABody()) return Base::TraverseDecl(d);
  FunctionState state;
  state.decl = fd;
  state.name = qualifiedName(fd);
  state.device = isDeviceFunction(fd) || inDevice();
  fns_.push_back(std::move(state));
  bool ok = Base::TraverseDecl(d);
  for (auto& check : checks_) check->onFunctionEnd(fns_.back(), ctx_);
  fns_.pop_back();
  return ok;
}

bool AstCollector::VisitFunctionDecl(clang::FunctionDecl* fd) {
  noteUserDeclaration(fd);
  if (!fd->doesThisDeclarationHaveABody()) return true;
  const clang::SourceManager& sm = ctx_.sm();
  unsigned first = sm.getExpansionLineNumber(fd->getBeginLoc());
  unsigned last = sm.getExpansionLineNumber(fd->getEndLoc());
  if (last < first) last = first;
  extents_.push_back(FunctionExtent{ctx_.fileOf(fd->getLocation()), first, last, qualifiedName(fd)});
  bool global = fd->hasAttr<clang::CUDAGlobalAttr>();
  if (!global && !fd->hasAttr<clang::CUDADeviceAttr>()) return true;
  std::optional<Position> pos = ctx_.position(fd->getLocation());
  if (!pos) return true;
  Finding f = ctx_.makeFinding(Symbol{fd->getNameAsString(), global ? SymbolKind::Kernel : SymbolKind::DeviceFunction, "user"},
                               fd->getLocation());
  f.detail = "lines=" + std::to_string(last - first + 1);
  f.context = qualifiedName(fd);
  ctx_.out().spans[*pos] = {first, last};
  ctx_.add(std::move(f));
  return true;
}

/// `template __global__ void fill<__half>(__half*, __half);` leaves no declaration of its own in
/// the AST, and Clang keeps no source locations for its template arguments: each type argument
/// that names a declaration is reported where its name is first spelled after the point of
/// instantiation, in that statement.
bool AstCollector::VisitFunctionTemplateDecl(clang::FunctionTemplateDecl* td) {
  const clang::SourceManager& sm = ctx_.sm();
  for (clang::FunctionDecl* spec : td->specializations()) {
    clang::TemplateSpecializationKind kind = spec->getTemplateSpecializationKind();
    if (kind != clang::TSK_ExplicitInstantiationDeclaration && kind != clang::TSK_ExplicitInstantiationDefinition) continue;
    const clang::TemplateArgumentList* args = spec->getTemplateSpecializationArgs();
    clang::SourceLocation poi = sm.getFileLoc(spec->getPointOfInstantiation());
    if (!args || poi.isInvalid()) continue;
    bool invalid = false;
    llvm::StringRef buffer = sm.getBufferData(sm.getFileID(poi), &invalid);
    if (invalid) continue;
    unsigned from = sm.getFileOffset(poi);
    size_t stop = buffer.find(';', from);
    llvm::StringRef statement = buffer.slice(from, stop == llvm::StringRef::npos ? buffer.size() : stop);
    for (const clang::TemplateArgument& arg : args->asArray()) {
      if (arg.getKind() != clang::TemplateArgument::Type) continue;
      const clang::NamedDecl* named = nullptr;
      clang::QualType t = arg.getAsType();
      if (const auto* tt = t->getAs<clang::TypedefType>()) named = tt->getDecl();
      else if (const clang::TagDecl* tag = t->getAsTagDecl()) named = tag;
      if (!named || named->getName().empty()) continue;
      llvm::StringRef name = named->getName();
      for (size_t at = statement.find(name); at != llvm::StringRef::npos; at = statement.find(name, at + 1)) {
        auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        if ((at > 0 && word(statement[at - 1])) || (at + name.size() < statement.size() && word(statement[at + name.size()])))
          continue;
        reference(named, poi.getLocWithOffset(static_cast<int>(at)));
        break;
      }
    }
  }
  return true;
}

bool AstCollector::VisitNamedDecl(clang::NamedDecl* d) {
  if (!llvm::isa<clang::FunctionDecl>(d)) noteUserDeclaration(d);
  return true;
}

bool AstCollector::VisitVarDecl(clang::VarDecl* vd) {
  for (auto& check : checks_) check->onVarDecl(*vd, current(), ctx_);
  return true;
}

bool AstCollector::VisitDeclRefExpr(clang::DeclRefExpr* e) {
  reference(e->getFoundDecl() ? e->getFoundDecl()->getUnderlyingDecl() : e->getDecl(), e->getLocation());
  return true;
}

bool AstCollector::VisitMemberExpr(clang::MemberExpr* e) {
  // Methods of the CUDA libraries' own classes are CUDA uses: device operations (grid.sync(),
  // tile.shfl_down(), BlockReduce(...).Sum()) and Thrust's containers (v.begin() yields device
  // iterators). Data members count only on CUDA structs (recordField). Other methods (a CUDA-named user class's, the
  // standard library's) count only when the catalog names them.
  if (const auto* field = llvm::dyn_cast<clang::FieldDecl>(e->getMemberDecl())) {
    recordField(field, e->getMemberLoc());
    return true;
  }
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(e->getMemberDecl());
  if (!method || !method->getIdentifier()) return true;
  std::optional<std::string> lib = libraryOfNamespace(qualifiedName(method));
  bool operation = lib && (*lib == "cooperative_groups" || *lib == "wmma" || *lib == "cub" || *lib == "cuda" ||
                           *lib == "thrust");
  if (operation || ctx_.catalog().find(qualifiedName(method))) reference(method, e->getMemberLoc());
  else if (auto pos = ctx_.position(e->getMemberLoc())) ctx_.out().resolved.insert(*pos);
  return true;
}

bool AstCollector::VisitUnresolvedLookupExpr(clang::UnresolvedLookupExpr* e) {
  // A call in a template with dependent arguments: the candidates are known by name.
  for (clang::NamedDecl* d : e->decls()) {
    reference(d->getUnderlyingDecl(), e->getNameLoc());
    break;
  }
  return true;
}

bool AstCollector::VisitTypeLoc(clang::TypeLoc tl) {
  if (auto t = tl.getAs<clang::TypedefTypeLoc>()) reference(t.getTypedefNameDecl(), t.getNameLoc());
  else if (auto t = tl.getAs<clang::TagTypeLoc>()) reference(t.getDecl(), t.getNameLoc());
  else if (auto t = tl.getAs<clang::UsingTypeLoc>()) reference(t.getFoundDecl()->getTargetDecl(), t.getNameLoc());
  else if (auto t = tl.getAs<clang::TemplateSpecializationTypeLoc>()) {
    if (clang::TemplateDecl* td = t.getTypePtr()->getTemplateName().getAsTemplateDecl())
      reference(td, t.getTemplateNameLoc());
  }
  return true;
}

bool AstCollector::VisitCUDAKernelCallExpr(clang::CUDAKernelCallExpr* e) {
  const clang::Expr* callee = e->getCallee()->IgnoreImplicit();
  std::string name;
  if (const clang::FunctionDecl* fd = e->getDirectCallee()) name = fd->getNameAsString();
  else if (const auto* ule = llvm::dyn_cast<clang::UnresolvedLookupExpr>(callee)) name = ule->getName().getAsString();
  else if (const auto* dre = llvm::dyn_cast<clang::DeclRefExpr>(callee)) name = dre->getDecl()->getNameAsString();
  if (name.empty()) name = "<indirect>";
  clang::SourceLocation loc = callee->getExprLoc();
  if (const auto* dre = llvm::dyn_cast<clang::DeclRefExpr>(callee)) loc = dre->getLocation();
  if (ctx_.position(loc)) {
    Finding f = ctx_.makeFinding(Symbol{name, SymbolKind::KernelLaunch, "user"}, loc);
    f.context = contextName();
    ctx_.add(std::move(f));
  }
  for (auto& check : checks_) check->onKernelLaunch(*e, name, current(), ctx_);
  return true;
}

bool AstCollector::VisitCallExpr(clang::CallExpr* call) {
  std::string callee;
  if (const clang::FunctionDecl* fd = call->getDirectCallee()) {
    if (fd->getIdentifier()) callee = qualifiedName(fd);
  } else if (const auto* ule = llvm::dyn_cast<clang::UnresolvedLookupExpr>(call->getCallee()->IgnoreImplicit())) {
    callee = ule->getName().getAsString();
  }
  if (callee.empty()) return true;
  // The arguments as written (defaulted ones left out), for the callee's finding: a target whose
  // function takes another shape answers per use (db::callShapeForUse).
  unsigned written = 0;
  for (const clang::Expr* arg : call->arguments())
    if (!llvm::isa<clang::CXXDefaultArgExpr>(arg)) ++written;
  const clang::Expr* calleeExpr = call->getCallee()->IgnoreImplicit();
  if (const auto* dre = llvm::dyn_cast<clang::DeclRefExpr>(calleeExpr))
    callArgs_[dre->getLocation().getRawEncoding()] = written;
  else if (const auto* ule = llvm::dyn_cast<clang::UnresolvedLookupExpr>(calleeExpr))
    callArgs_[ule->getNameLoc().getRawEncoding()] = written;
  static const char* const kLaunchApis[] = {"cudaLaunchKernel", "cudaLaunchCooperativeKernel", "cudaLaunchKernelEx",
                                            "cudaLaunchKernelExC", "cuLaunchKernel", "cuLaunchCooperativeKernel",
                                            "cuLaunchKernelEx"};
  for (const char* api : kLaunchApis)
    if (callee == api) recordLaunchThroughApi(*call, callee);
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) recordRegistration(*member);
  if (FunctionState* fn = current())
    for (auto& check : checks_) check->onCall(*call, callee, *fn, ctx_, ast_);
  return true;
}

bool AstCollector::VisitBinaryOperator(clang::BinaryOperator* op) {
  if (FunctionState* fn = current())
    for (auto& check : checks_) check->onBinaryOperator(*op, *fn, ctx_);
  return true;
}

bool AstCollector::VisitIntegerLiteral(clang::IntegerLiteral* lit) {
  if (FunctionState* fn = current())
    for (auto& check : checks_) check->onIntegerLiteral(*lit, *fn, ctx_);
  return true;
}

bool AstCollector::VisitAsmStmt(clang::AsmStmt* stmt) {
  for (auto& check : checks_) check->onAsm(*stmt, current(), ctx_);
  return true;
}

bool AstCollector::VisitForStmt(clang::ForStmt* loop) {
  if (FunctionState* fn = current())
    for (auto& check : checks_) check->onForStmt(*loop, *fn, ctx_, ast_);
  return true;
}

void AstCollector::noteUserDeclaration(const clang::NamedDecl* d) {
  // A user declaration's own name is the user's, whatever it looks like: never a lexical finding.
  if (!d->getIdentifier()) return;
  if (auto pos = ctx_.position(d->getLocation())) {
    ctx_.out().resolved.insert(*pos);
    ctx_.out().userNames.insert(d->getNameAsString());
    // Qualified too: the project's helpers in a library's namespace (at::cuda::utils::...) are
    // the project's when files Clang could not parse name them.
    if (!llvm::isa<clang::NamespaceDecl>(d) && libraryOfNamespace(qualifiedName(d)))
      ctx_.out().userNames.insert(qualifiedName(d));
  }
}

void AstCollector::reference(const clang::NamedDecl* d, clang::SourceLocation loc) {
  if (!d || !d->getIdentifier()) return;
  std::optional<Position> pos = ctx_.position(loc);
  if (!pos) return;
  ctx_.out().resolved.insert(*pos);
  std::string plain = d->getNameAsString();
  // The runtime's implementation hooks (__cudaPushCallConfiguration behind <<<>>>) are no API use.
  if (plain.rfind("__cuda", 0) == 0) return;
  std::string qualified = qualifiedName(d);
  std::optional<std::string> nsLibrary = libraryOfNamespace(qualified);
  bool userDecl = ctx_.declaredByUser(d->getLocation());
  // The user's own function, type or variable: it shadows a CUDA name, or lives in a library's
  // namespace (a project's helpers in namespace at::cuda) without being the library's API.
  if (userDecl) return;
  std::optional<std::string> headerLibrary = userDecl ? std::nullopt : ctx_.cudaLibraryOf(d->getLocation());

  std::optional<Symbol> known = ctx_.catalog().find(qualified);
  if (!known && qualified != plain && isGlobalScope(d)) known = ctx_.catalog().find(plain);
  bool cuda = headerLibrary || nsLibrary || (!userDecl && isPlausibleUnknownCudaName(plain));
  if (isStandardTypeName(plain)) return;  // size_t is the C library's even where CUDA's headers name it
  // The C library's math functions are CUDA device functions when device code calls them.
  if (!cuda && known && !userDecl && inDevice() && known->kind == SymbolKind::Intrinsic) cuda = true;
  if (!cuda) return;
  // Generic names (min, expf) are CUDA's device functions only in device code: in host code they
  // are the C++ library's, whichever declaration Clang happened to pick.
  bool function = llvm::isa<clang::FunctionDecl>(d) || llvm::isa<clang::FunctionTemplateDecl>(d);
  if (function && !nsLibrary && !inDevice() && !isDistinctiveName(plain)) return;

  Symbol sym;
  if (known) {
    sym = *known;
  } else {
    // A CUDA name the opdb does not know: reported as such (its coverage is `unknown`).
    if (llvm::isa<clang::VarDecl>(d) || llvm::isa<clang::FieldDecl>(d) || llvm::isa<clang::NamespaceDecl>(d)) return;
    if (llvm::isa<clang::CXXConstructorDecl>(d) || llvm::isa<clang::CXXDestructorDecl>(d)) return;
    sym.name = qualified;
    sym.kind = kindOfDecl(d);
    sym.library = nsLibrary ? *nsLibrary : headerLibrary && *headerLibrary != "cuda" ? *headerLibrary
                                                                                    : std::string(libraryFromPrefix(plain));
  }
  unsigned length = static_cast<unsigned>(plain.size());
  Finding f = ctx_.makeFinding(std::move(sym), loc, length);
  f.context = contextName();
  if (auto args = callArgs_.find(loc.getRawEncoding()); args != callArgs_.end())
    f.detail = "args=" + std::to_string(args->second);
  ctx_.add(std::move(f));
}

void AstCollector::recordField(const clang::FieldDecl* field, clang::SourceLocation loc) {
  // A data member of a CUDA struct (prop.unifiedAddressing, attr.type), read or written, is a
  // use of that member: a platform's struct may lack it. Reported as Struct::member when the
  // struct is declared by CUDA's headers (the shims or the toolkit, never the user's code) and
  // the catalog knows the member (the opdb answers for it), so vector components (float4::x) and
  // members no platform answers for stay out.
  const clang::RecordDecl* record = field->getParent();
  if (!record || !field->getIdentifier() || !record->getIdentifier()) return;
  if (ctx_.declaredByUser(record->getLocation()) || !ctx_.cudaLibraryOf(record->getLocation())) return;
  std::string name = qualifiedName(record) + "::" + field->getNameAsString();
  std::optional<Symbol> known = ctx_.catalog().find(name);
  if (!known || known->kind != SymbolKind::Field) return;
  std::optional<Position> pos = ctx_.position(loc);
  if (!pos) return;
  ctx_.out().resolved.insert(*pos);
  Finding f = ctx_.makeFinding(std::move(*known), loc, static_cast<unsigned>(field->getName().size()));
  f.context = contextName();
  ctx_.add(std::move(f));
}

void AstCollector::recordLaunchThroughApi(const clang::CallExpr& call, const std::string& api) {
  unsigned index = api.find("Ex") != std::string::npos && api.rfind("cuda", 0) == 0 ? 1 : 0;
  if (call.getNumArgs() <= index) return;
  const clang::Expr* arg = call.getArg(index)->IgnoreParenCasts();
  if (const auto* addr = llvm::dyn_cast<clang::UnaryOperator>(arg))
    if (addr->getOpcode() == clang::UO_AddrOf) arg = addr->getSubExpr()->IgnoreParenCasts();
  std::string name;
  clang::SourceLocation loc = arg->getExprLoc();
  if (const auto* dre = llvm::dyn_cast<clang::DeclRefExpr>(arg)) {
    name = dre->getDecl()->getNameAsString();
    loc = dre->getLocation();
  } else if (const auto* ule = llvm::dyn_cast<clang::UnresolvedLookupExpr>(arg)) {
    name = ule->getName().getAsString();
    loc = ule->getNameLoc();
  }
  if (name.empty() || !ctx_.position(loc)) return;
  Finding f = ctx_.makeFinding(Symbol{name, SymbolKind::KernelLaunch, "user"}, loc);
  f.detail = "via " + api;
  f.context = contextName();
  ctx_.add(std::move(f));
}

namespace {

/// The arguments of the macro invocation a location was expanded from, as written
/// ("TORCH_LIBRARY(myops, m)" -> {"myops", "m"}).
std::vector<std::string> macroArguments(clang::SourceLocation loc, const clang::SourceManager& sm) {
  if (!loc.isMacroID()) return {};
  clang::SourceLocation start = sm.getExpansionRange(loc).getBegin();
  bool invalid = false;
  llvm::StringRef buffer = sm.getBufferData(sm.getFileID(start), &invalid);
  if (invalid) return {};
  size_t i = buffer.find('(', sm.getFileOffset(start));
  if (i == llvm::StringRef::npos) return {};
  std::vector<std::string> args(1);
  int depth = 0;
  for (++i; i < buffer.size(); ++i) {
    char c = buffer[i];
    if (c == '(') ++depth;
    if (c == ')' && depth-- == 0) break;
    if (c == ',' && depth == 0) {
      args.emplace_back();
      continue;
    }
    args.back() += c;
  }
  for (std::string& a : args) a = llvm::StringRef(a).trim().str();
  return args;
}

}  // namespace

void AstCollector::recordRegistration(const clang::CXXMemberCallExpr& call) {
  const clang::CXXMethodDecl* method = call.getMethodDecl();
  if (!method || !method->getIdentifier() || call.getNumArgs() == 0) return;
  std::string verb = method->getNameAsString();
  if (verb != "def" && verb != "impl") return;
  std::string owner = qualifiedName(method->getParent());
  bool torch = owner == "torch::Library";
  bool pybind = owner == "pybind11::module_" || owner == "pybind11::module";
  if (!torch && !pybind) return;
  const clang::StringLiteral* schema = firstString(call.getArg(0));
  if (!schema) return;
  std::string name = schema->getString().str();
  name = name.substr(0, name.find('('));
  name = llvm::StringRef(name).trim().str();
  if (name.empty()) return;
  std::string detail;
  FunctionState* fn = current();
  const clang::FunctionDecl* enclosing = fn ? fn->decl : nullptr;
  std::vector<std::string> macro = enclosing ? macroArguments(enclosing->getLocation(), ctx_.sm()) : std::vector<std::string>{};
  if (torch) {
    std::string ns = macro.empty() ? "" : macro.front();
    if (name.find("::") == std::string::npos && !ns.empty()) name = ns + "::" + name;
    detail = (macro.size() >= 3 ? "TORCH_LIBRARY_IMPL " + macro[1] + " " : "TORCH_LIBRARY ") + verb;
  } else {
    detail = "PYBIND11_MODULE " + (macro.empty() ? std::string("?") : macro.front()) + " def";
  }
  clang::SourceLocation loc = schema->getBeginLoc();
  if (!ctx_.position(loc)) return;
  Finding f = ctx_.makeFinding(Symbol{name, SymbolKind::RegisteredOp, "user"}, loc,
                               static_cast<unsigned>(schema->getString().size() + 2));
  f.detail = detail;
  f.context = contextName();
  ctx_.add(std::move(f));
}

}  // namespace opscope::cuda
