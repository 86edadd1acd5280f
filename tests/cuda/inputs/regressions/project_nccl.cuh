// The header of inactive_project_macro.cu: NCCL support compiled out.
// CHECK-INPUT: semantic scanned through regressions/inactive_project_macro.cu
#pragma once
#ifdef PROJECT_USE_NCCL
#include <nccl.h>  // CHECK: [[@LINE]]:11 nccl.h header lexical lib=nccl
#define NCCL_CHECK(err) do { if ((err) != ncclSuccess) return -1; } while (0)
// CHECK: [[@LINE-1]]:43 ncclSuccess enum_value lexical lib=nccl
#endif
