/* opscope CUDA declaration shim, hand-written core of NVTX (nvToolsExt.h and nvtx3).
 * Written by the opscope project from the public NVTX API; not derived from NVIDIA's headers. */
#ifndef OPSCOPE_CORE_NVTX_H
#define OPSCOPE_CORE_NVTX_H
/* The library's API decoration macros (empty), defined only when its header is included. */
#define NVTX_API
#include "cudart.h"
#include <stdint.h>

#define NVTX_VERSION 3
#define NVTX_EVENT_ATTRIB_STRUCT_SIZE ((uint16_t)(sizeof(nvtxEventAttributes_t)))
#define NVTX_COLOR_UNKNOWN 0
#define NVTX_COLOR_ARGB 1
#define NVTX_MESSAGE_UNKNOWN 0
#define NVTX_MESSAGE_TYPE_ASCII 1
#define NVTX_MESSAGE_TYPE_UNICODE 2
#define NVTX_MESSAGE_TYPE_REGISTERED 3
#define NVTX_PAYLOAD_UNKNOWN 0
#define NVTX_PAYLOAD_TYPE_UNSIGNED_INT64 1
#define NVTX_PAYLOAD_TYPE_INT64 2
#define NVTX_PAYLOAD_TYPE_DOUBLE 3
#define NVTX_PAYLOAD_TYPE_UNSIGNED_INT32 4
#define NVTX_PAYLOAD_TYPE_INT32 5
#define NVTX_PAYLOAD_TYPE_FLOAT 6

OPSCOPE_EXTERN_C_BEGIN
typedef uint64_t nvtxRangeId_t;
typedef struct nvtxDomainRegistration_st* nvtxDomainHandle_t;
typedef struct nvtxStringRegistration_st* nvtxStringHandle_t;
typedef union nvtxMessageValue_t { const char* ascii; const wchar_t* unicode; nvtxStringHandle_t registered; } nvtxMessageValue_t;
typedef struct nvtxEventAttributes_v2 {
  uint16_t version, size;
  uint32_t category;
  int32_t colorType;
  uint32_t color;
  int32_t payloadType, reserved0;
  union { uint64_t ullValue; int64_t llValue; double dValue; uint32_t uiValue; int32_t iValue; float fValue; } payload;
  int32_t messageType;
  nvtxMessageValue_t message;
} nvtxEventAttributes_t;
void nvtxInitialize(const void* reserved);
void nvtxMarkEx(const nvtxEventAttributes_t* eventAttrib);
void nvtxMarkA(const char* message);
void nvtxMarkW(const wchar_t* message);
nvtxRangeId_t nvtxRangeStartEx(const nvtxEventAttributes_t* eventAttrib);
nvtxRangeId_t nvtxRangeStartA(const char* message);
nvtxRangeId_t nvtxRangeStartW(const wchar_t* message);
void nvtxRangeEnd(nvtxRangeId_t id);
int nvtxRangePushEx(const nvtxEventAttributes_t* eventAttrib);
int nvtxRangePushA(const char* message);
int nvtxRangePushW(const wchar_t* message);
int nvtxRangePop(void);
void nvtxNameCategoryA(uint32_t category, const char* name);
void nvtxNameOsThreadA(uint32_t threadId, const char* name);
void nvtxNameCudaDeviceA(int device, const char* name);
void nvtxNameCudaStreamA(cudaStream_t stream, const char* name);
void nvtxNameCudaEventA(cudaEvent_t event, const char* name);
nvtxDomainHandle_t nvtxDomainCreateA(const char* name);
void nvtxDomainDestroy(nvtxDomainHandle_t domain);
void nvtxDomainMarkEx(nvtxDomainHandle_t domain, const nvtxEventAttributes_t* eventAttrib);
nvtxRangeId_t nvtxDomainRangeStartEx(nvtxDomainHandle_t domain, const nvtxEventAttributes_t* eventAttrib);
void nvtxDomainRangeEnd(nvtxDomainHandle_t domain, nvtxRangeId_t id);
int nvtxDomainRangePushEx(nvtxDomainHandle_t domain, const nvtxEventAttributes_t* eventAttrib);
int nvtxDomainRangePop(nvtxDomainHandle_t domain);
nvtxStringHandle_t nvtxDomainRegisterStringA(nvtxDomainHandle_t domain, const char* string);
OPSCOPE_EXTERN_C_END
/* The generic names nvToolsExt.h maps to the ASCII (or, with UNICODE, wide) functions. */
#ifdef UNICODE
#define nvtxMark nvtxMarkW
#define nvtxRangeStart nvtxRangeStartW
#define nvtxRangePush nvtxRangePushW
#else
#define nvtxMark nvtxMarkA
#define nvtxRangeStart nvtxRangeStartA
#define nvtxRangePush nvtxRangePushA
#endif
#define nvtxNameCategory nvtxNameCategoryA
#define nvtxNameOsThread nvtxNameOsThreadA
#define nvtxNameCudaDevice nvtxNameCudaDeviceA
#define nvtxNameCudaStream nvtxNameCudaStreamA
#define nvtxNameCudaEvent nvtxNameCudaEventA
#define nvtxDomainCreate nvtxDomainCreateA
#define nvtxDomainRegisterString nvtxDomainRegisterStringA

#ifdef __cplusplus
namespace nvtx3 {
inline namespace v1 {
struct domain { struct global {}; template <class D = global> static const domain& get(); };
struct rgb { rgb(uint8_t r, uint8_t g, uint8_t b); };
struct argb { argb(uint8_t a, uint8_t r, uint8_t g, uint8_t b); };
struct color { template <class C> color(C c); };
struct category { explicit category(uint32_t id); };
struct message { template <class... A> message(A&&... args); };
namespace payload_detail {}
struct payload { template <class T> explicit payload(T value); };
class event_attributes { public: template <class... A> explicit event_attributes(A&&... args); };
template <class D = domain::global> class scoped_range_in {
 public:
  template <class... A> explicit scoped_range_in(A&&... args);
  ~scoped_range_in();
};
template <class D = domain::global> class unique_range_in {
 public:
  template <class... A> explicit unique_range_in(A&&... args);
};
using scoped_range = scoped_range_in<domain::global>;
using unique_range = unique_range_in<domain::global>;
struct range_handle { uint64_t get_value() const; };
template <class D = domain::global, class... A> range_handle start_range_in(A&&... args);
template <class D = domain::global> void end_range_in(range_handle r);
template <class... A> range_handle start_range(A&&... args);
void end_range(range_handle r);
template <class D = domain::global, class... A> void mark_in(A&&... args);
template <class... A> void mark(A&&... args);
}  // namespace v1
}  // namespace nvtx3
#define NVTX3_FUNC_RANGE() ::nvtx3::scoped_range const nvtx3_range__ { __func__ }
#define NVTX3_FUNC_RANGE_IN(D) ::nvtx3::scoped_range_in<D> const nvtx3_range__ { __func__ }
#endif
#endif
