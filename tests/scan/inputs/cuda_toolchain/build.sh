#!/bin/sh
# Builds and times the kernel for three block sizes.
SRC=nbody.cu
nvcc -arch=sm_35 -DSHMOO -o nbody $SRC
# CHECK: [[@LINE-1]]:1 nvcc-invocation {nvcc}
# CHECK: [[@LINE-2]]:6 cuda-arch-flags {-arch=sm_35}
export CUDA_VISIBLE_DEVICES=0
for n in 1024 2048 4096; do ./nbody $n; done
