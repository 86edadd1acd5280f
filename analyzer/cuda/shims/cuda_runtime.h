/* opscope CUDA declaration shim: <cuda_runtime.h>, the runtime API plus device built-ins.
 * Written by the opscope project; not derived from NVIDIA's headers. */
#ifndef OPSCOPE_CUDA_RUNTIME_H
#define OPSCOPE_CUDA_RUNTIME_H
#include "opscope_cuda_prelude.h"
#include "cuda_runtime_api.h"
#include "device_functions.h"
#endif
