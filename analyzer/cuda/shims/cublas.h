/* opscope CUDA declaration shim: <cublas.h>; written by the opscope project. */
#pragma once
#include "cublas_api.h"
