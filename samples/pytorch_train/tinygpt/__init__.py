"""tinygpt: a small decoder-only language model."""
from .data import TokenDataset, make_loader
from .dist import cleanup, setup_distributed
from .model import GPT, GPTConfig

__all__ = ["GPT", "GPTConfig", "TokenDataset", "make_loader", "setup_distributed", "cleanup"]
