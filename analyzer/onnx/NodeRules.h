// Per-node constraints of a converter, as the opdb states them (constraints.node of an ONNX
// entry): each rule is "CHECK | REASON", where CHECK is one of
//   attr NAME in V1,V2,...      the node sets attribute NAME to one of the values
//   attr NAME not in V1,...     the node sets NAME to a value outside the list
//   attr NAME nonzero           the node sets NAME to a non-zero value (any element of a list)
//   input K dynamic             input K is given and not constant at conversion time
//   inputs K+ dynamic           some input at index K or later is given and not constant
//   input K rank >= R           input K's declared rank is at least R
//   input K dtype in T1,...     input K's element type is one of the types (short names)
//   output K used               the node produces output K
// joined by " and " when all must hold. For list attributes, `in` holds when some element is
// listed and `not in` when some element is not. REASON is the converter's documented limitation. A node hits a rule when the check holds.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onnx/Folding.h"
#include "onnx/ModelInfo.h"

namespace opscope::onnx {

/// One check of a rule.
struct NodeCheck {
  enum class Kind { AttrIn, AttrNotIn, AttrNonzero, InputDynamic, InputsFromDynamic, InputRankAtLeast, InputDtypeIn,
                    OutputUsed };
  Kind kind = Kind::AttrIn;
  std::string attribute;
  std::vector<std::string> values;
  std::size_t index = 0;
  std::size_t rank = 0;
};

/// One parsed rule: checks that must all hold, and the limitation they stand for.
struct NodeRule {
  std::vector<NodeCheck> checks;
  std::string reason;  // the documented limitation
  std::string text;    // the rule as written
};

/// Parses "CHECK | REASON"; nullopt with `error` set when the rule is malformed.
std::optional<NodeRule> parseNodeRule(std::string_view rule, std::string& error);

/// When `node` hits `rule`: what about the node does ("attribute mode = cubic"); else nullopt.
std::optional<std::string> ruleHit(const NodeRule& rule, const NodeInfo& node, const ConstantFacts& facts);

}  // namespace opscope::onnx
