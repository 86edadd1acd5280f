// Third-party headers CUDA code includes beside the toolkit's (OpenMP, MPI, PyTorch's C++
// extension headers), how the semantic pass finds them on this machine, and why a unit that still
// does not parse falls back to the lexical scan (a header absent from the machine, a gap of the
// bundled shims, an error in the code).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/Model.h"

namespace opscope::cuda {

/// The headers a file includes, as written ("omp.h", "torch/extension.h"), followed through the
/// project's own headers it reaches (relative to the including file or under `includeDirs`), at
/// most `maxFiles` files. Read from the text, without preprocessing: a header included only in an
/// inactive #if branch is listed too. Thread-safe; files are read once per process.
std::set<std::string> includedHeaders(const std::string& file, const std::vector<std::string>& includeDirs,
                                      unsigned maxFiles = 256);

/// Where PyTorch's C++ headers are on this machine and where that answer came from.
struct TorchHeaders {
  std::vector<std::string> dirs;  // include directories, in order
  std::string origin;             // "the Python environment (torch 2.4.0)", "Debian libtorch-dev (torch 1.13)"
  std::string pythonInclude;      // Python.h's directory, "" if not found
};

/// The python3 interpreters to ask for torch, in order: each `python3` of the PATH `pathEnv`
/// (directories separated by ':'), then the distribution's /usr/bin/python3; each once.
std::vector<std::string> pythonCandidates(const std::string& pathEnv);

/// `torch.utils.cpp_extension.include_paths()` of the first of `pythons` that imports torch and
/// whose directories hold torch's headers (Debian's python3-torch links them to libtorch-dev's);
/// empty dirs when none does (pythonInclude is still the first Python.h directory found).
TorchHeaders torchHeadersFromPython(const std::vector<std::string>& pythons);

/// PyTorch's headers: OPSCOPE_TORCH_INCLUDE (directories separated by ':') if set, else
/// `torch.utils.cpp_extension.include_paths()` of the first python3 that has torch (PATH order,
/// then /usr/bin/python3), else Debian's libtorch-dev
/// (/usr/include/torch/csrc/api/include). Empty dirs when none is found. Computed once per process
/// (the Python query runs only when some unit includes torch headers).
const TorchHeaders& torchHeaders();

/// The include directory of the system's MPI (Open MPI or MPICH), "" if none is installed.
std::string mpiIncludeDir();

/// The macros the nearest setup.py above `file` defines for its build ("-DWITH_CUDA",
/// "-DMMCV_WITH_CUDA"): define_macros tuples and '-DNAME[=value]' strings outside comments, except
/// other platforms' switches (ROCm/HIP, MPS, MLU, NPU, MUSA, ...) and the half-type ones
/// thirdPartySetup handles itself. Empty when there is no setup.py within 8 levels.
std::vector<std::string> extensionBuildDefines(const std::string& file);

/// What the parse of a unit gets for the third-party headers it includes.
struct ThirdPartySetup {
  std::vector<std::string> args;   // clang arguments to add before the input file
  std::vector<std::string> notes;  // one line each for the input's message: which headers from where
};

/// The arguments for a unit whose file (or project headers) include `headers`, given the arguments
/// it already has: -fopenmp for omp.h (Clang's own omp.h), the MPI include directory for mpi.h,
/// PyTorch's include directories for torch/, ATen/ and c10/ headers (plus Python.h's and
/// TORCH_EXTENSION_NAME, as torch.utils.cpp_extension builds extensions, and the extension's
/// setup.py defines). Directories come after
/// every other (-idirafter): the project's own copies win.
ThirdPartySetup thirdPartySetup(const std::set<std::string>& headers, const std::vector<std::string>& args,
                                const std::string& file);

/// The Debian package that provides a header as code includes it ("mpi.h" -> "libopenmpi-dev"),
/// or "" when none is known.
std::string debianPackageFor(const std::string& header);

/// True for a header of the CUDA toolkit or its libraries (cuda_runtime.h, cooperative_groups/...,
/// cuda/pipeline, thrust/..., nvml.h): the bundled shims are meant to provide it.
bool isCudaToolkitHeader(const std::string& header);

/// One Clang error of a parse: its text and whether it is located in a bundled shim file.
struct ParseError {
  std::string text;
  bool inShim = false;
};

/// Why a parse with errors falls back to the lexical scan. `missingHeaders` are the headers Clang
/// did not find, as written; `isCudaName` tells a CUDA API name (from the catalog or its spelling)
/// for the names quoted in error texts.
struct LexicalDiagnosis {
  LexicalReason reason = LexicalReason::CodeError;
  std::string missingHeader;
  std::string package;
};
LexicalDiagnosis diagnoseParseFailure(const std::vector<std::string>& missingHeaders,
                                      const std::vector<ParseError>& errors,
                                      const std::function<bool(const std::string&)>& isCudaName);

}  // namespace opscope::cuda
