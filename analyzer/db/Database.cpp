#include "db/Database.h"

#include <algorithm>

namespace opscope::db {

const Platform* Database::platform(std::string_view id) const {
  auto it = std::find_if(platforms_.begin(), platforms_.end(),
                         [&](const Platform& p) { return p.id == id; });
  return it == platforms_.end() ? nullptr : &*it;
}

const PlatformLevels& Database::levels(std::string_view platform) const {
  static const PlatformLevels kNone;
  auto it = levels_.find(platform);
  return it == levels_.end() ? kNone : it->second;
}

const Product* PlatformLevels::product(std::string_view idOrAlias) const {
  for (const Product& p : products)
    if (p.id == idOrAlias || std::find(p.aliases.begin(), p.aliases.end(), idOrAlias) != p.aliases.end()) return &p;
  return nullptr;
}

const SdkLevels* PlatformLevels::sdk(std::string_view id) const {
  for (const SdkLevels& s : sdks)
    if (s.id == id) return &s;
  return nullptr;
}

const SymbolInfo* Database::symbol(std::string_view name) const {
  auto it = symbols_.find(std::string(name));
  return it == symbols_.end() ? nullptr : &it->second;
}

const std::unordered_map<std::string, Entry>* Database::entries(std::string_view platform) const {
  auto it = entries_.find(std::string(platform));
  return it == entries_.end() ? nullptr : &it->second;
}

const Entry* Database::entry(std::string_view platform, std::string_view symbol) const {
  const auto* table = entries(platform);
  if (!table) return nullptr;
  auto it = table->find(std::string(symbol));
  return it == table->end() ? nullptr : &it->second;
}

const Entry* Database::answering(std::string_view platform, std::string_view symbol) const {
  if (const Entry* e = entry(platform, symbol)) return e;
  const auto* table = entries(platform);
  if (!table) return nullptr;
  // Prefix entries: "torch.*" answers torch.nn.Linear when no entry names it; the longest wins.
  std::string key(symbol);
  for (size_t end = key.size(); end > 0;) {
    size_t dot = key.rfind('.', end - 1), colons = key.rfind("::", end - 1);
    size_t cut = dot == std::string::npos ? colons : colons == std::string::npos ? dot : std::max(dot, colons);
    if (cut == std::string::npos || cut == 0) break;
    auto it = table->find(key.substr(0, cut + (key[cut] == '.' ? 1 : 2)) + "*");
    if (it != table->end()) return &it->second;
    end = cut;
  }
  return nullptr;
}

Coverage Database::lookup(std::string_view platform, std::string_view symbol) const {
  Coverage c;
  const Entry* e = answering(platform, symbol);
  if (!e) return c;  // plain unknown: no layer says anything
  c.status = e->status;
  c.target = e->target;
  c.note = e->note;
  c.source = e->source ? e->source->describe() : std::string();
  c.confidence = e->confidence;
  c.layer = e->layer < layers_.size() ? layers_[e->layer] : std::string();
  return c;
}

std::string Database::categoryOf(const Entry& e) const {
  if (!e.category.empty()) return e.category;
  if (const SymbolInfo* s = symbol(e.symbol); s && !s->category.empty()) return s->category;
  if (!e.fileCategory.empty()) return e.fileCategory;
  return "uncategorized";
}

}  // namespace opscope::db
