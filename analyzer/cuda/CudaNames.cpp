#include "cuda/CudaNames.h"

#include <array>
#include <cctype>
#include <set>
#include <string>

#include "core/SymbolCatalog.h"

namespace opscope::cuda {
namespace {

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

struct NamespaceLibrary {
  std::string_view prefix;  // with the trailing ::
  std::string_view library;
};

// Longest prefixes first.
constexpr std::array<NamespaceLibrary, 17> kNamespaces{{
    {"at::cuda::", "torch_cuda"},
    {"c10::cuda::", "torch_cuda"},
    {"torch::cuda::", "torch_cuda"},
    {"at::native::cuda::", "torch_cuda"},
    {"c10::hip::", "torch_cuda"},
    {"nvcuda::wmma::", "wmma"},
    {"nvcuda::", "cuda"},
    {"cooperative_groups::", "cooperative_groups"},
    {"thrust::", "thrust"},
    {"cub::", "cub"},
    {"cutlass::", "cutlass"},
    {"cute::", "cute"},
    {"nvtx3::", "nvtx"},
    {"cuda::std::", "libcudacxx"},
    {"cuda::", "libcudacxx"},
    {"cudnn_frontend::", "cudnn"},
    {"cublasLt::", "cublasLt"},
}};

}  // namespace

std::optional<std::string> libraryOfNamespace(std::string_view name) {
  if (startsWith(name, "::")) name.remove_prefix(2);
  for (const NamespaceLibrary& n : kNamespaces)
    if (startsWith(name, n.prefix)) return std::string(n.library);
  // PyTorch's CUDA surface outside the cuda namespaces: kCUDA, CUDAGuard, getCurrentCUDAStream.
  for (std::string_view ns : {"at::", "c10::", "torch::"}) {
    if (!startsWith(name, ns)) continue;
    std::string_view leaf = name.substr(name.rfind("::") + 2);
    if (leaf.find("CUDA") != std::string_view::npos || leaf.find("Cuda") != std::string_view::npos ||
        leaf == "is_cuda")
      return std::string("torch_cuda");
  }
  return std::nullopt;
}

bool isPytorchMacro(std::string_view name) {
  return startsWith(name, "AT_DISPATCH_") || startsWith(name, "C10_CUDA_") || startsWith(name, "AT_CUDA_") ||
         startsWith(name, "TORCH_CUDA_") || name == "CUDA_KERNEL_ASSERT" || name == "C10_LAUNCH_BOUNDS_1" ||
         name == "C10_LAUNCH_BOUNDS_2" || name == "C10_WARP_SIZE";
}

bool isRegistrationMacro(std::string_view name) {
  return name == "TORCH_LIBRARY" || name == "TORCH_LIBRARY_IMPL" || name == "TORCH_LIBRARY_FRAGMENT" ||
         name == "PYBIND11_MODULE";
}

bool isDistinctiveName(std::string_view name) {
  if (name.empty()) return false;
  if (looksLikeCudaName(name) || startsWith(name, "__") || startsWith(name, "make_") || isPytorchMacro(name))
    return true;
  if (name.find("::") != std::string_view::npos) return true;
  // camelCase (atomicAdd, tex1Dfetch) or ALL_CAPS_WITH_UNDERSCORES (NVTX_VERSION) names.
  bool upper = false, lower = false;
  for (char c : name) {
    upper = upper || std::isupper(static_cast<unsigned char>(c));
    lower = lower || std::islower(static_cast<unsigned char>(c));
  }
  if (upper && lower) return std::islower(static_cast<unsigned char>(name[0])) != 0;
  return upper && !lower && name.find('_') != std::string_view::npos;
}

bool isPlausibleUnknownCudaName(std::string_view name) {
  if (!looksLikeCudaName(name)) return false;
  // The lower-case library prefixes must be followed by an upper-case letter.
  for (std::string_view p : {"cublasLt", "cublas", "cudnn", "cufft", "curand", "cusparse", "cusolver", "cutensor",
                             "nccl", "nvrtc", "nvtx", "nvJitLink"}) {
    if (!startsWith(name, p)) continue;
    return name.size() > p.size() && std::isupper(static_cast<unsigned char>(name[p.size()]));
  }
  return true;
}

bool isStandardTypeName(std::string_view name) {
  static const std::set<std::string_view> kTypes = {
      "size_t",   "ssize_t",  "ptrdiff_t", "intptr_t", "uintptr_t", "intmax_t", "uintmax_t", "wchar_t",
      "int8_t",   "int16_t",  "int32_t",   "int64_t",  "uint8_t",   "uint16_t", "uint32_t",  "uint64_t",
      "FILE",     "va_list",  "nullptr_t", "max_align_t", "char16_t", "char32_t"};
  return kTypes.count(name) > 0;
}

bool isIncludeGuardName(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  while (!upper.empty() && upper.back() == '_') upper.pop_back();
  auto endsWith = [&](std::string_view suffix) {
    return upper.size() > suffix.size() && upper.compare(upper.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return endsWith("_H") || endsWith("_HPP") || endsWith("_CUH");
}

bool isStandardNamespace(std::string_view name) {
  return name == "std" || name == "__gnu_cxx" || name == "__cxxabiv1";
}

SymbolKind guessKind(std::string_view name, std::string_view next) {
  std::string_view leaf = name.substr(name.rfind(':') == std::string_view::npos ? 0 : name.rfind(':') + 1);
  if (next == "(") {
    // cudnn_frontend::TensorBuilder() and cutlass::Array(...) construct a namespace's class;
    // cub::DeviceReduce::Sum(...) calls a class's member.
    size_t sep = name.rfind("::");
    if (sep == std::string_view::npos || leaf.empty() || !std::isupper(static_cast<unsigned char>(leaf[0])))
      return SymbolKind::Function;
    std::string_view owner = name.substr(0, sep);
    owner = owner.substr(owner.rfind(':') == std::string_view::npos ? 0 : owner.rfind(':') + 1);
    bool allCaps = true;
    for (char c : leaf) allCaps = allCaps && !std::islower(static_cast<unsigned char>(c));
    return !owner.empty() && std::islower(static_cast<unsigned char>(owner[0])) && !allCaps ? SymbolKind::Type
                                                                                          : SymbolKind::Function;
  }
  if (next == "<") return SymbolKind::Type;
  if (!next.empty() && (std::isalpha(static_cast<unsigned char>(next[0])) || next[0] == '_' || next == "*" || next == "&"))
    return SymbolKind::Type;
  bool lower = false;
  for (char c : leaf) lower = lower || std::islower(static_cast<unsigned char>(c));
  if (!lower) return SymbolKind::EnumValue;  // CUBLAS_OP_N, CUDA_R_32F
  if (leaf.size() > 2 && leaf.substr(leaf.size() - 2) == "_t") return SymbolKind::Type;
  if (startsWith(leaf, "CU") && leaf.size() > 2 && std::islower(static_cast<unsigned char>(leaf[2])))
    return SymbolKind::Type;  // CUstream, CUdevice
  if (!leaf.empty() && std::isupper(static_cast<unsigned char>(leaf[0]))) return SymbolKind::Type;
  return SymbolKind::EnumValue;  // cudaMemcpyHostToDevice
}

bool isMaskedWarpIntrinsic(std::string_view name) {
  if (!startsWith(name, "__")) return false;
  return (name.size() > 5 && name.substr(name.size() - 5) == "_sync" &&
          (startsWith(name, "__shfl") || startsWith(name, "__ballot") || startsWith(name, "__all") ||
           startsWith(name, "__any") || startsWith(name, "__uni") || startsWith(name, "__match") ||
           startsWith(name, "__reduce"))) ||
         name == "__syncwarp";
}

bool isWarpIntrinsic(std::string_view name) {
  if (isMaskedWarpIntrinsic(name) || name == "__activemask") return true;
  return name == "__shfl" || name == "__shfl_up" || name == "__shfl_down" || name == "__shfl_xor" ||
         name == "__ballot" || name == "__all" || name == "__any";
}

bool isShuffleIntrinsic(std::string_view name) { return startsWith(name, "__shfl"); }

}  // namespace opscope::cuda
