#include "onnx/Opset.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>

namespace opscope::onnx {

std::string canonicalDomain(std::string_view domain) {
  if (domain.empty() || domain == "ai.onnx") return "ai.onnx";
  return std::string(domain);
}

std::string histogramKey(std::string_view domain, std::string_view opType) {
  return canonicalDomain(domain) + ":" + std::string(opType);
}

std::string_view toString(OpKind k) {
  switch (k) {
    case OpKind::Standard: return "standard";
    case OpKind::LocalFunction: return "local_function";
    case OpKind::Custom: return "custom";
    case OpKind::UnknownOp: return "unknown_operator";
    case OpKind::NoTable: return "unresolved";
  }
  return "?";
}

void VersionTable::add(std::string_view domain, std::string_view opType, int sinceVersion) {
  std::vector<int>& v = ops_[canonicalDomain(domain)][std::string(opType)];
  auto it = std::lower_bound(v.begin(), v.end(), sinceVersion);
  if (it == v.end() || *it != sinceVersion) v.insert(it, sinceVersion);
}

void VersionTable::setNewestOpset(std::string_view domain, std::int64_t opset) {
  newest_[canonicalDomain(domain)] = opset;
}

std::optional<int> VersionTable::sinceVersion(std::string_view domain, std::string_view opType,
                                              std::int64_t opset) const {
  auto d = ops_.find(canonicalDomain(domain));
  if (d == ops_.end()) return std::nullopt;
  auto o = d->second.find(opType);
  if (o == d->second.end()) return std::nullopt;
  auto it = std::upper_bound(o->second.begin(), o->second.end(), opset);
  if (it == o->second.begin()) return std::nullopt;
  return *std::prev(it);
}

bool VersionTable::knowsDomain(std::string_view domain) const { return ops_.count(canonicalDomain(domain)) > 0; }

bool VersionTable::knowsOperator(std::string_view domain, std::string_view opType) const {
  auto d = ops_.find(canonicalDomain(domain));
  return d != ops_.end() && d->second.find(opType) != d->second.end();
}

std::optional<std::int64_t> VersionTable::newestOpset(std::string_view domain) const {
  std::string key = canonicalDomain(domain);
  if (auto n = newest_.find(key); n != newest_.end()) return n->second;
  auto d = ops_.find(key);
  if (d == ops_.end()) return std::nullopt;
  int newest = 0;
  for (const auto& [op, versions] : d->second) newest = std::max(newest, versions.back());
  return newest;
}

std::vector<ResolvedOp> resolveOperators(const ModelInfo& model, const OperatorVersions& table,
                                         std::vector<std::string>& notes) {
  std::map<std::string, std::int64_t> modelOpsets;
  for (const OpsetImport& o : model.opsets) modelOpsets[canonicalDomain(o.domain)] = o.version;
  std::vector<std::map<std::string, std::int64_t>> functionOpsets;
  for (const FunctionInfo& f : model.functions) {
    auto& m = functionOpsets.emplace_back();
    for (const OpsetImport& o : f.opsets) m[canonicalDomain(o.domain)] = o.version;
  }
  // Functions are found by (domain, name, overload) as written (not canonicalised).
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> functions;
  for (std::uint32_t i = 0; i < model.functions.size(); ++i) {
    const FunctionInfo& f = model.functions[i];
    functions.emplace(std::make_tuple(f.domain, f.name, f.overload), i);
  }

  std::set<std::string> noted;
  auto note = [&](std::string s) {
    if (noted.insert(s).second) notes.push_back(std::move(s));
  };
  bool haveTable = table.knowsDomain("ai.onnx");
  if (!haveTable) note("no operator-version table is available: since_version is not resolved");

  std::vector<ResolvedOp> out(model.nodes.size());
  for (size_t i = 0; i < model.nodes.size(); ++i) {
    const NodeInfo& n = model.nodes[i];
    ResolvedOp& r = out[i];
    r.domain = canonicalDomain(n.domain);
    r.opType = n.opType;
    const GraphInfo& g = model.graphs[n.graph];
    const auto& scope = g.function ? functionOpsets[*g.function] : modelOpsets;
    if (auto it = scope.find(r.domain); it != scope.end()) r.opset = it->second;
    // A function defined in the model takes precedence over a standard operator of the same name.
    if (auto f = functions.find(std::make_tuple(n.domain, n.opType, n.overload)); f != functions.end()) {
      r.kind = OpKind::LocalFunction;
      r.function = f->second;
      continue;
    }
    if (!haveTable) {
      r.kind = table.knowsDomain(r.domain) || r.domain.rfind("ai.onnx", 0) == 0 ? OpKind::NoTable : OpKind::Custom;
      continue;
    }
    if (!table.knowsDomain(r.domain)) {
      r.kind = OpKind::Custom;
      continue;
    }
    if (r.opset == 0) {
      note("domain " + r.domain + " is used but not in the " + std::string(g.function ? "function's" : "model's") +
           " opset_import");
      r.kind = table.knowsOperator(r.domain, r.opType) ? OpKind::Standard : OpKind::UnknownOp;
      if (r.kind == OpKind::Standard) r.sinceVersion = table.sinceVersion(r.domain, r.opType, INT64_MAX);
      continue;
    }
    if (auto newest = table.newestOpset(r.domain); newest && r.opset > *newest)
      note("opset " + std::to_string(r.opset) + " of " + r.domain + " is newer than the operator-version table (" +
           std::to_string(*newest) + "); operators resolve to their newest known version");
    r.sinceVersion = table.sinceVersion(r.domain, r.opType, r.opset);
    r.kind = r.sinceVersion ? OpKind::Standard : OpKind::UnknownOp;
  }
  return out;
}

}  // namespace opscope::onnx
