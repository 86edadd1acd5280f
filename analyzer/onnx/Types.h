// Element-type inference along the graph, so that dtype constraints in the opdb can be checked
// (bf16, the fp8 variants, int64, double ...). Types come from graph inputs, initializers and
// value_info, and flow through nodes by the type rules of common operators.
#pragma once

#include "onnx/ModelInfo.h"

namespace opscope::onnx {

/// Fills NodeInfo::inputTypes and outputTypes of every node (0 where no rule or declaration
/// gives a type). Declared types (value_info, graph outputs) win over inferred ones. Subgraphs
/// see their enclosing graphs' values; If/Loop/Scan outputs take their bodies' output types.
void inferTypes(ModelInfo& model);

}  // namespace opscope::onnx
