// Naming facts of the CUDA world that both passes share: which namespaces belong to CUDA libraries
// (thrust, cub, cutlass, cute, nvcuda, cooperative_groups, the PyTorch CUDA surface), which names
// are PyTorch extension macros, and which names are too generic to be taken for CUDA on their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/Model.h"

namespace opscope::cuda {

/// The library of a qualified name in a CUDA library namespace ("thrust::sort" -> "thrust",
/// "at::cuda::getCurrentCUDAStream" -> "pytorch"), or nullopt for any other namespace.
std::optional<std::string> libraryOfNamespace(std::string_view qualifiedName);

/// True for the PyTorch extension macros the scanner reports (AT_DISPATCH_*, C10_CUDA_*, ...).
bool isPytorchMacro(std::string_view name);

/// True for the names of PyTorch's op-registration entry points.
bool isRegistrationMacro(std::string_view name);

/// True when a name is distinctive enough to be reported from tokens alone, wherever it appears:
/// CUDA prefixes (cudaMalloc, CUBLAS_OP_N), double-underscore built-ins (__shfl_sync), camelCase
/// device functions (atomicAdd). Generic names (min, expf, num_elements) are only reported from
/// tokens inside device code or when qualified.
bool isDistinctiveName(std::string_view name);

/// True for a name no catalog knows that may still be CUDA's, to be reported as unknown: a CUDA
/// prefix followed by an upper-case letter (cudnnFooBar, CUstream, cuFoo) or an ALL_CAPS CUDA
/// prefix (CUDNN_FOO). Project names built on a library's name (cudnn_handle, cublas_ctx) are not.
bool isPlausibleUnknownCudaName(std::string_view name);

/// True for the C and C++ standard types CUDA's headers also declare (size_t, int64_t): never
/// CUDA findings, whatever a catalog built from those headers says.
bool isStandardTypeName(std::string_view name);

/// True for the include-guard macros of headers (CUBLAS_API_H_, __cuda_cuda_h__): code tests them
/// to see what is included; they are no API.
bool isIncludeGuardName(std::string_view name);

/// True for the standard library's namespaces (std, __gnu_cxx): a name written in one is never
/// a CUDA library's, whatever `using namespace` directives precede it.
bool isStandardNamespace(std::string_view name);

/// The kind a name most likely has when no catalog knows it and only its spelling and the token
/// after it are available: "(" a function, "<" a template (a type), an identifier a type being
/// declared; otherwise the spelling decides.
SymbolKind guessKind(std::string_view name, std::string_view next);

/// The warp-level intrinsics whose first argument is a lane mask.
bool isMaskedWarpIntrinsic(std::string_view name);

/// Warp shuffles, votes, matches and reductions (with and without _sync).
bool isWarpIntrinsic(std::string_view name);

/// Warp shuffles, whose last argument is the width.
bool isShuffleIntrinsic(std::string_view name);

}  // namespace opscope::cuda
