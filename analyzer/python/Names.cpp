#include "python/Names.h"

#include <algorithm>

namespace opscope::python {
namespace {

constexpr std::string_view kTrackedRoots[] = {"torch", "torchvision", "apex", "flash_attn", "xformers",
                                              "triton", "bitsandbytes", "deepspeed"};
constexpr unsigned kMaxDepth = 64;  // alias chains and nested expressions deeper than this are not followed

bool startsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

std::string_view lastSegment(std::string_view dotted) {
  size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

/// torch.* functions of two segments (torch.zeros, torch.cat) and F.* return tensors, except the
/// ones that configure, query or do I/O.
bool returnsTensor(std::string_view q) {
  if (q.starts_with("torch.nn.functional.")) return true;
  if (!q.starts_with("torch.") || q.find('.', 6) != std::string_view::npos) return false;
  std::string_view f = q.substr(6);
  if (f.empty() || startsUpper(f) || f[0] == '_') return false;
  constexpr std::string_view kNot[] = {"is_", "set_", "get_", "manual_seed", "seed", "save", "load", "compile",
                                       "no_grad", "enable_grad", "inference_mode", "device", "use_deterministic",
                                       "autocast", "initial_seed", "typename", "numel"};
  for (std::string_view p : kNot)
    if (f.starts_with(p)) return false;
  return true;
}

/// Tensor methods whose result is not a tensor; every other Tensor method returns one.
bool tensorMethodReturnsTensor(std::string_view m) {
  constexpr std::string_view kNot[] = {"item", "tolist", "size", "dim", "numel", "numpy", "data_ptr", "element_size",
                                       "stride", "get_device", "nelement", "storage", "untyped_storage", "backward",
                                       "register_hook", "record_stream", "dim_order", "storage_offset", "ndimension"};
  if (m.starts_with("is_") || m.starts_with("__")) return false;
  return std::find(std::begin(kNot), std::end(kNot), m) == std::end(kNot);
}

bool moduleMethodReturnsModule(std::string_view m) {
  constexpr std::string_view kSelf[] = {"cuda", "to", "half", "float", "double", "bfloat16", "train", "eval", "cpu",
                                        "type", "apply", "requires_grad_", "share_memory", "to_empty", "npu", "mlu",
                                        "xpu", "ipu"};
  return std::find(std::begin(kSelf), std::end(kSelf), m) != std::end(kSelf);
}

}  // namespace

bool isTrackedRoot(std::string_view root) {
  return std::find(std::begin(kTrackedRoots), std::end(kTrackedRoots), root) != std::end(kTrackedRoots);
}

std::string_view rootOf(std::string_view dotted) { return dotted.substr(0, dotted.find('.')); }

std::vector<std::string> splitDots(std::string_view dotted) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t dot = dotted.find('.', start);
    out.emplace_back(dotted.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

bool isModuleClass(std::string_view q) {
  if (q == "torch.nn.Module") return true;
  if (!q.starts_with("torch.nn.") || !startsUpper(lastSegment(q))) return false;
  constexpr std::string_view kNotModules[] = {"torch.nn.Parameter", "torch.nn.parameter.", "torch.nn.functional.",
                                              "torch.nn.init.", "torch.nn.utils.", "torch.nn.attention.",
                                              "torch.nn.Buffer", "torch.nn.UninitializedParameter"};
  for (std::string_view p : kNotModules)
    if (q.starts_with(p)) return false;
  return true;
}

FileModel::FileModel(const ParsedFile& file, size_t fileIndex, const SymbolCatalog& catalog)
    : file_(file), index_(fileIndex), catalog_(catalog), g_(Grammar::get()) {
  newScope(file.root(), -1, false, "");
  build(file.root(), 0);
}

int FileModel::newScope(TSNode owner, int parent, bool isClass, std::string context) {
  Scope s;
  s.parent = parent;
  s.isClass = isClass;
  s.context = std::move(context);
  scopes_.push_back(std::move(s));
  int id = static_cast<int>(scopes_.size()) - 1;
  scopeByNode_[owner.id] = id;
  return id;
}

int FileModel::scopeOf(TSNode n) const {
  auto it = scopeByNode_.find(n.id);
  return it == scopeByNode_.end() ? -1 : it->second;
}

std::vector<std::string> FileModel::moduleNames() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : scopes_[0].names) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

void FileModel::build(TSNode n, int scope) {
  TSSymbol s = ts_node_symbol(n);
  if (s == g_.functionDefinition) return buildFunction(n, scope);
  if (s == g_.classDefinition) return buildClass(n, scope);
  if (s == g_.importStatement) return bindImport(n, scope);
  if (s == g_.importFromStatement) return bindImportFrom(n, scope);
  if (s == g_.lambda) {
    int inner = newScope(n, scope, false, scopes_[scope].context);
    bindParameters(field(n, g_.parametersField), inner, -1);
    TSNode body = field(n, g_.body);
    if (!ts_node_is_null(body)) build(body, inner);
    return;
  }
  if (s == g_.assignment) {
    TSNode right = field(n, g_.right);
    // `a = b = value`: every target is bound to the innermost value.
    TSNode value = right;
    while (is(value, g_.assignment)) value = field(value, g_.right);
    bindTarget(field(n, g_.left), scope, value);
    if (!ts_node_is_null(right)) build(right, scope);
    return;
  }
  if (s == g_.augmentedAssignment) {
    bindTarget(field(n, g_.left), scope, TSNode{});
    TSNode right = field(n, g_.right);
    if (!ts_node_is_null(right)) build(right, scope);
    return;
  }
  if (s == g_.namedExpression) {
    bindTarget(field(n, g_.name), scope, field(n, g_.value));
  } else if (s == g_.forStatement) {
    bindTarget(field(n, g_.left), scope, TSNode{});
  } else if (s == g_.asPatternTarget || (s == g_.exceptClause && !ts_node_is_null(field(n, g_.alias)))) {
    bindTarget(s == g_.exceptClause ? field(n, g_.alias) : n, scope, TSNode{});
  } else if (s == g_.globalStatement || s == g_.nonlocalStatement) {
    forEachChild(n, [&](TSNode c) {
      if (is(c, g_.identifier)) scopes_[scope].globals.insert(std::string(file_.textOf(c)));
    });
    return;
  }
  forEachChild(n, [&](TSNode c) { build(c, scope); });
}

void FileModel::bindTarget(TSNode target, int scope, TSNode value) {
  if (ts_node_is_null(target)) return;
  TSSymbol s = ts_node_symbol(target);
  if (s == g_.identifier) {
    Binding b;
    b.kind = ts_node_is_null(value) ? Binding::Kind::Opaque : Binding::Kind::Assign;
    b.node = value;
    scopes_[scope].names[std::string(file_.textOf(target))].push_back(b);
  } else if (s == g_.patternList || s == g_.tuplePattern || s == g_.listPattern || s == g_.tuple ||
             s == g_.list || s == g_.expressionList || s == g_.asPatternTarget || s == g_.listSplatPattern ||
             s == g_.parenthesizedExpression) {
    forEachChild(target, [&](TSNode c) { bindTarget(c, scope, TSNode{}); });
  }
}

void FileModel::buildFunction(TSNode def, int scope) {
  TSNode nameNode = field(def, g_.name);
  std::string name(file_.textOf(nameNode));
  if (!name.empty()) scopes_[scope].names[name].push_back(Binding{});  // a def is opaque
  const Scope& outer = scopes_[scope];
  std::string context = outer.context.empty() ? name : outer.context + "." + name;
  TSNode params = field(def, g_.parametersField);
  // Defaults and annotations are evaluated in the enclosing scope.
  if (!ts_node_is_null(params)) build(params, scope);
  int inner = newScope(def, scope, false, context);
  bindParameters(params, inner, scopes_[scope].isClass ? scope : -1);
  TSNode body = field(def, g_.body);
  if (!ts_node_is_null(body)) build(body, inner);
}

void FileModel::bindParameters(TSNode params, int scope, int selfClassScope) {
  if (ts_node_is_null(params)) return;
  bool first = true;
  forEachChild(params, [&](TSNode p) {
    if (!ts_node_is_named(p)) return;
    TSNode id = p;
    TSSymbol s = ts_node_symbol(p);
    if (s == g_.defaultParameter || s == g_.typedDefaultParameter) id = field(p, g_.name);
    else if (s == g_.typedParameter || s == g_.listSplatPattern || s == g_.dictionarySplatPattern)
      forEachChild(p, [&](TSNode c) {
        if (is(c, g_.identifier) && is(id, s)) id = c;
      });
    if (!is(id, g_.identifier)) return;
    Binding b;
    if (s == g_.typedParameter || s == g_.typedDefaultParameter) {
      // `model: nn.Module`, `x: torch.Tensor`: the annotation says what the parameter holds.
      TSNode type = field(p, g_.type);
      if (!ts_node_is_null(type) && ts_node_named_child_count(type) > 0) {
        b.kind = Binding::Kind::Annotated;
        b.node = ts_node_named_child(type, 0);
      }
    }
    if (first && selfClassScope >= 0) {
      b.kind = Binding::Kind::Self;
      b.level = static_cast<unsigned>(selfClassScope);
    }
    first = false;
    scopes_[scope].names[std::string(file_.textOf(id))].push_back(b);
  });
}

void FileModel::buildClass(TSNode def, int scope) {
  TSNode nameNode = field(def, g_.name);
  std::string name(file_.textOf(nameNode));
  Binding b;
  b.kind = Binding::Kind::Class;
  b.node = def;
  if (!name.empty()) scopes_[scope].names[name].push_back(b);
  TSNode bases = field(def, g_.superclasses);
  if (!ts_node_is_null(bases)) build(bases, scope);
  const Scope& outer = scopes_[scope];
  int inner = newScope(def, scope, true, outer.context.empty() ? name : outer.context + "." + name);
  TSNode body = field(def, g_.body);
  if (!ts_node_is_null(body)) build(body, inner);
}

void FileModel::bindImport(TSNode stmt, int scope) {
  forEachField(stmt, [&](TSFieldId f, TSNode c) {
    if (f != g_.name) return;
    Binding b;
    b.kind = Binding::Kind::Import;
    if (is(c, g_.aliasedImport)) {
      b.module = std::string(file_.textOf(field(c, g_.name)));
      std::erase_if(b.module, [](char ch) { return ch == ' ' || ch == '\t' || ch == '\\' || ch == '\n' || ch == '\r'; });
      scopes_[scope].names[std::string(file_.textOf(field(c, g_.alias)))].push_back(b);
    } else if (is(c, g_.dottedName)) {
      // `import a.b.c` binds `a`, which denotes the package a.
      std::string dotted(file_.textOf(c));
      std::erase_if(dotted, [](char ch) { return ch == ' ' || ch == '\t' || ch == '\\' || ch == '\n' || ch == '\r'; });
      b.module = std::string(rootOf(dotted));
      b.spelledAsBound = true;
      scopes_[scope].names[b.module].push_back(b);
    }
  });
}

void FileModel::bindImportFrom(TSNode stmt, int scope) {
  std::string module;
  unsigned level = 0;
  TSNode mod = field(stmt, g_.moduleName);
  if (is(mod, g_.relativeImport)) {
    forEachChild(mod, [&](TSNode c) {
      if (is(c, g_.importPrefix)) level = static_cast<unsigned>(std::count(file_.textOf(c).begin(), file_.textOf(c).end(), '.'));
      else if (is(c, g_.dottedName)) module = std::string(file_.textOf(c));
    });
  } else if (!ts_node_is_null(mod)) {
    module = std::string(file_.textOf(mod));
  }
  std::erase_if(module, [](char ch) { return ch == ' ' || ch == '\t' || ch == '\\' || ch == '\n' || ch == '\r'; });
  bool wildcard = false;
  forEachField(stmt, [&](TSFieldId f, TSNode c) {
    if (is(c, g_.wildcardImport)) wildcard = true;
    if (f != g_.name) return;
    Binding b;
    b.kind = Binding::Kind::ImportFrom;
    b.module = module;
    b.level = level;
    TSNode nameNode = is(c, g_.aliasedImport) ? field(c, g_.name) : c;
    b.name = std::string(file_.textOf(nameNode));
    std::string bound = is(c, g_.aliasedImport) ? std::string(file_.textOf(field(c, g_.alias))) : b.name;
    scopes_[scope].names[bound].push_back(b);
  });
  if (wildcard) scopes_[scope].starImports.emplace_back(module, level);
}

std::pair<const std::vector<Binding>*, int> FileModel::lookup(const std::string& name, int scope) const {
  bool first = true;
  bool jumpedToGlobal = false;
  for (int s = scope; s >= 0;) {
    const Scope& sc = scopes_[s];
    if (!sc.isClass || first) {
      if (!jumpedToGlobal && sc.globals.count(name)) {
        jumpedToGlobal = true;
        s = 0;
        first = false;
        continue;
      }
      auto it = sc.names.find(name);
      if (it != sc.names.end()) return {&it->second, s};
    }
    first = false;
    s = sc.parent;
  }
  return {nullptr, -1};
}

const Binding* FileModel::bindingOf(const std::string& name, int scope) const {
  auto [bindings, at] = lookup(name, scope);
  if (!bindings) return nullptr;
  const Binding* fallback = nullptr;
  for (const Binding& b : *bindings) {
    if (refOf(b, at).is(Ref::Kind::None)) continue;
    if (b.kind == Binding::Kind::Import || b.kind == Binding::Kind::ImportFrom) return &b;
    if (!fallback) fallback = &b;
  }
  return fallback;
}

Ref FileModel::resolveName(const std::string& name, int scope) const {
  auto [bindings, at] = lookup(name, scope);
  if (!bindings) {
    // Names a star import may have brought in: only tracked packages (through the catalog) and
    // modules of the tree are followed.
    for (const auto& [module, level] : scopes_[0].starImports) {
      if (level == 0 && isTrackedRoot(rootOf(module))) {
        std::string candidate = module + "." + name;
        if (catalog_.find(candidate)) return Ref::qualified(candidate);
      } else if (tree_) {
        std::string m = tree_->find(module, level, index_);
        if (!m.empty())
          if (Ref r = tree_->member(m, name); !r.is(Ref::Kind::None)) return r;
      }
    }
    return Ref::none();
  }
  std::string key = std::to_string(at) + "/" + name;
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  if (!resolving_.insert(key).second || depth_ > kMaxDepth) return Ref::none();  // a cycle: x = x.y
  ++depth_;
  Ref best;
  for (const Binding& b : *bindings) {
    Ref r = refOf(b, at);
    if (r.is(Ref::Kind::None)) continue;
    if (b.kind == Binding::Kind::Import || b.kind == Binding::Kind::ImportFrom) {
      best = std::move(r);
      break;
    }
    if (best.is(Ref::Kind::None)) best = std::move(r);
  }
  --depth_;
  resolving_.erase(key);
  memo_[key] = best;
  return best;
}

Ref FileModel::refOf(const Binding& b, int scope) const {
  switch (b.kind) {
    case Binding::Kind::Import:
    case Binding::Kind::ImportFrom:
      return importRef(b.kind, b.module, b.name, b.level, index_, tree_);
    case Binding::Kind::Assign:
      return resolveExpr(b.node, scope);
    case Binding::Kind::Annotated: {
      Ref t = resolveExpr(b.node, scope);
      if (t.is(Ref::Kind::Subclass)) return Ref::instance(t.name);
      if (t.is(Ref::Kind::Qualified) && (isModuleClass(t.name) || t.name == "torch.Tensor")) return Ref::instance(t.name);
      return Ref::none();
    }
    case Binding::Kind::Class: {
      TSNode bases = field(b.node, g_.superclasses);
      if (ts_node_is_null(bases)) return Ref::none();
      Ref out;
      forEachChild(bases, [&](TSNode base) {
        if (!out.is(Ref::Kind::None) || !ts_node_is_named(base) || is(base, g_.keywordArgument)) return;
        out = subclassOf(resolveExpr(base, scope));
      });
      return out;
    }
    case Binding::Kind::Self: {
      // The first parameter of a method of an nn.Module subclass is that module.
      const Scope& cls = scopes_[b.level];
      int outer = cls.parent;
      std::string className = cls.context.substr(cls.context.rfind('.') == std::string::npos ? 0 : cls.context.rfind('.') + 1);
      auto [bindings, at] = lookup(className, outer);
      if (!bindings) return Ref::none();
      for (const Binding& cb : *bindings)
        if (cb.kind == Binding::Kind::Class && scopeOf(cb.node) == static_cast<int>(b.level)) {
          Ref r = refOf(cb, at);
          if (r.is(Ref::Kind::Subclass)) return Ref::instance(r.name);
        }
      return Ref::none();
    }
    case Binding::Kind::Opaque:
      return Ref::none();
  }
  return Ref::none();
}

Ref importRef(Binding::Kind kind, const std::string& module, const std::string& name, unsigned level,
              size_t fromFile, const TreeModules* tree) {
  if (kind == Binding::Kind::Import) {
    if (!isTrackedRoot(rootOf(module)) && tree) {
      std::string m = tree->find(module, 0, fromFile);
      if (!m.empty()) return Ref::treeModule(m);
    }
    return Ref::qualified(module);
  }
  if (level == 0 && isTrackedRoot(rootOf(module))) return Ref::qualified(module + "." + name);
  if (tree) {
    std::string m = tree->find(module, level, fromFile);
    if (!m.empty()) return tree->member(m, name);
  }
  if (level > 0) return Ref::none();
  return Ref::qualified(module + "." + name);
}

Ref callResultOf(const Ref& f) {
  if (f.is(Ref::Kind::Subclass)) return Ref::instance(f.name);
  if (!f.is(Ref::Kind::Qualified) || !isTrackedRoot(rootOf(f.name))) return Ref::none();
  if (startsUpper(lastSegment(f.name))) return Ref::instance(f.name);
  if (returnsTensor(f.name)) return Ref::instance("torch.Tensor");
  return Ref::none();
}

Ref attributeOf(const Ref& obj, const std::string& attr, const TreeModules* tree) {
  if (attr.empty()) return Ref::none();
  if (obj.is(Ref::Kind::Qualified)) return Ref::qualified(obj.name + "." + attr);
  if (obj.is(Ref::Kind::TreeModule)) return tree ? tree->member(obj.name, attr) : Ref::none();
  if (obj.is(Ref::Kind::Instance)) {
    constexpr std::string_view kTensorViews[] = {"data", "T", "mT", "H", "mH", "grad", "real", "imag"};
    if (obj.name == "torch.Tensor" &&
        std::find(std::begin(kTensorViews), std::end(kTensorViews), attr) != std::end(kTensorViews))
      return obj;
    if (isModuleClass(obj.name) && attr == "module") return Ref::instance("torch.nn.Module");  // DDP wraps a module
  }
  return Ref::none();
}

Ref subclassOf(const Ref& base) {
  if ((base.is(Ref::Kind::Qualified) && isModuleClass(base.name)) ||
      (base.is(Ref::Kind::Subclass) && base.name == "torch.nn.Module"))
    return Ref::subclass("torch.nn.Module");
  return Ref::none();
}

Ref FileModel::resolveCall(TSNode call, int scope) const {
  TSNode fn = field(call, g_.function);
  if (is(fn, g_.attribute)) {
    Ref recv = resolveExpr(field(fn, g_.object), scope);
    if (recv.is(Ref::Kind::Instance)) {
      std::string m(file_.textOf(field(fn, g_.attributeField)));
      if (recv.name == "torch.Tensor") return tensorMethodReturnsTensor(m) ? recv : Ref::none();
      if (isModuleClass(recv.name)) return moduleMethodReturnsModule(m) ? recv : Ref::none();
      return Ref::none();
    }
  }
  return callResultOf(resolveExpr(fn, scope));
}

ModuleSummary FileModel::summary() const {
  ModuleSummary out;
  // `a.b.c` or `a.b.c(...)`: the dotted chain of an expression, if it is one.
  auto chainOf = [&](TSNode n, PortableChain& c) {
    if (is(n, g_.call)) {
      c.called = true;
      n = field(n, g_.function);
    }
    std::vector<std::string> attrs;
    while (is(n, g_.attribute)) {
      attrs.emplace_back(file_.textOf(field(n, g_.attributeField)));
      n = field(n, g_.object);
    }
    if (!is(n, g_.identifier)) return false;
    c.head = std::string(file_.textOf(n));
    c.attrs.assign(attrs.rbegin(), attrs.rend());
    return true;
  };
  for (const auto& [name, bindings] : scopes_[0].names) {
    std::vector<PortableBinding>& list = out.names[name];
    for (const Binding& b : bindings) {
      PortableBinding p;
      p.kind = b.kind;
      p.module = b.module;
      p.name = b.name;
      p.level = b.level;
      if (b.kind == Binding::Kind::Assign) {
        PortableChain c;
        if (!chainOf(b.node, c)) p.kind = Binding::Kind::Opaque;
        else p.chains.push_back(std::move(c));
      } else if (b.kind == Binding::Kind::Class) {
        TSNode bases = field(b.node, g_.superclasses);
        if (!ts_node_is_null(bases))
          forEachChild(bases, [&](TSNode base) {
            PortableChain c;
            if (ts_node_is_named(base) && !is(base, g_.keywordArgument) && chainOf(base, c)) p.chains.push_back(std::move(c));
          });
      } else if (b.kind != Binding::Kind::Import && b.kind != Binding::Kind::ImportFrom) {
        p.kind = Binding::Kind::Opaque;
      }
      list.push_back(std::move(p));
    }
  }
  out.starImports = scopes_[0].starImports;
  return out;
}

Ref FileModel::resolveExpr(TSNode n, int scope) const {
  if (ts_node_is_null(n) || depth_ > kMaxDepth) return Ref::none();
  TSSymbol s = ts_node_symbol(n);
  if (s == g_.identifier) return resolveName(std::string(file_.textOf(n)), scope);
  ++depth_;
  Ref out;
  if (s == g_.attribute) {
    out = attributeOf(resolveExpr(field(n, g_.object), scope), std::string(file_.textOf(field(n, g_.attributeField))),
                      tree_);
  } else if (s == g_.call) {
    out = resolveCall(n, scope);
  } else if (s == g_.parenthesizedExpression) {
    forEachChild(n, [&](TSNode c) {
      if (ts_node_is_named(c) && out.is(Ref::Kind::None) && !is(c, g_.comment)) out = resolveExpr(c, scope);
    });
  } else if (s == g_.conditionalExpression) {
    out = resolveExpr(ts_node_named_child(n, 0), scope);
  }
  --depth_;
  return out;
}

}  // namespace opscope::python
