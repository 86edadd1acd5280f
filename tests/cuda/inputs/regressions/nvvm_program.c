// Regression from NVIDIA/cuda-samples (7_libNVVM): libNVVM's nvvm.h is a toolkit header; C code
// compiling NVVM IR to PTX through it parses semantically.
// CHECK-INPUT: semantic
#include <stdlib.h>
#include <nvvm.h>

char* to_ptx(const char* ir, size_t size) {
  nvvmProgram prog;
// CHECK: [[@LINE-1]]:3 nvvmProgram type semantic lib=nvvm
  size_t ptx_size = 0;
  const char* options[] = {"-arch=compute_80"};
  if (nvvmCreateProgram(&prog) != NVVM_SUCCESS) return NULL;
// CHECK: [[@LINE-1]]:7 nvvmCreateProgram function semantic lib=nvvm
// CHECK: [[@LINE-2]]:35 NVVM_SUCCESS enum_value semantic lib=nvvm
  nvvmAddModuleToProgram(prog, ir, size, "module");
// CHECK: [[@LINE-1]]:3 nvvmAddModuleToProgram function semantic lib=nvvm
  if (nvvmCompileProgram(prog, 1, options) != NVVM_SUCCESS) {
// CHECK: [[@LINE-1]]:7 nvvmCompileProgram function semantic lib=nvvm
// CHECK: [[@LINE-2]]:47 NVVM_SUCCESS enum_value semantic lib=nvvm
    nvvmDestroyProgram(&prog);
// CHECK: [[@LINE-1]]:5 nvvmDestroyProgram function semantic lib=nvvm
    return NULL;
  }
  nvvmGetCompiledResultSize(prog, &ptx_size);
// CHECK: [[@LINE-1]]:3 nvvmGetCompiledResultSize function semantic lib=nvvm
  char* ptx = (char*)malloc(ptx_size);
  nvvmGetCompiledResult(prog, ptx);
// CHECK: [[@LINE-1]]:3 nvvmGetCompiledResult function semantic lib=nvvm
  nvvmDestroyProgram(&prog);
// CHECK: [[@LINE-1]]:3 nvvmDestroyProgram function semantic lib=nvvm
  return ptx;
}
