/* opscope CUDA declaration shim, hand-written core of cooperative_groups.h and its sub-headers.
 * Written by the opscope project from the public Cooperative Groups API; not derived from
 * NVIDIA's headers. */
#ifndef OPSCOPE_CORE_COOPERATIVE_GROUPS_H
#define OPSCOPE_CORE_COOPERATIVE_GROUPS_H
#include "device.h"

/* The asm constraint for a generic pointer that code doing its own grid barriers borrows from the
 * toolkit's cooperative groups headers (64-bit pointers: "l"). */
#define _CG_ASM_PTR_CONSTRAINT "l"

#ifdef __cplusplus
namespace cooperative_groups {
class thread_group {
 public:
  __device__ void sync() const;
  __device__ unsigned long long size() const;
  __device__ unsigned long long num_threads() const;
  __device__ unsigned long long thread_rank() const;
  __device__ bool is_valid() const;
};
class thread_block : public thread_group {
 public:
  __device__ dim3 group_index() const;
  __device__ dim3 thread_index() const;
  __device__ dim3 group_dim() const;
  __device__ dim3 dim_threads() const;
};
class grid_group : public thread_group {
 public:
  __device__ void sync() const;
  __device__ unsigned long long block_rank() const;
  __device__ unsigned long long num_blocks() const;
  __device__ dim3 block_index() const;
  __device__ dim3 dim_blocks() const;
  __device__ dim3 group_dim() const;
};
class cluster_group : public thread_group {
 public:
  __device__ unsigned int block_rank() const;
  __device__ unsigned int num_blocks() const;
  __device__ dim3 block_index() const;
  template <class T> __device__ T* map_shared_rank(T* addr, int rank) const;
};
class multi_grid_group : public thread_group {};
class coalesced_group : public thread_group {
 public:
  __device__ unsigned long long meta_group_rank() const;
  __device__ unsigned long long meta_group_size() const;
  template <class T> __device__ T shfl(T var, int srcRank) const;
  template <class T> __device__ T shfl_down(T var, unsigned int delta) const;
  template <class T> __device__ T shfl_up(T var, unsigned int delta) const;
  __device__ int any(int predicate) const;
  __device__ int all(int predicate) const;
  __device__ unsigned int ballot(int predicate) const;
  template <class T> __device__ unsigned int match_any(T val) const;
  template <class T> __device__ unsigned int match_all(T val, int& pred) const;
};
/* A tile of a known size: thread_block_tile<N, Parent> (what tiled_partition<N>(parent) returns)
 * converts to thread_block_tile<N>, its parent-free base, as the toolkit's does. */
template <unsigned int Size, class ParentT = void>
class thread_block_tile;
template <unsigned int Size>
class thread_block_tile<Size, void> : public coalesced_group {
 public:
  template <class T> __device__ T shfl_xor(T var, unsigned int laneMask) const;
  static constexpr unsigned long long num_threads() { return Size; }
  static constexpr unsigned long long size() { return Size; }
  __device__ dim3 group_dim() const;
};
template <unsigned int Size, class ParentT>
class thread_block_tile : public thread_block_tile<Size, void> {};
__device__ thread_block this_thread_block();
/* Shared scratch for tiles larger than a warp (CUDA 12: cg::block_tile_memory<BlockSize>). */
template <unsigned int MaxBlockSize = 1024> struct block_tile_memory {};
template <unsigned int MaxBlockSize> __device__ thread_block this_thread_block(block_tile_memory<MaxBlockSize>& scratch);
__device__ grid_group this_grid();
__device__ multi_grid_group this_multi_grid();
__device__ cluster_group this_cluster();
namespace details {
/* The grid barrier's arrival test, which projects writing their own barriers call. */
__device__ bool bar_has_flipped(unsigned int old_arrive, unsigned int current_arrive);
}  // namespace details
__device__ coalesced_group coalesced_threads();
template <unsigned int Size, class ParentT> __device__ thread_block_tile<Size, ParentT> tiled_partition(const ParentT& parent);
__device__ thread_group this_thread();
template <class Group, class Fn, class... A> __device__ void invoke_one(const Group& g, Fn&& fn, A&&... args);
template <class Group, class Fn, class... A> __device__ auto invoke_one_broadcast(const Group& g, Fn&& fn, A&&... args) -> decltype(fn(args...));
__device__ thread_group tiled_partition(const thread_group& parent, unsigned int tilesz);
__device__ coalesced_group labeled_partition(const coalesced_group& g, int label);
__device__ coalesced_group binary_partition(const coalesced_group& g, bool pred);
template <class Group> __device__ void sync(const Group& g);
template <class T> struct plus { __device__ T operator()(T a, T b) const; };
template <class T> struct less { __device__ T operator()(T a, T b) const; };
template <class T> struct greater { __device__ T operator()(T a, T b) const; };
template <class T> struct bit_and { __device__ T operator()(T a, T b) const; };
template <class T> struct bit_or { __device__ T operator()(T a, T b) const; };
template <class T> struct bit_xor { __device__ T operator()(T a, T b) const; };
template <class Group, class T, class Op> __device__ T reduce(const Group& g, T val, Op op);
template <class Group, class T, class Op> __device__ T inclusive_scan(const Group& g, T val, Op op);
template <class Group, class T> __device__ T inclusive_scan(const Group& g, T val);
template <class Group, class T, class Op> __device__ T exclusive_scan(const Group& g, T val, Op op);
template <class Group, class T> __device__ T exclusive_scan(const Group& g, T val);
template <class Group, class... A> __device__ void memcpy_async(const Group& g, A... args);
/* The shape of a copy memcpy_async takes instead of a byte count. */
template <unsigned long long N> struct aligned_size_t {
  static constexpr unsigned long long align = N;
  __host__ __device__ explicit constexpr aligned_size_t(unsigned long long size) : value(size) {}
  __host__ __device__ constexpr operator unsigned long long() const { return value; }
  unsigned long long value;
};
template <class Group> __device__ void wait(const Group& g);
template <unsigned int N, class Group> __device__ void wait_prior(const Group& g);
namespace details {}
namespace experimental {}
}  // namespace cooperative_groups
#endif
#endif
