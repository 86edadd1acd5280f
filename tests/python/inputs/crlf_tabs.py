import torch
# INSERT ascend: [[@LINE]] import torch_npu
# INSERT cambricon: [[@LINE-1]] import torch_mlu
# INSERT enflame: [[@LINE-2]] import torch_gcu

def run(x):
	if torch.cuda.is_available():
	# FIX ascend: [[@LINE-1]] 	if torch.npu.is_available():
	# FIX cambricon: [[@LINE-2]] 	if torch.mlu.is_available():
	# FIX enflame: [[@LINE-3]] 	if torch.gcu.is_available():
		x = x.cuda()
		# FIX ascend: [[@LINE-1]] 		x = x.npu()
		# FIX cambricon: [[@LINE-2]] 		x = x.mlu()
		# FIX enflame: [[@LINE-3]] 		x = x.gcu()
	return x.to("cuda")
# CHECK: [[@LINE-9]]:5 torch.cuda.is_available torch_api semantic
# CHECK: [[@LINE-6]]:9 torch.Tensor.cuda torch_api semantic
# CHECK: [[@LINE-3]]:14 device:cuda torch_api semantic
	# FIX ascend: [[@LINE-4]] 	return x.to("npu")
	# FIX cambricon: [[@LINE-5]] 	return x.to("mlu")
	# FIX enflame: [[@LINE-6]] 	return x.to("gcu")
