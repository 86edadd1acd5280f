# A small training step for the porting-plan test (tests/e2e/PlanTreeTest.cpp).
import torch
import torch.nn as nn

device = torch.device("cuda:0")
model = nn.Linear(16, 4).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(8, 16).to(device)
loss = model(x).sum()
loss.backward()
optimizer.step()
torch.cuda.synchronize()
