// Name resolution for one Python file: scopes, what each name is bound to (imports, aliases,
// classes, parameters), and what an expression denotes: a qualified name (`torch.cuda.amp`), a
// module of the scanned tree, a subclass of a torch class, or an instance of a torch type.
// Flow-insensitive: a name bound several times in a scope resolves to its first import that
// resolves, else to its first binding that resolves (so `try: from apex import amp / except:
// amp = None` still means apex.amp). Internal to analyzer/python.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/SymbolCatalog.h"
#include "python/Syntax.h"

namespace opscope::python {

/// What a name or an expression denotes.
struct Ref {
  enum class Kind { None, Qualified, TreeModule, Subclass, Instance };
  Kind kind = Kind::None;
  std::string name;  // dotted: a qualified name, a tree module, the base class, or the type

  static Ref none() { return {}; }
  static Ref qualified(std::string n) { return {Kind::Qualified, std::move(n)}; }
  static Ref treeModule(std::string n) { return {Kind::TreeModule, std::move(n)}; }
  static Ref subclass(std::string n) { return {Kind::Subclass, std::move(n)}; }
  static Ref instance(std::string n) { return {Kind::Instance, std::move(n)}; }
  bool is(Kind k) const { return kind == k; }
};

/// Packages whose names the frontend follows: torch itself and the CUDA-bound libraries.
bool isTrackedRoot(std::string_view root);
std::string_view rootOf(std::string_view dotted);
std::vector<std::string> splitDots(std::string_view dotted);
/// `torch.nn.Linear`, `torch.nn.Module`, ...: a class whose instances are nn.Modules.
bool isModuleClass(std::string_view qualified);

/// How other modules of the scanned tree are reached (implemented by the module index).
class TreeModules {
 public:
  virtual ~TreeModules() = default;
  /// The absolute dotted name of the tree module `dotted` imported from file `fromFile`, or ""
  /// when no module of the tree answers to it. `level` > 0 for relative imports.
  virtual std::string find(std::string_view dotted, unsigned level, size_t fromFile) const = 0;
  /// What `name` means in tree module `module` (its module-level binding or a submodule).
  virtual Ref member(const std::string& module, const std::string& name) const = 0;
};

/// What an attribute of `obj` denotes; `tree` answers for modules of the scanned tree.
Ref attributeOf(const Ref& obj, const std::string& attr, const TreeModules* tree);
/// What calling `f` yields: an instance of a torch class or of an nn.Module subclass, a tensor
/// from a torch function that makes one, or nothing known.
Ref callResultOf(const Ref& f);
/// Subclass of torch.nn.Module when `base` is an nn.Module class, else none.
Ref subclassOf(const Ref& base);

/// One binding of a name in a scope.
struct Binding {
  enum class Kind { Import, ImportFrom, Assign, Annotated, Class, Self, Opaque };
  Kind kind = Kind::Opaque;
  TSNode node{};           // Assign: the value; Annotated: the type; Class: the class_definition
  std::string module;      // Import: the dotted name; ImportFrom: the module
  std::string name;        // ImportFrom: the imported name
  unsigned level = 0;      // ImportFrom: leading dots of a relative import
  bool spelledAsBound = false;  // Import without alias of a one-segment name (`import torch`)
};

/// What an import binding denotes (kind Import or ImportFrom), seen from file `fromFile`.
Ref importRef(Binding::Kind kind, const std::string& module, const std::string& name, unsigned level,
              size_t fromFile, const TreeModules* tree);

/// `head.attr1.attr2` or `head.attr1(...)`, spelled in a module-level binding.
struct PortableChain {
  std::string head;
  std::vector<std::string> attrs;
  bool called = false;
};

/// A module-level binding without syntax-tree nodes, so it outlives the tree: imports as they
/// are, an assignment or a class's bases as dotted chains (anything else is opaque).
struct PortableBinding {
  Binding::Kind kind = Binding::Kind::Opaque;
  std::string module, name;
  unsigned level = 0;
  std::vector<PortableChain> chains;  // Assign: the value; Class: the bases
};

/// What a module exports, kept after its tree is freed: the index of the scanned tree resolves
/// imports between modules on these.
struct ModuleSummary {
  std::unordered_map<std::string, std::vector<PortableBinding>> names;
  std::vector<std::pair<std::string, unsigned>> starImports;
};

struct Scope {
  int parent = -1;
  bool isClass = false;
  std::string context;  // "Trainer.step": the enclosing definitions, for finding contexts
  std::unordered_map<std::string, std::vector<Binding>> names;
  std::unordered_set<std::string> globals;
  std::vector<std::pair<std::string, unsigned>> starImports;  // module, level
};

/// Scopes and bindings of one parsed file, and resolution over them.
class FileModel {
 public:
  FileModel(const ParsedFile& file, size_t fileIndex, const SymbolCatalog& catalog);

  /// Call before resolving anything that may cross into other modules of the tree.
  void setTree(const TreeModules* tree) { tree_ = tree; }

  const ParsedFile& file() const { return file_; }
  size_t index() const { return index_; }
  const std::vector<Scope>& scopes() const { return scopes_; }
  /// The scope a function, lambda or class node opens (-1 if it opens none).
  int scopeOf(TSNode n) const;
  /// The module-level names (what other modules can import from this one).
  std::vector<std::string> moduleNames() const;

  Ref resolveName(const std::string& name, int scope) const;
  /// The module-level bindings in portable form.
  ModuleSummary summary() const;
  Ref resolveExpr(TSNode n, int scope) const;
  /// The binding a name resolves through (nullptr if none resolves), and the scope holding it.
  const Binding* bindingOf(const std::string& name, int scope) const;

 private:
  void build(TSNode n, int scope);
  void buildFunction(TSNode def, int scope);
  void buildClass(TSNode def, int scope);
  void bindTarget(TSNode target, int scope, TSNode value);
  void bindParameters(TSNode params, int scope, int selfClassScope);
  void bindImport(TSNode stmt, int scope);
  void bindImportFrom(TSNode stmt, int scope);
  int newScope(TSNode owner, int parent, bool isClass, std::string context);
  Ref refOf(const Binding& b, int scope) const;
  std::pair<const std::vector<Binding>*, int> lookup(const std::string& name, int scope) const;
  Ref resolveCall(TSNode call, int scope) const;

  const ParsedFile& file_;
  size_t index_;
  const SymbolCatalog& catalog_;
  const TreeModules* tree_ = nullptr;
  const Grammar& g_;
  std::vector<Scope> scopes_;
  std::unordered_map<const void*, int> scopeByNode_;
  mutable std::unordered_map<std::string, Ref> memo_;  // "scope/name"
  mutable std::unordered_set<std::string> resolving_;
  mutable unsigned depth_ = 0;
};

}  // namespace opscope::python
