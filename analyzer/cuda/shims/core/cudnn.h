/* opscope CUDA declaration shim, hand-written core of cuDNN (legacy and backend API).
 * Written by the opscope project from the public cuDNN API names; not derived from NVIDIA's
 * headers. The status enum, handles and the per-algorithm result structures are here; the shim
 * generator declares every other cuDNN name of the opdb after this file. */
#ifndef OPSCOPE_CORE_CUDNN_H
#define OPSCOPE_CORE_CUDNN_H
/* The include guards of the toolkit's own headers, which code tests to see what is included. */
#define CUDNN_H_
/* The library's API decoration macros (empty), defined only when its header is included. */
#define CUDNNWINAPI
#define CUDNNAPI
#include "cudart.h"

#ifndef OPSCOPE_MORE_cudnnStatus
#define OPSCOPE_MORE_cudnnStatus
#endif
#define CUDNN_MAJOR 9
#define CUDNN_MINOR 1
#define CUDNN_PATCHLEVEL 0
#define CUDNN_VERSION (CUDNN_MAJOR * 10000 + CUDNN_MINOR * 100 + CUDNN_PATCHLEVEL)

OPSCOPE_EXTERN_C_BEGIN
typedef enum {
  CUDNN_STATUS_SUCCESS = 0, CUDNN_STATUS_NOT_INITIALIZED = 1001, CUDNN_STATUS_ALLOC_FAILED = 1002,
  CUDNN_STATUS_BAD_PARAM = 2000, CUDNN_STATUS_INTERNAL_ERROR = 4000, CUDNN_STATUS_INVALID_VALUE = 2001,
  CUDNN_STATUS_ARCH_MISMATCH = 3003, CUDNN_STATUS_MAPPING_ERROR = 4001, CUDNN_STATUS_EXECUTION_FAILED = 5000,
  CUDNN_STATUS_NOT_SUPPORTED = 3000, CUDNN_STATUS_LICENSE_ERROR = 3001 OPSCOPE_MORE_cudnnStatus
} cudnnStatus_t;
typedef struct cudnnContext* cudnnHandle_t;
typedef int cudnnConvolutionFwdAlgo_t;
typedef int cudnnConvolutionBwdDataAlgo_t;
typedef int cudnnConvolutionBwdFilterAlgo_t;
typedef int cudnnDeterminism_t;
typedef int cudnnMathType_t;
typedef void* cudnnBackendDescriptor_t;
/* Legacy descriptors and enums that cuDNN 9 still declares (most deprecated) but that the opdb
 * import does not list yet; declared here so that code using them keeps parsing. */
typedef struct cudnnFilterStruct* cudnnFilterDescriptor_t;
typedef struct cudnnConvolutionStruct* cudnnConvolutionDescriptor_t;
typedef struct cudnnPoolingStruct* cudnnPoolingDescriptor_t;
typedef struct cudnnActivationStruct* cudnnActivationDescriptor_t;
typedef struct cudnnOpTensorStruct* cudnnOpTensorDescriptor_t;
typedef struct cudnnReduceTensorStruct* cudnnReduceTensorDescriptor_t;
typedef struct cudnnAttention* cudnnAttnDescriptor_t;
typedef struct cudnnSeqDataStruct* cudnnSeqDataDescriptor_t;
typedef struct cudnnTensorTransformStruct* cudnnTensorTransformDescriptor_t;
typedef struct cudnnFusedOpsPlanStruct* cudnnFusedOpsPlan_t;
typedef struct cudnnFusedOpsConstParamStruct* cudnnFusedOpsConstParamPack_t;
typedef struct cudnnFusedOpsVariantParamStruct* cudnnFusedOpsVariantParamPack_t;
typedef struct cudnnPersistentRNNPlan* cudnnPersistentRNNPlan_t;
typedef int cudnnBatchNormMode_t;
typedef int cudnnPoolingMode_t;
typedef int cudnnActivationMode_t;
typedef int cudnnReduceTensorIndices_t;
typedef int cudnnIndicesType_t;
typedef int cudnnBatchNormOps_t;
typedef int cudnnNormMode_t;
typedef int cudnnNormOps_t;
typedef int cudnnNormAlgo_t;
typedef int cudnnReorderType_t;
typedef int cudnnFusedOps_t;
typedef int cudnnFusedOpsConstParamLabel_t;
typedef int cudnnFusedOpsVariantParamLabel_t;
typedef int cudnnFusedOpsPointerPlaceHolder_t;
typedef struct {
  cudnnConvolutionFwdAlgo_t algo;
  cudnnStatus_t status;
  float time;
  size_t memory;
  cudnnDeterminism_t determinism;
  cudnnMathType_t mathType;
  int reserved[3];
} cudnnConvolutionFwdAlgoPerf_t;
typedef struct {
  cudnnConvolutionBwdDataAlgo_t algo;
  cudnnStatus_t status;
  float time;
  size_t memory;
  cudnnDeterminism_t determinism;
  cudnnMathType_t mathType;
  int reserved[3];
} cudnnConvolutionBwdDataAlgoPerf_t;
typedef struct {
  cudnnConvolutionBwdFilterAlgo_t algo;
  cudnnStatus_t status;
  float time;
  size_t memory;
  cudnnDeterminism_t determinism;
  cudnnMathType_t mathType;
  int reserved[3];
} cudnnConvolutionBwdFilterAlgoPerf_t;
const char* cudnnGetErrorString(cudnnStatus_t status);
size_t cudnnGetVersion(void);
size_t cudnnGetCudartVersion(void);
OPSCOPE_EXTERN_C_END
#endif
