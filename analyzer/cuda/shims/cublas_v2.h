/* opscope CUDA declaration shim: <cublas_v2.h>; written by the opscope project. */
#pragma once
#include "cublas_api.h"
