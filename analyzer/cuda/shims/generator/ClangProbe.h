// Parses C/C++/CUDA text over an in-memory shim tree with Clang and reports what the generator
// needs to know: the errors (file, line, message), the names declared and the macros defined.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cuda/ShimArchive.h"

namespace opscope::shimgen {

struct ProbeError {
  std::string file;  // path relative to the shim root, or the absolute path of a system header
  unsigned line = 0;
  std::string message;
};

/// A name the probed shim files themselves declare (not the system headers they include).
struct ProbeDeclaration {
  std::string kind;  // a SymbolKind's spelling: function, intrinsic (device-only function), type, enum_value, macro
  std::string file;  // path relative to the shim root
};

struct ProbeResult {
  bool ran = false;
  std::vector<ProbeError> errors;
  std::set<std::string> names;  // declared names, namespaced ones as a::b::c
  std::set<std::string> macros;
  std::map<std::string, ProbeDeclaration> declarations;  // by name, for the shim files' own names
};

enum class ProbeLanguage { Cuda, Cxx, C };

/// Parses `mainText` as CUDA (host side), plain C++ or C, with the shim files visible under the
/// include path; the main file itself lives in the shim root.
ProbeResult probe(const cuda::ShimFiles& files, const std::string& mainText, ProbeLanguage language);

/// The root the probe mounts the shim files at.
inline constexpr const char* kProbeRoot = "/opscope-shims";

}  // namespace opscope::shimgen
