#include "db/Catalog.h"

namespace opscope::db {

std::optional<Symbol> DatabaseCatalog::find(std::string_view name) const {
  if (const SymbolInfo* s = db_.symbol(name)) return Symbol{s->name, s->kind, s->library};
  for (const Platform& p : db_.platforms())
    if (const Entry* e = db_.entry(p.id, name); e && e->kind)
      return Symbol{e->symbol, *e->kind, e->library.empty() ? std::string(libraryFromPrefix(name)) : e->library};
  return std::nullopt;
}

}  // namespace opscope::db
