// A stand-in for pybind11's module definition API, written for the opscope tests. Not pybind11's code.
#pragma once
namespace pybind11 {
class module_ {
 public:
  template <class F, class... Extra> module_& def(const char* name, F&& f, const Extra&... extra);
};
}  // namespace pybind11
#define PYBIND11_MODULE(name, variable) void pybind11_init_##name(pybind11::module_& variable)
