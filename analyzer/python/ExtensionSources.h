// The C++ and CUDA code a script hands to torch.utils.cpp_extension, for the C++ frontend to
// scan: the files a CUDAExtension/CppExtension (setup.py) or load call names in `sources`, and
// the code strings of load_inline, laid out at their lines in the script. Internal to
// analyzer/python: the walk over one file (FileScan.cpp) calls these at each such call.
#pragma once

#include <string>

#include "python/FileScan.h"

namespace opscope::python {

/// The files a CUDAExtension/CppExtension/load call names in `sources` (keyword or second
/// positional argument: literals, lists, `a + b`, os.path.join, glob.glob, and names bound once
/// to these), relative to the scan root, appended to `out.extensionSources`. Returns the
/// finding's detail, "sources=a.cu,b.cpp" ("" when none is known). `path` is the script's.
std::string collectExtensionSources(const FileModel& model, const std::string& path, TSNode args, int scope,
                                    FileScan& out);

/// The code strings of a load_inline call (`cpp_sources=`, `cuda_sources=`, or the second and
/// third positional arguments: literals, lists of them, and names bound once to either),
/// appended to `out.inlineSources`.
void collectInlineSources(const FileModel& model, const std::string& path, TSNode args, int scope, FileScan& out);

}  // namespace opscope::python
