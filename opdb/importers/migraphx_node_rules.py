"""Per-node checks for the limitations in MIGraphX's ONNX operator matrix (dcu_migraphx.py).

Each limitation the matrix states for an operator becomes either a node rule (the check that
tells whether one node hits it, in the grammar of analyzer/onnx/NodeRules.h) or an entry in
UNCHECKED (what about a node would decide it is not visible in the model: a run-time value, a
build option, the equation of an Einsum). Every rule names the phrase of the matrix it encodes;
the importer stops when a phrase is no longer in the matrix, or an operator has a limitation this
table does not handle, so the rules follow the upstream text.

The input indices are those of the ONNX operator's signature (onnx.ai operator docs): Reshape's
shape is input 1, Slice's starts/ends/axes/steps are inputs 1-4, and so on.
"""

REDUCE = ["ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax", "ReduceMean",
          "ReduceMin", "ReduceProd", "ReduceSum", "ReduceSumSquare"]
RNN_ACTIVATIONS = "Affine,ThresholdedRelu,ScaledTanh,HardSigmoid,Softsign,Softplus"

# op -> [(phrase in the matrix's limitation cell, check[, reason])]; the reason is the phrase
# unless one is given (where the phrase alone does not read as a sentence).
RULES = {
    "Cast": [("saturate`` not supported", "attr saturate in 0")],
    "CastLike": [("saturate`` not supported", "attr saturate in 0")],
    "ConstantOfShape": [("dynamic shape is not supported", "input 0 dynamic")],
    "ConvTranspose": [("auto padding`` not supported", "attr auto_pad in SAME_UPPER,SAME_LOWER"),
                      ("output_padding`` math differs", "attr output_padding nonzero")],
    "CumSum": [("dynamic shape is not supported", "input 1 dynamic")],
    "Expand": [("dynamic shape is not supported", "input 1 dynamic")],
    "GridSample": [("5-D inputs` not supported", "input 0 rank >= 5")],
    "GroupNormalization": [("stash_type`` not supported", "attr stash_type not in 1")],
    "LayerNormalization": [("stash_type`` not supported", "attr stash_type not in 1")],
    "GRU": [("optional activation functions are not enabled", f"attr activations in {RNN_ACTIVATIONS}")],
    "LSTM": [("optional activation functions are not enabled", f"attr activations in {RNN_ACTIVATIONS}")],
    "RNN": [("optional activation functions are not enabled", f"attr activations in {RNN_ACTIVATIONS}")],
    "MaxPool": [("storage_order`` not supported", "attr storage_order in 1"),
                ("dilation`` is partially supported", "attr dilations not in 1",
                 "dilation is only partially supported on GPU (MIOpen limitation)"),
                ("indices`` 2nd output not supported", "output 1 used",
                 "the indices (2nd) output is not supported")],
    "Mod": [("int8``, ``int32``", "input 0 dtype in int8,int32",
             "int8 and int32 have an open issue on GPU (ROCm/AMDMIGraphX#2268)")],
    "OneHot": [("dynamic shape is not supported", "input 1 dynamic")],
    "Pad": [("edge``, ``warp`` padding not supported", "attr mode in edge,wrap",
             "edge and wrap padding are not supported"),
            ("pads`` must be constant", "input 1 dynamic")],
    "QLinearMatMul": [("non-scalar inputs are not supported", f"input {k} rank >= 1")
                      for k in (1, 2, 4, 5, 6, 7)],
    "QuantizeLinear": [("saturate`` is not supported", "attr saturate in 0")],
    "Range": [("dynamic shape is not supported", "inputs 0+ dynamic")],
    "Reshape": [("allowzero`` not supported", "attr allowzero in 1"),
                ("dynamic shape is not supported", "input 1 dynamic")],
    "Resize": [("cubic``", "attr mode in cubic", "cubic mode is not supported"),
               ("half_pixel_symmetric``, ``tf_crop_and_resize`` not supported",
                "attr coordinate_transformation_mode in half_pixel_symmetric,tf_crop_and_resize"),
               ("linear`` mode not supported for non-constant inputs",
                "attr mode in linear and inputs 1+ dynamic"),
               ("exclude_outside`` 1 is not supported", "attr exclude_outside in 1"),
               ("antialias``", "attr antialias in 1", "antialias is not supported"),
               ("keep_aspect_ratio_policy`` not supported",
                "attr keep_aspect_ratio_policy in not_larger,not_smaller")],
    "ReverseSequence": [("variable ``sequence_lens`` is not supported", "input 1 dynamic")],
    "Slice": [("variable inputs are not supported", "inputs 1+ dynamic")],
    "Split": [("dynamic shape is not supported", "input 1 dynamic")],
    "Squeeze": [("variable ``axes`` is not supported", "input 1 dynamic")],
    "Unsqueeze": [("variable ``axes`` is not supported", "input 1 dynamic")],
    "Tile": [("dynamic shape is not supported", "input 1 dynamic")],
    "TopK": [("dynamic ``k`` is not supported", "input 1 dynamic"),
             ("sorted`` is not supported", "attr sorted in 0")],
    "Trilu": [("dynamic ``k`` is not supported", "input 1 dynamic")],
    "Unique": [("only ``axis = 0`` is supported", "attr axis not in 0")],
}
for _op in REDUCE:
    RULES[_op] = [("axes`` dynamic shape is not supported", "input 1 dynamic")]

# op -> why the limitation cannot be decided from the model file.
UNCHECKED = {
    "Dropout": "it is converted to Identity, which inference expects",
    "DynamicQuantizeLinear": "its output is uint8 by the ONNX definition; input shapes are not "
                             "always declared",
    "Einsum": "it depends on the equation's diagonals",
    "Identity": "sequence-typed values are not tracked per node",
    "If": "sequence-typed values are not tracked per node",
    "Loop": "the iteration count is a run-time value",
    "Scan": "sequence-typed values are not tracked per node",
    "LpPool": "it is a MIOpen limitation of the GPU build",
    "MatMulInteger": "input shapes are not always declared",
    "NonMaxSuppression": "the output size depends on a MIGraphX option (use_dyn_output)",
    "NonZero": "the output size depends on a MIGraphX option (use_dyn_output)",
    "Where": "input shapes are not always declared",
}


def clean(text):
    return text.replace("``", "").replace("`", "").strip()


def node_rules(op, limitation, require):
    """(rules as 'CHECK | REASON' strings, the unchecked remark or None) for one operator."""
    if not limitation:
        require(op not in RULES and op not in UNCHECKED,
                f"migraphx_node_rules: {op} has rules but the matrix states no limitation")
        return [], None
    require(op in RULES or op in UNCHECKED,
            f"migraphx_node_rules: no rule for {op}'s limitation {limitation!r}")
    rules = []
    for phrase, check, *reason in RULES.get(op, []):
        require(phrase in limitation, f"migraphx_node_rules: {op}: {phrase!r} is no longer in "
                                      f"the matrix's limitation {limitation!r}")
        rules.append(f"{check} | MIGraphX: {reason[0] if reason else clean(phrase)}")
    return rules, UNCHECKED.get(op)
