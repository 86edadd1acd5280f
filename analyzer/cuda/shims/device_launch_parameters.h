/* opscope CUDA declaration shim: <device_launch_parameters.h>; written by the opscope project. */
#pragma once
#include "cuda_runtime_api.h"
