/* opscope CUDA declaration shim: <driver_types.h>; written by the opscope project. */
#pragma once
#include "cuda_runtime_api.h"
