// The walk over one file's tree that finds what a port has to look at (see PythonFrontend.h for
// the symbols), and records where each name and string is spelled for the rewrite rules.
#include "python/FileScan.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "python/ExtensionSources.h"

namespace opscope::python {

std::string stringLiteralContent(const ParsedFile& file, TSNode literal, Span* span) {
  const Grammar& g = Grammar::get();
  std::string out;
  TSNode start{}, end{};
  bool bytes = false;
  forEachChild(literal, [&](TSNode c) {
    TSSymbol k = ts_node_symbol(c);
    if (k == g.stringStart) {
      start = c;
      std::string_view prefix = file.textOf(c);
      prefix = prefix.substr(0, prefix.find_first_of("'\""));
      bytes = prefix.find_first_of("bB") != std::string_view::npos;
    } else if (k == g.stringEnd) {
      end = c;
    } else if (k == g.stringContent) {
      out += file.textOf(c);
    } else if (k == g.interpolation) {
      out += "{}";
    }
  });
  if (bytes || ts_node_is_null(start) || ts_node_is_null(end)) return "";
  if (span) *span = {ts_node_end_byte(start), ts_node_start_byte(end)};
  return out;
}

const Binding* singleAssignment(const FileModel& model, const std::string& name, int scope) {
  for (int s = scope; s >= 0; s = model.scopes()[s].parent) {
    auto it = model.scopes()[s].names.find(name);
    if (it == model.scopes()[s].names.end()) continue;
    return it->second.size() == 1 ? &it->second.front() : nullptr;
  }
  return nullptr;
}

std::vector<std::string> splitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

namespace {

bool isUpperIdent(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

/// 'cuda', 'cuda:0', f"cuda:{rank}" (interpolations read as "{}"), "cuda:{}", "cuda:%d", "cuda:".
bool isDeviceString(std::string_view s) {
  if (s == "cuda") return true;
  if (!s.starts_with("cuda:")) return false;
  std::string_view rest = s.substr(5);
  if (rest.empty() || rest == "%d" || rest == "%s" || rest == "%i") return true;
  if (std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  if (rest.size() >= 2 && rest.front() == '{' && rest.back() == '}')
    return std::all_of(rest.begin() + 1, rest.end() - 1, [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '[' || c == ']' || c == ':';
    });
  return false;
}

/// Environment variables that configure CUDA, cuDNN, cuBLAS or NCCL (and torch's use of them).
bool isCudaEnvVar(std::string_view s) {
  if (s.size() < 6 || !isUpperIdent(s)) return false;
  constexpr std::string_view kPrefixes[] = {"NCCL_", "TORCH_NCCL_", "CUDA_", "CUDNN_", "TORCH_CUDNN_", "CUBLAS_",
                                            "CUBLASLT_", "PYTORCH_CUDA_", "PYTORCH_NO_CUDA_"};
  constexpr std::string_view kNames[] = {"PYTORCH_NVML_BASED_CUDA_CHECK", "NVIDIA_TF32_OVERRIDE",
                                         "TORCH_ALLOW_TF32_CUBLAS_OVERRIDE", "TORCH_CUDA_ARCH_LIST"};
  for (std::string_view p : kPrefixes)
    if (s.starts_with(p) && s.size() > p.size()) return true;
  return std::find(std::begin(kNames), std::end(kNames), s) != std::end(kNames);
}

/// Qualified names reported even when the opdb does not know them: the CUDA-bound corners of torch.
bool inCudaFamily(std::string_view q) {
  constexpr std::string_view kFamilies[] = {"torch.cuda", "torch.backends.cudnn", "torch.backends.cuda",
                                            "torch.utils.cpp_extension", "torch.version.cuda",
                                            "torch.profiler.ProfilerActivity.CUDA", "torch.distributed.Backend.NCCL",
                                            "torch.distributed.is_nccl_available", "torch.compile"};
  for (std::string_view f : kFamilies)
    if (q == f || (q.starts_with(f) && q.size() > f.size() && q[f.size()] == '.')) return true;
  return q.starts_with("torch._C._cuda");
}

/// Method names shared with str, list, dict, set, file objects and numpy arrays: matched to
/// torch.Tensor only when the receiver is known to be a tensor.
bool ambiguousMethod(std::string_view m) {
  static const std::set<std::string_view> kNames = {
      // str, bytes
      "split", "join", "replace", "strip", "lstrip", "rstrip", "format", "lower", "upper", "startswith", "endswith",
      "find", "rfind", "index", "rindex", "count", "encode", "decode", "title", "zfill", "partition", "center",
      "splitlines", "isdigit", "isalpha",
      // list, dict, set
      "append", "extend", "insert", "remove", "pop", "clear", "reverse", "copy", "sort", "keys", "values", "items",
      "get", "update", "setdefault", "popitem", "add", "discard", "union", "intersection", "difference",
      // files, loggers, numbers
      "read", "write", "close", "flush", "seek", "tell", "info", "warning", "debug", "error", "conjugate",
      // numpy.ndarray
      "all", "any", "argmax", "argmin", "argsort", "astype", "clip", "cumprod", "cumsum", "diagonal", "dot", "fill",
      "flatten", "item", "max", "mean", "min", "nonzero", "prod", "put", "ravel", "repeat", "reshape", "resize",
      "round", "squeeze", "std", "sum", "swapaxes", "take", "tolist", "tobytes", "trace", "transpose", "var", "view",
      "abs", "conj", "real", "imag", "sqrt", "exp", "log", "floor", "ceil", "type", "apply", "to", "numpy",
      "byteswap", "choose", "compress", "dump", "dumps", "partition", "searchsorted", "tofile", "size"};
  return kNames.count(m) > 0;
}

class Walker {
 public:
  Walker(const FileModel& model, const SymbolCatalog& catalog, const std::string& path, FileScan& out)
      : m_(model), file_(model.file()), catalog_(catalog), path_(path), out_(out), g_(Grammar::get()) {}

  void run() {
    TSNode root = file_.root();
    findInsertionPoints(root);
    visit(root, 0, false, false);
    fileLevelChecks();
    markDtypesInUse();
  }

  /// Checks that need the whole file: backward passes in a script that uses no mixed precision,
  /// and collectives in a function that names a dtype the vendor's collectives may not take.
  void fileLevelChecks() {
    if (!ampSeen_)
      for (const Pending& p : backwards_)
        checkSite(p.node, "no-mixed-precision", p.scope, p.inError, "a file that uses no autocast/GradScaler/apex.amp");
    for (const Pending& p : collectives_) {
      std::string hit;
      forEachChild(p.args, [&](TSNode a) {
        if (hit.empty() && is(a, g_.identifier) && uint8Names_.count({p.scope, std::string(text(a))}))
          hit = std::string(text(a));
      });
      if (!hit.empty()) checkSite(p.node, "collective-uint8", p.scope, p.inError, hit + " holds uint8 tensors");
    }
  }

  /// The dtypes a line names (torch.float64, .half(), ...) are the dtypes of the calls on it:
  /// `detail` of each torch API finding there gets " dtypes=fp64[,...]", which the coverage
  /// lookup compares with the answer's dtype constraints (db::coverageForUse).
  void markDtypesInUse() {
    std::map<unsigned, std::set<std::string>> byLine;
    for (const CheckSite& site : out_.checkSites) {
      const std::string& check = site.at.symbol.name;
      const std::string& what = site.at.detail;
      std::string dtype = check == "dtype-float64"   ? "fp64"
                          : check == "dtype-float16" ? "fp16"
                          : check == "dtype-uint64"  ? "uint64"
                          : check == "dtype-complex"
                              ? (what.find("128") != std::string::npos || what.find("cdouble") != std::string::npos
                                     ? "complex128"
                                     : "complex64")
                              : "";
      if (!dtype.empty()) byLine[site.at.location.line].insert(dtype);
    }
    if (byLine.empty()) return;
    for (Finding& f : out_.findings) {
      auto it = byLine.find(f.location.line);
      if (it == byLine.end() || f.symbol.kind != SymbolKind::TorchApi || f.symbol.name.find(':') != std::string::npos)
        continue;
      std::string list;
      for (const std::string& d : it->second) list += (list.empty() ? "" : ",") + d;
      f.detail += (f.detail.empty() ? "" : " ") + std::string("dtypes=") + list;
    }
  }

 private:
  std::string_view text(TSNode n) const { return file_.textOf(n); }

  void findInsertionPoints(TSNode root) {
    const std::string& t = file_.text();
    size_t nl = t.find('\n');
    if (nl != std::string::npos && nl > 0 && t[nl - 1] == '\r') out_.newline = "\r\n";
    auto lineAfter = [&](uint32_t byte) -> uint32_t {
      size_t p = t.find('\n', byte);
      return p == std::string::npos ? static_cast<uint32_t>(t.size()) : static_cast<uint32_t>(p + 1);
    };
    bool leading = true;
    forEachChild(root, [&](TSNode c) {
      TSSymbol s = ts_node_symbol(c);
      if (leading) {
        bool docstring = s == g_.expressionStatement && ts_node_named_child_count(c) == 1 &&
                         is(ts_node_named_child(c, 0), g_.string);
        if (s == g_.comment || s == g_.futureImportStatement || docstring) {
          if (s != g_.comment || ts_node_start_byte(c) == out_.top) out_.top = lineAfter(ts_node_end_byte(c));
          return;
        }
        leading = false;
      }
      if (out_.afterTorchImport == UINT32_MAX && (s == g_.importStatement || s == g_.importFromStatement)) {
        std::string_view stmt = text(c);
        std::string_view afterKeyword = stmt.substr(stmt.find_first_of(" \t") == std::string_view::npos ? 0 : stmt.find_first_of(" \t"));
        size_t b = afterKeyword.find_first_not_of(" \t\\\r\n");
        if (b != std::string_view::npos && afterKeyword.substr(b).starts_with("torch") &&
            (afterKeyword.size() == b + 5 || std::string_view(" .\t,\r\n;").find(afterKeyword[b + 5]) != std::string_view::npos))
          out_.afterTorchImport = lineAfter(ts_node_end_byte(c));
      }
      if (s == g_.ifStatement) {
        std::string_view cond = text(field(c, g_.condition));
        if (cond.find("__name__") != std::string_view::npos && cond.find("__main__") != std::string_view::npos)
          out_.entryScript = true;
      }
    });
  }

  void visit(TSNode n, int scope, bool called, bool inError) {
    TSSymbol s = ts_node_symbol(n);
    if (s == g_.comment) return;
    if (s == g_.error || ts_node_is_missing(n)) inError = true;
    if (s == g_.expressionStatement && ts_node_named_child_count(n) == 1) {
      TSNode only = ts_node_named_child(n, 0);
      if (is(only, g_.string) || is(only, g_.concatenatedString)) return;  // docstrings, bare strings
    }
    if (s == g_.importStatement) return recordImport(n);
    if (s == g_.importFromStatement) return recordImportFrom(n);
    if (s == g_.futureImportStatement || s == g_.globalStatement || s == g_.nonlocalStatement) return;
    if (s == g_.identifier) return visitName(n, scope, called, inError);
    if (s == g_.attribute) return visitAttribute(n, scope, called, inError);
    if (s == g_.call) return visitCall(n, scope, inError);
    if (s == g_.string) return visitString(n, scope, inError);
    if (s == g_.keywordArgument) return visitChild(field(n, g_.value), scope, inError);
    if (s == g_.decoratedDefinition) return visitDecorated(n, scope, inError);
    if (s == g_.functionDefinition || s == g_.lambda) return visitFunction(n, scope, inError);
    if (s == g_.classDefinition) {
      visitChild(field(n, g_.superclasses), scope, inError);
      int inner = m_.scopeOf(n);
      return visitChild(field(n, g_.body), inner < 0 ? scope : inner, inError);
    }
    if (s == g_.assignment || s == g_.augmentedAssignment) {
      forEachField(n, [&](TSFieldId f, TSNode c) {
        if (f == g_.left) visitTarget(c, scope, inError);
        else if (ts_node_is_named(c)) visit(c, scope, false, inError);
      });
      return;
    }
    if (s == g_.forStatement || s == g_.forInClause) {
      ++loopDepth_;
      forEachField(n, [&](TSFieldId f, TSNode c) {
        if (f == g_.left) visitTarget(c, scope, inError);
        else if (ts_node_is_named(c)) visit(c, scope, false, inError);
      });
      --loopDepth_;
      return;
    }
    if (s == g_.whileStatement || s == g_.listComprehension || s == g_.generatorExpression ||
        s == g_.setComprehension || s == g_.dictionaryComprehension) {
      ++loopDepth_;
      forEachChild(n, [&](TSNode c) {
        if (ts_node_is_named(c) || ts_node_is_missing(c)) visit(c, scope, false, inError);
      });
      --loopDepth_;
      return;
    }
    if (s == g_.subscript) checkSubscript(n, scope, inError);
    if (s == g_.namedExpression) return visitChild(field(n, g_.value), scope, inError);
    if (s == g_.asPatternTarget) return visitTarget(n, scope, inError);
    forEachChild(n, [&](TSNode c) {
      if (ts_node_is_named(c) || ts_node_is_missing(c)) visit(c, scope, false, inError);
    });
  }

  void visitChild(TSNode n, int scope, bool inError) {
    if (!ts_node_is_null(n)) visit(n, scope, false, inError);
  }

  /// Assignment targets: names are bindings (not uses), but `torch.backends.cudnn.benchmark = x`
  /// and `a[i] = ...` are uses.
  void visitTarget(TSNode n, int scope, bool inError) {
    if (ts_node_is_null(n) || is(n, g_.identifier)) return;
    if (is(n, g_.subscript)) assignedSubscript_ = n.id;  // `x[mask] = v` keeps x's shape
    if (is(n, g_.attribute) || is(n, g_.subscript)) return visit(n, scope, false, inError);
    forEachChild(n, [&](TSNode c) {
      if (ts_node_is_named(c)) visitTarget(c, scope, inError);
    });
  }

  void visitFunction(TSNode def, int scope, bool inError) {
    TSNode params = field(def, g_.parametersField);
    if (!ts_node_is_null(params))
      forEachChild(params, [&](TSNode p) {
        // Defaults and annotations are uses; parameter names are not.
        if (is(p, g_.identifier)) return;
        forEachField(p, [&](TSFieldId f, TSNode c) {
          if (f != g_.name && ts_node_is_named(c) && !is(c, g_.identifier)) visit(c, scope, false, inError);
        });
      });
    forEachField(def, [&](TSFieldId f, TSNode c) {
      if (f == g_.name || f == g_.parametersField || f == g_.body || !ts_node_is_named(c)) return;
      visit(c, scope, false, inError);  // return type
    });
    int inner = m_.scopeOf(def);
    unsigned outerLoops = loopDepth_;
    loopDepth_ = 0;  // a function defined in a loop does not run in it
    visitChild(field(def, g_.body), inner < 0 ? scope : inner, inError);
    loopDepth_ = outerLoops;
  }

  void visitDecorated(TSNode n, int scope, bool inError) {
    TSNode def = field(n, g_.definition);
    bool tritonKernel = false;
    forEachChild(n, [&](TSNode c) {
      if (!is(c, g_.decorator)) return;
      TSNode expr = ts_node_named_child(c, 0);
      if (ts_node_is_null(expr)) return;
      TSNode callee = is(expr, g_.call) ? field(expr, g_.function) : expr;
      Ref r = m_.resolveExpr(callee, scope);
      if (r.is(Ref::Kind::Qualified)) {
        if (r.name == "triton.jit" || r.name == "triton.autotune" || r.name == "triton.heuristics") tritonKernel = true;
        if (r.name == "torch.compile" && !is(expr, g_.call))
          report(expr, "compile_backend:inductor", SymbolKind::TorchApi, "torch", Evidence::Semantic, inError,
                 scope, "default backend");
      }
      visit(expr, scope, true, inError);
    });
    if (tritonKernel && is(def, g_.functionDefinition)) {
      TSNode name = field(def, g_.name);
      unsigned lines = ts_node_end_point(def).row - ts_node_start_point(def).row + 1;
      report(name, std::string(text(name)), SymbolKind::Kernel, "triton", Evidence::Semantic, inError, scope,
             "lines=" + std::to_string(lines));
    }
    visitChild(def, scope, inError);
  }

  void visitCall(TSNode call, int scope, bool inError) {
    TSNode fn = field(call, g_.function);
    TSNode args = field(call, g_.arguments);
    Ref callee = m_.resolveExpr(fn, scope);
    if (callee.is(Ref::Kind::Qualified)) {
      if (callee.name == "torch.cat" || callee.name == "torch.concat" || callee.name == "torch.stack")
        catOfComprehension(fn, args, scope, inError);
      if (callee.name == "torch.from_numpy") numpyFloat64(call, scope, inError);
      if (callee.name == "torch.utils.data.DataLoader") partialLastBatch(fn, args, scope, inError);
      if (callee.name == "torch.load") loadWithoutMapLocation(fn, args, scope, inError);
      if (callee.name == "torch.compile") compileBackend(fn, args, scope, inError);
      if (callee.name == "torch.utils.cpp_extension.CUDAExtension" ||
          callee.name == "torch.utils.cpp_extension.CppExtension" || callee.name == "torch.utils.cpp_extension.load")
        details_[fn.id] = collectExtensionSources(m_, path_, args, scope, out_);
      if (callee.name == "torch.utils.cpp_extension.load_inline") collectInlineSources(m_, path_, args, scope, out_);
    }
    deviceIndices(fn, args, callee, scope, inError);
    legacyKeywords(args, callee, scope, inError);
    if (callee.is(Ref::Kind::Qualified) && kCollectives.count(callee.name)) collectives_.push_back({fn, scope, inError, args});
    if (callee.is(Ref::Kind::Qualified) && callee.name == "torch.nn.parallel.DistributedDataParallel")
      backwards_.push_back({fn, scope, inError});  // where apex's amp.initialize must come first
    variableInputSize(fn, args, scope, inError);
    if (is(fn, g_.attribute) && !callee.is(Ref::Kind::Qualified) && text(field(fn, g_.attributeField)) == "backward")
      backwards_.push_back({field(fn, g_.attributeField), scope, inError});
    if (is(fn, g_.attribute) && !callee.is(Ref::Kind::Qualified) && text(field(fn, g_.attributeField)) == "byte")
      holdsUint8(fn, scope);
    if (loopDepth_ > 0 && is(fn, g_.attribute) && !callee.is(Ref::Kind::Qualified)) hostSync(fn, args, scope, inError);
    visit(fn, scope, true, inError);
    visitChild(args, scope, inError);
  }

  struct Pending {
    TSNode node;
    int scope;
    bool inError;
    TSNode args{};  // a collective's argument list
  };

  /// The name that receives the uint8 tensor made at `n`: `t = torch.ByteTensor(...)...` binds
  /// `t`, `lst.append(torch.empty(..., dtype=torch.uint8))` fills `lst`.
  void holdsUint8(TSNode n, int scope) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
      if (is(p, g_.assignment)) {
        TSNode left = field(p, g_.left);
        if (is(left, g_.identifier)) uint8Names_.insert({scope, std::string(text(left))});
        return;
      }
      if (is(p, g_.call)) {
        TSNode f = field(p, g_.function);
        if (is(f, g_.attribute) && text(field(f, g_.attributeField)) == "append" && is(field(f, g_.object), g_.identifier)) {
          uint8Names_.insert({scope, std::string(text(field(f, g_.object)))});
          return;
        }
      }
      if (is(p, g_.expressionStatement) || is(p, g_.block) || is(p, g_.functionDefinition)) return;
    }
  }
  /// The collectives whose torch_npu support page lists no uint8 (broadcast's does).
  inline static const std::set<std::string_view> kCollectives = {
      "torch.distributed.all_gather", "torch.distributed.all_reduce", "torch.distributed.reduce_scatter"};

  /// A resize of training inputs whose output size varies: an aspect-keeping resize with a
  /// `max_size=` bound, a `Random*Resize*` transform (not a `*Crop`, whose output size is fixed), or a resize to a size drawn by
  /// random.choice/randint. Every new input shape compiles and schedules the graph again.
  void variableInputSize(TSNode fn, TSNode args, int scope, bool inError) {
    if (ts_node_is_null(args) || !is(args, g_.argumentList)) return;
    std::string_view callee = text(fn);
    std::string_view last = callee.substr(callee.rfind('.') == std::string_view::npos ? 0 : callee.rfind('.') + 1);
    std::string lower(last);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    // RandomResizedCrop and the like crop to a fixed output size
    if (lower.find("resize") == std::string::npos || lower.find("crop") != std::string::npos) return;
    auto drawn = [&](TSNode e) {  // random.choice(...) / random.randint(...), directly or through a name
      if (is(e, g_.identifier)) {
        const Binding* b = singleAssignment(m_, std::string(text(e)), scope);
        if (!b || b->kind != Binding::Kind::Assign) return false;
        e = b->node;
      }
      if (!is(e, g_.call)) return false;
      std::string_view f = text(field(e, g_.function));
      return f == "random.choice" || f == "random.randint" || f == "np.random.choice" || f == "np.random.randint";
    };
    std::string why;
    if (last.starts_with("Random")) why = std::string(last) + ": a random size per sample";
    forEachChild(args, [&](TSNode a) {
      if (!why.empty() || !ts_node_is_named(a)) return;
      if (is(a, g_.keywordArgument)) {
        if (text(field(a, g_.name)) == "max_size") why = "max_size=: the aspect ratio is kept, so sizes vary";
        else if (drawn(field(a, g_.value))) why = "a size drawn at random";
      } else if (drawn(a)) {
        why = "a size drawn at random";
      }
    });
    if (!why.empty()) checkSite(fn, "variable-input-size", scope, inError, why);
  }

  /// A DataLoader that batches (batch_size given) and keeps a smaller last batch: no
  /// `drop_last=True` and no batch_sampler. That batch is one more input shape per epoch.
  void partialLastBatch(TSNode fn, TSNode args, int scope, bool inError) {
    if (ts_node_is_null(args) || !is(args, g_.argumentList)) return;
    bool batched = false, dropped = false, sampler = false;
    unsigned positional = 0;
    forEachChild(args, [&](TSNode a) {
      if (!ts_node_is_named(a) || is(a, g_.comment)) return;
      if (is(a, g_.keywordArgument)) {
        std::string_view key = text(field(a, g_.name));
        if (key == "batch_size") batched = true;
        if (key == "drop_last") dropped = text(field(a, g_.value)) == "True";
        if (key == "batch_sampler") sampler = true;
      } else if (text(a).starts_with("*")) {
        sampler = true;  // **kwargs: what it passes is not known
      } else if (++positional == 2) {
        batched = true;
      }
    });
    if (batched && !dropped && !sampler)
      checkSite(fn, "dataloader-partial-batch", scope, inError, "DataLoader without drop_last=True");
  }

  /// `torch.load(f)` with no map_location (keyword or second argument): tensors come back on the
  /// device they were saved from, so a checkpoint saved on a GPU fails to load without CUDA.
  void loadWithoutMapLocation(TSNode fn, TSNode args, int scope, bool inError) {
    if (ts_node_is_null(args) || !is(args, g_.argumentList)) return;
    bool mapped = false;
    unsigned positional = 0;
    forEachChild(args, [&](TSNode a) {
      if (!ts_node_is_named(a) || is(a, g_.comment)) return;
      if (is(a, g_.keywordArgument)) mapped |= text(field(a, g_.name)) == "map_location";
      else if (text(a).starts_with("*") || ++positional >= 2) mapped = true;  // **kwargs may carry it
    });
    if (!mapped) checkSite(fn, "load-without-map-location", scope, inError, "torch.load without map_location");
  }

  /// Keywords PyTorch 0.4 removed or renamed: `x.cuda(async=True)` (a syntax error since Python
  /// 3.7; now `non_blocking=`) and `Variable(x, volatile=True)` (no effect; `torch.no_grad()`).
  void legacyKeywords(TSNode args, const Ref& callee, int scope, bool inError) {
    if (ts_node_is_null(args) || !is(args, g_.argumentList)) return;
    forEachChild(args, [&](TSNode a) {
      if (!is(a, g_.keywordArgument)) return;
      TSNode name = field(a, g_.name);
      std::string_view key = text(name);
      if (key == "async") {
        checkSite(name, "legacy-async-kwarg", scope, inError, "async= (PyTorch < 0.4)");
        out_.keywords.push_back(KeywordSite{"async", {ts_node_start_byte(name), ts_node_end_byte(name)}});
      }
      if (key == "volatile" && callee.is(Ref::Kind::Qualified) && callee.name == "torch.autograd.Variable")
        checkSite(name, "legacy-volatile", scope, inError, "Variable(..., volatile=) (PyTorch < 0.4)");
    });
  }

  /// Bare integers that mean a CUDA device: `.to(0)`, `device=0` in torch calls,
  /// `torch.device(0)`, and the ordinals of `device_ids=`/`output_device=`. A user function's
  /// own `device=` parameter is not PyTorch's and is left alone.
  void deviceIndices(TSNode fn, TSNode args, const Ref& callee, int scope, bool inError) {
    if (ts_node_is_null(args) || !is(args, g_.argumentList)) return;
    bool torchCall = callee.is(Ref::Kind::Qualified) && callee.name.starts_with("torch");
    bool toCall = is(fn, g_.attribute) && text(field(fn, g_.attributeField)) == "to";
    bool deviceCtor = callee.is(Ref::Kind::Qualified) && callee.name == "torch.device";
    if (!torchCall && !toCall) return;
    auto ordinal = [&](TSNode v, bool rewritable) {
      if (ts_node_is_null(v) || !is(v, g_.integer)) return;
      std::string_view digits = text(v);
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return;
      report(v, "device:cuda", SymbolKind::TorchApi, "torch", Evidence::Semantic, inError, scope,
             "device index " + std::string(digits) + ": a bare ordinal is a CUDA device");
      out_.deviceIndices.push_back(DeviceIndexSite{{ts_node_start_byte(v), ts_node_end_byte(v)}, rewritable});
    };
    unsigned positional = 0;
    forEachChild(args, [&](TSNode a) {
      if (!ts_node_is_named(a) || is(a, g_.comment)) return;
      if (is(a, g_.keywordArgument)) {
        std::string_view key = text(field(a, g_.name));
        TSNode v = field(a, g_.value);
        if (key == "device") ordinal(v, true);
        if (key == "output_device") ordinal(v, false);
        if (key == "device_ids" && (is(v, g_.list) || is(v, g_.tuple)))
          forEachChild(v, [&](TSNode c) { ordinal(c, false); });
      } else if (++positional == 1 && (toCall || deviceCtor)) {
        ordinal(a, true);
      }
    });
  }

  void compileBackend(TSNode fn, TSNode args, int scope, bool inError) {
    TSNode backend{};
    bool given = false;
    if (!ts_node_is_null(args))
      forEachChild(args, [&](TSNode a) {
        if (is(a, g_.keywordArgument) && text(field(a, g_.name)) == "backend") {
          given = true;
          backend = field(a, g_.value);
        }
      });
    if (!given) {
      report(fn, "compile_backend:inductor", SymbolKind::TorchApi, "torch", Evidence::Semantic, inError, scope,
             "default backend");
    } else if (is(backend, g_.string)) {
      std::string value = contentOf(backend);
      if (!value.empty())
        report(backend, "compile_backend:" + value, SymbolKind::TorchApi, "torch", Evidence::Semantic, inError, scope, "");
    }
  }


  void visitName(TSNode n, int scope, bool called, bool inError) {
    Ref r = m_.resolveName(std::string(text(n)), scope);
    if (r.is(Ref::Kind::Qualified)) reportChain(n, r.name, scope, called, inError);
  }

  void visitAttribute(TSNode n, int scope, bool called, bool inError) {
    Ref r = m_.resolveExpr(n, scope);
    if (r.is(Ref::Kind::Qualified)) return reportChain(n, r.name, scope, called, inError);
    if (r.is(Ref::Kind::TreeModule)) return;
    TSNode object = field(n, g_.object);
    TSNode attr = field(n, g_.attributeField);
    std::string m(text(attr));
    Ref recv = m_.resolveExpr(object, scope);
    if (!m.empty() && !recv.is(Ref::Kind::Qualified) && !recv.is(Ref::Kind::TreeModule)) {
      if (called && !obviouslyNotTensor(object) && (recv.is(Ref::Kind::None) || recv.name == "torch.Tensor")) {
        if (m == "double") checkSite(attr, "dtype-float64", scope, inError, ".double()");
        if (m == "half") checkSite(attr, "dtype-float16", scope, inError, ".half()");
      }
      member(object, attr, m, recv, scope, called, inError);
    }
    visit(object, scope, false, inError);
  }

  /// `recv.m` where recv is a value: a tensor, a module, an event, or something unknown.
  void member(TSNode object, TSNode attr, const std::string& m, const Ref& recv, int scope, bool called, bool inError) {
    if (m.starts_with("__")) return;  // super().__init__(), x.__class__: Python's protocol, not an API
    std::string owner;
    Evidence evidence = Evidence::Semantic;
    bool report = false;
    if (recv.is(Ref::Kind::Instance)) {
      owner = isModuleClass(recv.name) ? "torch.nn.Module" : recv.name;
      bool cudaMember = (m == "cuda" && called) || (m == "is_cuda" && owner == "torch.Tensor");
      report = cudaMember || (called && catalog_.find(owner + "." + m).has_value());
    } else if (recv.is(Ref::Kind::None)) {
      owner = "torch.Tensor";
      if ((m == "cuda" && called) || (m == "is_cuda" && !called)) {
        report = true;
      } else if (called && !ambiguousMethod(m) && !obviouslyNotTensor(object) && catalog_.find(owner + "." + m)) {
        report = true;
        evidence = Evidence::Lexical;
      }
    }
    if (!report) return;
    std::string symbol = owner + "." + m;
    reportSymbol(attr, symbol, SymbolKind::TorchApi, "torch", evidence, inError, scope,
                 evidence == Evidence::Lexical ? "matched by method name; receiver type not resolved" : "");
    NameSite site;
    site.qualified = splitDots(owner);
    site.opaque = site.qualified.size();
    site.qualified.push_back(m);
    site.headStart = ts_node_start_byte(attr);
    site.spans.push_back({ts_node_start_byte(attr), ts_node_end_byte(attr)});
    site.canReplaceHead = false;
    out_.names.push_back(std::move(site));
  }

  bool obviouslyNotTensor(TSNode n) const {
    TSSymbol s = ts_node_symbol(n);
    return s == g_.string || s == g_.concatenatedString || s == g_.integer || s == g_.list || s == g_.dictionary ||
           s == g_.set || s == g_.tuple || s == g_.listComprehension;
  }

  /// A maximal dotted name that resolved to `q`.
  void reportChain(TSNode n, const std::string& q, int scope, bool called, bool inError) {
    std::string_view root = rootOf(q);
    if (!isTrackedRoot(root)) return;
    if (const char* check = dtypeCheckOf(q)) checkSite(n, check, scope, inError, q);
    if (q.starts_with("torch.cuda.amp") || q.starts_with("torch.amp") || q.starts_with("torch.autocast") ||
        q.starts_with("torch.npu.amp") || q.starts_with("torch.cpu.amp") || q.starts_with("apex.amp"))
      ampSeen_ = true;
    if (q == "torch.uint8" || q == "torch.ByteTensor" || q == "torch.cuda.ByteTensor") holdsUint8(n, scope);
    if (q == "torchvision.transforms.Scale" || q == "torchvision.transforms.RandomSizedCrop")
      checkSite(n, "legacy-torchvision-transform", scope, inError, q);
    std::vector<std::string> segments = splitDots(q);
    recordNameSite(n, segments, scope);
    if (segments.size() < 2 || segments.back().starts_with("__")) return;
    std::optional<Symbol> known = catalog_.find(q);
    bool reportIt = false;
    if (root == "torch") reportIt = known || inCudaFamily(q) || called;
    else if (root == "deepspeed") reportIt = q.starts_with("deepspeed.ops.");
    else if (root == "torchvision") reportIt = q.starts_with("torchvision.ops.");
    else reportIt = true;
    if (!reportIt) return;
    auto detail = details_.find(n.id);
    std::string library(root);
    reportSymbol(n, q, root == "torch" || root == "torchvision" ? SymbolKind::TorchApi : SymbolKind::Function,
                 library, Evidence::Semantic, inError, scope, detail == details_.end() ? "" : detail->second);
  }

  void recordNameSite(TSNode n, const std::vector<std::string>& qualified, int scope) {
    NameSite site;
    site.qualified = qualified;
    std::vector<Span> attrs;
    TSNode head = n;
    while (is(head, g_.attribute)) {
      TSNode a = field(head, g_.attributeField);
      attrs.push_back({ts_node_start_byte(a), ts_node_end_byte(a)});
      head = field(head, g_.object);
    }
    if (!is(head, g_.identifier)) return;  // `(torch).cuda` and the like are not rewritten
    std::reverse(attrs.begin(), attrs.end());
    std::string headName(text(head));
    site.headStart = ts_node_start_byte(head);
    const Binding* b = m_.bindingOf(headName, scope);
    if (b && b->kind == Binding::Kind::Import && b->spelledAsBound && b->module == headName) {
      site.opaque = 0;
      site.spans.push_back({ts_node_start_byte(head), ts_node_end_byte(head)});
    } else {
      if (qualified.size() < attrs.size()) return;
      site.opaque = qualified.size() - attrs.size();
    }
    site.spans.insert(site.spans.end(), attrs.begin(), attrs.end());
    if (site.spans.size() + site.opaque != site.qualified.size()) return;
    out_.names.push_back(std::move(site));
  }

  void recordImport(TSNode stmt) {
    forEachField(stmt, [&](TSFieldId f, TSNode c) {
      if (f != g_.name) return;
      TSNode dotted = is(c, g_.aliasedImport) ? field(c, g_.name) : c;
      if (!is(dotted, g_.dottedName)) return;
      NameSite site;
      forEachChild(dotted, [&](TSNode id) {
        if (!is(id, g_.identifier)) return;
        site.qualified.emplace_back(text(id));
        site.spans.push_back({ts_node_start_byte(id), ts_node_end_byte(id)});
      });
      if (site.qualified.empty()) return;
      std::string joined;
      for (const std::string& s : site.qualified) joined += (joined.empty() ? "" : ".") + s;
      out_.importedModules.push_back(joined);
      if (site.qualified.front() == "torch") out_.importsTorch = true;
      site.headStart = site.spans.front().first;
      // `import torch.cuda` binds `torch`: a rename must not change what the statement binds.
      site.firstSegmentBound = !is(c, g_.aliasedImport);
      if (isTrackedRoot(site.qualified.front())) out_.names.push_back(std::move(site));
    });
  }

  void recordImportFrom(TSNode stmt) {
    TSNode mod = field(stmt, g_.moduleName);
    if (!is(mod, g_.dottedName)) return;  // relative imports name modules of the tree
    ImportFromSite site;
    forEachChild(mod, [&](TSNode id) {
      if (!is(id, g_.identifier)) return;
      site.module.emplace_back(text(id));
      site.moduleSpans.push_back({ts_node_start_byte(id), ts_node_end_byte(id)});
    });
    if (site.module.empty()) return;
    std::string joined;
    for (const std::string& s : site.module) joined += (joined.empty() ? "" : ".") + s;
    out_.importedModules.push_back(joined);
    if (site.module.front() == "torch") out_.importsTorch = true;
    if (!isTrackedRoot(site.module.front())) return;
    forEachField(stmt, [&](TSFieldId f, TSNode c) {
      if (f != g_.name) return;
      TSNode nameNode = is(c, g_.aliasedImport) ? field(c, g_.name) : c;
      if (!is(nameNode, g_.dottedName) || ts_node_named_child_count(nameNode) != 1) return;
      site.names.push_back({std::string(text(nameNode)), {ts_node_start_byte(nameNode), ts_node_end_byte(nameNode)},
                            is(c, g_.aliasedImport)});
    });
    out_.importFroms.push_back(std::move(site));
  }

  std::string contentOf(TSNode s, Span* span = nullptr) const { return stringLiteralContent(file_, s, span); }

  void visitString(TSNode n, int scope, bool inError) {
    Span content{};
    std::string v = contentOf(n, &content);
    auto found = [&](const std::string& symbol, const std::string& detail) {
      reportSymbol(n, symbol, SymbolKind::TorchApi, "torch", Evidence::Semantic, inError, scope, detail);
      out_.strings.push_back(StringSite{symbol, content});
    };
    if (isDeviceString(v)) {
      found("device:cuda", v);
    } else if (v == "nccl" || v == "NCCL") {
      found("dist_backend:nccl", "");
    } else if (v == "gloo" && !inNewGroup(n)) {  // a gloo side group carries CPU objects: fine
      checkSite(n, "gloo-backend", scope, inError, "'gloo'");
    } else if (isCudaEnvVar(v)) {
      found("env:" + v, "");
    } else if (v.find(':') != std::string::npos && v.find_first_of(" /\\") == std::string::npos) {
      // A per-device backend list: "cpu:gloo,cuda:nccl".
      bool device = false, nccl = false, wellFormed = true;
      for (const std::string& part : splitOn(v, ',')) {
        size_t colon = part.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == part.size()) wellFormed = false;
        else {
          device |= part.substr(0, colon) == "cuda";
          nccl |= part.substr(colon + 1) == "nccl";
        }
      }
      if (wellFormed && device) found("device:cuda", v);
      if (wellFormed && nccl) found("dist_backend:nccl", v);
    }
    forEachChild(n, [&](TSNode c) {
      if (is(c, g_.interpolation)) visitChild(field(c, g_.expression), scope, inError);
    });
  }

  /// Whether `n` is an argument of a `...new_group(...)` call.
  bool inNewGroup(TSNode n) const {
    TSNode p = ts_node_parent(n);
    if (!ts_node_is_null(p) && is(p, g_.keywordArgument)) p = ts_node_parent(p);
    if (ts_node_is_null(p) || !is(p, g_.argumentList)) return false;
    TSNode call = ts_node_parent(p);
    return !ts_node_is_null(call) && is(call, g_.call) && text(field(call, g_.function)).ends_with("new_group");
  }

  /// The dtype check a resolved torch name raises: float64, complex and uint64 tensors, which
  /// NPUs do not compute natively, and float16, whose numerics differ.
  static const char* dtypeCheckOf(const std::string& q) {
    static const std::map<std::string_view, const char*> kNames = {
        {"torch.float64", "dtype-float64"}, {"torch.double", "dtype-float64"},
        {"torch.DoubleTensor", "dtype-float64"}, {"torch.cuda.DoubleTensor", "dtype-float64"},
        {"torch.complex64", "dtype-complex"}, {"torch.complex128", "dtype-complex"},
        {"torch.cfloat", "dtype-complex"}, {"torch.cdouble", "dtype-complex"},
        {"torch.complex32", "dtype-complex"}, {"torch.chalf", "dtype-complex"},
        {"torch.uint64", "dtype-uint64"}, {"torch.float16", "dtype-float16"}, {"torch.half", "dtype-float16"},
        {"torch.HalfTensor", "dtype-float16"}, {"torch.cuda.HalfTensor", "dtype-float16"}};
    auto it = kNames.find(q);
    return it == kNames.end() ? nullptr : it->second;
  }

  /// `x.item()`, `x.cpu()`, `x.numpy()`, `x.tolist()`, `x.to('cpu')` in a loop: each waits for
  /// the device and copies to the host.
  void hostSync(TSNode fn, TSNode args, int scope, bool inError) {
    TSNode object = field(fn, g_.object);
    if (obviouslyNotTensor(object)) return;
    std::string_view m = text(field(fn, g_.attributeField));
    unsigned argc = 0;
    TSNode first{};
    if (!ts_node_is_null(args))
      forEachChild(args, [&](TSNode a) {
        if (ts_node_is_named(a) && !is(a, g_.comment) && argc++ == 0) first = a;
      });
    bool sync = (m == "item" || m == "cpu" || m == "numpy" || m == "tolist") && argc == 0;
    if (m == "to" && argc >= 1 && is(first, g_.string)) sync = contentOf(first) == "cpu";
    if (sync) checkSite(field(fn, g_.attributeField), "host-sync-in-loop", scope, inError, "." + std::string(m) + "() in a loop");
  }

  /// `x[mask]` with a boolean mask (`x[x > 0]`, `x[~keep]`, `x[(a > 0) & (b < 1)]`): the result's
  /// size depends on the data. `t["labels"][J]`, `x[idx]` with an index tensor: advanced indexing
  /// (gather forward, scatter-add backward).
  void checkSubscript(TSNode n, int scope, bool inError) {
    if (n.id == assignedSubscript_) return;
    TSNode index = field(n, g_.subscriptField);
    TSNode value = field(n, g_.value);
    if (ts_node_is_null(index) || ts_node_is_null(value)) return;
    if (ts_node_named_child_count(n) > 2) return;  // x[a, b]: several indices
    if (is(index, g_.integer) && text(index) == "0" && is(value, g_.attribute) &&
        text(field(value, g_.attributeField)) == "data")
      return checkSite(n, "legacy-scalar-index", scope, inError, std::string(text(n)));
    if (isMaskExpr(index)) return checkSite(n, "bool-mask-index", scope, inError, std::string(text(index)));
    if (!is(index, g_.identifier) && !is(index, g_.attribute) && !is(index, g_.subscript)) return;
    bool tensorValue = false;
    if (is(value, g_.subscript)) {
      TSNode key = field(value, g_.subscriptField);
      tensorValue = is(key, g_.string);  // a dict of tensors, as detection targets are
    }
    Ref v = m_.resolveExpr(value, scope);
    if (v.is(Ref::Kind::Instance) && v.name == "torch.Tensor") tensorValue = true;
    Ref i = m_.resolveExpr(index, scope);
    bool tensorIndex = i.is(Ref::Kind::Instance) && i.name == "torch.Tensor";
    if (tensorValue || tensorIndex) checkSite(n, "tensor-index", scope, inError, std::string(text(index)));
  }

  /// `torch.cat([t["labels"] for t in targets])`: as many pieces as the data has, each of its
  /// own size, so the result's shape changes from batch to batch.
  void catOfComprehension(TSNode fn, TSNode args, int scope, bool inError) {
    if (ts_node_is_null(args) || !is(args, g_.argumentList) || ts_node_named_child_count(args) == 0) return;
    TSNode first = ts_node_named_child(args, 0);
    if (is(first, g_.listComprehension) || is(first, g_.generatorExpression))
      checkSite(fn, "cat-comprehension", scope, inError, std::string(text(fn)) + " of a comprehension");
  }

  /// `torch.from_numpy(np.zeros(...))` and the like without a dtype: numpy's default is float64.
  void numpyFloat64(TSNode call, int scope, bool inError) {
    TSNode fn = field(call, g_.function);
    TSNode args = field(call, g_.arguments);
    TSNode parent = ts_node_parent(call);  // torch.from_numpy(a).float(): converted at once
    if (is(parent, g_.attribute) && ts_node_eq(field(parent, g_.object), call)) {
      std::string_view m = text(field(parent, g_.attributeField));
      if (m == "float" || m == "half" || m == "bfloat16" || m == "long" || m == "int" || m == "to" || m == "type") return;
    }
    if (ts_node_is_null(args) || !is(args, g_.argumentList) || ts_node_named_child_count(args) == 0) return;
    TSNode first = ts_node_named_child(args, 0);
    if (!is(first, g_.call)) return;
    std::string_view callee = text(field(first, g_.function));
    static const std::set<std::string_view> kMakers = {"np.zeros", "np.ones", "np.empty", "np.full", "np.random.rand",
                                                        "np.random.randn", "np.random.random", "np.random.uniform",
                                                        "np.linspace", "numpy.zeros", "numpy.ones", "numpy.empty"};
    if (!kMakers.count(callee)) return;
    bool typed = false;
    forEachChild(field(first, g_.arguments), [&](TSNode a) {
      if (is(a, g_.keywordArgument) && text(field(a, g_.name)) == "dtype") typed = true;
    });
    if (!typed) checkSite(fn, "dtype-float64", scope, inError, std::string(callee) + " is float64");
  }

  bool isMaskExpr(TSNode e) const {
    if (is(e, g_.parenthesizedExpression) && ts_node_named_child_count(e) == 1) return isMaskExpr(ts_node_named_child(e, 0));
    if (is(e, g_.comparisonOperator)) {
      std::string_view t = text(e);
      return t.find(" in ") == std::string_view::npos && t.find(" is ") == std::string_view::npos;
    }
    if (is(e, g_.unaryOperator)) {
      std::string_view t = text(e);
      return !t.empty() && t.front() == '~';
    }
    if (is(e, g_.binaryOperator)) {
      std::string_view op = text(field(e, g_.operatorField));
      return (op == "&" || op == "|") && (isMaskExpr(field(e, g_.left)) || isMaskExpr(field(e, g_.right)));
    }
    return false;
  }

  void checkSite(TSNode at, const std::string& check, int scope, bool inError, const std::string& detail) {
    // A dataset's __getitem__ and a transform's __call__ run in data-loader workers on CPU
    // tensors: indexing and host copies there are not device hazards.
    const std::string& context = m_.scopes()[scope].context;
    bool dataPipeline = context.ends_with(".__getitem__") || context.ends_with(".__call__");
    if (dataPipeline && !check.starts_with("dtype-") && check != "variable-input-size") return;
    size_t before = out_.findings.size();
    reportSymbol(at, check, SymbolKind::Hazard, "python", Evidence::Semantic, inError, scope, detail);
    out_.checkSites.push_back(CheckSite{std::move(out_.findings.back()), out_.findingOffsets.back()});
    out_.findings.resize(before);
    out_.findingOffsets.resize(before);
  }

  void report(TSNode at, const std::string& symbol, SymbolKind kind, const std::string& library, Evidence evidence,
              bool inError, int scope, const std::string& detail) {
    reportSymbol(at, symbol, kind, library, evidence, inError, scope, detail);
  }

  void reportSymbol(TSNode at, const std::string& name, SymbolKind kind, const std::string& library,
                    Evidence evidence, bool inError, int scope, const std::string& detail) {
    Finding f;
    if (kind != SymbolKind::Kernel)
      if (std::optional<Symbol> known = catalog_.find(name)) {
        f.symbol = *known;
      }
    if (f.symbol.name.empty()) f.symbol = Symbol{name, kind, library};
    f.location.file = path_;
    f.location.line = lineOf(at);
    f.location.column = columnOf(at);
    TSPoint end = ts_node_end_point(at);
    f.location.endLine = end.row + 1;
    f.location.endColumn = end.column + 1;
    f.evidence = inError ? Evidence::Lexical : evidence;
    f.context = m_.scopes()[scope].context;
    f.detail = detail;
    out_.findings.push_back(std::move(f));
    out_.findingOffsets.push_back(ts_node_start_byte(at));
  }

  const FileModel& m_;
  const ParsedFile& file_;
  const SymbolCatalog& catalog_;
  const std::string& path_;
  FileScan& out_;
  const Grammar& g_;
  std::unordered_map<const void*, std::string> details_;
  const void* assignedSubscript_ = nullptr;  // the subscript being assigned to, if any
  unsigned loopDepth_ = 0;  // loops (and comprehensions) around the node visited, in this function
  bool ampSeen_ = false;                  // the file names autocast, GradScaler or apex.amp
  std::vector<Pending> backwards_;        // `x.backward()` calls
  std::vector<Pending> collectives_;      // torch.distributed collectives called
  std::set<std::pair<int, std::string>> uint8Names_;  // (scope, name) bound to or filled with uint8 tensors
};

}  // namespace

FileScan scanFile(const FileModel& model, const SymbolCatalog& catalog, const std::string& path) {
  FileScan out;
  Walker(model, catalog, path, out).run();
  return out;
}

}  // namespace opscope::python
