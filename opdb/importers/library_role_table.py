"""The role table of library_roles.py: which cuBLAS/cuBLASLt/cuDNN names play which role, and
what each platform offers for that role.

RULES: (regular expression over the whole CUDA name, role), first match wins.
ROLES: {role: {platform: (status, target or None, note)}}; a target must exist in the
snapshot's names (library_roles.py checks it and drops the pair otherwise).
FRONTEND_NAMES: cudnn_frontend names the CUDA scanner reports, which the CUDA universe (C
headers) does not list: (name, kind, role).
"""

import re

_P = "[SDCZH]"  # cuBLAS precision letters
_V = r"(?:_v2)?(?:_64)?"  # _v2 entry points and 64-bit-integer variants

RULES = [(re.compile(p), role) for p, role in [
    # cuBLAS and cuBLASLt: handles, streams, modes, workspace
    (r"cublas(?:Lt)?Create(?:_v2)?", "library handle: create"),
    (r"cublas(?:Lt)?Destroy(?:_v2)?", "library handle: destroy"),
    (r"cublas(?:Lt)?Handle_t", "library handle: type"),
    (r"cublasSetStream(?:_v2)?", "library handle: bind stream"),
    (r"cublasGetStream(?:_v2)?", "library handle: query stream"),
    (r"cublasSetWorkspace(?:_v2)?", "library handle: workspace"),
    (r"cublas(?:Set|Get)MathMode|cublasMath_t|CUBLAS_(?:DEFAULT|PEDANTIC|TF32_TENSOR_OP|TENSOR_OP)_MATH",
     "GEMM: math mode"),
    (r"cublasComputeType_t|CUBLAS_COMPUTE_(?:32F|64F|32I)(?:_PEDANTIC)?", "GEMM: compute type"),
    (r"CUBLAS_COMPUTE_(?:32F_FAST_16F|32F_FAST_16BF|32F_FAST_TF32|16F)(?:_PEDANTIC)?",
     "GEMM: reduced-precision compute type"),
    (r"cublasOperation_t", "GEMM: transpose type"),
    (r"CUBLAS_OP_N", "GEMM: no transpose"),
    (r"CUBLAS_OP_T", "GEMM: transpose"),
    (r"cublasStatus_t", "status type"),
    (r"CUBLAS_STATUS_SUCCESS", "status: success"),
    (r"cublasGemmAlgo_t|CUBLAS_GEMM_(?:DEFAULT|DFALT)(?:_TENSOR_OP)?", "GEMM: algorithm choice"),
    # GEMM family
    (rf"cublas{_P}gemm{_V}|cublasGemmEx{_V}|cublasSgemmEx{_V}", "GEMM"),
    (rf"cublas{_P}gemmStridedBatched{_V}|cublasGemmStridedBatchedEx{_V}", "GEMM: strided batched"),
    (rf"cublas{_P}gemmBatched{_V}|cublasGemmBatchedEx{_V}", "GEMM: pointer-array batched"),
    (rf"cublas{_P}gemv{_V}", "GEMV"),
    (rf"cublasLtMatmul", "GEMM (Lt)"),
    (r"cublasLtMatmulDescCreate", "matmul descriptor: create"),
    (r"cublasLtMatmulDescDestroy", "matmul descriptor: destroy"),
    (r"cublasLtMatmulDesc(?:Set|Get)Attribute", "matmul descriptor: attribute"),
    (r"cublasLtMatmulDesc_t|cublasLtMatmulDescOpaque_t", "matmul descriptor: type"),
    (r"CUBLASLT_MATMUL_DESC_TRANS[AB]", "matmul attribute: transpose"),
    (r"CUBLASLT_MATMUL_DESC_(?:EPILOGUE|BIAS_POINTER|BIAS_DATA_TYPE|EPILOGUE_AUX_\w+)",
     "matmul attribute: epilogue"),
    (r"CUBLASLT_MATMUL_DESC_(?:SCALE_TYPE|COMPUTE_TYPE)", "GEMM: compute type"),
    (r"cublasLtEpilogue_t|CUBLASLT_EPILOGUE_DEFAULT", "epilogue: none"),
    (r"CUBLASLT_EPILOGUE_BIAS", "epilogue: bias"),
    (r"CUBLASLT_EPILOGUE_(?:GELU|GELU_AUX)", "epilogue: GELU"),
    (r"CUBLASLT_EPILOGUE_(?:GELU_BIAS|GELU_AUX_BIAS)", "epilogue: bias and GELU"),
    (r"CUBLASLT_EPILOGUE_(?:RELU|RELU_AUX)", "epilogue: ReLU"),
    (r"CUBLASLT_EPILOGUE_(?:RELU_BIAS|RELU_AUX_BIAS)", "epilogue: bias and ReLU"),
    (r"CUBLASLT_EPILOGUE_(?:DGELU|DGELU_BGRAD)", "epilogue: GELU backward"),
    (r"CUBLASLT_EPILOGUE_BGRAD[AB]", "epilogue: bias gradient"),
    (r"cublasLtMatrixLayoutCreate", "tensor descriptor: create"),
    (r"cublasLtMatrixLayoutDestroy", "tensor descriptor: destroy"),
    (r"cublasLtMatrixLayout(?:Set|Get)Attribute|CUBLASLT_MATRIX_LAYOUT_\w+",
     "tensor descriptor: set"),
    (r"cublasLtMatrixLayout_t|cublasLtMatrixLayoutOpaque_t", "tensor descriptor: type"),
    (r"cublasLtMatmulPreference(?:Create|Destroy|SetAttribute|GetAttribute)|"
     r"cublasLtMatmulPreference_t|CUBLASLT_MATMUL_PREF_\w+", "algorithm search preference"),
    (r"cublasLtMatmulAlgoGetHeuristic", "algorithm search"),
    (r"cublasLtMatmulHeuristicResult_t|cublasLtMatmulAlgo_t", "algorithm search: result"),
    # cuDNN
    (r"cudnnCreate", "library handle: create"),
    (r"cudnnDestroy", "library handle: destroy"),
    (r"cudnnHandle_t", "library handle: type"),
    (r"cudnnSetStream", "library handle: bind stream"),
    (r"cudnnGetStream", "library handle: query stream"),
    (r"cudnnStatus_t", "status type"),
    (r"CUDNN_STATUS_SUCCESS", "status: success"),
    (r"cudnnGetErrorString|cublasGetStatusString|cublasLtGetStatusString", "status: text"),
    (r"cudnnCreate(?:Tensor|Filter)Descriptor", "tensor descriptor: create"),
    (r"cudnnDestroy(?:Tensor|Filter)Descriptor", "tensor descriptor: destroy"),
    (r"cudnnSet(?:Tensor|Filter)(?:4d|Nd)Descriptor(?:Ex)?", "tensor descriptor: set"),
    (r"cudnn(?:Tensor|Filter)Descriptor_t", "tensor descriptor: type"),
    (r"cudnnDataType_t", "data type"),
    (r"CUDNN_DATA_FLOAT", "data type: fp32"),
    (r"CUDNN_DATA_HALF", "data type: fp16"),
    (r"CUDNN_DATA_BFLOAT16", "data type: bf16"),
    (r"CUDNN_DATA_DOUBLE", "data type: fp64"),
    (r"CUDNN_DATA_INT8", "data type: int8"),
    (r"CUDNN_DATA_INT32", "data type: int32"),
    (r"CUDNN_DATA_INT64", "data type: int64"),
    (r"CUDNN_TENSOR_NCHW", "layout: NCHW"),
    (r"CUDNN_TENSOR_NHWC", "layout: NHWC"),
    (r"cudnnCreateConvolutionDescriptor", "convolution descriptor: create"),
    (r"cudnnDestroyConvolutionDescriptor", "convolution descriptor: destroy"),
    (r"cudnnSetConvolution(?:2d|Nd)Descriptor|cudnnSetConvolution(?:MathType|GroupCount)",
     "convolution descriptor: set"),
    (r"cudnnConvolutionForward", "convolution: forward"),
    (r"cudnnConvolutionBackwardData", "convolution: backward data"),
    (r"cudnnConvolutionBackwardFilter", "convolution: backward filter"),
    (r"cudnnConvolutionBiasActivationForward", "convolution: forward with bias and activation"),
    (r"cudnnGetConvolutionForwardWorkspaceSize", "convolution: forward workspace"),
    (r"cudnnGetConvolutionBackwardDataWorkspaceSize", "convolution: backward data workspace"),
    (r"cudnnGetConvolutionBackwardFilterWorkspaceSize", "convolution: backward filter workspace"),
    (r"cudnn(?:Get|Find)ConvolutionForwardAlgorithm(?:_v7|Ex)?", "convolution: forward algorithm"),
    (r"cudnn(?:Get|Find)ConvolutionBackwardDataAlgorithm(?:_v7|Ex)?",
     "convolution: backward data algorithm"),
    (r"cudnn(?:Get|Find)ConvolutionBackwardFilterAlgorithm(?:_v7|Ex)?",
     "convolution: backward filter algorithm"),
    (r"cudnnBatchNormalizationForwardTraining(?:Ex)?", "batch norm: training forward"),
    (r"cudnnBatchNormalizationForwardInference", "batch norm: inference"),
    (r"cudnnBatchNormalizationBackward(?:Ex)?", "batch norm: backward"),
    (r"cudnnNormalizationForward(?:Training|Inference)", "normalization: forward"),
    (r"cudnnNormalizationBackward", "normalization: backward"),
    (r"cudnnSoftmaxForward", "softmax: forward"),
    (r"cudnnSoftmaxBackward", "softmax: backward"),
    (r"cudnnCreateActivationDescriptor", "activation descriptor: create"),
    (r"cudnnDestroyActivationDescriptor", "activation descriptor: destroy"),
    (r"cudnnSetActivationDescriptor(?:SwishBeta)?", "activation descriptor: set"),
    (r"cudnnActivationForward", "activation: forward"),
    (r"cudnnActivationBackward", "activation: backward"),
    (r"CUDNN_ACTIVATION_RELU", "activation mode: ReLU"),
    (r"CUDNN_ACTIVATION_SIGMOID", "activation mode: sigmoid"),
    (r"CUDNN_ACTIVATION_TANH", "activation mode: tanh"),
    (r"CUDNN_ACTIVATION_SWISH", "activation mode: SiLU"),
    (r"cudnnCreatePoolingDescriptor", "pooling descriptor: create"),
    (r"cudnnDestroyPoolingDescriptor", "pooling descriptor: destroy"),
    (r"cudnnSetPooling(?:2d|Nd)Descriptor", "pooling descriptor: set"),
    (r"cudnnPoolingForward", "pooling: forward"),
    (r"cudnnPoolingBackward", "pooling: backward"),
    (r"CUDNN_POOLING_MAX(?:_DETERMINISTIC)?", "pooling mode: max"),
    (r"CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING", "pooling mode: average with padding"),
    (r"CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING", "pooling mode: average without padding"),
    (r"cudnnAddTensor", "tensor: add"),
    (r"cudnnOpTensor", "tensor: elementwise op"),
    (r"cudnnCreateOpTensorDescriptor", "op-tensor descriptor: create"),
    (r"cudnnDestroyOpTensorDescriptor", "op-tensor descriptor: destroy"),
    (r"cudnnSetOpTensorDescriptor", "op-tensor descriptor: set"),
    (r"cudnnReduceTensor", "tensor: reduce"),
    (r"cudnnCreateReduceTensorDescriptor", "reduce descriptor: create"),
    (r"cudnnDestroyReduceTensorDescriptor", "reduce descriptor: destroy"),
    (r"cudnnGetReductionWorkspaceSize", "tensor: reduce workspace"),
    (r"cudnnTransformTensor", "tensor: transform layout"),
    (r"cudnnDropoutForward", "dropout: forward"),
    (r"cudnnMultiHeadAttnForward", "attention: forward"),
    (r"cudnnMultiHeadAttnBackward(?:Data|Weights)", "attention: backward"),
    # CUDA runtime names that only the libraries' calls and kernel launches use
    (r"CUDA_R_32F", "data type: fp32"),
    (r"CUDA_R_16F", "data type: fp16"),
    (r"CUDA_R_16BF", "data type: bf16"),
    (r"CUDA_R_64F", "data type: fp64"),
    (r"CUDA_R_8I", "data type: int8"),
    (r"CUDA_R_32I", "data type: int32"),
    (r"cudaDataType(?:_t)?", "data type"),
    (r"dim3", "launch: grid and block dimensions"),
    (r"half|__half", "fp16 storage type"),
    (r"half2|__half2", "fp16x2 storage type"),
    (r"nv_bfloat16|__nv_bfloat16", "bf16 storage type"),
    (r"nv_bfloat162|__nv_bfloat162", "bf16x2 storage type"),
]]
# The CUDA runtime names RULES may match (the others belong to the runtime importers).
RUNTIME_NAMES = re.compile(r"CUDA_R_(?:32F|16F|16BF|64F|8I|32I)|cudaDataType(?:_t)?|dim3|__half2?|half2?|"
                           r"(?:__)?nv_bfloat162?")
# CUDA's vector types (vector_types.h) and their make_* constructors: plain aggregates.
VECTOR_TYPES = re.compile(r"(?:make_)?(?:u?char|u?short|u?int|u?long|u?longlong|float|double)"
                          r"[1-4]")
VECTOR_NOTE = ("CUDA's vector types are plain aggregates of 1-4 scalars (x, y, z, w; "
               "vector_types.h): host code defines an equivalent struct; in device code they take "
               "the kernel's verdict")
# C and C++ predefined names the CUDA inventory lists among the device intrinsics.
LANGUAGE_NAMES = {"__func__": "a predefined identifier of C99 and C++11: every C and C++ compiler "
                              "provides it"}

_NO_HANDLE_ACL = ("there is no library handle: each aclblas or aclnn call takes the aclrtStream "
                  "as an argument (aclnnXxx(workspace, size, executor, stream))")
_TWO_PHASE = ("each aclnn operator runs in two phases: aclnnXxxGetWorkspaceSize(inputs, outputs, attributes, "
              "&workspaceSize, &executor), then aclnnXxx(workspace, workspaceSize, executor, "
              "stream); tensors are aclTensor objects, not descriptors plus pointers")
_ACL_TENSOR = ("the aclnn operators take aclTensor objects (shape, strides, data type, format and "
               "the device address in one object) in place of descriptor + pointer pairs; the "
               "snapshot declares no aclTensor constructor, so no target is named")
_CNNL_DESC = ("CNNL operators take cnnlTensorDescriptor_t descriptors as cuDNN does; set them "
              "with cnnlSetTensorDescriptor (layout, data type, dimensions)")
_CNNL_ROWMAJOR = ("cnnlMatMul_v2 takes tensor descriptors (row-major) and a matmul descriptor, "
                  "algorithm and workspace where cuBLAS takes column-major pointers with leading "
                  "dimensions: swap the operands or the transpose flags")
_ACLBLAS = ("aclblasGemmEx takes aclTransType flags, the data type of each operand, an "
            "aclComputeType and an aclrtStream, and no handle; the operand layout convention is "
            "not stated in the snapshot's declaration inventory")
_ACLNN_MM = ("aclnnMatmul/aclnnBatchMatMul take aclTensor operands (transposition as strides), "
             "in two phases (GetWorkspaceSize, then the call)")
_TOPS_MM = "topsatenMatmul takes tensors (TopsATen), not pointers with leading dimensions"
_SEPARATE = "applied as a separate operator call after the matmul"
# Enflame: TopsATen operators take tensors (topsatenTensor) and the stream; inferred from the
# TopsATen names public code calls (no public header).
ENFLAME_NO_OBJECT = ("TopsATen operators take tensors (topsatenTensor: shape, strides, data type "
                     "and data in one object) and the stream, with no library handle, layout "
                     "descriptor or algorithm object; inferred from the TopsATen names public "
                     "code calls (no public header)")

_TOPS_DTYPE = ("a topsatenDataType_t value (TopsATen tensors carry their data type); the "
               "enumerator names are not in the public code the snapshot read (no public TopsATen "
               "header)")
# Names the official TOPS headers declare that the snapshot's name extraction (tops* names only)
# does not hold: (header, line, what), read in EnflameTechnology/tops-codec-headers at the
# snapshot's commit (enflame/SOURCES.md, key HDR).
TOPS_HEADER_FACTS = {
    "dim3": ("tops_runtime_api.h", 797, "typedef struct dim3 {uint32_t x, y, z} with CUDA's "
             "constructor; the triple-chevron launch API (topsConfigureCall, "
             "__topsPushCallConfiguration) takes dim3 grid and block"),
}

# Host-side 16-bit float types. A use inside a kernel takes the kernel's verdict; these answer
# host code (launchers, buffers, conversions), which still needs porting.
_CNRT_HALF = ("CNRT has no host half type: fp16 data is kept as 16-bit storage tagged cnrtHalf (a "
              "cnrtDataType_V2_t value torch_mlu uses) and converted on the host with "
              "cnrtCastDataType_V2; BANG C device code has its own half type")
_CNRT_BF16 = ("CNRT has no host bf16 type: bf16 data is kept as 16-bit storage tagged cnrtBfloat "
              "(a cnrtDataType_V2_t value torch_mlu uses) and converted on the host with "
              "cnrtCastDataType_V2")
_TOPS_NO_HALF = ("the official TOPS runtime headers (tops-codec-headers at the snapshot's commit, "
                 "every header read) declare no host fp16 or bf16 type and no conversion for one: "
                 "keep the data as 16-bit storage (uint16_t) and convert by hand, or let "
                 "TopsATen/torch_gcu convert tensors")
# Roles whose Enflame answer rests on what the TOPS headers lack: cited to them (key HDR).
TOPS_HEADER_ABSENT = {"fp16 storage type", "fp16x2 storage type", "bf16 storage type",
                      "bf16x2 storage type"}


def _data_type_answers(acl, cnnl):
    """A data type's answers: ACL and CNNL each have an enumerator for it; a TopsATen tensor
    carries it, under an enumerator public code does not name."""
    return {"enflame": ("partial", "topsatenDataType_t", _TOPS_DTYPE),
            "ascend": ("mapped", acl, None), "cambricon": ("mapped", cnnl, None)}


# The data types cuDNN names: (role suffix, ACL enumerator, CNNL enumerator).
_DATA_TYPES = [("fp32", "ACL_FLOAT", "CNNL_DTYPE_FLOAT"), ("fp16", "ACL_FLOAT16", "CNNL_DTYPE_HALF"),
               ("bf16", "ACL_BF16", "CNNL_DTYPE_BFLOAT16"), ("fp64", "ACL_DOUBLE", "CNNL_DTYPE_DOUBLE"),
               ("int8", "ACL_INT8", "CNNL_DTYPE_INT8"), ("int32", "ACL_INT32", "CNNL_DTYPE_INT32"),
               ("int64", "ACL_INT64", "CNNL_DTYPE_INT64")]


def _mode_answers(acl_operator, acl_note, cnnl_mode):
    """A mode enumerator's answers: CNNL has the same mode; aclnn has an operator of its own
    for it (partial, with `acl_note`)."""
    return {"ascend": ("partial", acl_operator, acl_note), "cambricon": ("mapped", cnnl_mode, None)}


ROLES = {
    "library handle: create": {
        "ascend": ("partial", None, _NO_HANDLE_ACL),
        "cambricon": ("mapped", "cnnlCreate", None),
        "enflame": ("partial", "topsatenInit", "topsatenInit initialises TopsATen once; "
                    "TopsATen calls take the stream as an argument, there is no handle"),
    },
    "library handle: destroy": {
        "ascend": ("partial", None, _NO_HANDLE_ACL),
        "cambricon": ("mapped", "cnnlDestroy", None),
    },
    "library handle: type": {
        "ascend": ("partial", None, _NO_HANDLE_ACL),
        "cambricon": ("mapped", "cnnlHandle_t", None),
    },
    "library handle: bind stream": {
        "ascend": ("partial", None, _NO_HANDLE_ACL),
        "cambricon": ("mapped", "cnnlSetQueue", "binds a cnrtQueue_t"),
    },
    "library handle: query stream": {
        "ascend": ("partial", None, _NO_HANDLE_ACL),
        "cambricon": ("mapped", "cnnlGetQueue", None),
    },
    "library handle: workspace": {
        "ascend": ("partial", None, "each aclnn call reports its workspace size "
                   "(aclnnXxxGetWorkspaceSize) and takes the workspace as an argument"),
        "cambricon": ("partial", None, "each CNNL call takes its workspace as an argument "
                      "(cnnlGetXxxWorkspaceSize gives the size); there is no handle workspace"),
    },
    "GEMM: math mode": {
        "ascend": ("partial", "aclComputeType", "aclblasGemmEx takes ACL_COMPUTE_HIGH_PRECISION "
                   "or ACL_COMPUTE_LOW_PRECISION per call, not a handle-wide math mode"),
        "cambricon": ("partial", "CNNL_MATMUL_ALLOW_TF32", "a matmul descriptor attribute set "
                      "with cnnlSetMatMulDescAttr, not a handle-wide mode"),
    },
    "GEMM: compute type": {
        "ascend": ("partial", "ACL_COMPUTE_HIGH_PRECISION", "aclComputeType has two levels, "
                   "high and low precision, not one value per accumulator type"),
        "cambricon": ("partial", "cnnlSetMatMulDescAttr", "the compute type is a matmul "
                      "descriptor attribute"),
    },
    "GEMM: reduced-precision compute type": {
        "ascend": ("partial", "ACL_COMPUTE_LOW_PRECISION", "aclComputeType has two levels, "
                   "high and low precision"),
        "cambricon": ("partial", "CNNL_MATMUL_ALLOW_TF32", "TF32 is allowed per matmul "
                      "descriptor; other reduced types follow the operand data types"),
    },
    "launch: grid and block dimensions": {
        "enflame": ("native", "dim3", "a TopsCC kernel is launched with <<<grid, block>>> as a "
                    "CUDA kernel is; the kernel itself is rewritten (it takes the kernel's "
                    "verdict)"),
        "ascend": ("partial", "aclrtLaunchKernel", "an Ascend C kernel is launched with one "
                   "block count (aclrtLaunchKernel's numBlocks, a uint32_t), not a 3-D grid and "
                   "block: flatten the grid, and the block becomes the kernel's own tiling"),
    },
    "fp16x2 storage type": {
        "ascend": ("partial", "aclFloat16", "two aclFloat16 values: ACL declares no paired type"),
        "cambricon": ("partial", "cnrtCastDataType_V2", _CNRT_HALF + "; a pair is two such values"),
        "enflame": ("missing", None, _TOPS_NO_HALF),
    },
    "bf16 storage type": {
        "ascend": ("partial", "ACL_BF16", "ACL has no host bf16 type: ACL_BF16 tags bf16 data "
                   "(aclDataType), kept as 16-bit storage; the snapshot declares no host bf16 "
                   "conversion"),
        "cambricon": ("partial", "cnrtCastDataType_V2", _CNRT_BF16),
        "enflame": ("missing", None, _TOPS_NO_HALF),
    },
    "bf16x2 storage type": {
        "ascend": ("partial", "ACL_BF16", "two bf16 values tagged ACL_BF16: ACL declares no host "
                   "bf16 type or pair"),
        "cambricon": ("partial", "cnrtCastDataType_V2", _CNRT_BF16 + "; a pair is two such values"),
        "enflame": ("missing", None, _TOPS_NO_HALF),
    },
    "fp16 storage type": {
        "cambricon": ("partial", "cnrtCastDataType_V2", _CNRT_HALF),
        "enflame": ("missing", None, _TOPS_NO_HALF),
        "ascend": ("partial", "aclFloat16", "aclFloat16 is a 16-bit storage type with "
                   "aclFloatToFloat16/aclFloat16ToFloat conversions, without the arithmetic "
                   "operators of CUDA's half on the host"),
    },
    "GEMM: transpose type": {
        "enflame": ("partial", "topsatenMatmul", "topsatenMatmul takes tensors: a transposed "
                    "operand is a transposed (strided) tensor, not a flag"),
        "ascend": ("mapped", "aclTransType", None),
        "cambricon": ("partial", "CNNL_MATMUL_DESC_TRANSA", "transposition is a matmul "
                      "descriptor attribute (CNNL_MATMUL_DESC_TRANSA/TRANSB)"),
    },
    "GEMM: no transpose": {
        "enflame": ("partial", "topsatenMatmul", "topsatenMatmul takes tensors: no transpose "
                    "flag, the operand as it is"),
        "ascend": ("mapped", "ACL_TRANS_N", None),
        "cambricon": ("partial", "CNNL_MATMUL_DESC_TRANSA", "transposition is a matmul "
                      "descriptor attribute, set to 0"),
    },
    "GEMM: transpose": {
        "enflame": ("partial", "topsatenMatmul", "topsatenMatmul takes tensors: transposition "
                    "is a transposed view of the operand"),
        "ascend": ("mapped", "ACL_TRANS_T", None),
        "cambricon": ("partial", "CNNL_MATMUL_DESC_TRANSA", "transposition is a matmul "
                      "descriptor attribute, set to 1"),
    },
    "status type": {
        "enflame": ("mapped", "topsatenStatus_t", "TopsATen calls return a topsatenStatus_t"),
        "ascend": ("partial", "aclError", "aclnn calls return aclnnStatus, ACL calls aclError; "
                   "0 is success"),
        "cambricon": ("mapped", "cnnlStatus_t", None),
    },
    "status: success": {
        "enflame": ("partial", "topsatenStatus_t", "TopsATen calls return a topsatenStatus_t; "
                    "the name of its success value is not in the public code the snapshot read"),
        "ascend": ("partial", "ACL_SUCCESS", "aclnnStatus and aclError use 0 for success"),
        "cambricon": ("mapped", "CNNL_STATUS_SUCCESS", None),
    },
    "status: text": {
        "ascend": ("partial", "aclGetRecentErrMsg", "returns the text of the thread's most "
                   "recent error, not the text of a status passed in"),
        "cambricon": ("mapped", "cnnlGetErrorString", None),
    },
    "GEMM: algorithm choice": {
        "ascend": ("partial", None, "aclblas and aclnn choose the algorithm themselves"),
        "cambricon": ("partial", "cnnlGetMatMulAlgoHeuristic", "CNNL chooses through a "
                      "heuristic query, not an enumerated algorithm"),
    },
    "GEMM": {
        "ascend": ("partial", "aclblasGemmEx", _ACLBLAS),
        "cambricon": ("partial", "cnnlMatMul_v2", _CNNL_ROWMAJOR),
        "enflame": ("partial", "topsatenMatmul", _TOPS_MM),
    },
    "GEMM: strided batched": {
        "ascend": ("partial", "aclnnBatchMatMul", _ACLNN_MM + "; the batch stride is the "
                   "tensor's first stride"),
        "cambricon": ("partial", "cnnlStrideBatchMatMul_v3", "takes tensor descriptors, a "
                      "stride-batch matmul descriptor and a workspace"),
        "enflame": ("partial", "topsatenMatmul", _TOPS_MM + "; batched by a leading dimension"),
    },
    "GEMM: pointer-array batched": {
        "ascend": ("partial", "aclnnBatchMatMul", _ACLNN_MM + "; it takes one batched tensor, "
                   "not an array of pointers: gather the operands or loop"),
        "cambricon": ("partial", "cnnlBatchMatMulEx", "takes batched tensor descriptors, not "
                      "an array of pointers"),
    },
    "GEMV": {
        "ascend": ("partial", "aclblasGemvEx", "takes aclTransType, per-operand data types, an "
                   "aclComputeType and an aclrtStream, and no handle"),
        "cambricon": ("partial", "cnnlMatMul_v2", "a matrix-vector product as a matmul with "
                      "one column; " + _CNNL_ROWMAJOR),
    },
    "GEMM (Lt)": {
        "ascend": ("partial", "aclnnMatmul", _ACLNN_MM + "; epilogues are aclnnAddmm (bias) or "
                   "a following activation call"),
        "cambricon": ("partial", "cnnlMatMulEx_v2", "takes tensor descriptors and a matmul-Ex "
                      "descriptor with the epilogue, an algorithm and a workspace"),
        "enflame": ("partial", "topsatenMatmul", _TOPS_MM + "; epilogues are separate calls"),
    },
    "matmul descriptor: create": {
        "ascend": ("partial", None, "aclnnMatmul takes its attributes as arguments; " + _TWO_PHASE),
        "cambricon": ("mapped", "cnnlCreateMatMulExDescriptor", None),
    },
    "matmul descriptor: destroy": {
        "ascend": ("partial", None, "aclnnMatmul takes its attributes as arguments"),
        "cambricon": ("mapped", "cnnlDestroyMatMulExDescriptor", None),
    },
    "matmul descriptor: attribute": {
        "ascend": ("partial", None, "aclnnMatmul takes its attributes as arguments"),
        "cambricon": ("partial", "cnnlSetMatMulExDescAttr", "the attribute enumerators differ"),
    },
    "matmul descriptor: type": {
        "ascend": ("partial", None, "aclnnMatmul takes its attributes as arguments"),
        "cambricon": ("mapped", "cnnlMatMulExDescriptor_t", None),
    },
    "matmul attribute: transpose": {
        "ascend": ("partial", "ACL_TRANS_T", "aclblasGemmEx takes aclTransType flags; aclnn "
                   "takes transposed views"),
        "cambricon": ("mapped", "CNNL_MATMUL_DESC_TRANSA", "TRANSA/TRANSB"),
    },
    "matmul attribute: epilogue": {
        "ascend": ("partial", "aclnnAddmm", "the bias is an operand of aclnnAddmm; activations "
                   "are " + _SEPARATE),
        "cambricon": ("partial", "cnnlSetMatMulExDescAttr", "the epilogue is a matmul-Ex "
                      "descriptor attribute; the attribute names differ"),
    },
    "epilogue: none": {
        "ascend": ("partial", "aclnnMatmul", "no epilogue: a plain aclnnMatmul"),
        "cambricon": ("partial", "cnnlMatMul_v2", "no epilogue: a plain matmul"),
        "enflame": ("partial", "topsatenMatmul", "no epilogue: a plain matmul"),
    },
    "epilogue: bias": {
        "ascend": ("partial", "aclnnAddmm", "bias + matmul in one call"),
        "cambricon": ("partial", "cnnlBiasAdd", _SEPARATE),
    },
    "epilogue: GELU": {
        "ascend": ("partial", "aclnnGelu", _SEPARATE),
        "cambricon": ("partial", "CNNL_ACTIVATION_GELU", "cnnlActivationForward with this "
                      "mode, " + _SEPARATE),
        "enflame": ("partial", "topsatenGelu", _SEPARATE),
    },
    "epilogue: bias and GELU": {
        "ascend": ("partial", "aclnnAddmm", "bias + matmul in aclnnAddmm, then aclnnGelu"),
        "cambricon": ("partial", "CNNL_ACTIVATION_GELU", "cnnlBiasAdd and cnnlActivationForward "
                      "with this mode, " + _SEPARATE),
        "enflame": ("partial", "topsatenGelu", _SEPARATE + ", with the bias added first"),
    },
    "epilogue: ReLU": {
        "ascend": ("partial", "aclnnRelu", _SEPARATE),
        "cambricon": ("partial", "CNNL_ACTIVATION_RELU", "cnnlActivationForward with this mode, "
                      + _SEPARATE),
    },
    "epilogue: bias and ReLU": {
        "ascend": ("partial", "aclnnAddmm", "bias + matmul in aclnnAddmm, then aclnnRelu"),
        "cambricon": ("partial", "CNNL_ACTIVATION_RELU", "cnnlBiasAdd and cnnlActivationForward "
                      "with this mode, " + _SEPARATE),
    },
    "epilogue: GELU backward": {
        "ascend": ("partial", "aclnnGeluBackward", _SEPARATE),
        "cambricon": ("partial", "cnnlActivationBackward", _SEPARATE + " in GELU mode"),
    },
    "epilogue: bias gradient": {
        "ascend": ("partial", "aclnnReduceSum", "the bias gradient is a sum over the batch "
                   "dimension, " + _SEPARATE),
        "cambricon": ("partial", "cnnlReduce", "the bias gradient is a sum over the batch "
                      "dimension, " + _SEPARATE),
    },
    "tensor descriptor: create": {
        "ascend": ("partial", None, _ACL_TENSOR),
        "cambricon": ("mapped", "cnnlCreateTensorDescriptor", None),
    },
    "tensor descriptor: destroy": {
        "ascend": ("partial", None, _ACL_TENSOR),
        "cambricon": ("mapped", "cnnlDestroyTensorDescriptor", None),
    },
    "tensor descriptor: set": {
        "ascend": ("partial", None, _ACL_TENSOR),
        "cambricon": ("partial", "cnnlSetTensorDescriptorEx", "dimensions and strides with a "
                      "cnnlTensorLayout_t and cnnlDataType_t; the attribute set differs"),
    },
    "tensor descriptor: type": {
        "ascend": ("partial", None, _ACL_TENSOR),
        "cambricon": ("mapped", "cnnlTensorDescriptor_t", None),
    },
    "algorithm search preference": {
        "ascend": ("partial", None, "aclnn chooses the algorithm; the workspace limit is the "
                   "workspace the caller passes"),
        "cambricon": ("partial", "cnnlGetMatMulExAlgoHeuristic", "the heuristic query takes the "
                      "requested count; there is no preference object"),
    },
    "algorithm search": {
        "ascend": ("partial", None, "aclnn chooses the algorithm: aclnnMatmulGetWorkspaceSize "
                   "returns the workspace it needs"),
        "cambricon": ("mapped", "cnnlGetMatMulExAlgoHeuristic", None),
    },
    "algorithm search: result": {
        "ascend": ("partial", None, "aclnn chooses the algorithm"),
        "cambricon": ("partial", "cnnlGetMatMulExHeuristicResult", "results are read from a "
                      "heuristic-result object"),
    },
    "data type": {
        "enflame": ("mapped", "topsatenDataType_t", "TopsATen tensors carry a topsatenDataType_t"),
        "ascend": ("mapped", "aclDataType", None),
        "cambricon": ("mapped", "cnnlDataType_t", None),
    },
    **{f"data type: {name}": _data_type_answers(acl, cnnl) for name, acl, cnnl in _DATA_TYPES},
    **{f"layout: {layout}": {"ascend": ("mapped", f"ACL_FORMAT_{layout}", None),
                             "cambricon": ("mapped", f"CNNL_LAYOUT_{layout}", None)}
       for layout in ("NCHW", "NHWC")},
    "convolution descriptor: create": {
        "ascend": ("partial", None, "aclnnConvolution takes stride, padding, dilation and "
                   "groups as arguments"),
        "cambricon": ("mapped", "cnnlCreateConvolutionDescriptor", None),
    },
    "convolution descriptor: destroy": {
        "ascend": ("partial", None, "aclnnConvolution takes its attributes as arguments"),
        "cambricon": ("mapped", "cnnlDestroyConvolutionDescriptor", None),
    },
    "convolution descriptor: set": {
        "ascend": ("partial", None, "aclnnConvolution takes its attributes as arguments"),
        "cambricon": ("partial", "cnnlSetConvolutionDescriptor", "dimension, padding, stride, "
                      "dilation and groups in one call; math type via "
                      "cnnlSetConvolutionDescriptorAllowTF32"),
    },
    "convolution: forward": {
        "ascend": ("partial", "aclnnConvolution", _TWO_PHASE),
        "cambricon": ("mapped", "cnnlConvolutionForward", None),
        "enflame": ("partial", "topsConvolution2d", "a 2-D convolution kernel; other ranks "
                    "are not named"),
    },
    "convolution: backward data": {
        "ascend": ("partial", "aclnnConvolutionBackward", "one call computes the selected input, "
                   "weight and bias gradients; " + _TWO_PHASE),
        "cambricon": ("mapped", "cnnlConvolutionBackwardData", None),
        "enflame": ("partial", "topsConvolution2dBackward", "one call for the 2-D gradients"),
    },
    "convolution: backward filter": {
        "ascend": ("partial", "aclnnConvolutionBackward", "one call computes the selected input, "
                   "weight and bias gradients; " + _TWO_PHASE),
        "cambricon": ("mapped", "cnnlConvolutionBackwardFilter", None),
        "enflame": ("partial", "topsConvolution2dBackward", "one call for the 2-D gradients"),
    },
    "convolution: forward with bias and activation": {
        "ascend": ("partial", "aclnnConvolution", "the bias is an operand; the activation is "
                   "a separate call"),
        "cambricon": ("partial", "cnnlConvolutionForward", "takes the bias; the activation is "
                      "a separate call"),
    },
    "convolution: forward workspace": {
        "ascend": ("partial", "aclnnConvolution", "aclnnConvolutionGetWorkspaceSize returns the "
                   "workspace"),
        "cambricon": ("mapped", "cnnlGetConvolutionForwardWorkspaceSize", None),
    },
    "convolution: backward data workspace": {
        "ascend": ("partial", "aclnnConvolutionBackward", "aclnnConvolutionBackward"
                   "GetWorkspaceSize returns the workspace"),
        "cambricon": ("mapped", "cnnlGetConvolutionBackwardDataWorkspaceSize", None),
    },
    "convolution: backward filter workspace": {
        "ascend": ("partial", "aclnnConvolutionBackward", "aclnnConvolutionBackward"
                   "GetWorkspaceSize returns the workspace"),
        "cambricon": ("mapped", "cnnlGetConvolutionBackwardFilterWorkspaceSize", None),
    },
    "convolution: forward algorithm": {
        "ascend": ("partial", None, "aclnnConvolution chooses the algorithm"),
        "cambricon": ("partial", "cnnlGetConvolutionForwardAlgorithm", "a preference, not a "
                      "ranked list"),
    },
    "convolution: backward data algorithm": {
        "ascend": ("partial", None, "aclnnConvolutionBackward chooses the algorithm"),
        "cambricon": ("partial", "cnnlGetConvolutionBackwardDataAlgorithm", None),
    },
    "convolution: backward filter algorithm": {
        "ascend": ("partial", None, "aclnnConvolutionBackward chooses the algorithm"),
        "cambricon": ("partial", "cnnlGetConvolutionBackwardFilterAlgo", None),
    },
    "batch norm: training forward": {
        "ascend": ("partial", "aclnnBatchNorm", "training=true; running statistics are "
                   "operands; " + _TWO_PHASE),
        "cambricon": ("partial", "cnnlBatchNormForwardTraining_v2", "takes a workspace "
                      "(cnnlGetBatchNormForwardWorkspaceSize)"),
        "enflame": ("partial", "topsatenNativeBatchNorm", "aten-style native_batch_norm"),
    },
    "batch norm: inference": {
        "ascend": ("partial", "aclnnBatchNorm", "training=false; " + _TWO_PHASE),
        "cambricon": ("mapped", "cnnlBatchNormForwardInference", None),
        "enflame": ("partial", "topsatenNativeBatchNorm", "aten-style native_batch_norm with "
                    "training=false"),
    },
    "batch norm: backward": {
        "ascend": ("partial", "aclnnBatchNormBackward", _TWO_PHASE),
        "cambricon": ("partial", "cnnlBatchNormBackward_v2", "takes a workspace"),
        "enflame": ("partial", "topsBatchNormBackward", None),
    },
    "normalization: forward": {
        "ascend": ("partial", "aclnnLayerNorm", "per normalization mode: layer norm here, "
                   "aclnnBatchNorm or aclnnGroupNorm for the others"),
        "cambricon": ("partial", "cnnlLayerNormForward", "per normalization mode"),
        "enflame": ("partial", "topsatenNativeLayerNorm", "per normalization mode"),
    },
    "normalization: backward": {
        "ascend": ("partial", "aclnnLayerNormBackward", "per normalization mode"),
        "cambricon": ("partial", "cnnlLayerNormBackward_v2", "per normalization mode"),
    },
    "softmax: forward": {
        "ascend": ("partial", "aclnnSoftmax", "takes the dimension; CUDNN_SOFTMAX_LOG is "
                   "aclnnLogSoftmax; " + _TWO_PHASE),
        "cambricon": ("mapped", "cnnlSoftmaxForward_v2", None),
        "enflame": ("partial", "topsatenSoftmaxForward", "takes tensors and the dimension"),
    },
    "softmax: backward": {
        "ascend": ("partial", "aclnnSoftmaxBackward", _TWO_PHASE),
        "cambricon": ("mapped", "cnnlSoftmaxBackward", None),
        "enflame": ("partial", "topsSoftmaxBackward", None),
    },
    "activation descriptor: create": {
        "ascend": ("partial", None, "each activation is its own aclnn operator (aclnnRelu, "
                   "aclnnSigmoid, aclnnTanh, aclnnGelu, aclnnSilu)"),
        "cambricon": ("mapped", "cnnlCreateActivationDescriptor", None),
    },
    "activation descriptor: destroy": {
        "ascend": ("partial", None, "each activation is its own aclnn operator"),
        "cambricon": ("mapped", "cnnlDestroyActivationDescriptor", None),
    },
    "activation descriptor: set": {
        "ascend": ("partial", None, "each activation is its own aclnn operator"),
        "cambricon": ("partial", "cnnlSetActivationDescriptor_v6", "takes more parameters "
                      "(preference, coefficients, sliced dimension)"),
    },
    "activation: forward": {
        "ascend": ("partial", "aclnnRelu", "one aclnn operator per mode: aclnnRelu, "
                   "aclnnSigmoid, aclnnTanh, aclnnElu, aclnnSilu"),
        "cambricon": ("mapped", "cnnlActivationForward", None),
        "enflame": ("partial", "topsRelu", "one TopsOp kernel per mode"),
    },
    "activation: backward": {
        "ascend": ("partial", "aclnnSigmoidBackward", "one aclnn backward operator per mode"),
        "cambricon": ("mapped", "cnnlActivationBackward", None),
    },
    **{f"activation mode: {mode}": _mode_answers(operator, "an operator, not a mode", cnnl)
       for mode, operator, cnnl in [("ReLU", "aclnnRelu", "CNNL_ACTIVATION_RELU"),
                                    ("sigmoid", "aclnnSigmoid", "CNNL_ACTIVATION_SIGMOID"),
                                    ("tanh", "aclnnTanh", "CNNL_ACTIVATION_TANH"),
                                    ("SiLU", "aclnnSilu", "CNNL_ACTIVATION_SILU")]},
    "pooling descriptor: create": {
        "ascend": ("partial", None, "aclnn pooling operators take kernel, stride and padding as "
                   "arguments"),
        "cambricon": ("mapped", "cnnlCreatePoolingDescriptor", None),
    },
    "pooling descriptor: destroy": {
        "ascend": ("partial", None, "aclnn pooling operators take their attributes as "
                   "arguments"),
        "cambricon": ("mapped", "cnnlDestroyPoolingDescriptor", None),
    },
    "pooling descriptor: set": {
        "ascend": ("partial", None, "aclnn pooling operators take their attributes as "
                   "arguments"),
        "cambricon": ("mapped", "cnnlSetPooling2dDescriptor_v2", None),
    },
    "pooling: forward": {
        "ascend": ("partial", "aclnnMaxPool2dWithIndices", "one operator per mode: "
                   "aclnnMaxPool2dWithIndices, aclnnAvgPool2d"),
        "cambricon": ("partial", "cnnlPoolingForward", "takes a workspace "
                      "(cnnlGetPoolingWorkspaceSize)"),
        "enflame": ("partial", "topsMaxPool2d", "max pooling; average pooling is "
                    "topsAdaptiveAvgPool2d"),
    },
    "pooling: backward": {
        "ascend": ("partial", "aclnnMaxPool2dWithIndicesBackward", "one operator per mode: "
                   "aclnnMaxPool2dWithIndicesBackward, aclnnAvgPool2dBackward"),
        "cambricon": ("mapped", "cnnlPoolingBackward", None),
        "enflame": ("partial", "topsMaxPool2dBackward", "max pooling"),
    },
    "pooling mode: max": _mode_answers("aclnnMaxPool2dWithIndices", "an operator", "CNNL_POOLING_MAX"),
    "pooling mode: average with padding": _mode_answers(
        "aclnnAvgPool2d", "an operator; countIncludePad=true", "CNNL_POOLING_AVERAGE_COUNT_INCLUDE_PADDING"),
    "pooling mode: average without padding": _mode_answers(
        "aclnnAvgPool2d", "an operator; countIncludePad=false", "CNNL_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING"),
    "tensor: add": {
        "ascend": ("partial", "aclnnAdd", "alpha scales the second operand; beta is not an "
                   "argument"),
        "cambricon": ("partial", "cnnlOpTensor", "an add op-tensor"),
    },
    "tensor: elementwise op": {
        "ascend": ("partial", "aclnnMul", "one operator per op: aclnnAdd, aclnnMul, aclnnMaximum"),
        "cambricon": ("mapped", "cnnlOpTensor", None),
    },
    "op-tensor descriptor: create": {
        "cambricon": ("mapped", "cnnlCreateOpTensorDescriptor", None)},
    "op-tensor descriptor: destroy": {
        "cambricon": ("mapped", "cnnlDestroyOpTensorDescriptor", None)},
    "op-tensor descriptor: set": {"cambricon": ("mapped", "cnnlSetOpTensorDescriptor", None)},
    "device-wide sort": {
        "ascend": ("partial", "aclnnSort", "aclnnSort sorts a tensor along one dimension and "
                   "returns values and indices: a key-value sort gathers the values with the "
                   "indices, segments become the rows of a 2-D tensor; CUB's temporary-storage "
                   "query becomes the GetWorkspaceSize phase"),
        "cambricon": ("partial", "cnnlTopKTensor_v3", "no CNNL sort is named in the snapshot: "
                      "a top-k with k equal to the length returns sorted values and indices "
                      "(segments as rows); CUB's temporary-storage query becomes the workspace "
                      "size call"),
        "enflame": ("partial", "topsatenSort", "a TopsATen operator on tensors: values and "
                    "indices, segments as rows"),
    },
    "device-wide reduction": {
        "ascend": ("partial", "aclnnReduceSum", "one aclnn operator per reduction (aclnnReduceSum, "
                   "aclnnAmax, aclnnAmin) on a tensor, in two phases"),
        "cambricon": ("partial", "cnnlReduce", "cnnlReduce with a reduce descriptor naming the "
                      "operation, on tensor descriptors"),
        "enflame": ("partial", "topsatenSum", "sum on tensors; other reductions not named"),
    },
    "device-wide inclusive scan": {
        "ascend": ("partial", "aclnnCumsum", "a cumulative sum along a dimension of a tensor"),
        "cambricon": ("partial", "cnnlCumsum_v2", "a cumulative sum along a dimension, with a "
                      "workspace (cnnlGetCumsumWorkspaceSize)"),
    },
    "device-wide top-k": {
        "ascend": ("partial", "aclnnTopk", "top-k values and indices of a tensor along a dimension"),
        "cambricon": ("partial", "cnnlTopKTensor_v3", "top-k values and indices along a dimension"),
        "enflame": ("partial", "topsatenTopk", "top-k on tensors"),
    },
    "tensor: reduce": {
        "ascend": ("partial", "aclnnReduceSum", "one operator per reduction: aclnnReduceSum, "
                   "aclnnAmax, aclnnMean"),
        "cambricon": ("mapped", "cnnlReduce", None),
        "enflame": ("partial", "topsatenSum", "sum; other reductions not named"),
    },
    "reduce descriptor: create": {"cambricon": ("mapped", "cnnlCreateReduceDescriptor", None)},
    "reduce descriptor: destroy": {"cambricon": ("mapped", "cnnlDestroyReduceDescriptor", None)},
    "tensor: reduce workspace": {
        "cambricon": ("mapped", "cnnlGetReduceOpWorkspaceSize", None)},
    "tensor: transform layout": {
        "ascend": ("partial", "aclnnPermute", "a permutation of dimensions; scaling is separate"),
        "cambricon": ("partial", "cnnlTranspose_v2", "a permutation of dimensions"),
    },
    "dropout: forward": {
        "ascend": ("partial", "aclnnDropout", "takes a probability and a seed, not a dropout "
                   "descriptor with RNG state"),
        "cambricon": ("partial", "cnnlFusedDropout_v2", "takes a generator state, not a dropout "
                      "descriptor"),
        "enflame": ("partial", "topsDropout", None),
    },
    "attention: forward": {
        "ascend": ("partial", "aclnnFlashAttentionScore", "fused scaled-dot-product attention "
                   "on q, k, v tensors; the projections of cudnnMultiHeadAttnForward are "
                   "separate matmuls"),
        "cambricon": ("partial", "cnnlFlashAttentionForward", "fused scaled-dot-product "
                      "attention; the projections are separate matmuls"),
    },
    "attention: backward": {
        "ascend": ("partial", "aclnnFlashAttentionScoreGrad", "the backward of the fused "
                   "attention"),
        "cambricon": ("partial", "cnnlFlashAttentionBackward", "the backward of the fused "
                      "attention"),
    },
    "frontend: tensor": {
        "ascend": ("partial", None, _ACL_TENSOR),
        "cambricon": ("partial", "cnnlTensorDescriptor_t", _CNNL_DESC),
    },
    "frontend: SDPA": {
        "ascend": ("partial", "aclnnFlashAttentionScore", "a fused attention operator called "
                   "directly, not a node of an execution graph"),
        "cambricon": ("partial", "cnnlFlashAttentionForward", "a fused attention operator "
                      "called directly, not a node of an execution graph"),
    },
    "frontend: SDPA backward": {
        "ascend": ("partial", "aclnnFlashAttentionScoreGrad", "called directly, not a graph "
                   "node"),
        "cambricon": ("partial", "cnnlFlashAttentionBackward", "called directly, not a graph "
                      "node"),
    },
    **{f"frontend: data type {name}": _data_type_answers(acl, cnnl)
       for name, acl, cnnl in _DATA_TYPES if name in ("fp32", "fp16", "bf16")},
}
# The library role of each frontend role, for the notes.
# CUB's device-wide primitives (host calls that launch CUB's own kernels): the CUDA universe
# lists no CUB class or member, so the entries carry their kind: (name, kind, role).
_CUB_SORTS = ["cub::DeviceRadixSort", "cub::DeviceSegmentedRadixSort", "cub::DeviceSegmentedSort"]
CUB_NAMES = [(n, "type", "device-wide sort") for n in _CUB_SORTS] + \
    [(f"{n}::{m}", "function", "device-wide sort") for n in _CUB_SORTS
     for m in ("SortPairs", "SortPairsDescending", "SortKeys", "SortKeysDescending")] + [
    ("cub::DeviceReduce", "type", "device-wide reduction"),
    ("cub::DeviceReduce::Sum", "function", "device-wide reduction"),
    ("cub::DeviceReduce::Max", "function", "device-wide reduction"),
    ("cub::DeviceReduce::Min", "function", "device-wide reduction"),
    ("cub::DeviceScan", "type", "device-wide inclusive scan"),
    ("cub::DeviceScan::InclusiveSum", "function", "device-wide inclusive scan"),
    ("cub::DeviceTopK::MaxPairs", "function", "device-wide top-k"),
    ("cub::DeviceTopK::MinPairs", "function", "device-wide top-k"),
]

FRONTEND_NAMES = [
    ("cudnn_frontend::graph::Tensor_attributes", "type", "frontend: tensor"),
    ("cudnn_frontend::graph::SDPA_attributes", "type", "frontend: SDPA"),
    ("cudnn_frontend::graph::SDPA_backward_attributes", "type", "frontend: SDPA backward"),
    ("cudnn_frontend::DataType_t::FLOAT", "enum_value", "frontend: data type fp32"),
    ("cudnn_frontend::DataType_t::HALF", "enum_value", "frontend: data type fp16"),
    ("cudnn_frontend::DataType_t::BFLOAT16", "enum_value", "frontend: data type bf16"),
]

# Kernels. `cuda-kernel` is any CUDA __global__ kernel: it does not run on these accelerators and
# is rewritten in the platform's kernel language. `cuda-kernel:<computation>` is a kernel that
# recognisably
# computes something a public operator computes (analyzer/db/KernelRollUp.cpp recognises it).
# (status, target, note, evidence key, evidence path) for the kernel language; the operator
# targets are checked like the library roles.
KERNEL_LANGUAGES = {
    "ascend": ("Ascend C", "a CUDA kernel does not run on Ascend AI Cores: rewrite it in Ascend C "
               "(CANN's own operators are Ascend C kernels: the op_kernel directories of ops-nn, "
               "ops-math, ops-cv, ops-transformer, shared/upstream/ascend/cann-ops/"
               "op_list_flags.tsv)", "NN", "docs/zh/op_list.md"),
    "cambricon": ("BANG C", "a CUDA kernel does not run on MLU cores: rewrite it in BANG C "
                  "(mlu-ops' MLU Source Ops are BANG C device kernels under kernels/, "
                  "shared/upstream/cambricon/MLU-OPS-OpList.md)", "MLUOPS",
                  "docs/MLU-OPS-OpList.md; kernels/"),
    "enflame": ("TopsCC", "a CUDA kernel does not run on GCU: rewrite it as a topscc kernel "
                "(torch_gcu's user guide, custom C++ op chapter: topscc kernels built with "
                "/opt/tops/bin/topscc)", "TGCU",
                "torch_gcu/manuals/user_guide/content/source/torch_gcu_custom_op.rst"),
}
_OP = "the kernel's name says it computes {what}; {target} computes {what} as a library operator"
KERNEL_ROLES = {
    "softmax": {"ascend": "aclnnSoftmax", "cambricon": "cnnlSoftmaxForward_v2",
                "enflame": "topsatenSoftmaxForward"},
    "softmax backward": {"ascend": "aclnnSoftmaxBackward", "cambricon": "cnnlSoftmaxBackward",
                         "enflame": "topsSoftmaxBackward"},
    "layer norm": {"ascend": "aclnnLayerNorm", "cambricon": "cnnlLayerNormForward",
                   "enflame": "topsatenNativeLayerNorm"},
    "layer norm backward": {"ascend": "aclnnLayerNormBackward",
                            "cambricon": "cnnlLayerNormBackward_v2",
                            "enflame": "topsLayerNormBackward"},
    "RMS norm": {"ascend": "aclnnRmsNorm", "cambricon": "cnnlRmsNormForward",
                 "enflame": "topsvllmRmsNorm"},
    "GELU": {"ascend": "aclnnGelu", "cambricon": "cnnlActivationForward",
             "enflame": "topsatenGelu"},
    "GELU backward": {"ascend": "aclnnGeluBackward", "cambricon": "cnnlActivationBackward"},
    "SiLU": {"ascend": "aclnnSilu", "cambricon": "cnnlActivationForward",
             "enflame": "topsvllmSiluAndMul"},
    "ReLU": {"ascend": "aclnnRelu", "cambricon": "cnnlActivationForward",
             "enflame": "topsRelu"},
    "AdamW": {"ascend": "aclnnApplyAdamW", "enflame": "topsAdamW"},
    "cross-entropy": {"ascend": "aclnnCrossEntropyLoss", "cambricon": "cnnlNlllossForward_v2"},
    "reduction": {"ascend": "aclnnReduceSum", "cambricon": "cnnlReduce", "enflame": "topsatenSum"},
    "norm": {"ascend": "aclnnForeachNorm", "cambricon": "cnnlForeachNorm"},
    "matmul": {"ascend": "aclnnMatmul", "cambricon": "cnnlMatMul_v2",
               "enflame": "topsatenMatmul"},
    "embedding": {"ascend": "aclnnEmbedding", "cambricon": "cnnlEmbeddingForward_v2"},
    "embedding backward": {"ascend": "aclnnEmbeddingDenseBackward",
                           "cambricon": "cnnlEmbeddingBackward"},
    "elementwise add": {"ascend": "aclnnAdd", "cambricon": "cnnlOpTensor"},
    "transpose": {"ascend": "aclnnPermute", "cambricon": "cnnlTranspose_v2"},
    "attention": {"ascend": "aclnnFlashAttentionScore", "cambricon": "cnnlFlashAttentionForward"},
    "attention backward": {"ascend": "aclnnFlashAttentionScoreGrad",
                           "cambricon": "cnnlFlashAttentionBackward"},
    "rotary embedding": {"ascend": "aclnnApplyRotaryPosEmb", "cambricon": "cnnlRotaryEmbedding",
                         "enflame": "topsvllmRotaryEmbedding"},
    "dropout": {"ascend": "aclnnDropout", "cambricon": "cnnlFusedDropout_v2",
                "enflame": "topsDropout"},
    "top-k": {"ascend": "aclnnTopk", "cambricon": "cnnlTopKTensor_v3", "enflame": "topsatenTopk"},
    "data type cast": {"ascend": "aclnnCast", "cambricon": "cnnlCastDataType"},
}
KERNEL_NOTES = {
    "cross-entropy": {"cambricon": "CNNL's NLL loss after a log-softmax: the kernel's fused "
                      "softmax + loss is two operator calls"},
    "norm": {"ascend": "the norm of each tensor of a list", "cambricon": "the norm of each "
             "tensor of a list"},
    "GELU": {"cambricon": "cnnlActivationForward in CNNL_ACTIVATION_GELU mode"},
    "GELU backward": {"cambricon": "cnnlActivationBackward in GELU mode"},
    "SiLU": {"cambricon": "cnnlActivationForward in CNNL_ACTIVATION_SILU mode",
             "enflame": "SiLU(x) * y, the gated form vLLM uses"},
    "ReLU": {"cambricon": "cnnlActivationForward in CNNL_ACTIVATION_RELU mode"},
    "elementwise add": {"cambricon": "cnnlOpTensor with an add op-tensor descriptor"},
}

# Device calls with a BANG C builtin of the same role (listed with the kernel that holds them;
# they take its verdict). BANG builtins work on NRAM vectors: partial.
BANG_BUILTINS = {
    "atomicAdd": "__bang_atomic_add",
    "__float2half_rn": "__bang_float2half_rn",
    "__half2float": "__bang_half2float",
    "__bfloat162float": "__bang_bfloat162float",
    "__float2bfloat16_rn": "__bang_float2bfloat16_rn",
    "sqrtf": "__bang_sqrt",
    "__fsqrt_rn": "__bang_sqrt",
    "__frcp_rn": "__bang_recip",
}
BANG_NOTE = ("a BANG C builtin of the same role; BANG builtins work on vectors in on-chip NRAM "
             "(destination, source, element count), not on one scalar per thread: the kernel is "
             "rewritten around them")
