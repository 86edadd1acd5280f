"""The whole source-side universe the platform importers share: CUDA, ONNX and PyTorch."""

from cuda_symbols import CudaUniverse, hipify_record
from onnx_symbols import OnnxUniverse
from torch_symbols import TorchUniverse


class Universe:
    def __init__(self, upstream):
        self.upstream = upstream
        self.hipify = hipify_record(upstream)
        self.cuda = CudaUniverse(upstream, self.hipify)
        self.onnx = OnnxUniverse(upstream)
        self.torch = TorchUniverse(upstream)

    def outputs(self):
        out = {}
        out.update(self.cuda.outputs())
        out.update(self.onnx.outputs())
        out.update(self.torch.outputs())
        return out
