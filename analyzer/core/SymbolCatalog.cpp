#include "core/SymbolCatalog.h"

#include <array>
#include <cctype>

namespace opscope {
namespace {

struct PrefixLibrary {
  std::string_view prefix;
  std::string_view library;
};

// Longest prefixes first: the first match wins.
constexpr std::array<PrefixLibrary, 24> kPrefixes{{
    {"cublasLt", "cublasLt"}, {"CUBLASLT_", "cublasLt"}, {"cublas", "cublas"},
    {"CUBLAS_", "cublas"},    {"cudnn", "cudnn"},       {"CUDNN_", "cudnn"},
    {"cufft", "cufft"},       {"CUFFT_", "cufft"},      {"curand", "curand"},
    {"CURAND_", "curand"},    {"cusparse", "cusparse"}, {"CUSPARSE_", "cusparse"},
    {"cusolver", "cusolver"}, {"CUSOLVER_", "cusolver"}, {"nccl", "nccl"},
    {"NCCL_", "nccl"},        {"nvrtc", "nvrtc"},       {"NVRTC_", "nvrtc"},
    {"nvtx", "nvtx"},         {"cuda", "cudart"},       {"CUDA_", "cuda_driver"},
    {"CU_", "cuda_driver"},   {"cu", "cuda_driver"},    {"CU", "cuda_driver"},
}};

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

bool looksLikeCudaName(std::string_view name) {
  for (const PrefixLibrary& p : kPrefixes) {
    if (!startsWith(name, p.prefix) || name.size() == p.prefix.size()) continue;
    char next = name[p.prefix.size()];
    // "cuda" and "cu" must be followed by an upper-case letter (cudaMalloc, cuMemAlloc) and "CU"
    // by a lower-case one (CUstream, CUresult): "cube", "current" and "CUSTOM" are not CUDA names.
    if (p.prefix == "cu" || p.prefix == "cuda") return std::isupper(static_cast<unsigned char>(next)) != 0;
    if (p.prefix == "CU") return std::islower(static_cast<unsigned char>(next)) != 0;
    return true;
  }
  return false;
}

std::string_view libraryFromPrefix(std::string_view name) {
  for (const PrefixLibrary& p : kPrefixes)
    if (startsWith(name, p.prefix)) return p.library;
  return "cuda";
}

}  // namespace opscope
