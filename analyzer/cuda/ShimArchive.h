// The shim archive: every declaration shim file (hand-written core and generated) in one blob,
// written at build time by the shim generator and embedded in the frontend. Format:
//   opscope-shim-archive 1\n
//   then per file:  @file <path> <byte count>\n<bytes>\n
// The file `opscope_manifest.txt` in the archive maps shim files to CUDA libraries, one
// "<path> <library>" per line. Standard library only, so the generator can share it.
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

inline constexpr const char* kShimManifest = "opscope_manifest.txt";

}  // namespace opscope::cuda
