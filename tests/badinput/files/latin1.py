import torch
# café crème
name = 'déjà'
torch.cuda.synchronize()
