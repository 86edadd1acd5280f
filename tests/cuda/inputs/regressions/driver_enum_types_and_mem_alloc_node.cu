// Regression from NVIDIA/cuda-samples (memMapIPCDrv, graphMemoryNodes): the driver's enumeration
// types take their enumerators, and the runtime's memory allocation node parameters are a structure.
// CHECK-INPUT: semantic
#include <cuda.h>
#include <cstring>

CUmemAllocationHandleType ipc_handle_type = CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR;
// CHECK: [[@LINE-1]]:1 CUmemAllocationHandleType type semantic lib=cuda_driver
// CHECK: [[@LINE-2]]:45 CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR enum_value semantic lib=cuda_driver

void* add_alloc_node(cudaGraph_t graph, cudaGraphNode_t* node, int device, size_t bytes) {
// CHECK: [[@LINE-1]]:22 cuda-graphs hazard semantic lib=hazard {uses cudaGraph_t}
// CHECK: [[@LINE-2]]:22 cudaGraph_t type semantic lib=cudart
// CHECK: [[@LINE-3]]:41 cuda-graphs hazard semantic lib=hazard {uses cudaGraphNode_t}
// CHECK: [[@LINE-4]]:41 cudaGraphNode_t type semantic lib=cudart
  cudaMemAllocNodeParams params;
// CHECK: [[@LINE-1]]:3 cudaMemAllocNodeParams type semantic lib=cudart
  memset(&params, 0, sizeof(params));
  params.bytesize = bytes;
  params.poolProps.allocType = cudaMemAllocationTypePinned;
// CHECK: [[@LINE-1]]:32 cudaMemAllocationTypePinned enum_value semantic lib=cudart
  params.poolProps.location.id = device;
  params.poolProps.location.type = cudaMemLocationTypeDevice;
// CHECK: [[@LINE-1]]:36 cudaMemLocationTypeDevice enum_value semantic lib=cudart
  cudaGraphAddMemAllocNode(node, graph, NULL, 0, &params);
// CHECK: [[@LINE-1]]:3 cuda-graphs hazard semantic lib=hazard {uses cudaGraphAddMemAllocNode}
// CHECK: [[@LINE-2]]:3 cudaGraphAddMemAllocNode function semantic lib=cudart
  return params.dptr;
}
