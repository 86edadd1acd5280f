/* opscope CUDA declaration shim, hand-written core of Thrust's public API (containers, pointers,
 * execution policies, algorithms, iterators, functional objects).
 * Written by the opscope project from the public Thrust documentation so that code using Thrust
 * parses with no toolkit installed; not derived from Thrust's sources. Declarations are shaped for
 * parsing, not for running: vectors iterate with raw pointers, algorithms are templates over their
 * arguments. Internal headers (thrust/detail/...) resolve to this same file. */
#ifndef OPSCOPE_CORE_THRUST_H
#define OPSCOPE_CORE_THRUST_H
#include "cudart.h"

#ifdef __cplusplus
#include <complex>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#define THRUST_VERSION 200300
#define THRUST_MAJOR_VERSION 2
#define THRUST_MINOR_VERSION 3
#define THRUST_DEVICE_SYSTEM_CUDA 1
#define THRUST_HOST_SYSTEM_CPP 1
#define THRUST_DEVICE_SYSTEM THRUST_DEVICE_SYSTEM_CUDA
#define THRUST_HOST_SYSTEM THRUST_HOST_SYSTEM_CPP
#define __thrust_exec_check_disable__
#define THRUST_NAMESPACE_BEGIN namespace thrust {
#define THRUST_NAMESPACE_END }

namespace thrust {
namespace detail {
struct execution_policy_tag {};
template <class P> constexpr bool is_policy = std::is_base_of<execution_policy_tag, std::decay_t<P>>::value;
template <class It> using value_of = typename std::iterator_traits<std::decay_t<It>>::value_type;
}  // namespace detail

/* Execution policies */
template <class Derived> struct execution_policy : detail::execution_policy_tag {
  template <class S> __host__ __device__ Derived on(const S& stream) const;
};
struct device_execution_policy : execution_policy<device_execution_policy> {};
struct host_execution_policy : execution_policy<host_execution_policy> {};
struct sequential_execution_policy : execution_policy<sequential_execution_policy> {};
static constexpr device_execution_policy device{};
static constexpr host_execution_policy host{};
static constexpr sequential_execution_policy seq{};
namespace system {
namespace cuda {
struct par_t : execution_policy<par_t> {};
static constexpr par_t par{};
static constexpr par_t par_nosync{};
}  // namespace cuda
namespace cpp { static constexpr host_execution_policy par{}; }
namespace omp { static constexpr host_execution_policy par{}; }
namespace tbb { static constexpr host_execution_policy par{}; }
class system_error : public std::runtime_error {
 public:
  template <class... A> system_error(A&&...);
};
}  // namespace system
namespace cuda = system::cuda;
namespace cuda_cub = system::cuda;
using system::system_error;

/* Pointers and memory */
/* T& for an element type, nothing for device_ptr<void> (raw device memory, as device_malloc gives). */
template <class T> struct opscope_reference_of { typedef T& type; };
template <> struct opscope_reference_of<void> { typedef void type; };
template <> struct opscope_reference_of<const void> { typedef void type; };
template <class T> class device_reference {
 public:
  __host__ __device__ device_reference(T& v);
  __host__ __device__ operator T() const;
  template <class V> __host__ __device__ device_reference& operator=(const V& v);
};
template <class T> class device_ptr {
 public:
  typedef T value_type;
  typedef std::ptrdiff_t difference_type;
  typedef T* pointer;
  typedef typename opscope_reference_of<T>::type reference;
  typedef std::random_access_iterator_tag iterator_category;
  __host__ __device__ device_ptr();
  __host__ __device__ device_ptr(T* p);
  template <class U> __host__ __device__ device_ptr(const device_ptr<U>& other);
  __host__ __device__ T* get() const;
  __host__ __device__ reference operator*() const;
  __host__ __device__ reference operator[](std::ptrdiff_t i) const;
  __host__ __device__ T* operator->() const;
  __host__ __device__ device_ptr& operator++();
  __host__ __device__ device_ptr operator++(int);
  __host__ __device__ device_ptr& operator--();
  __host__ __device__ device_ptr& operator+=(std::ptrdiff_t n);
  __host__ __device__ device_ptr& operator-=(std::ptrdiff_t n);
  __host__ __device__ device_ptr operator+(std::ptrdiff_t n) const;
  __host__ __device__ device_ptr operator-(std::ptrdiff_t n) const;
  __host__ __device__ std::ptrdiff_t operator-(const device_ptr& other) const;
  __host__ __device__ bool operator==(const device_ptr& other) const;
  __host__ __device__ bool operator!=(const device_ptr& other) const;
  __host__ __device__ bool operator<(const device_ptr& other) const;
  __host__ __device__ explicit operator bool() const;
};
/* thrust/swap.h: any two assignables; unqualified swap of thrust types finds it by ADL. */
template <class A, class B> __host__ __device__ void swap(A& a, B& b);
template <class T> __host__ __device__ T* raw_pointer_cast(T* p);
template <class T> __host__ __device__ T* raw_pointer_cast(const device_ptr<T>& p);
template <class T> __host__ __device__ device_ptr<T> device_pointer_cast(T* p);
template <class T> __host__ __device__ device_ptr<T> device_pointer_cast(const device_ptr<T>& p);
template <class T> device_ptr<T> device_malloc(std::size_t n);
device_ptr<void> device_malloc(std::size_t bytes);
template <class T> void device_free(device_ptr<T> p);
template <class T> device_ptr<T> device_new(std::size_t n = 1);
template <class T> void device_delete(device_ptr<T> p, std::size_t n = 1);
template <class T> struct device_allocator { typedef T value_type; };
template <class T> struct device_malloc_allocator { typedef T value_type; };

/* Containers */
template <class T, class Alloc = void> class device_vector {
 public:
  typedef T value_type;
  typedef T& reference;
  typedef const T& const_reference;
  typedef T* pointer;
  typedef const T* const_pointer;
  typedef T* iterator;
  typedef const T* const_iterator;
  typedef std::reverse_iterator<T*> reverse_iterator;
  typedef std::reverse_iterator<const T*> const_reverse_iterator;
  typedef std::size_t size_type;
  typedef std::ptrdiff_t difference_type;
  device_vector();
  explicit device_vector(size_type n);
  device_vector(size_type n, const T& value);
  device_vector(const device_vector& other);
  device_vector(device_vector&& other);
  template <class U, class A> device_vector(const device_vector<U, A>& other);
  template <class U, class A> device_vector(const std::vector<U, A>& other);
  template <class It, class = std::enable_if_t<!std::is_integral<It>::value>> device_vector(It first, It last);
  device_vector(std::initializer_list<T> values);
  device_vector& operator=(const device_vector& other);
  device_vector& operator=(device_vector&& other);
  template <class V> device_vector& operator=(const V& other);
  size_type size() const;
  size_type capacity() const;
  size_type max_size() const;
  bool empty() const;
  void resize(size_type n);
  void resize(size_type n, const T& value);
  void reserve(size_type n);
  void shrink_to_fit();
  void clear();
  iterator begin();
  const_iterator begin() const;
  const_iterator cbegin() const;
  iterator end();
  const_iterator end() const;
  const_iterator cend() const;
  reverse_iterator rbegin();
  reverse_iterator rend();
  pointer data();
  const_pointer data() const;
  reference operator[](size_type i);
  const_reference operator[](size_type i) const;
  reference front();
  reference back();
  void push_back(const T& v);
  void pop_back();
  iterator erase(iterator pos);
  iterator erase(iterator first, iterator last);
  iterator insert(iterator pos, const T& v);
  template <class It> void insert(iterator pos, It first, It last);
  void assign(size_type n, const T& v);
  template <class It> void assign(It first, It last);
  void swap(device_vector& other);
};
template <class T, class Alloc = void> class host_vector : public device_vector<T, Alloc> {
 public:
  using device_vector<T, Alloc>::device_vector;
  using device_vector<T, Alloc>::operator=;
  host_vector();
  template <class U, class A> host_vector(const device_vector<U, A>& other);
};
template <class T> using universal_vector = device_vector<T>;

/* Tuples and pairs */
using std::get;
using std::make_pair;
using std::make_tuple;
using std::pair;
using std::tie;
using std::tuple;
using std::tuple_element;
using std::tuple_size;

/* Functional objects */
#define OPSCOPE_THRUST_BINARY(name)                                                        \
  template <class T = void> struct name {                                                  \
    typedef T first_argument_type;                                                         \
    typedef T second_argument_type;                                                        \
    typedef T result_type;                                                                 \
    template <class A, class B> __host__ __device__ auto operator()(const A& a, const B& b) const -> decltype(a + b); \
  };
OPSCOPE_THRUST_BINARY(plus)
OPSCOPE_THRUST_BINARY(minus)
OPSCOPE_THRUST_BINARY(multiplies)
OPSCOPE_THRUST_BINARY(divides)
OPSCOPE_THRUST_BINARY(modulus)
OPSCOPE_THRUST_BINARY(maximum)
OPSCOPE_THRUST_BINARY(minimum)
OPSCOPE_THRUST_BINARY(bit_and)
OPSCOPE_THRUST_BINARY(bit_or)
OPSCOPE_THRUST_BINARY(bit_xor)
#undef OPSCOPE_THRUST_BINARY
#define OPSCOPE_THRUST_PREDICATE(name)                                                    \
  template <class T = void> struct name {                                                 \
    template <class A, class B> __host__ __device__ bool operator()(const A& a, const B& b) const; \
  };
OPSCOPE_THRUST_PREDICATE(equal_to)
OPSCOPE_THRUST_PREDICATE(not_equal_to)
OPSCOPE_THRUST_PREDICATE(greater)
OPSCOPE_THRUST_PREDICATE(less)
OPSCOPE_THRUST_PREDICATE(greater_equal)
OPSCOPE_THRUST_PREDICATE(less_equal)
OPSCOPE_THRUST_PREDICATE(logical_and)
OPSCOPE_THRUST_PREDICATE(logical_or)
#undef OPSCOPE_THRUST_PREDICATE
template <class T = void> struct negate { template <class A> __host__ __device__ A operator()(const A& a) const; };
template <class T = void> struct logical_not { template <class A> __host__ __device__ bool operator()(const A& a) const; };
template <class T = void> struct identity { template <class A> __host__ __device__ const A& operator()(const A& a) const; };
template <class T = void, class U = void> struct project1st { template <class A, class B> __host__ __device__ const A& operator()(const A& a, const B&) const; };
template <class T = void, class U = void> struct project2nd { template <class A, class B> __host__ __device__ const B& operator()(const A&, const B& b) const; };
namespace placeholders {
struct placeholder {
  template <class... A> __host__ __device__ placeholder operator()(A&&...) const;
};
template <class T> using not_placeholder = std::enable_if_t<!std::is_same<std::decay_t<T>, placeholder>::value, placeholder>;
#define OPSCOPE_THRUST_PLACEHOLDER_OP(op)                                               \
  template <class T> __host__ __device__ placeholder operator op(placeholder, const T&); \
  template <class T> __host__ __device__ not_placeholder<T> operator op(const T&, placeholder);
OPSCOPE_THRUST_PLACEHOLDER_OP(+)
OPSCOPE_THRUST_PLACEHOLDER_OP(-)
OPSCOPE_THRUST_PLACEHOLDER_OP(*)
OPSCOPE_THRUST_PLACEHOLDER_OP(/)
OPSCOPE_THRUST_PLACEHOLDER_OP(<)
OPSCOPE_THRUST_PLACEHOLDER_OP(>)
OPSCOPE_THRUST_PLACEHOLDER_OP(==)
OPSCOPE_THRUST_PLACEHOLDER_OP(!=)
#undef OPSCOPE_THRUST_PLACEHOLDER_OP
static constexpr placeholder _1{}, _2{}, _3{}, _4{};
}  // namespace placeholders

/* Iterators */
template <class T> struct opscope_iterator {
  typedef T value_type;
  typedef std::ptrdiff_t difference_type;
  typedef T* pointer;
  typedef T reference;
  typedef std::random_access_iterator_tag iterator_category;
  __host__ __device__ T operator*() const;
  __host__ __device__ T operator[](std::ptrdiff_t) const;
  __host__ __device__ opscope_iterator& operator++();
  __host__ __device__ opscope_iterator operator++(int);
  __host__ __device__ opscope_iterator& operator--();
  __host__ __device__ opscope_iterator& operator+=(std::ptrdiff_t);
  __host__ __device__ opscope_iterator operator+(std::ptrdiff_t) const;
  __host__ __device__ opscope_iterator operator-(std::ptrdiff_t) const;
  __host__ __device__ std::ptrdiff_t operator-(const opscope_iterator&) const;
  __host__ __device__ bool operator==(const opscope_iterator&) const;
  __host__ __device__ bool operator!=(const opscope_iterator&) const;
  __host__ __device__ bool operator<(const opscope_iterator&) const;
};
template <class T, class... P> struct counting_iterator : opscope_iterator<T> {
  __host__ __device__ counting_iterator();
  __host__ __device__ counting_iterator(T v);
};
template <class T, class... P> struct constant_iterator : opscope_iterator<T> {
  __host__ __device__ constant_iterator(T v, std::ptrdiff_t i = 0);
};
template <class F, class It, class... P> struct transform_iterator : opscope_iterator<detail::value_of<It>> {
  __host__ __device__ transform_iterator(It it, F f);
};
template <class Tuple> struct zip_iterator : opscope_iterator<Tuple> { __host__ __device__ zip_iterator(Tuple t); };
template <class E, class I> struct permutation_iterator : opscope_iterator<detail::value_of<E>> {
  __host__ __device__ permutation_iterator(E e, I i);
};
template <class It> struct reverse_iterator : opscope_iterator<detail::value_of<It>> { __host__ __device__ reverse_iterator(It it); };
template <class... P> struct discard_iterator : opscope_iterator<int> { __host__ __device__ discard_iterator(std::ptrdiff_t i = 0); };
template <class T> __host__ __device__ counting_iterator<T> make_counting_iterator(T v);
template <class T> __host__ __device__ constant_iterator<T> make_constant_iterator(T v, std::ptrdiff_t i = 0);
template <class It, class F> __host__ __device__ transform_iterator<F, It> make_transform_iterator(It it, F f);
template <class... It> __host__ __device__ zip_iterator<tuple<It...>> make_zip_iterator(tuple<It...> t);
template <class... It> __host__ __device__ zip_iterator<tuple<It...>> make_zip_iterator(It... its);
template <class E, class I> __host__ __device__ permutation_iterator<E, I> make_permutation_iterator(E e, I i);
template <class It> __host__ __device__ reverse_iterator<It> make_reverse_iterator(It it);
__host__ __device__ discard_iterator<> make_discard_iterator(std::ptrdiff_t i = 0);
template <class It> struct iterator_traits : std::iterator_traits<It> {};
template <class It> struct iterator_value { typedef detail::value_of<It> type; };
template <class It> using iterator_value_t = detail::value_of<It>;
template <class It> __host__ __device__ std::ptrdiff_t distance(It first, It last);
template <class It, class D> __host__ __device__ void advance(It& it, D n);

/* Algorithms. Each takes an optional execution policy first; results keep the types code uses. */
#define OPSCOPE_THRUST_VOID(name)                                                          \
  template <class... A> __host__ __device__ void name(A&&... args);
#define OPSCOPE_THRUST_RETURNS_ARG(name, index)                                            \
  template <class... A> __host__ __device__ std::decay_t<std::tuple_element_t<(index), std::tuple<A...>>> name(A&&... args); \
  template <class P, class... A, class = std::enable_if_t<detail::is_policy<P>>>          \
  __host__ __device__ std::decay_t<std::tuple_element_t<(index), std::tuple<A...>>> name(const P& policy, A&&... args);
OPSCOPE_THRUST_VOID(sort)
OPSCOPE_THRUST_VOID(sort_by_key)
OPSCOPE_THRUST_VOID(stable_sort)
OPSCOPE_THRUST_VOID(stable_sort_by_key)
OPSCOPE_THRUST_VOID(fill)
OPSCOPE_THRUST_VOID(sequence)
OPSCOPE_THRUST_VOID(tabulate)
OPSCOPE_THRUST_VOID(generate)
OPSCOPE_THRUST_VOID(replace)
OPSCOPE_THRUST_VOID(replace_if)
OPSCOPE_THRUST_VOID(reverse)
OPSCOPE_THRUST_VOID(uninitialized_fill)
OPSCOPE_THRUST_VOID(swap_ranges)
#undef OPSCOPE_THRUST_VOID
OPSCOPE_THRUST_RETURNS_ARG(for_each, 0)
OPSCOPE_THRUST_RETURNS_ARG(for_each_n, 0)
OPSCOPE_THRUST_RETURNS_ARG(copy, 2)
OPSCOPE_THRUST_RETURNS_ARG(copy_if, 2)
OPSCOPE_THRUST_RETURNS_ARG(copy_n, 2)
OPSCOPE_THRUST_RETURNS_ARG(transform, 2)
OPSCOPE_THRUST_RETURNS_ARG(transform_if, 2)
OPSCOPE_THRUST_RETURNS_ARG(inclusive_scan, 2)
OPSCOPE_THRUST_RETURNS_ARG(exclusive_scan, 2)
OPSCOPE_THRUST_RETURNS_ARG(inclusive_scan_by_key, 3)
OPSCOPE_THRUST_RETURNS_ARG(exclusive_scan_by_key, 3)
OPSCOPE_THRUST_RETURNS_ARG(transform_inclusive_scan, 2)
OPSCOPE_THRUST_RETURNS_ARG(transform_exclusive_scan, 2)
OPSCOPE_THRUST_RETURNS_ARG(adjacent_difference, 2)
OPSCOPE_THRUST_RETURNS_ARG(gather, 3)
OPSCOPE_THRUST_RETURNS_ARG(gather_if, 3)
OPSCOPE_THRUST_RETURNS_ARG(scatter, 3)
OPSCOPE_THRUST_RETURNS_ARG(scatter_if, 3)
OPSCOPE_THRUST_RETURNS_ARG(merge, 4)
OPSCOPE_THRUST_RETURNS_ARG(set_union, 4)
OPSCOPE_THRUST_RETURNS_ARG(set_intersection, 4)
OPSCOPE_THRUST_RETURNS_ARG(set_difference, 4)
OPSCOPE_THRUST_RETURNS_ARG(uninitialized_copy, 2)
OPSCOPE_THRUST_RETURNS_ARG(unique, 0)
OPSCOPE_THRUST_RETURNS_ARG(unique_copy, 2)
OPSCOPE_THRUST_RETURNS_ARG(remove, 0)
OPSCOPE_THRUST_RETURNS_ARG(remove_if, 0)
OPSCOPE_THRUST_RETURNS_ARG(remove_copy_if, 2)
OPSCOPE_THRUST_RETURNS_ARG(partition, 0)
OPSCOPE_THRUST_RETURNS_ARG(stable_partition, 0)
OPSCOPE_THRUST_RETURNS_ARG(find, 0)
OPSCOPE_THRUST_RETURNS_ARG(find_if, 0)
OPSCOPE_THRUST_RETURNS_ARG(find_if_not, 0)
OPSCOPE_THRUST_RETURNS_ARG(min_element, 0)
OPSCOPE_THRUST_RETURNS_ARG(max_element, 0)
OPSCOPE_THRUST_RETURNS_ARG(lower_bound, 0)
OPSCOPE_THRUST_RETURNS_ARG(upper_bound, 0)
OPSCOPE_THRUST_RETURNS_ARG(partition_point, 0)
#undef OPSCOPE_THRUST_RETURNS_ARG
template <class... A> __host__ __device__ pair<int*, int*> minmax_element(A&&... args);
template <class... A> __host__ __device__ pair<int*, int*> reduce_by_key(A&&... args);
template <class... A> __host__ __device__ pair<int*, int*> unique_by_key(A&&... args);
template <class... A> __host__ __device__ pair<int*, int*> unique_by_key_copy(A&&... args);
template <class... A> __host__ __device__ pair<int*, int*> mismatch(A&&... args);
template <class... A> __host__ __device__ std::ptrdiff_t count(A&&... args);
template <class... A> __host__ __device__ std::ptrdiff_t count_if(A&&... args);
template <class... A> __host__ __device__ bool equal(A&&... args);
template <class... A> __host__ __device__ bool all_of(A&&... args);
template <class... A> __host__ __device__ bool any_of(A&&... args);
template <class... A> __host__ __device__ bool none_of(A&&... args);
template <class... A> __host__ __device__ bool is_sorted(A&&... args);
template <class... A> __host__ __device__ bool binary_search(A&&... args);
/* reduce returns the init value's type, else the element type */
template <class It> __host__ __device__ detail::value_of<It> reduce(It first, It last);
template <class It, class T, class... Op> __host__ __device__ T reduce(It first, It last, T init, Op... op);
template <class P, class It, class = std::enable_if_t<detail::is_policy<P>>> __host__ __device__ detail::value_of<It> reduce(const P& policy, It first, It last);
template <class P, class It, class T, class... Op, class = std::enable_if_t<detail::is_policy<P>>> __host__ __device__ T reduce(const P& policy, It first, It last, T init, Op... op);
template <class It, class U, class T, class B> __host__ __device__ T transform_reduce(It first, It last, U unary, T init, B binary);
template <class P, class It, class U, class T, class B, class = std::enable_if_t<detail::is_policy<P>>> __host__ __device__ T transform_reduce(const P& policy, It first, It last, U unary, T init, B binary);
template <class It1, class It2, class T, class... Op> __host__ __device__ T inner_product(It1 first1, It1 last1, It2 first2, T init, Op... op);
template <class P, class It1, class It2, class T, class... Op, class = std::enable_if_t<detail::is_policy<P>>> __host__ __device__ T inner_product(const P& policy, It1 first1, It1 last1, It2 first2, T init, Op... op);

/* Random numbers (thrust/random.h) */
namespace random {
class default_random_engine {
 public:
  typedef unsigned int result_type;
  __host__ __device__ explicit default_random_engine(unsigned int seed = 1);
  __host__ __device__ void discard(unsigned long long z);
  __host__ __device__ result_type operator()();
};
typedef default_random_engine minstd_rand;
typedef default_random_engine taus88;
template <class T = float> class uniform_real_distribution {
 public:
  __host__ __device__ uniform_real_distribution(T a = 0, T b = 1);
  template <class E> __host__ __device__ T operator()(E& engine);
};
template <class T = int> class uniform_int_distribution {
 public:
  __host__ __device__ uniform_int_distribution(T a = 0, T b = 0);
  template <class E> __host__ __device__ T operator()(E& engine);
};
template <class T = float> class normal_distribution {
 public:
  __host__ __device__ normal_distribution(T mean = 0, T stddev = 1);
  template <class E> __host__ __device__ T operator()(E& engine);
};
}  // namespace random
/* thrust/random.h also names the engines and distributions in namespace thrust. */
using random::default_random_engine;
using random::minstd_rand;
using random::taus88;
using random::uniform_real_distribution;
using random::uniform_int_distribution;
using random::normal_distribution;

/* Complex numbers (thrust/complex.h): the type, its conversions from std::complex, and the
 * functions of <complex> over it. */
template <class T> struct complex {
  typedef T value_type;
  __host__ __device__ complex(const T& re = T(), const T& im = T());
  template <class U> __host__ __device__ complex(const complex<U>& other);
  template <class U> __host__ complex(const ::std::complex<U>& other);
  template <class U> __host__ operator ::std::complex<U>() const;
  __host__ __device__ T real() const;
  __host__ __device__ T imag() const;
  __host__ __device__ void real(T re);
  __host__ __device__ void imag(T im);
  template <class U> __host__ __device__ complex& operator=(const complex<U>& z);
  template <class U> __host__ __device__ complex& operator+=(const complex<U>& z);
  template <class U> __host__ __device__ complex& operator-=(const complex<U>& z);
  template <class U> __host__ __device__ complex& operator*=(const complex<U>& z);
  template <class U> __host__ __device__ complex& operator/=(const complex<U>& z);
  template <class U> __host__ __device__ complex& operator+=(const U& x);
  template <class U> __host__ __device__ complex& operator-=(const U& x);
  template <class U> __host__ __device__ complex& operator*=(const U& x);
  template <class U> __host__ __device__ complex& operator/=(const U& x);
};
template <class T> __host__ __device__ T abs(const complex<T>& z);
template <class T> __host__ __device__ T arg(const complex<T>& z);
template <class T> __host__ __device__ T norm(const complex<T>& z);
template <class T> __host__ __device__ complex<T> conj(const complex<T>& z);
template <class T> __host__ __device__ complex<T> proj(const complex<T>& z);
template <class T0, class T1> __host__ __device__ complex<T0> polar(const T0& m, const T1& theta = T1());
#define OPSCOPE_THRUST_COMPLEX_FN(name) \
  template <class T> __host__ __device__ complex<T> name(const complex<T>& z);
OPSCOPE_THRUST_COMPLEX_FN(exp) OPSCOPE_THRUST_COMPLEX_FN(log) OPSCOPE_THRUST_COMPLEX_FN(log10)
OPSCOPE_THRUST_COMPLEX_FN(sqrt) OPSCOPE_THRUST_COMPLEX_FN(sin) OPSCOPE_THRUST_COMPLEX_FN(cos)
OPSCOPE_THRUST_COMPLEX_FN(tan) OPSCOPE_THRUST_COMPLEX_FN(asin) OPSCOPE_THRUST_COMPLEX_FN(acos)
OPSCOPE_THRUST_COMPLEX_FN(atan) OPSCOPE_THRUST_COMPLEX_FN(sinh) OPSCOPE_THRUST_COMPLEX_FN(cosh)
OPSCOPE_THRUST_COMPLEX_FN(tanh) OPSCOPE_THRUST_COMPLEX_FN(asinh) OPSCOPE_THRUST_COMPLEX_FN(acosh)
OPSCOPE_THRUST_COMPLEX_FN(atanh)
#undef OPSCOPE_THRUST_COMPLEX_FN
template <class T0, class T1> __host__ __device__ complex<T0> pow(const complex<T0>& x, const complex<T1>& y);
template <class T0, class T1> __host__ __device__ complex<T0> pow(const complex<T0>& x, const T1& y);
template <class T0, class T1> __host__ __device__ complex<T1> pow(const T0& x, const complex<T1>& y);
template <class T> __host__ __device__ complex<T> operator+(const complex<T>& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator-(const complex<T>& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator*(const complex<T>& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator/(const complex<T>& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator+(const complex<T>& a, const T& b);
template <class T> __host__ __device__ complex<T> operator-(const complex<T>& a, const T& b);
template <class T> __host__ __device__ complex<T> operator*(const complex<T>& a, const T& b);
template <class T> __host__ __device__ complex<T> operator/(const complex<T>& a, const T& b);
template <class T> __host__ __device__ complex<T> operator+(const T& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator-(const T& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator*(const T& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator/(const T& a, const complex<T>& b);
template <class T> __host__ __device__ complex<T> operator-(const complex<T>& a);
template <class T> __host__ __device__ complex<T> operator+(const complex<T>& a);
template <class T> __host__ __device__ bool operator==(const complex<T>& a, const complex<T>& b);
template <class T> __host__ __device__ bool operator!=(const complex<T>& a, const complex<T>& b);
}  // namespace thrust
#endif
#endif
