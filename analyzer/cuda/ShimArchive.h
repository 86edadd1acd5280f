// The shim archive: every declaration shim file (hand-written core and generated) in one blob,
// written at build time by the shim generator and embedded in the frontend. Format:
//   opscope-shim-archive 1\n
//   then per file:  @file <path> <byte count>\n<bytes>\n
// The file `opscope_manifest.txt` in the archive maps shim files to CUDA libraries, one
// "<path> <library>" per line, and holds the directory rules and core names described below.
// Standard library only, so the generator can share it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace opscope::cuda {

/// Shim files by path (relative to the shim root, '/'-separated), in path order.
using ShimFiles = std::map<std::string, std::string>;

/// The archive text holding `files`.
std::string writeShimArchive(const ShimFiles& files);

/// The files of an archive, or nullopt when the text is not a well-formed archive.
std::optional<ShimFiles> readShimArchive(std::string_view text);

/// The manifest's file -> library map (empty when the archive has no manifest).
std::map<std::string, std::string> readShimManifest(const ShimFiles& files);

/// The manifest's directory rules: any header under the directory (e.g. "thrust") is served as a
/// forwarder to the given library header ("opscope_lib_thrust.h"). Lines "@dir <dir> <header>".
std::map<std::string, std::string> readShimDirectoryRules(const ShimFiles& files);

/// What the hand-written core declares, for the lexical pass (which has no declarations to look
/// at): its kind as a finding and its library ("" when the file has none). Lines
/// "@name <kind> <library or -> <qualified name>".
struct ShimName {
  std::string kind;
  std::string library;
};
std::map<std::string, ShimName> readShimNames(const ShimFiles& files);

inline constexpr const char* kShimManifest = "opscope_manifest.txt";

}  // namespace opscope::cuda
