// The coverage database: platforms, the source-side symbol universe, and per-platform answers,
// read from opdb YAML files (format v1, opdb/README.md) in layers that override each other.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/Model.h"

namespace opscope::db {

/// A set of symbol kinds, one bit per SymbolKind: what a command needs of the database.
using KindMask = unsigned;
inline constexpr KindMask kAllKinds = ~0u;
inline constexpr KindMask kindBit(SymbolKind k) { return 1u << static_cast<unsigned>(k); }

/// One problem found while reading an opdb file, at FILE:LINE:COLUMN.
struct Diagnostic {
  enum class Severity { Error, Warning };
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  Severity severity = Severity::Error;
  std::string message;

  /// "FILE:LINE:COLUMN: error: message", the form compilers use.
  std::string str() const;
};

/// Where a fact came from: a repository at a commit, or a document.
struct Provenance {
  std::string id, title, repository, commit, url, path, date, license;
  /// "<title> (<repository>@<short commit>[/path] | <url>), <date>"
  std::string describe() const;
};

/// A source-side symbol of the universe (kind: symbols files).
struct SymbolInfo {
  std::string name;
  SymbolKind kind = SymbolKind::Function;
  std::string library;
  std::string category;
  std::string header, added, deprecated, removed;
  /// ONNX operators: every since_version, ascending, and the ones deprecated by a later version.
  std::vector<int> versions, deprecatedVersions;
  /// aten operators: the dispatch keys PyTorch registers kernels for, and the schema.
  std::vector<std::string> dispatch;
  std::string signature;
  std::shared_ptr<const Provenance> source;
};

/// One ONNX operator domain (kind: opsets files): its newest opset and the prefix of its
/// symbol names ("onnx" for ai.onnx: `onnx::Conv`).
struct OpsetDomain {
  std::string domain, prefix;
  int maxOpset = 0;
  std::shared_ptr<const Provenance> source;
};

/// One ONNX release and the opset of each domain it ships (the release -> opset table).
struct OnnxRelease {
  std::string release;
  int irVersion = 0;
  std::map<std::string, int> opsets;  // domain -> opset
  std::shared_ptr<const Provenance> source;
};

/// One sourced figure of an accelerator (kind: hardware files): a value, or a range where
/// sources disagree, or a text; with its source and a note.
struct Figure {
  std::optional<double> min, max;  // equal for a single value
  std::string text;                // for non-numeric facts (an interconnect's name)
  std::string note;
  std::shared_ptr<const Provenance> source;
};

/// Whether an accelerator computes in one data type, and its peak rate there.
struct DtypeSupport {
  std::optional<bool> supported;  // absent: no public source says
  Figure peak;                    // TFLOPS (TOPS for integer types); absent when unknown
};

/// An accelerator for deployment sizing (opdb/hardware.yaml).
struct Accelerator {
  std::string id, name, vendor, platform, form;
  std::map<std::string, Figure> figures;       // memory_gb, memory_bandwidth_gbs, tdp_w, ...
  std::map<std::string, DtypeSupport> dtypes;  // fp16, bf16, fp8, int8, ...
  std::string file;
  unsigned line = 0;
};

/// Constraints under which an answer holds.
struct Constraints {
  std::vector<std::string> dtypes;
  /// ONNX entries: per-node limitations, "CHECK | REASON" (analyzer/onnx/NodeRules.h).
  std::vector<std::string> node;
  std::optional<int> opsetMin, opsetMax;
  std::string sdk;
  /// Products (platforms.yaml `products` ids) a source states the answer for, and the ones it
  /// states lack it. A product in neither list is one the source does not speak about.
  std::vector<std::string> products, unsupportedOn;
  /// Products on which every call falls back to the CPU (`emulated` there).
  std::vector<std::string> cpuFallbackOn;
};

/// A product of a platform that answers can be restricted to (`ascend:910b`): its id, the name
/// reports print, and other ids users write for it ("a2").
struct Product {
  std::string id, name;
  std::vector<std::string> aliases;
};

/// An SDK whose versions a platform's answers can be judged at (`ascend@torch_npu-2.4`): the
/// versions its release files know, oldest first (empty: any version is accepted), and the
/// version the opdb's entries are written for ("" when they are written for the newest).
struct SdkLevels {
  std::string id;                     // lower case: "torch_npu", "hip"
  std::vector<std::string> versions;  // "2.1", ... "2.15"
  std::string own;
};

/// What a target descriptor may name for one platform (platforms.yaml `products`, `sdks`).
struct PlatformLevels {
  std::vector<Product> products;
  std::vector<SdkLevels> sdks;
  /// The product `id` or an alias of it names; nullptr when none does.
  const Product* product(std::string_view idOrAlias) const;
  const SdkLevels* sdk(std::string_view id) const;
};

/// One platform's answer for one symbol (kind: coverage files).
struct Entry {
  std::string symbol;
  CoverageStatus status = CoverageStatus::Unknown;
  std::string target, note, category, effort;
  std::string fileCategory;  // the file's default, used when neither entry nor symbol has one
  std::optional<SymbolKind> kind;
  std::string library;
  Constraints constraints;
  Confidence confidence = Confidence::Inferred;
  std::shared_ptr<const Provenance> source;
  unsigned layer = 0;  // index into Database::layers()
  std::string file;    // the file that holds it
  unsigned line = 0;
};

/// A file's name and content; the loader never touches the file system itself.
struct SourceText {
  std::string path;
  std::string text;
};

/// The layered coverage database. Layer 0 is the built-in opdb; each overlay adds one on top.
class Database {
 public:
  /// Reads `files` as a new layer named `layerName`. Every problem goes to `diags`; a file with
  /// errors contributes nothing, the other files still load. Returns false if any error was found.
  bool addLayer(std::string layerName, const std::vector<SourceText>& files,
                std::vector<Diagnostic>& diags);

  const std::vector<Platform>& platforms() const { return platforms_; }
  const Platform* platform(std::string_view id) const;
  /// The products and SDK levels a descriptor may name for `platform`; empty when none.
  const PlatformLevels& levels(std::string_view platform) const;
  const std::string& version() const { return version_; }
  const std::vector<std::string>& layers() const { return layers_; }

  const SymbolInfo* symbol(std::string_view name) const;
  const std::unordered_map<std::string, SymbolInfo>& symbols() const { return symbols_; }

  /// The deciding entry for (platform, symbol), or nullptr when no layer says anything.
  const Entry* entry(std::string_view platform, std::string_view symbol) const;
  /// Every entry of one platform, keyed by symbol.
  const std::unordered_map<std::string, Entry>* entries(std::string_view platform) const;

  /// The entry that answers for `symbol`: its own, else the longest prefix entry above it
  /// ("torch.nn.*", then "torch.*"; "ns::*" for `::` names); nullptr when none.
  const Entry* answering(std::string_view platform, std::string_view symbol) const;
  /// The answer reports show: the answering entry, or plain `unknown` when there is none.
  Coverage lookup(std::string_view platform, std::string_view symbol) const;

  /// The category of an entry: its own, else its symbol's, else its file's, else "uncategorized".
  std::string categoryOf(const Entry& e) const;

  // ONNX operator versions ------------------------------------------------------------------
  /// The opdb symbol of an ONNX operator: "onnx::Conv" for ai.onnx (or ""), "ai.onnx.ml::X".
  /// Domains the opdb does not know keep their own name as prefix ("com.microsoft::Attention").
  std::string onnxSymbol(std::string_view domain, std::string_view opType) const;
  /// The since_version of `opType` in effect for a model importing `domain` at `opset`: the
  /// largest since_version <= opset. nullopt when the operator is unknown or does not exist
  /// yet at that opset.
  std::optional<int> sinceVersion(std::string_view domain, std::string_view opType, int opset) const;
  /// Every since_version of an operator (ascending); nullptr when unknown.
  const SymbolInfo* onnxOperator(std::string_view domain, std::string_view opType) const;
  /// The newest opset the opdb knows for a domain ("" means ai.onnx); nullptr when unknown.
  const OpsetDomain* opsetDomain(std::string_view domain) const;
  const std::vector<OpsetDomain>& opsetDomains() const { return opsetDomains_; }
  /// The ONNX release -> opset table, oldest release first.
  const std::vector<OnnxRelease>& onnxReleases() const { return releases_; }

  // Hardware ---------------------------------------------------------------------------------
  const std::vector<Accelerator>& accelerators() const { return accelerators_; }
  const Accelerator* accelerator(std::string_view id) const;

 private:
  friend class Loader;
  friend class BinaryReader;
  friend class BinaryWriter;
  std::string version_;
  std::vector<Platform> platforms_;
  std::map<std::string, PlatformLevels, std::less<>> levels_;
  std::vector<std::string> layers_;
  std::unordered_map<std::string, SymbolInfo> symbols_;
  std::unordered_map<std::string, std::unordered_map<std::string, Entry>> entries_;
  std::vector<OpsetDomain> opsetDomains_;
  std::vector<OnnxRelease> releases_;
  std::vector<Accelerator> accelerators_;
};

/// The opdb YAML files embedded in the binary (opdb/**.yaml at build time).
const std::vector<SourceText>& builtinFiles();
/// The compiled form of those files (analyzer/db/Binary.h), checked and written at build time.
std::string_view builtinCompiled();

/// Loads the built-in opdb as layer "builtin" from its compiled form: what start-up uses
/// (milliseconds). Only the symbols and entries of `kinds` are loaded: a command that needs the
/// ONNX operators alone does not pay for 30,000 CUDA and aten entries. Errors go to `diags`.
bool loadBuiltin(Database& db, std::vector<Diagnostic>& diags, KindMask kinds = kAllKinds);
/// Loads the built-in opdb by parsing its embedded YAML strictly (what `db validate` checks).
bool loadBuiltinYaml(Database& db, std::vector<Diagnostic>& diags);

}  // namespace opscope::db
