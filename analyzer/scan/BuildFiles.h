// The build files of a CUDA project: setup.py and other torch.utils.cpp_extension builds,
// CMake (CUDA language, find_package(CUDA|CUDAToolkit), CUDA:: targets), Makefiles and shell
// build scripts calling nvcc. A port reworks them (compiler, architecture list, nvcc-only flags,
// libraries, toolkit detection), and no C++ or Python finding shows that work: each line with a
// CUDA-only build setting becomes a finding of kind build_setting, which the porting plan costs
// as manual work of sub-class build-system (core/Plan.cpp, rules/effort.yaml).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"

namespace opscope::scan {

class Frontend;

/// One kind of CUDA-only build setting the build-file scan reports; `id` is the finding's symbol.
struct BuildCheck {
  std::string_view id;    // "cuda-arch-flags"
  std::string_view what;  // one line for reports and docs
};

/// The checks, in report order.
const std::vector<BuildCheck>& buildChecks();

/// Whether a file is a build file by its name alone: CMakeLists.txt, *.cmake, Makefile,
/// makefile, GNUmakefile, *.mk, *.mak, *.sh. Python builds (setup.py, a script calling
/// torch.utils.cpp_extension.load) are Python files and are found by isPythonBuildFile.
bool isBuildFileName(std::string_view path);

/// Whether a Python file builds a CUDA extension: it is named setup.py, or its text imports
/// torch.utils.cpp_extension.
bool isPythonBuildFile(std::string_view path, std::string_view text);

/// The CUDA-only build settings of one build file. `path` is the path reported in the findings
/// (relative to the scan root). Comment lines and trailing comments are not read; a line longer
/// than 4096 bytes is skipped (no build setting is that long). One finding per check and line,
/// at the first match: kind build_setting, library "build", lexical evidence, the matched text
/// in `detail`.
std::vector<Finding> scanBuildFile(const std::string& path, std::string_view text);

/// The stage of the scan that reads the build files among the discovered inputs
/// (DiscoveredInputs::buildFiles, and the Python files isPythonBuildFile accepts). The pipeline
/// runs it after the Python stage: `out.push_back(makeBuildFileFrontend());` in builtinFrontends.
std::unique_ptr<Frontend> makeBuildFileFrontend();

}  // namespace opscope::scan
