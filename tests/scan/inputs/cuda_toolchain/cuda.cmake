# Locates the toolkit for projects that still use FindCUDA.
find_package(CUDA 11.0 REQUIRED)
# CHECK: [[@LINE-1]]:1 cuda-toolkit-lookup {find_package(CUDA}
cuda_add_library(kernels kernels.cu)
# CHECK: [[@LINE-1]]:1 cuda-language {cuda_add_library}
list(APPEND CUDA_NVCC_FLAGS -Xptxas -v)
# CHECK: [[@LINE-1]]:29 nvcc-only-flags {-Xptxas}
target_link_libraries(kernels ${CUDA_LIBRARIES} ${CUDA_CUBLAS_LIBRARIES})
# CHECK: [[@LINE-1]]:33 cuda-libraries {CUDA_LIBRARIES}
if(CUDA_VERSION VERSION_LESS 11.8)
# CHECK: [[@LINE-1]]:4 cuda-version-check {CUDA_VERSION}
  message(WARNING "Hopper kernels need CUDA 11.8")
endif()
