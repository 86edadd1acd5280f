// Turns the opdb's CUDA symbol universe into declaration shims: the hand-written core of each
// library first, then a generated declaration for every name the core leaves out, laid out by
// layout.yaml. The result is checked by parsing it; a generated declaration Clang rejects is
// dropped (and reported), so bad data can never break the shims.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "Layout.h"
#include "cuda/ShimArchive.h"

namespace opscope::shimgen {

/// One source-side CUDA symbol of the universe: what the generator declares.
struct UniverseSymbol {
  std::string name;  // as written in code; namespaced names use ::
  std::string kind;  // function, intrinsic, type, enum_value, macro
  std::string library;
  std::string header;  // the public header that declares it, when the opdb says
};

struct GeneratorInput {
  Layout layout;
  std::map<std::string, std::string> core;  // file name under core/ -> text
  std::vector<UniverseSymbol> universe;
};

struct GeneratorOutput {
  cuda::ShimFiles files;
  std::vector<std::string> notes;  // dropped declarations and other things worth a line in the log
  std::vector<std::string> errors;  // fatal: the core itself does not parse
  size_t generated = 0;             // declarations generated
  size_t fromCore = 0;              // universe names the core declares
};

GeneratorOutput generateShims(const GeneratorInput& input);

}  // namespace opscope::shimgen
