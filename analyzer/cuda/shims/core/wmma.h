/* opscope CUDA declaration shim, hand-written core of mma.h: the warp matrix (WMMA) API in
 * namespace nvcuda::wmma. Written by the opscope project from the public WMMA API; not derived
 * from NVIDIA's headers. */
#ifndef OPSCOPE_CORE_WMMA_H
#define OPSCOPE_CORE_WMMA_H
#include "fp16.h"
#include "bf16.h"

#ifdef __cplusplus
namespace nvcuda {
namespace wmma {
struct row_major;
struct col_major;
struct matrix_a;
struct matrix_b;
struct accumulator;
namespace precision {
struct tf32;
struct s4;
struct u4;
struct b1;
}  // namespace precision
namespace experimental {
namespace precision {
struct s4;
struct u4;
struct b1;
}  // namespace precision
enum bmmaBitOp { bmmaBitOpXOR = 1, bmmaBitOpAND = 2 };
enum bmmaAccumulateOp { bmmaAccumulateOpPOPC = 1 };
}  // namespace experimental
enum layout_t { mem_row_major, mem_col_major };
template <class T, int size, class Storage = T> struct __frag_base {
  Storage x[size];
  enum { num_elements = size };
  typedef T element_type;
  typedef Storage storage_element_type;
};
template <class Use, int m, int n, int k, class T, class Layout = void>
struct fragment : public __frag_base<T, 8> {};
template <class Use, int m, int n, int k, class T, class Layout, class V>
__device__ void fill_fragment(fragment<Use, m, n, k, T, Layout>& f, const V& v);
template <class Use, int m, int n, int k, class T, class Layout, class P>
__device__ void load_matrix_sync(fragment<Use, m, n, k, T, Layout>& a, const P* p, unsigned ldm);
template <class Use, int m, int n, int k, class T, class Layout, class P>
__device__ void load_matrix_sync(fragment<Use, m, n, k, T, Layout>& a, const P* p, unsigned ldm, layout_t layout);
template <class P, int m, int n, int k, class T>
__device__ void store_matrix_sync(P* p, const fragment<accumulator, m, n, k, T>& a, unsigned ldm, layout_t layout);
template <class... Fragments> __device__ void mma_sync(Fragments&... fragments);
template <class... Fragments> __device__ void bmma_sync(Fragments&... fragments);
__device__ float __float_to_tf32(float in);
}  // namespace wmma
}  // namespace nvcuda
#endif
#endif
