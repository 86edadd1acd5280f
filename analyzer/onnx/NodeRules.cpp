#include "onnx/NodeRules.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "onnx/DataTypes.h"

namespace opscope::onnx {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<std::string> list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',') {
      if (!trim(cur).empty()) out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

std::optional<std::size_t> number(const std::string& s) {
  std::size_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

/// The attribute's value as the rules compare it: the integer, or the string.
std::string shown(const NodeAttribute& a) {
  switch (a.kind) {
    case NodeAttribute::Kind::Int: return std::to_string(a.i);
    case NodeAttribute::Kind::String: return a.s;
    case NodeAttribute::Kind::Float: {
      std::ostringstream o;
      o << a.f;
      return o.str();
    }
    case NodeAttribute::Kind::Ints: {
      std::string s = "[";
      for (std::int64_t v : a.ints) s += (s.size() > 1 ? "," : "") + std::to_string(v);
      return s + "]";
    }
    default: return "(set)";
  }
}

bool given(const NodeInfo& n, std::size_t k) { return k < n.inputs.size() && !n.inputs[k].empty(); }

}  // namespace

namespace {

std::optional<NodeCheck> parseCheck(const std::string& check, std::string& why) {
  NodeCheck r;
  std::vector<std::string> w = words(check);
  auto bad = [&](const char* text) {
    why = text;
    return std::nullopt;
  };
  if (w.size() >= 3 && w[0] == "attr") {
    r.attribute = w[1];
    if (w[2] == "nonzero" && w.size() == 3) {
      r.kind = NodeCheck::Kind::AttrNonzero;
      return r;
    }
    size_t valuesAt = 0;
    if (w[2] == "in") {
      r.kind = NodeCheck::Kind::AttrIn;
      valuesAt = check.find(" in ") + 4;
    } else if (w[2] == "not" && w.size() >= 4 && w[3] == "in") {
      r.kind = NodeCheck::Kind::AttrNotIn;
      valuesAt = check.find(" not in ") + 8;
    } else {
      return bad("expected 'attr NAME in|not in|nonzero'");
    }
    r.values = list(check.substr(valuesAt));
    if (r.values.empty()) return bad("no values");
    return r;
  }
  if (w.size() == 3 && w[0] == "inputs" && w[2] == "dynamic" && w[1].size() > 1 && w[1].back() == '+') {
    auto k = number(w[1].substr(0, w[1].size() - 1));
    if (!k) return bad("bad input index");
    r.kind = NodeCheck::Kind::InputsFromDynamic;
    r.index = *k;
    return r;
  }
  if (w.size() >= 3 && (w[0] == "input" || w[0] == "output")) {
    auto k = number(w[1]);
    if (!k) return bad("bad index");
    r.index = *k;
    if (w[0] == "output" && w.size() == 3 && w[2] == "used") {
      r.kind = NodeCheck::Kind::OutputUsed;
      return r;
    }
    if (w[0] == "input" && w.size() == 3 && w[2] == "dynamic") {
      r.kind = NodeCheck::Kind::InputDynamic;
      return r;
    }
    if (w[0] == "input" && w.size() == 5 && w[2] == "rank" && w[3] == ">=") {
      auto n = number(w[4]);
      if (!n) return bad("bad rank");
      r.kind = NodeCheck::Kind::InputRankAtLeast;
      r.rank = *n;
      return r;
    }
    if (w[0] == "input" && w.size() >= 5 && w[2] == "dtype" && w[3] == "in") {
      r.kind = NodeCheck::Kind::InputDtypeIn;
      r.values = list(check.substr(check.find(" in ") + 4));
      return r;
    }
  }
  return bad("unknown check");
}

/// Whether an attribute's value (or some element of a list) is among `values`, and whether
/// some value is not.
std::pair<bool, bool> listed(const NodeAttribute& a, const std::vector<std::string>& values) {
  auto in = [&](const std::string& v) { return std::find(values.begin(), values.end(), v) != values.end(); };
  std::vector<std::string> elements;
  if (a.kind == NodeAttribute::Kind::Ints)
    for (std::int64_t v : a.ints) elements.push_back(std::to_string(v));
  else if (a.kind == NodeAttribute::Kind::Strings)
    elements = a.strings;
  else
    elements.push_back(shown(a));
  bool some = std::any_of(elements.begin(), elements.end(), in);
  bool someNot = std::any_of(elements.begin(), elements.end(), [&](const std::string& v) { return !in(v); });
  return {some, someNot};
}

std::optional<std::string> checkHit(const NodeCheck& r, const NodeInfo& n, const ConstantFacts& facts) {
  switch (r.kind) {
    case NodeCheck::Kind::AttrIn:
    case NodeCheck::Kind::AttrNotIn: {
      const NodeAttribute* a = n.attribute(r.attribute);
      if (!a) return std::nullopt;
      auto [some, someNot] = listed(*a, r.values);
      if (!(r.kind == NodeCheck::Kind::AttrIn ? some : someNot)) return std::nullopt;
      return "attribute " + r.attribute + " = " + shown(*a);
    }
    case NodeCheck::Kind::AttrNonzero: {
      const NodeAttribute* a = n.attribute(r.attribute);
      if (!a) return std::nullopt;
      bool nonzero = a->kind == NodeAttribute::Kind::Int     ? a->i != 0
                     : a->kind == NodeAttribute::Kind::Float ? a->f != 0
                     : a->kind == NodeAttribute::Kind::Ints
                         ? std::any_of(a->ints.begin(), a->ints.end(), [](std::int64_t v) { return v != 0; })
                         : a->kind != NodeAttribute::Kind::Other;
      if (!nonzero) return std::nullopt;
      return "attribute " + r.attribute + " = " + shown(*a);
    }
    case NodeCheck::Kind::InputDynamic:
      if (!given(n, r.index) || facts.isConstant(n.inputs[r.index])) return std::nullopt;
      return "input " + std::to_string(r.index) + " is computed at run time";
    case NodeCheck::Kind::InputsFromDynamic:
      for (std::size_t k = r.index; k < n.inputs.size(); ++k)
        if (given(n, k) && !facts.isConstant(n.inputs[k]))
          return "input " + std::to_string(k) + " is computed at run time";
      return std::nullopt;
    case NodeCheck::Kind::InputRankAtLeast: {
      if (!given(n, r.index)) return std::nullopt;
      auto rank = facts.rank(n.inputs[r.index]);
      if (!rank || *rank < r.rank) return std::nullopt;
      return "input " + std::to_string(r.index) + " has rank " + std::to_string(*rank);
    }
    case NodeCheck::Kind::InputDtypeIn: {
      if (r.index >= n.inputTypes.size() || n.inputTypes[r.index] == 0) return std::nullopt;
      std::string t = shortDataTypeName(n.inputTypes[r.index]);
      if (std::find(r.values.begin(), r.values.end(), t) == r.values.end()) return std::nullopt;
      return "input " + std::to_string(r.index) + " is " + t;
    }
    case NodeCheck::Kind::OutputUsed:
      if (r.index >= n.outputs.size() || n.outputs[r.index].empty()) return std::nullopt;
      return "output " + std::to_string(r.index) + " is produced";
  }
  return std::nullopt;
}

}  // namespace

std::optional<NodeRule> parseNodeRule(std::string_view text, std::string& error) {
  size_t bar = text.find('|');
  if (bar == std::string_view::npos) {
    error = "node rule '" + std::string(text) + "' lacks '| REASON'";
    return std::nullopt;
  }
  NodeRule r;
  r.text = std::string(text);
  r.reason = trim(text.substr(bar + 1));
  if (r.reason.empty()) {
    error = "node rule '" + std::string(text) + "': empty reason";
    return std::nullopt;
  }
  std::string checks = trim(text.substr(0, bar));
  for (size_t from = 0;;) {
    size_t at = checks.find(" and ", from);
    std::string one = trim(std::string_view(checks).substr(from, at == std::string::npos ? std::string::npos : at - from));
    std::string why;
    std::optional<NodeCheck> c = parseCheck(one, why);
    if (!c) {
      error = "node rule '" + std::string(text) + "': " + why;
      return std::nullopt;
    }
    r.checks.push_back(std::move(*c));
    if (at == std::string::npos) break;
    from = at + 5;
  }
  return r;
}

std::optional<std::string> ruleHit(const NodeRule& rule, const NodeInfo& node, const ConstantFacts& facts) {
  std::string what;
  for (const NodeCheck& c : rule.checks) {
    std::optional<std::string> hit = checkHit(c, node, facts);
    if (!hit) return std::nullopt;
    what += (what.empty() ? "" : " and ") + *hit;
  }
  return what;
}

}  // namespace opscope::onnx
