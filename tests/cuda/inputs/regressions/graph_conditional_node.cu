// Regression from NVIDIA/cuda-samples (graphConditionalNodes): a conditional node's parameters are
// a structure inside the generic node parameters, and a kernel sets the condition on the device.
// CHECK-INPUT: semantic
#include <cuda_runtime.h>

__global__ void set_condition(cudaGraphConditionalHandle handle, const int* flag) { cudaGraphSetConditional(handle, *flag != 0); }
// CHECK: [[@LINE-1]]:17 set_condition kernel semantic lib=user {lines=1 hazards=cuda-graphs,dynamic-parallelism}
// CHECK: [[@LINE-2]]:31 cuda-graphs hazard semantic lib=hazard {uses cudaGraphConditionalHandle}
// CHECK: [[@LINE-3]]:31 cudaGraphConditionalHandle type semantic lib=cudart
// CHECK: [[@LINE-4]]:85 cudaGraphSetConditional intrinsic semantic lib=device_intrinsics
// CHECK: [[@LINE-5]]:85 dynamic-parallelism hazard semantic lib=hazard {cudaGraphSetConditional called from device code (set_condition)}

cudaGraph_t add_if_node(cudaGraph_t graph, cudaGraphNode_t* node) {
// CHECK: [[@LINE-1]]:1 cuda-graphs hazard semantic lib=hazard {uses cudaGraph_t}
// CHECK: [[@LINE-2]]:1 cudaGraph_t type semantic lib=cudart
// CHECK: [[@LINE-3]]:25 cuda-graphs hazard semantic lib=hazard {uses cudaGraph_t}
// CHECK: [[@LINE-4]]:25 cudaGraph_t type semantic lib=cudart
// CHECK: [[@LINE-5]]:44 cuda-graphs hazard semantic lib=hazard {uses cudaGraphNode_t}
// CHECK: [[@LINE-6]]:44 cudaGraphNode_t type semantic lib=cudart
  cudaGraphConditionalHandle handle;
// CHECK: [[@LINE-1]]:3 cuda-graphs hazard semantic lib=hazard {uses cudaGraphConditionalHandle}
// CHECK: [[@LINE-2]]:3 cudaGraphConditionalHandle type semantic lib=cudart
  cudaGraphConditionalHandleCreate(&handle, graph, 1, cudaGraphCondAssignDefault);
// CHECK: [[@LINE-1]]:3 cuda-graphs hazard semantic lib=hazard {uses cudaGraphConditionalHandleCreate}
// CHECK: [[@LINE-2]]:3 cudaGraphConditionalHandleCreate function semantic lib=cudart
// CHECK: [[@LINE-3]]:55 cudaGraphCondAssignDefault enum_value semantic lib=cudart
  cudaGraphNodeParams params = {cudaGraphNodeTypeConditional};
// CHECK: [[@LINE-1]]:3 cuda-graphs hazard semantic lib=hazard {uses cudaGraphNodeParams}
// CHECK: [[@LINE-2]]:3 cudaGraphNodeParams type semantic lib=cudart
// CHECK: [[@LINE-3]]:33 cuda-graphs hazard semantic lib=hazard {uses cudaGraphNodeTypeConditional}
// CHECK: [[@LINE-4]]:33 cudaGraphNodeTypeConditional enum_value semantic lib=cudart
  params.conditional.handle = handle;
  params.conditional.type = cudaGraphCondTypeIf;
// CHECK: [[@LINE-1]]:29 cudaGraphCondTypeIf enum_value semantic lib=cudart
  params.conditional.size = 1;
  cudaGraphAddNode(node, graph, NULL, 0, &params);
// CHECK: [[@LINE-1]]:3 cuda-graphs hazard semantic lib=hazard {uses cudaGraphAddNode}
// CHECK: [[@LINE-2]]:3 cudaGraphAddNode function semantic lib=cudart
  return params.conditional.phGraph_out[0];
}
