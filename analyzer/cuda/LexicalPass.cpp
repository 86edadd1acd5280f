// The lexical pass: tokens only, for code Clang could not vouch for (parse errors, missing
// headers, inactive #if branches, macro bodies). Every finding it makes says so (Evidence::Lexical).
// It finds what the semantic pass finds, as far as tokens allow: CUDA names (qualified ones through
// `using namespace` and namespace aliases too), kernels and device functions, launches, PyTorch op
// registrations, and the token-visible hazards.
#include <map>
#include <optional>

#include "cuda/CudaNames.h"
#include "cuda/LexicalScanner.h"
#include "cuda/Passes.h"
#include "cuda/Shims.h"
#include "cuda/hazards/SemanticChecks.h"

namespace opscope::cuda {
namespace {

bool inRanges(unsigned line, const LineRanges* ranges) {
  if (!ranges) return true;
  for (const auto& [first, last] : *ranges)
    if (line >= first && line <= last) return true;
  return false;
}

/// The text of a string literal token without prefix and quotes.
std::string stringContent(std::string_view tok) {
  size_t open = tok.find('"');
  if (open == std::string_view::npos) return "";
  if (open > 0 && tok[open - 1] == 'R') {  // R"delim( ... )delim"
    size_t paren = tok.find('(', open);
    size_t close = tok.rfind(')');
    if (paren == std::string_view::npos || close == std::string_view::npos || close < paren) return "";
    return std::string(tok.substr(paren + 1, close - paren - 1));
  }
  size_t end = tok.size() > open + 1 && tok.back() == '"' ? tok.size() - 1 : tok.size();
  return std::string(tok.substr(open + 1, end - open - 1));
}

class LexicalPass {
 public:
  LexicalPass(const std::string& path, std::string_view text, const SymbolCatalog& catalog, const LineRanges* ranges,
              const ScanOptions& options, const std::set<std::string>* projectNames)
      : path_(path), view_(tokenize(text)), catalog_(catalog), ranges_(ranges), options_(options),
        projectNames_(projectNames) {}

  LexicalResult run() {
    const std::vector<Token>& toks = view_.tokens();
    reportDefinitions();
    std::string_view directive;
    size_t directiveIndex = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& t = toks[i];
      if (t.kind == Token::Kind::Directive) {
        directive = t.text;
        directiveIndex = i;
        continue;
      }
      if (!inRanges(t.line, ranges_)) continue;
      inCondition_ = false;
      if (t.inDirective) {
        // Macro bodies and #if conditions hold code; other directives and a macro's own name do not.
        inCondition_ = directive == "if" || directive == "elif" || directive == "ifdef" || directive == "ifndef";
        if ((directive != "define" && !inCondition_) || (directive == "define" && i == directiveIndex + 1)) continue;
      }
      if (t.kind == Token::Kind::Punct) {
        if (t.text == "<<<") launchAt(i);
        else laneMath(i);
        continue;
      }
      if (t.kind == Token::Kind::Number) {
        literal32(i);
        continue;
      }
      if (t.kind != Token::Kind::Identifier) continue;
      if (hazardWords(i)) continue;
      if (view_.isPunct(i - 1, "::") && i >= 2 && view_.isIdent(i - 2)) continue;  // inside a qualified name
      // A member of a class template specialisation (std::numeric_limits<int>::min, found in ggml's
      // HIP header): the template, if CUDA's, is reported at its own name.
      if (view_.isPunct(i - 1, "::") && i >= 2 && view_.isPunct(i - 2, ">")) continue;
      if (i > 0 && (view_.isPunct(i - 1, ".") || view_.isPunct(i - 1, "->"))) {
        memberCall(i);
        fieldAccess(i);
        continue;
      }
      if (isRegistrationMacro(t.text) && view_.isPunct(i + 1, "(")) {
        registrations(i);
        continue;
      }
      size_t end = i + 1;
      std::string name = qualifiedNameAt(view_, i, end);
      // `using namespace at::cuda;`, `namespace cg = cooperative_groups;`, `namespace a::b {`: a
      // namespace named, not used (its members are what code uses).
      if (i > 0 && (view_.isIdent(i - 1, "namespace") || (view_.isPunct(i - 1, "=") && i >= 3 &&
                                                          view_.isIdent(i - 3, "namespace")))) {
        i = end - 1;
        continue;
      }
      if (name.find("::") != std::string::npos) {
        qualifiedName(i, name, end);
        i = end - 1;
        continue;
      }
      plainName(i);
    }
    return std::move(result_);
  }

 private:
  const Token& tok(size_t i) const { return view_.tokens()[i]; }
  std::string_view nextText(size_t end) const {
    if (end >= view_.tokens().size()) return "";
    const Token& t = tok(end);
    if (view_.isPunct(end, "<")) {  // thrust::get<0>(t) is a call, thrust::device_vector<T> v a type
      size_t close = view_.matching(end);
      if (close < view_.tokens().size() && view_.isPunct(close + 1, "(") && !view_.isIdent(end - 1, "operator"))
        return std::isupper(static_cast<unsigned char>(tok(end - 1).text[0])) ? std::string_view("<") : std::string_view("(");
      return "<";
    }
    if (t.kind == Token::Kind::Identifier) return t.text == "const" || t.text == "volatile" ? t.text : std::string_view("x");
    return t.kind == Token::Kind::Punct ? t.text : std::string_view();
  }
  std::string contextAt(size_t i) const {
    const DeviceRegion* r = view_.deviceRegionAt(i);
    return r ? r->name : std::string();
  }

  Finding& emit(size_t i, Symbol symbol, unsigned length = 0) {
    const Token& t = tok(i);
    Finding f;
    f.symbol = std::move(symbol);
    f.location.file = path_;
    f.location.line = t.line;
    f.location.column = t.column;
    f.location.endLine = t.line;
    f.location.endColumn = t.column + (length ? length : static_cast<unsigned>(t.text.size()));
    f.evidence = Evidence::Lexical;
    f.context = contextAt(i);
    result_.findings.push_back(std::move(f));
    return result_.findings.back();
  }

  void hazard(size_t i, const char* check, std::string detail) {
    if (!inRanges(tok(i).line, ranges_)) return;
    if (std::optional<Symbol> h = hazardSymbol(options_, check)) emit(i, *h).detail = std::move(detail);
  }

  /// Kernels and device functions, with their spans.
  void reportDefinitions() {
    for (const DeviceRegion& r : view_.deviceRegions()) {
      if (r.nameToken == r.open || r.name.empty() || !inRanges(tok(r.nameToken).line, ranges_)) continue;
      const Token& n = tok(r.nameToken);
      unsigned last = tok(r.close).line;
      Finding& f = emit(r.nameToken, Symbol{r.name, r.kernel ? SymbolKind::Kernel : SymbolKind::DeviceFunction, "user"});
      f.detail = "lines=" + std::to_string(last - r.firstLine + 1);
      f.context = r.name;
      result_.spans[Position{path_, n.line, n.column}] = {r.firstLine, last};
    }
  }

  /// A name the shims' core declares, as the semantic pass would report it when the catalog does
  /// not know it: its namespace's library, else its file's, else its prefix's. Macros count only
  /// when they look like CUDA names (not __host__ or __launch_bounds__).
  std::optional<Symbol> shimSymbol(const std::string& name) const {
    const ShimName* declared = ShimSet::bundled().declared(name);
    if (!declared) return std::nullopt;
    std::optional<SymbolKind> kind = parseSymbolKind(declared->kind);
    std::string leaf = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
    if (!kind || isStandardTypeName(leaf)) return std::nullopt;
    if (*kind == SymbolKind::Macro && !looksLikeCudaName(leaf)) return std::nullopt;
    std::optional<std::string> lib = libraryOfNamespace(name);
    if (!lib) lib = declared->library.empty() ? std::string(libraryFromPrefix(leaf)) : declared->library;
    return Symbol{name, *kind, *lib};
  }

  /// A name found at tokens [i, end): reported, like the semantic pass does, at its last
  /// identifier (cub::DeviceReduce::Sum at Sum), so both passes agree on where a name is.
  void report(size_t i, const Symbol& sym, size_t end) {
    size_t last = end - 1;
    Finding& f = emit(last, sym);
    f.context = contextAt(i);
    launchThroughApi(i, sym.name, end);
  }

  void qualifiedName(size_t i, const std::string& written, size_t end) {
    std::string expanded = written;
    std::string head = written.substr(0, written.find("::"));
    if (auto a = view_.aliases().find(head); a != view_.aliases().end())
      expanded = a->second + written.substr(head.size());
    std::optional<Symbol> sym = catalog_.find(expanded);
    for (const std::string& ns : view_.usingNamespaces()) {
      if (sym) break;
      if (auto s = catalog_.find(ns + "::" + expanded)) {
        sym = s;
        expanded = ns + "::" + expanded;
      }
    }
    if (!sym) sym = shimSymbol(expanded);
    for (const std::string& ns : view_.usingNamespaces())
      if (!sym && (sym = shimSymbol(ns + "::" + expanded))) expanded = ns + "::" + expanded;
    if (!sym) {
      // A name the project declares itself, even inside a library's namespace (apex's
      // at::cuda::utils::MaxSharedMemoryPerMultiprocessor), is the project's.
      if (projectNames_ && projectNames_->count(expanded)) return;
      std::optional<std::string> lib = libraryOfNamespace(expanded);
      // std::vector after `using namespace at::cuda::utils;` is still the standard library's.
      if (!isStandardNamespace(head))
        for (const std::string& ns : view_.usingNamespaces())
          if (!lib && (lib = libraryOfNamespace(ns + "::" + expanded))) expanded = ns + "::" + expanded;
      if (!lib) return;
      sym = Symbol{expanded, guessKind(expanded, nextText(end)), *lib};
    }
    report(i, *sym, end);
  }

  void plainName(size_t i) {
    std::string_view name = tok(i).text;
    if (view_.declaresName(name) || isStandardTypeName(name)) return;  // the file's own, or the C library's
    std::string n(name);
    bool device = view_.deviceRegionAt(i) != nullptr;
    if (std::optional<Symbol> sym = catalog_.find(n)) {
      if (isDistinctiveName(n) || device) report(i, *sym, i + 1);
      return;
    }
    for (const std::string& ns : view_.usingNamespaces())
      if (std::optional<Symbol> sym = catalog_.find(ns + "::" + n)) {
        report(i, *sym, i + 1);
        return;
      }
    // Names no catalog knows: in #if conditions they are the project's configuration macros, and
    // names the project declares anywhere are its own.
    if (inCondition_ || (projectNames_ && projectNames_->count(n))) return;
    // Names the shims' hand-written core declares, with the kind the semantic pass would give.
    std::optional<Symbol> shim = shimSymbol(n);
    for (const std::string& ns : view_.usingNamespaces())
      if (!shim) shim = shimSymbol(ns + "::" + n);
    if (shim) {
      if (isDistinctiveName(n) || device) report(i, *shim, i + 1);
      return;
    }
    if (isPlausibleUnknownCudaName(n)) {
      report(i, Symbol{n, guessKind(n, nextText(i + 1)), std::string(libraryFromPrefix(n))}, i + 1);
    } else if (isPytorchMacro(n)) {
      report(i, Symbol{n, SymbolKind::Macro, "torch_cuda"}, i + 1);
    } else if (n.find("CUDA") != std::string::npos) {
      // getCurrentCUDAStream() after `using namespace at::cuda`: the PyTorch CUDA surface.
      for (const std::string& ns : view_.usingNamespaces())
        if (libraryOfNamespace(ns + "::" + n) == std::optional<std::string>("torch_cuda")) {
          report(i, Symbol{ns + "::" + n, guessKind(n, nextText(i + 1)), "torch_cuda"}, i + 1);
          return;
        }
    }
  }

  /// tensor.is_cuda() and tensor.cuda() in PyTorch extension code.
  void memberCall(size_t i) {
    std::string_view name = tok(i).text;
    if (!view_.includesTorch() || !view_.isPunct(i + 1, "(")) return;
    if (name == "is_cuda" || name == "cuda") emit(i, Symbol{"at::Tensor::" + std::string(name), SymbolKind::Function, "torch_cuda"});
  }

  /// prop.unifiedAddressing, props[d].major, attr->type: a data member of a CUDA struct, where the
  /// object is a variable the file declares with that struct's type, as its tokens show
  /// (`cudaDeviceProp prop;`, `struct cudaPointerAttributes* attr`, a parameter). Reported only
  /// when the catalog knows Struct::member, so a member name alone never decides. A name the file
  /// declares with two CUDA struct types is left alone; one it also declares with a type of its
  /// own is not seen as such (tokens do not give scopes), which the known-member check bounds.
  void fieldAccess(size_t i) {
    if (i < 2) return;
    size_t obj = i - 2;
    if (view_.isPunct(obj, "]")) {  // props[d].major
      int depth = 0;
      for (size_t j = obj + 1; j-- > 0;) {
        if (view_.isPunct(j, "]")) ++depth;
        else if (view_.isPunct(j, "[") && --depth == 0) {
          obj = j == 0 ? view_.tokens().size() : j - 1;
          break;
        }
        if (j == 0) return;
      }
    }
    if (!view_.isIdent(obj) || (obj > 0 && (view_.isPunct(obj - 1, ".") || view_.isPunct(obj - 1, "->") ||
                                            view_.isPunct(obj - 1, "::"))))
      return;
    const std::map<std::string_view, std::string>& vars = structVariables();
    auto v = vars.find(tok(obj).text);
    if (v == vars.end() || v->second.empty()) return;
    std::optional<Symbol> sym = catalog_.find(v->second + "::" + std::string(tok(i).text));
    if (sym && sym->kind == SymbolKind::Field) emit(i, *sym);
  }

  /// Variables (and parameters) the file declares with a CUDA struct type the catalog knows:
  /// name -> struct, "" when a name is declared with two such types.
  const std::map<std::string_view, std::string>& structVariables() {
    if (structVars_) return *structVars_;
    structVars_.emplace();
    const std::vector<Token>& toks = view_.tokens();
    auto declares = [&](size_t k) {  // a declarator's name: what follows it ends or continues it
      return view_.isIdent(k) && (view_.isPunct(k + 1, ";") || view_.isPunct(k + 1, ",") || view_.isPunct(k + 1, "=") ||
                                  view_.isPunct(k + 1, ")") || view_.isPunct(k + 1, "[") || view_.isPunct(k + 1, "{"));
    };
    auto note = [&](std::string_view var, const std::string& type) {
      auto [it, added] = structVars_->emplace(var, type);
      if (!added && it->second != type) it->second.clear();
    };
    for (size_t j = 0; j < toks.size(); ++j) {
      if (!view_.isIdent(j) || view_.declaresName(toks[j].text)) continue;
      if (j > 0 && (view_.isPunct(j - 1, ".") || view_.isPunct(j - 1, "->") || view_.isPunct(j - 1, "::"))) continue;
      std::optional<Symbol> type = catalog_.find(std::string(toks[j].text));
      if (!type || type->kind != SymbolKind::Type) continue;
      size_t k = j + 1;
      while (view_.isIdent(k, "const") || view_.isPunct(k, "*") || view_.isPunct(k, "&")) ++k;
      if (!declares(k)) continue;
      note(toks[k].text, type->name);
      // `cudaDeviceProp a, b;`: further plain declarators up to the end of the statement.
      while (view_.isPunct(k + 1, ",") && declares(k + 2) && !view_.isPunct(k + 3, ")")) {
        k += 2;
        note(toks[k].text, type->name);
      }
    }
    return *structVars_;
  }

  /// name<<<...>>> and name<T, U><<<...>>>
  void launchAt(size_t k) {
    size_t j = k;
    if (j > 0 && view_.isPunct(j - 1, ">")) {
      int depth = 0;
      for (; j > 0; --j) {
        if (view_.isPunct(j - 1, ">")) ++depth;
        else if (view_.isPunct(j - 1, ">>")) depth += 2;
        else if (view_.isPunct(j - 1, "<") && --depth == 0) {
          --j;
          break;
        } else if (view_.isPunct(j - 1, ";") || view_.isPunct(j - 1, "{")) return;
      }
    }
    if (j == 0 || !view_.isIdent(j - 1)) return;
    size_t nameTok = j - 1;
    if (!inRanges(tok(nameTok).line, ranges_)) return;
    emit(nameTok, Symbol{std::string(tok(nameTok).text), SymbolKind::KernelLaunch, "user"});
    if (const DeviceRegion* r = view_.deviceRegionAt(k))
      hazard(nameTok, checks::kDeviceLaunch,
             "kernel " + std::string(tok(nameTok).text) + " launched from device code (" + r->name + ")");
  }

  /// cudaLaunchKernel((void*)kernel, ...), cudaLaunchKernelEx(&config, kernel, ...), cuLaunchKernel(f, ...)
  void launchThroughApi(size_t i, const std::string& api, size_t end) {
    static const std::set<std::string> kApis = {"cudaLaunchKernel", "cudaLaunchCooperativeKernel", "cudaLaunchKernelEx",
                                                "cudaLaunchKernelExC", "cuLaunchKernel", "cuLaunchCooperativeKernel",
                                                "cuLaunchKernelEx"};
    if (!kApis.count(api) || !view_.isPunct(end, "(")) return;
    unsigned wanted = api.rfind("cuda", 0) == 0 && api.find("Ex") != std::string::npos ? 1 : 0;
    size_t close = view_.matching(end);
    unsigned arg = 0;
    for (size_t j = end + 1; j < close; ++j) {
      if (view_.isPunct(j, "(") || view_.isPunct(j, "[")) {
        if (arg != wanted) j = view_.matching(j);
        continue;
      }
      if (view_.isPunct(j, ",")) {
        if (++arg > wanted) return;
        continue;
      }
      if (arg != wanted || !view_.isIdent(j)) continue;
      static const std::set<std::string_view> kSkip = {"void", "const", "reinterpret_cast", "static_cast",
                                                       "const_cast", "char"};
      if (kSkip.count(tok(j).text)) continue;
      emit(j, Symbol{std::string(tok(j).text), SymbolKind::KernelLaunch, "user"}).detail = "via " + api;
      return;
    }
    (void)i;
  }

  /// TORCH_LIBRARY(ns, m) { m.def("op(...)"); }, TORCH_LIBRARY_IMPL(ns, CUDA, m) { m.impl("op", ...); },
  /// PYBIND11_MODULE(name, m) { m.def("fn", ...); }
  void registrations(size_t i) {
    std::string_view macro = tok(i).text;
    size_t close = view_.matching(i + 1);
    std::vector<std::string> args(1);
    for (size_t j = i + 2; j < close; ++j) {
      if (view_.isPunct(j, ",")) args.emplace_back();
      else args.back() += std::string(tok(j).text);
    }
    if (close >= view_.tokens().size() || !view_.isPunct(close + 1, "{") || args.size() < 2) return;
    const std::string& var = args.back();
    size_t bodyEnd = view_.matching(close + 1);
    std::string detail = macro == "PYBIND11_MODULE" ? "PYBIND11_MODULE " + args.front() + " def"
                         : macro == "TORCH_LIBRARY_IMPL" ? "TORCH_LIBRARY_IMPL " + args[1] + " "
                                                         : "TORCH_LIBRARY ";
    for (size_t j = close + 2; j < bodyEnd; ++j) {
      // VAR.def(...) and the calls chained after it: VAR.def(...).def(...)
      if (!view_.isIdent(j, var) || !view_.isPunct(j + 1, ".")) continue;
      size_t k = j + 1;
      while (view_.isPunct(k, ".") && (view_.isIdent(k + 1, "def") || view_.isIdent(k + 1, "impl")) &&
             view_.isPunct(k + 2, "(")) {
        std::string verb(tok(k + 1).text);
        size_t callClose = view_.matching(k + 2);
        size_t s = k + 3;
        while (s < callClose && tok(s).kind != Token::Kind::String && !view_.isPunct(s, ",")) ++s;
        if (s < callClose && tok(s).kind == Token::Kind::String && inRanges(tok(s).line, ranges_)) {
          std::string name = stringContent(tok(s).text);
          name = name.substr(0, name.find('('));
          while (!name.empty() && name.back() == ' ') name.pop_back();
          while (!name.empty() && name.front() == ' ') name.erase(name.begin());
          if (!name.empty()) {
            if (macro != "PYBIND11_MODULE" && name.find("::") == std::string::npos) name = args.front() + "::" + name;
            emit(s, Symbol{name, SymbolKind::RegisteredOp, "user"}).detail =
                macro == "PYBIND11_MODULE" ? detail : detail + verb;
          }
        }
        k = callClose + 1;
      }
      j = k;
    }
  }

  /// asm, __managed__, double: hazards visible in one word.
  bool hazardWords(size_t i) {
    std::string_view w = tok(i).text;
    if ((w == "asm" || w == "__asm__" || w == "__asm") &&
        (view_.isPunct(i + 1, "(") || view_.isIdent(i + 1, "volatile") || view_.isIdent(i + 1, "__volatile__") ||
         view_.isIdent(i + 1, "goto"))) {
      std::string text;
      for (size_t j = i + 1; j < view_.tokens().size() && j < i + 16; ++j)
        if (tok(j).kind == Token::Kind::String) text += stringContent(tok(j).text);
        else if (view_.isPunct(j, ":") || view_.isPunct(j, ")")) break;
      std::string first = text.substr(0, text.find_first_of(" \t;\\"));
      hazard(i, checks::kInlineAsm, first.empty() ? "inline asm" : "inline asm: " + first);
      if (text.find("mma.") != std::string::npos || text.find("wgmma") != std::string::npos ||
          text.find("ldmatrix") != std::string::npos)
        hazard(i, checks::kPtxTensorCore, "tensor-core PTX: " + first);
      return true;
    }
    if (w == "__managed__") {
      hazard(i, checks::kManagedVariable, "__managed__ variable");
      return true;
    }
    if (w == "double") {
      const DeviceRegion* r = view_.deviceRegionAt(i);
      if (r && fp64Regions_.insert(r->open).second)
        hazard(i, checks::kDeviceFp64, "double-precision arithmetic in " + r->name);
      return true;
    }
    if (isMaskedWarpIntrinsic(w) && view_.isPunct(i + 1, "(") && i + 3 < view_.tokens().size() &&
        tok(i + 2).kind == Token::Kind::Number && (view_.isPunct(i + 3, ",") || view_.isPunct(i + 3, ")")) &&
        integerValue(tok(i + 2).text) == 0xffffffffULL)
      hazard(i + 2, checks::kWarpMaskLiteral, "full 32-lane mask 0xffffffff passed to " + std::string(w));
    if (isShuffleIntrinsic(w) && view_.isPunct(i + 1, "(")) {
      size_t close = view_.matching(i + 1);
      if (close < view_.tokens().size() && tok(close - 1).kind == Token::Kind::Number && view_.isPunct(close - 2, ",") &&
          integerValue(tok(close - 1).text) == 32)
        hazard(close - 1, checks::kWarpSizeLiteral, "shuffle width 32 in " + std::string(w));
    }
    if (w == "for" && view_.isPunct(i + 1, "(") && view_.deviceRegionAt(i)) reduceOffset(i);
    if (view_.deviceRegionAt(i) && looksLikeCudaName(w) && w.substr(0, 4) == "cuda" && view_.isPunct(i + 1, "("))
      hazard(i, checks::kDeviceLaunch,
             std::string(w) + " called from device code (" + view_.deviceRegionAt(i)->name + ")");
    return false;
  }

  /// for (int offset = 16; ...) { ... __shfl_down_sync(...) ... }
  void reduceOffset(size_t i) {
    size_t close = view_.matching(i + 1);
    if (close >= view_.tokens().size()) return;
    size_t sixteen = 0;
    for (size_t j = i + 2; j < close && !view_.isPunct(j, ";"); ++j)
      if (view_.isPunct(j, "=") && tok(j + 1).kind == Token::Kind::Number && integerValue(tok(j + 1).text) == 16)
        sixteen = j + 1;
    if (!sixteen) return;
    size_t bodyEnd = view_.isPunct(close + 1, "{") ? view_.matching(close + 1) : close + 16;
    for (size_t j = close + 1; j < bodyEnd && j < view_.tokens().size(); ++j)
      if (view_.isIdent(j) && isShuffleIntrinsic(tok(j).text)) {
        hazard(sixteen, checks::kWarpReduceOffset, "warp reduction loop starts at offset 16, half of a 32-lane warp");
        return;
      }
  }

  /// % 32, / 32, & 31, >> 5 in device code.
  void laneMath(size_t i) {
    std::string_view op = tok(i).text;
    if (op != "%" && op != "/" && op != "&" && op != ">>") return;
    if (!view_.deviceRegionAt(i)) return;
    size_t n = view_.isPunct(i + 1, "=") ? i + 2 : i + 1;
    if (n >= view_.tokens().size() || tok(n).kind != Token::Kind::Number) return;
    std::optional<unsigned long long> v = integerValue(tok(n).text);
    bool hit = (v == 32 && (op == "%" || op == "/")) || (v == 31 && op == "&") || (v == 5 && op == ">>");
    // Lane math is thread-index math: threadIdx.x % 32, lane / 32, tid & 31; a_index / 32 is not.
    auto threadLike = [&](std::string_view w) {
      std::string lower(w);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return w == "threadIdx" || lower.find("lane") != std::string::npos || lower.find("warp") != std::string::npos ||
             lower.find("tid") != std::string::npos || lower.find("thread") != std::string::npos;
    };
    size_t left = i - 1;
    if (left < view_.tokens().size() && view_.isPunct(left, ")")) {  // (threadIdx.x + off) % 32
      int depth = 0;
      for (size_t j = left + 1; j-- > 0 && left - j < 24;) {
        if (view_.isPunct(j, ")")) ++depth;
        if (view_.isPunct(j, "(") && --depth == 0) break;
        if (view_.isIdent(j) && threadLike(tok(j).text)) left = j;
      }
    } else if (left >= 2 && view_.isIdent(left) && view_.isPunct(left - 1, ".") && view_.isIdent(left - 2)) {
      left -= 2;  // threadIdx.x
    }
    hit = hit && left < view_.tokens().size() && view_.isIdent(left) && threadLike(tok(left).text);
    if (hit) {
      laneMathTokens_.insert(n);
      hazard(n, checks::kWarpLaneMath,
             "lane or warp index arithmetic '" + std::string(op) + " " + std::string(tok(n).text) + "' assumes 32 lanes per warp");
    }
  }

  /// Literal 32 in a device function that uses warp shuffles or votes.
  void literal32(size_t i) {
    if (laneMathTokens_.count(i) || integerValue(tok(i).text) != 32) return;
    if (i > 0 && (view_.isPunct(i - 1, "%") || view_.isPunct(i - 1, "/"))) return;  // lane math, reported as such
    const DeviceRegion* r = view_.deviceRegionAt(i);
    if (r && r->usesWarpOps)
      hazard(i, checks::kWarpSizeLiteral, "literal 32 in " + r->name + ", which uses warp shuffles or votes");
  }

  std::string path_;
  TokenView view_;
  const SymbolCatalog& catalog_;
  std::optional<std::map<std::string_view, std::string>> structVars_;
  const LineRanges* ranges_;
  const ScanOptions& options_;
  const std::set<std::string>* projectNames_;
  LexicalResult result_;
  std::set<size_t> fp64Regions_, laneMathTokens_;
  bool inCondition_ = false;  // the token is in an #if condition: configuration macros, known names only
};

}  // namespace

LexicalResult runLexicalPass(const std::string& absPath, std::string_view text, const SymbolCatalog& catalog,
                             const LineRanges* ranges, const ScanOptions& options,
                             const std::set<std::string>* projectNames) {
  return LexicalPass(absPath, text, catalog, ranges, options, projectNames).run();
}

std::set<std::string> declaredNames(std::string_view text) {
  TokenView view(tokenize(text));
  std::set<std::string> out;
  for (std::string_view n : view.declaredNames()) out.emplace(n);
  return out;
}

}  // namespace opscope::cuda
