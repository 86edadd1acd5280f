// Stand-in for PyTorch's torch/extension.h, written for opscope's tests: like the real one it
// includes the C++ frontend's torch/all.h, which this fake SDK lacks (an installation with the
// extension header but not the API directory), so an input including it is scanned lexically
// whether or not a libtorch is installed in the system's directories.
#pragma once
#include <torch/all.h>
