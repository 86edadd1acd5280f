/* opscope CUDA declaration shim, hand-written core of cuFFTW (the FFTW-compatible interface).
 * Written by the opscope project from the public FFTW interface names; not derived from NVIDIA's
 * headers. */
#ifndef OPSCOPE_CORE_CUFFTW_H
#define OPSCOPE_CORE_CUFFTW_H
#include "cufft.h"

OPSCOPE_EXTERN_C_BEGIN
typedef double fftw_complex[2];
typedef float fftwf_complex[2];
typedef struct fftw_plan_opscope* fftw_plan;
typedef struct fftwf_plan_opscope* fftwf_plan;
typedef struct fftw_iodim_st { int n, is, os; } fftw_iodim;
typedef fftw_iodim fftwf_iodim;
#define FFTW_FORWARD -1
#define FFTW_BACKWARD 1
#define FFTW_ESTIMATE 0x40
#define FFTW_MEASURE 0x00
OPSCOPE_EXTERN_C_END
#endif
