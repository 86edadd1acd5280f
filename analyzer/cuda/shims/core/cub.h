/* opscope CUDA declaration shim, hand-written core of CUB's public API (device-wide algorithms,
 * block and warp collectives, iterators, utilities).
 * Written by the opscope project from the public CUB documentation so that code using CUB parses
 * with no toolkit installed; not derived from CUB's sources. Shaped for parsing: device-wide
 * algorithms are static templates over their arguments returning cudaError_t. */
#ifndef OPSCOPE_CORE_CUB_H
#define OPSCOPE_CORE_CUB_H
#include "device.h"

#ifdef __cplusplus
#include <cstddef>
#define CUB_VERSION 200300
#define CUB_NAMESPACE_BEGIN namespace cub {
#define CUB_NAMESPACE_END }
#define CUB_RUNTIME_FUNCTION __host__ __device__
#define CUB_MIN(a, b) (((b) < (a)) ? (b) : (a))
#define CUB_MAX(a, b) (((b) > (a)) ? (b) : (a))
#define CUB_QUOTIENT_CEILING(x, y) (((x) + (y) - 1) / (y))
#define CUB_PTX_ARCH 0
#define CUB_PTX_WARP_THREADS 32

namespace cub {
struct DeviceReduce {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Sum(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Min(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Max(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ArgMin(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ArgMax(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Reduce(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ReduceByKey(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t TransformReduce(A&&...);
};
struct DeviceSegmentedReduce {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Sum(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Min(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Max(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ArgMin(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ArgMax(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Reduce(A&&...);
};
struct DeviceScan {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t InclusiveSum(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ExclusiveSum(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t InclusiveScan(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ExclusiveScan(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t InclusiveSumByKey(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ExclusiveSumByKey(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t InclusiveScanByKey(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ExclusiveScanByKey(A&&...);
};
struct DeviceRadixSort {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortKeys(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortKeysDescending(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortPairs(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortPairsDescending(A&&...);
};
struct DeviceSegmentedRadixSort {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortKeys(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortKeysDescending(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortPairs(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortPairsDescending(A&&...);
};
struct DeviceSegmentedSort {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortKeys(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortKeysDescending(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortPairs(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortPairsDescending(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t StableSortKeys(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t StableSortPairs(A&&...);
};
struct DeviceMergeSort {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortKeys(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t SortPairs(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t StableSortKeys(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t StableSortPairs(A&&...);
};
struct DeviceSelect {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t If(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Flagged(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Unique(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t UniqueByKey(A&&...);
};
struct DevicePartition {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t If(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Flagged(A&&...);
};
struct DeviceHistogram {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t HistogramEven(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t HistogramRange(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t MultiHistogramEven(A&&...);
};
struct DeviceRunLengthEncode {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Encode(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t NonTrivialRuns(A&&...);
};
struct DeviceSpmv {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t CsrMV(A&&...);
};
struct DeviceFor {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ForEach(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t ForEachN(A&&...);
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Bulk(A&&...);
};
struct DeviceTransform {
  template <class... A> CUB_RUNTIME_FUNCTION static cudaError_t Transform(A&&...);
};

/* Operators and value types */
struct Sum { template <class T> __host__ __device__ T operator()(const T& a, const T& b) const; };
struct Max { template <class T> __host__ __device__ T operator()(const T& a, const T& b) const; };
struct Min { template <class T> __host__ __device__ T operator()(const T& a, const T& b) const; };
struct ArgMax { template <class T> __host__ __device__ T operator()(const T& a, const T& b) const; };
struct ArgMin { template <class T> __host__ __device__ T operator()(const T& a, const T& b) const; };
struct Equality { template <class T> __host__ __device__ bool operator()(const T& a, const T& b) const; };
struct Inequality { template <class T> __host__ __device__ bool operator()(const T& a, const T& b) const; };
template <class K, class V> struct KeyValuePair {
  K key;
  V value;
  __host__ __device__ KeyValuePair();
  __host__ __device__ KeyValuePair(const K& k, const V& v);
};
template <class T> struct DoubleBuffer {
  T* d_buffers[2];
  int selector;
  __host__ __device__ DoubleBuffer();
  __host__ __device__ DoubleBuffer(T* current, T* alternate);
  __host__ __device__ T* Current();
  __host__ __device__ T* Alternate();
};
struct NullType {};
template <class T> struct Traits { static constexpr bool PRIMITIVE = true; };
template <class T> struct FpLimits { static __host__ __device__ T Max(); static __host__ __device__ T Lowest(); };
template <class T> __host__ __device__ constexpr T DivideAndRoundUp(T n, T d);

/* Cache-modified loads and stores */
enum CacheLoadModifier { LOAD_DEFAULT, LOAD_CA, LOAD_CG, LOAD_CS, LOAD_CV, LOAD_LDG, LOAD_VOLATILE };
enum CacheStoreModifier { STORE_DEFAULT, STORE_WB, STORE_CG, STORE_CS, STORE_WT, STORE_VOLATILE };
template <CacheLoadModifier M, class P> __device__ auto ThreadLoad(P ptr) -> decltype(*ptr);
template <CacheStoreModifier M, class P, class T> __device__ void ThreadStore(P ptr, T value);

/* Iterators */
template <class T, class O = std::ptrdiff_t> struct CountingInputIterator {
  typedef T value_type;
  __host__ __device__ CountingInputIterator(const T& v);
  __host__ __device__ T operator[](O i) const;
  __host__ __device__ T operator*() const;
  __host__ __device__ CountingInputIterator operator+(O n) const;
};
template <class T, class O = std::ptrdiff_t> struct ConstantInputIterator {
  typedef T value_type;
  __host__ __device__ ConstantInputIterator(const T& v, O i = 0);
  __host__ __device__ T operator[](O i) const;
  __host__ __device__ T operator*() const;
};
template <class V, class F, class It, class O = std::ptrdiff_t> struct TransformInputIterator {
  typedef V value_type;
  __host__ __device__ TransformInputIterator(It it, F f);
  __host__ __device__ V operator[](O i) const;
  __host__ __device__ V operator*() const;
  __host__ __device__ TransformInputIterator operator+(O n) const;
};
template <CacheLoadModifier M, class T, class O = std::ptrdiff_t> struct CacheModifiedInputIterator {
  typedef T value_type;
  __host__ __device__ CacheModifiedInputIterator(T* p);
  __host__ __device__ T operator[](O i) const;
  __host__ __device__ T operator*() const;
};
template <class It, class O = std::ptrdiff_t, class V = int> struct ArgIndexInputIterator {
  __host__ __device__ ArgIndexInputIterator(It it);
};
template <class O = std::ptrdiff_t> struct DiscardOutputIterator {
  __host__ __device__ DiscardOutputIterator(O i = 0);
};

/* Block-wide and warp-wide collectives */
enum BlockReduceAlgorithm { BLOCK_REDUCE_RAKING, BLOCK_REDUCE_RAKING_COMMUTATIVE_ONLY, BLOCK_REDUCE_WARP_REDUCTIONS };
enum BlockScanAlgorithm { BLOCK_SCAN_RAKING, BLOCK_SCAN_RAKING_MEMOIZE, BLOCK_SCAN_WARP_SCANS };
enum BlockLoadAlgorithm { BLOCK_LOAD_DIRECT, BLOCK_LOAD_STRIPED, BLOCK_LOAD_VECTORIZE, BLOCK_LOAD_TRANSPOSE, BLOCK_LOAD_WARP_TRANSPOSE };
enum BlockStoreAlgorithm { BLOCK_STORE_DIRECT, BLOCK_STORE_STRIPED, BLOCK_STORE_VECTORIZE, BLOCK_STORE_TRANSPOSE, BLOCK_STORE_WARP_TRANSPOSE };
enum BlockHistogramAlgorithm { BLOCK_HISTO_SORT, BLOCK_HISTO_ATOMIC };
struct opscope_temp_storage { char bytes[1]; };
template <class T, int BlockDimX, BlockReduceAlgorithm A = BLOCK_REDUCE_WARP_REDUCTIONS, int BlockDimY = 1, int BlockDimZ = 1, int Arch = 0>
class BlockReduce {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ BlockReduce();
  __device__ BlockReduce(TempStorage& temp);
  template <class... R> __device__ T Sum(R&&...);
  template <class... R> __device__ T Reduce(R&&...);
};
template <class T, int BlockDimX, BlockScanAlgorithm A = BLOCK_SCAN_RAKING, int BlockDimY = 1, int BlockDimZ = 1, int Arch = 0>
class BlockScan {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ BlockScan();
  __device__ BlockScan(TempStorage& temp);
  template <class... R> __device__ void InclusiveSum(R&&...);
  template <class... R> __device__ void ExclusiveSum(R&&...);
  template <class... R> __device__ void InclusiveScan(R&&...);
  template <class... R> __device__ void ExclusiveScan(R&&...);
};
template <class T, int BlockDimX, int Items, BlockLoadAlgorithm A = BLOCK_LOAD_DIRECT, int BlockDimY = 1, int BlockDimZ = 1, int Arch = 0>
class BlockLoad {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ BlockLoad();
  __device__ BlockLoad(TempStorage& temp);
  template <class... R> __device__ void Load(R&&...);
};
template <class T, int BlockDimX, int Items, BlockStoreAlgorithm A = BLOCK_STORE_DIRECT, int BlockDimY = 1, int BlockDimZ = 1, int Arch = 0>
class BlockStore {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ BlockStore();
  __device__ BlockStore(TempStorage& temp);
  template <class... R> __device__ void Store(R&&...);
};
template <class K, int BlockDimX, int Items, class V = NullType, int RadixBits = 4, bool Memoize = true, BlockScanAlgorithm A = BLOCK_SCAN_WARP_SCANS, cudaSharedMemConfig SMem = cudaSharedMemBankSizeFourByte, int BlockDimY = 1, int BlockDimZ = 1, int Arch = 0>
class BlockRadixSort {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ BlockRadixSort();
  __device__ BlockRadixSort(TempStorage& temp);
  template <class... R> __device__ void Sort(R&&...);
  template <class... R> __device__ void SortDescending(R&&...);
  template <class... R> __device__ void SortBlockedToStriped(R&&...);
};
template <class T, int BlockDimX, int Items, bool WarpTimeSlicing = false, int BlockDimY = 1, int BlockDimZ = 1, int Arch = 0>
class BlockExchange {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ BlockExchange(TempStorage& temp);
  template <class... R> __device__ void StripedToBlocked(R&&...);
  template <class... R> __device__ void BlockedToStriped(R&&...);
};
template <class T, int BlockDimX, int BlockDimY = 1, int BlockDimZ = 1, int Arch = 0>
class BlockDiscontinuity {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ BlockDiscontinuity(TempStorage& temp);
  template <class... R> __device__ void FlagHeads(R&&...);
  template <class... R> __device__ void FlagTails(R&&...);
};
template <class T, int LogicalWarpThreads = 32, int Arch = 0>
class WarpReduce {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ WarpReduce(TempStorage& temp);
  template <class... R> __device__ T Sum(R&&...);
  template <class... R> __device__ T Reduce(R&&...);
  template <class... R> __device__ T HeadSegmentedSum(R&&...);
};
template <class T, int LogicalWarpThreads = 32, int Arch = 0>
class WarpScan {
 public:
  typedef opscope_temp_storage TempStorage;
  __device__ WarpScan(TempStorage& temp);
  template <class... R> __device__ void InclusiveSum(R&&...);
  template <class... R> __device__ void ExclusiveSum(R&&...);
  template <class... R> __device__ void InclusiveScan(R&&...);
  template <class... R> __device__ void ExclusiveScan(R&&...);
};

/* Utilities */
struct CachingDeviceAllocator {
  CachingDeviceAllocator(unsigned bin_growth = 8, unsigned min_bin = 3, unsigned max_bin = 7, size_t max_cached_bytes = 0,
                         bool skip_cleanup = false, bool debug = false);
  cudaError_t DeviceAllocate(void** d_ptr, size_t bytes, cudaStream_t stream = 0);
  cudaError_t DeviceAllocate(int device, void** d_ptr, size_t bytes, cudaStream_t stream = 0);
  cudaError_t DeviceFree(void* d_ptr);
  cudaError_t DeviceFree(int device, void* d_ptr);
  cudaError_t FreeAllCached();
};
__host__ __device__ cudaError_t Debug(cudaError_t error, const char* filename, int line);
__device__ unsigned int LaneId();
__device__ unsigned int WarpId();
template <int Logical = 32> __device__ unsigned int WarpMask(unsigned int warp_id);
__host__ cudaError_t PtxVersion(int& ptx_version);
__host__ cudaError_t SmVersion(int& sm_version, int device = -1);
}  // namespace cub
#define CubDebug(e) cub::Debug((cudaError_t)(e), __FILE__, __LINE__)
#define CubDebugExit(e) if (cub::Debug((cudaError_t)(e), __FILE__, __LINE__)) { exit(1); }
#endif
#endif
