// What a frontend asks about a name it meets: is it a known source-side symbol (a CUDA API,
// a library call, an intrinsic), and if so of which kind and library. The opdb implements it;
// frontends depend on this interface only, never on the database.
#pragma once

#include <optional>
#include <string_view>

#include "core/Model.h"

namespace opscope {

class SymbolCatalog {
 public:
  virtual ~SymbolCatalog() = default;
  /// The symbol `name` denotes, or nullopt when the catalog does not know it.
  virtual std::optional<Symbol> find(std::string_view name) const = 0;
};

/// True for names in the CUDA namespaces (cuda*, cu*, CU*, cublas*, cudnn*, nccl*, ...):
/// such a name is reported even when no catalog knows it, as an `unknown` symbol.
bool looksLikeCudaName(std::string_view name);

/// The library a CUDA-namespace name most likely belongs to, from its prefix ("cudart" for
/// cuda*, "cuda_driver" for cu*/CU*, "cublas", ...); "cuda" when the prefix says nothing more.
std::string_view libraryFromPrefix(std::string_view name);

}  // namespace opscope
