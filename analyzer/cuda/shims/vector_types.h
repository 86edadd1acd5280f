/* opscope CUDA declaration shim: <vector_types.h>; written by the opscope project. */
#pragma once
#include "cuda_runtime_api.h"
