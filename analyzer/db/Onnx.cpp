// ONNX operator-version queries over the symbol universe and the opsets table.
#include <algorithm>

#include "db/Database.h"

namespace opscope::db {
namespace {

/// "" and "ai.onnx" are the same (default) domain in ONNX models.
std::string_view canonicalDomain(std::string_view domain) { return domain.empty() ? "ai.onnx" : domain; }

}  // namespace

const OpsetDomain* Database::opsetDomain(std::string_view domain) const {
  domain = canonicalDomain(domain);
  for (const OpsetDomain& d : opsetDomains_)
    if (d.domain == domain) return &d;
  return nullptr;
}

std::string Database::onnxSymbol(std::string_view domain, std::string_view opType) const {
  domain = canonicalDomain(domain);
  const OpsetDomain* d = opsetDomain(domain);
  std::string out(d ? std::string_view(d->prefix) : domain);
  out += "::";
  out += opType;
  return out;
}

const SymbolInfo* Database::onnxOperator(std::string_view domain, std::string_view opType) const {
  const SymbolInfo* s = symbol(onnxSymbol(domain, opType));
  return s && s->kind == SymbolKind::OnnxOp && !s->versions.empty() ? s : nullptr;
}

std::optional<int> Database::sinceVersion(std::string_view domain, std::string_view opType, int opset) const {
  const SymbolInfo* s = onnxOperator(domain, opType);
  if (!s) return std::nullopt;
  auto it = std::upper_bound(s->versions.begin(), s->versions.end(), opset);
  if (it == s->versions.begin()) return std::nullopt;  // introduced after `opset`
  return *std::prev(it);
}

const Accelerator* Database::accelerator(std::string_view id) const {
  for (const Accelerator& a : accelerators_)
    if (a.id == id) return &a;
  return nullptr;
}

}  // namespace opscope::db
