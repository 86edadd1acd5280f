/* opscope CUDA declaration shim: <sm_30_intrinsics.h>; written by the opscope project. */
#pragma once
#include "device_functions.h"
