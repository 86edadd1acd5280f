// The opdb's symbol universe seen through the frontends' SymbolCatalog interface.
#pragma once

#include "core/SymbolCatalog.h"
#include "db/Database.h"

namespace opscope::db {

/// Answers from the symbol universe first, then from any platform entry that carries its own
/// kind and library (overlay-only symbols).
class DatabaseCatalog final : public SymbolCatalog {
 public:
  explicit DatabaseCatalog(const Database& db) : db_(db) {}
  std::optional<Symbol> find(std::string_view name) const override;

 private:
  const Database& db_;
};

}  // namespace opscope::db
