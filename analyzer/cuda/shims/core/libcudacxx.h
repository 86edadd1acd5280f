/* opscope CUDA declaration shim, hand-written core of libcu++ (<cuda/...>, <cuda/std/...>), the
 * CUDA C++ standard library the toolkit ships. Written by the opscope project from the public
 * libcu++ and CUDA Programming Guide API (cuda::std mirrors the C++ standard library; thread
 * scopes, cuda::barrier, cuda::pipeline, cuda::memcpy_async, cuda::atomic); not derived from
 * NVIDIA's headers. C++ only. */
#ifndef OPSCOPE_CORE_LIBCUDACXX_H
#define OPSCOPE_CORE_LIBCUDACXX_H
#include "device.h"

#ifdef __cplusplus
#include <array>
#include <atomic>
#include <cassert>
#include <cfloat>
#include <chrono>
#include <climits>
#include <cmath>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <optional>
#include <ratio>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace cuda {
/* cuda::std is the standard library for host and device code alike. */
namespace std {
using namespace ::std;
/* libcu++ has C++20's identity function object in every language mode (a name declared here wins
 * over ::std's in qualified lookup). */
struct identity {
  template <class T> __host__ __device__ constexpr T&& operator()(T&& t) const noexcept { return static_cast<T&&>(t); }
  using is_transparent = void;
};
}  // namespace std

enum thread_scope { thread_scope_system = 0, thread_scope_device = 1, thread_scope_block = 2, thread_scope_thread = 3 };

template <class T, thread_scope Scope = thread_scope_system>
struct atomic : ::std::atomic<T> {
  using ::std::atomic<T>::atomic;
  using ::std::atomic<T>::operator=;
};
template <class T, thread_scope Scope = thread_scope_system>
struct atomic_ref {
  __host__ __device__ explicit atomic_ref(T& ref);
  __host__ __device__ T load(::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ void store(T value, ::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ T fetch_add(T value, ::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ T fetch_sub(T value, ::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ T fetch_min(T value, ::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ T fetch_max(T value, ::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ T exchange(T value, ::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ bool compare_exchange_strong(T& expected, T desired,
                                                   ::std::memory_order order = ::std::memory_order_seq_cst) const;
  __host__ __device__ operator T() const;
};
__host__ __device__ void atomic_thread_fence(::std::memory_order order, thread_scope scope = thread_scope_system);

/* A copy's size with a promised alignment (cuda::aligned_size_t<16>(bytes)). */
template <::std::size_t Alignment>
struct aligned_size_t {
  static constexpr ::std::size_t align = Alignment;
  ::std::size_t value;
  __host__ __device__ explicit constexpr aligned_size_t(::std::size_t size) : value(size) {}
  __host__ __device__ constexpr operator ::std::size_t() const { return value; }
};

/* cuda::barrier: split arrive and wait, with an optional completion function. */
struct opscope_empty_completion {
  __host__ __device__ void operator()() noexcept {}
};
template <thread_scope Scope, class CompletionFunction = opscope_empty_completion>
class barrier {
 public:
  class arrival_token {};
  __host__ __device__ barrier() = default;
  __host__ __device__ explicit barrier(::std::ptrdiff_t expected, CompletionFunction f = CompletionFunction());
  barrier(const barrier&) = delete;
  barrier& operator=(const barrier&) = delete;
  __host__ __device__ arrival_token arrive(::std::ptrdiff_t update = 1);
  __host__ __device__ void wait(arrival_token&& token) const;
  __host__ __device__ bool try_wait(arrival_token&& token) const;
  __host__ __device__ void arrive_and_wait();
  __host__ __device__ void arrive_and_drop();
  __host__ __device__ static constexpr ::std::ptrdiff_t max() noexcept { return 0x7fffffff; }
  template <thread_scope S, class F>
  __host__ __device__ friend void init(barrier<S, F>* bar, ::std::ptrdiff_t expected, F completion);
  template <thread_scope S, class F>
  __host__ __device__ friend void init(barrier<S, F>* bar, ::std::ptrdiff_t expected);
};
template <thread_scope S, class F>
__host__ __device__ void init(barrier<S, F>* bar, ::std::ptrdiff_t expected, F completion);
template <thread_scope S, class F>
__host__ __device__ void init(barrier<S, F>* bar, ::std::ptrdiff_t expected);

/* cuda::pipeline: a multi-stage queue of asynchronous copies. */
enum class pipeline_role { producer, consumer };
template <thread_scope Scope, unsigned char StagesCount>
class pipeline_shared_state {
 public:
  pipeline_shared_state() = default;
  pipeline_shared_state(const pipeline_shared_state&) = delete;
};
template <thread_scope Scope>
class pipeline {
 public:
  __host__ __device__ void producer_acquire();
  __host__ __device__ void producer_commit();
  __host__ __device__ void consumer_wait();
  template <class Rep, class Period>
  __host__ __device__ bool consumer_wait_for(const ::std::chrono::duration<Rep, Period>& duration);
  __host__ __device__ void consumer_release();
  __host__ __device__ bool quit();
};
__host__ __device__ pipeline<thread_scope_thread> make_pipeline();
template <class Group, thread_scope Scope, unsigned char StagesCount>
__host__ __device__ pipeline<Scope> make_pipeline(const Group& group, pipeline_shared_state<Scope, StagesCount>* state);
template <class Group, thread_scope Scope, unsigned char StagesCount>
__host__ __device__ pipeline<Scope> make_pipeline(const Group& group, pipeline_shared_state<Scope, StagesCount>* state,
                                                  ::std::size_t producerCount);
template <class Group, thread_scope Scope, unsigned char StagesCount>
__host__ __device__ pipeline<Scope> make_pipeline(const Group& group, pipeline_shared_state<Scope, StagesCount>* state,
                                                  pipeline_role role);
template <unsigned char Prior>
__host__ __device__ void pipeline_consumer_wait_prior(pipeline<thread_scope_thread>& pipe);
template <thread_scope Scope>
__host__ __device__ void pipeline_producer_commit(pipeline<thread_scope_thread>& pipe, barrier<Scope>& bar);

/* cuda::memcpy_async into a pipeline stage or against a barrier, by one thread or a group. */
template <class Shape, thread_scope Scope>
__host__ __device__ void memcpy_async(void* dst, const void* src, Shape size, pipeline<Scope>& pipe);
template <class Group, class Shape, thread_scope Scope>
__host__ __device__ void memcpy_async(const Group& group, void* dst, const void* src, Shape size, pipeline<Scope>& pipe);
template <class Shape, thread_scope Scope, class F>
__host__ __device__ void memcpy_async(void* dst, const void* src, Shape size, barrier<Scope, F>& bar);
template <class Group, class Shape, thread_scope Scope, class F>
__host__ __device__ void memcpy_async(const Group& group, void* dst, const void* src, Shape size, barrier<Scope, F>& bar);

namespace device {
template <thread_scope Scope, class F>
__device__ unsigned long long* barrier_native_handle(barrier<Scope, F>& bar);
}  // namespace device

/* Hints for the caches: cuda::annotated_ptr and its access properties. */
namespace access_property_detail {}
class access_property {
 public:
  struct shared {};
  struct global {};
  struct persisting {};
  struct streaming {};
  struct normal {};
  __host__ __device__ access_property();
  template <class P> __host__ __device__ access_property(P);
  __host__ __device__ access_property(void* ptr, ::std::size_t hitBytes, ::std::size_t totalBytes, persisting);
};
template <class T, class Property>
class annotated_ptr {
 public:
  __host__ __device__ annotated_ptr();
  __host__ __device__ explicit annotated_ptr(T* p);
  __host__ __device__ annotated_ptr(T* p, Property prop);
  __host__ __device__ T& operator[](::std::ptrdiff_t i) const;
  __host__ __device__ T& operator*() const;
  __host__ __device__ T* operator->() const;
  __host__ __device__ T* get() const;
};
template <class T>
__host__ __device__ void apply_access_property(const volatile T* ptr, ::std::size_t bytes, access_property::persisting);
template <class T>
__host__ __device__ void discard_memory(volatile T* ptr, ::std::size_t bytes);

/* cuda::ceil_div and friends of <cuda/cmath>. */
template <class T, class U>
__host__ __device__ constexpr T ceil_div(T a, U b) { return static_cast<T>((a + b - 1) / b); }
}  // namespace cuda
#endif
#endif
