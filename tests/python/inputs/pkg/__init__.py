from .common import F, amp_module
