"""PyTorch 0.3-era code that real Ascend ports had to update: torch_npu runs on PyTorch 2.x."""
import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu
import torchvision.transforms as transforms
from torch.autograd import Variable


def train(loader, model, criterion, optimizer, losses):
    for input, target in loader:
        target = target.cuda(async=True)
        # CHECK: [[@LINE-1]]:25 torch.Tensor.cuda torch_api semantic
        # CHECK: [[@LINE-2]]:30 legacy-async-kwarg hazard semantic
        # ADVICE ascend: [[@LINE-3]]:30 legacy-async-kwarg
        # FIX ascend: [[@LINE-4]]         target = target.npu(non_blocking=True)
        # FIX cambricon: [[@LINE-5]]         target = target.mlu(non_blocking=True)
        # FIX enflame: [[@LINE-6]]         target = target.gcu(non_blocking=True)
        # ADVICE cambricon: [[@LINE-7]]:30 legacy-async-kwarg
        # ADVICE enflame: [[@LINE-8]]:30 legacy-async-kwarg
        input_var = torch.autograd.Variable(input)
        # CHECK: [[@LINE-1]]:21 torch.autograd.Variable torch_api semantic
        loss = criterion(model(input_var), target)
        losses.update(loss.data[0], input.size(0))
        # CHECK: [[@LINE-1]]:23 legacy-scalar-index hazard semantic
        # ADVICE ascend: [[@LINE-2]]:23 legacy-scalar-index
        # ADVICE cambricon: [[@LINE-3]]:23 legacy-scalar-index
        # ADVICE enflame: [[@LINE-4]]:23 legacy-scalar-index
        first_row = input.data[1]  # not index 0: a row, not a scalar
        optimizer.zero_grad()
        loss.backward()
        # CHECK: [[@LINE-1]]:14 npu-no-mixed-precision hazard semantic
        # ADVICE ascend: [[@LINE-2]]:14 npu-no-mixed-precision
        optimizer.step()
    return first_row


def validate(loader, model):
    for input, target in loader:
        input_var = Variable(input, volatile=True)
        # CHECK: [[@LINE-1]]:21 torch.autograd.Variable torch_api semantic
        # CHECK: [[@LINE-2]]:37 legacy-volatile hazard semantic
        # ADVICE ascend: [[@LINE-3]]:37 legacy-volatile
        # ADVICE cambricon: [[@LINE-4]]:37 legacy-volatile
        # ADVICE enflame: [[@LINE-5]]:37 legacy-volatile
        target_var = torch.autograd.Variable(target, requires_grad=False)
        # CHECK: [[@LINE-1]]:22 torch.autograd.Variable torch_api semantic
        model(input_var)
    return target_var


train_transform = transforms.Compose([transforms.RandomSizedCrop(224), transforms.ToTensor()])
# CHECK: [[@LINE-1]]:39 legacy-torchvision-transform hazard semantic
# ADVICE ascend: [[@LINE-2]]:39 legacy-torchvision-transform
# FIX ascend: [[@LINE-3]] train_transform = transforms.Compose([transforms.RandomResizedCrop(224), transforms.ToTensor()])
# ADVICE cambricon: [[@LINE-4]]:39 legacy-torchvision-transform
# ADVICE enflame: [[@LINE-5]]:39 legacy-torchvision-transform
# FIX cambricon: [[@LINE-6]] train_transform = transforms.Compose([transforms.RandomResizedCrop(224), transforms.ToTensor()])
# FIX enflame: [[@LINE-7]] train_transform = transforms.Compose([transforms.RandomResizedCrop(224), transforms.ToTensor()])
val_transform = transforms.Compose([transforms.Scale(256), transforms.CenterCrop(224)])
# CHECK: [[@LINE-1]]:37 legacy-torchvision-transform hazard semantic
# ADVICE ascend: [[@LINE-2]]:37 legacy-torchvision-transform
# FIX ascend: [[@LINE-3]] val_transform = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224)])
# ADVICE cambricon: [[@LINE-4]]:37 legacy-torchvision-transform
# ADVICE enflame: [[@LINE-5]]:37 legacy-torchvision-transform
# FIX cambricon: [[@LINE-6]] val_transform = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224)])
# FIX enflame: [[@LINE-7]] val_transform = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224)])
resized = transforms.Resize(256)
