// The compiled form of a Database (Binary.h). Writer and reader walk the tables in the same
// order; `Codec` keeps that order in one place for both directions.
#include "db/Binary.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace opscope::db {

namespace {
/// The items of a hash map in key order.
template <typename Map>
std::vector<const typename Map::value_type*> sortedItems(const Map& m) {
  std::vector<const typename Map::value_type*> out;
  out.reserve(m.size());
  for (const auto& item : m) out.push_back(&item);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  return out;
}
}  // namespace

/// Serialises a Database: strings are pooled, so the many repeated notes and ids cost once.
class BinaryWriter {
 public:
  std::string finish(const Database& db) {
    std::string body;
    out_ = &body;
    u32(static_cast<std::uint32_t>(db.layers_.empty() ? 0 : 1));
    if (!db.layers_.empty()) str(db.layers_.front());
    str(db.version_);
    u32(static_cast<std::uint32_t>(db.platforms_.size()));
    for (const Platform& p : db.platforms_) {
      str(p.id);
      str(p.name);
      str(p.stack);
      const PlatformLevels& levels = db.levels(p.id);
      u32(static_cast<std::uint32_t>(levels.products.size()));
      for (const Product& product : levels.products) {
        str(product.id);
        str(product.name);
        strs(product.aliases);
      }
      u32(static_cast<std::uint32_t>(levels.sdks.size()));
      for (const SdkLevels& sdk : levels.sdks) {
        str(sdk.id);
        str(sdk.own);
        strs(sdk.versions);
      }
    }
    // Tables keyed by name are written in name order, so the same database compiles to the
    // same bytes.
    u32(static_cast<std::uint32_t>(db.symbols_.size()));
    for (const auto* item : sortedItems(db.symbols_)) {
      const SymbolInfo& s = item->second;
      str(s.name);
      u32(static_cast<std::uint32_t>(s.kind));
      for (const std::string* f : {&s.library, &s.category, &s.header, &s.added, &s.deprecated, &s.removed, &s.signature})
        str(*f);
      u32(static_cast<std::uint32_t>(s.dispatch.size()));
      for (const std::string& d : s.dispatch) str(d);
      ints(s.versions);
      ints(s.deprecatedVersions);
      prov(s.source);
    }
    u32(static_cast<std::uint32_t>(db.entries_.size()));
    for (const auto* item : sortedItems(db.entries_)) {
      const auto& [platform, table] = *item;
      str(platform);
      u32(static_cast<std::uint32_t>(table.size()));
      for (const auto* entryItem : sortedItems(table)) {
        const Entry& e = entryItem->second;
        str(e.symbol);
        u32(static_cast<std::uint32_t>(e.status));
        u32(static_cast<std::uint32_t>(e.confidence));
        u32(e.kind ? static_cast<std::uint32_t>(*e.kind) : kNone);
        for (const std::string* f : {&e.target, &e.note, &e.category, &e.effort, &e.fileCategory, &e.library,
                                     &e.constraints.sdk, &e.file})
          str(*f);
        u32(static_cast<std::uint32_t>(e.constraints.dtypes.size()));
        for (const std::string& d : e.constraints.dtypes) str(d);
        u32(static_cast<std::uint32_t>(e.constraints.node.size()));
        for (const std::string& d : e.constraints.node) str(d);
        strs(e.constraints.products);
        strs(e.constraints.unsupportedOn);
        strs(e.constraints.cpuFallbackOn);
        u32(e.constraints.opsetMin ? static_cast<std::uint32_t>(*e.constraints.opsetMin) : kNone);
        u32(e.constraints.opsetMax ? static_cast<std::uint32_t>(*e.constraints.opsetMax) : kNone);
        u32(e.line);
        prov(e.source);
      }
    }
    u32(static_cast<std::uint32_t>(db.opsetDomains_.size()));
    for (const OpsetDomain& d : db.opsetDomains_) {
      str(d.domain);
      str(d.prefix);
      u32(static_cast<std::uint32_t>(d.maxOpset));
      prov(d.source);
    }
    u32(static_cast<std::uint32_t>(db.releases_.size()));
    for (const OnnxRelease& r : db.releases_) {
      str(r.release);
      u32(static_cast<std::uint32_t>(r.irVersion));
      u32(static_cast<std::uint32_t>(r.opsets.size()));
      for (const auto& [domain, opset] : r.opsets) {
        str(domain);
        u32(static_cast<std::uint32_t>(opset));
      }
      prov(r.source);
    }
    u32(static_cast<std::uint32_t>(db.accelerators_.size()));
    for (const Accelerator& a : db.accelerators_) {
      for (const std::string* f : {&a.id, &a.name, &a.vendor, &a.platform, &a.form, &a.file}) str(*f);
      u32(a.line);
      u32(static_cast<std::uint32_t>(a.figures.size()));
      for (const auto& [key, f] : a.figures) {
        str(key);
        figure(f);
      }
      u32(static_cast<std::uint32_t>(a.dtypes.size()));
      for (const auto& [key, d] : a.dtypes) {
        str(key);
        u32(d.supported ? (*d.supported ? 1u : 0u) : kNone);
        figure(d.peak);
      }
    }
    // Provenance records last: entries refer to them by index.
    std::string provs;
    out_ = &provs;
    u32(static_cast<std::uint32_t>(provenance_.size()));
    for (const Provenance* p : provenance_)
      for (const std::string* f : {&p->id, &p->title, &p->repository, &p->commit, &p->url, &p->path, &p->date, &p->license})
        str(*f);

    std::string blob = "OPDB";
    out_ = &blob;
    u32(kBinaryVersion);
    u32(static_cast<std::uint32_t>(pool_.size()));
    blob += pool_;
    u32(static_cast<std::uint32_t>(provs.size()));
    blob += provs;
    blob += body;
    return blob;
  }

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

 private:
  void u32(std::uint32_t v) {
    char b[4] = {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF), static_cast<char>((v >> 16) & 0xFF),
                 static_cast<char>((v >> 24) & 0xFF)};
    out_->append(b, 4);
  }
  void str(const std::string& s) {
    auto [it, added] = offsets_.try_emplace(s, static_cast<std::uint32_t>(pool_.size()));
    if (added) pool_ += s;
    u32(it->second);
    u32(static_cast<std::uint32_t>(s.size()));
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const std::string& x : v) str(x);
  }
  void ints(const std::vector<int>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (int i : v) u32(static_cast<std::uint32_t>(i));
  }
  void prov(const std::shared_ptr<const Provenance>& p) {
    if (!p) return u32(kNone);
    auto [it, added] = provIndex_.try_emplace(p.get(), static_cast<std::uint32_t>(provenance_.size()));
    if (added) provenance_.push_back(p.get());
    u32(it->second);
  }
  void num(const std::optional<double>& d) {
    u32(d ? 1 : 0);
    std::uint64_t bits = 0;
    if (d) std::memcpy(&bits, &*d, sizeof bits);
    u32(static_cast<std::uint32_t>(bits));
    u32(static_cast<std::uint32_t>(bits >> 32));
  }
  void figure(const Figure& f) {
    num(f.min);
    num(f.max);
    str(f.text);
    str(f.note);
    prov(f.source);
  }

  std::string* out_ = nullptr;
  std::string pool_;
  std::unordered_map<std::string, std::uint32_t> offsets_;
  std::unordered_map<const Provenance*, std::uint32_t> provIndex_;
  std::vector<const Provenance*> provenance_;
};

/// Reads the compiled form; every read is bounds-checked, so a damaged blob is an error, never
/// a crash.
class BinaryReader {
 public:
  BinaryReader(std::string_view blob, KindMask kinds) : blob_(blob), kinds_(kinds) {}

  bool read(Database& db, std::string& error) {
    if (blob_.substr(0, 4) != "OPDB") return fail(error, "not a compiled opdb (bad magic)");
    pos_ = 4;
    std::uint32_t version = u32();
    if (ok_ && version != kBinaryVersion)
      return fail(error, "compiled opdb version " + std::to_string(version) + ", expected " + std::to_string(kBinaryVersion));
    std::uint32_t poolSize = u32();
    if (!ok_ || poolSize > blob_.size() - pos_) return fail(error, "truncated string pool");
    pool_ = blob_.substr(pos_, poolSize);
    pos_ += poolSize;
    std::uint32_t provBytes = u32();
    size_t bodyStart = pos_ + provBytes;
    std::uint32_t nProv = count(8 * 8);
    provenance_.reserve(nProv);
    for (std::uint32_t i = 0; i < nProv && ok_; ++i) {
      auto p = std::make_shared<Provenance>();
      for (std::string* f : {&p->id, &p->title, &p->repository, &p->commit, &p->url, &p->path, &p->date, &p->license})
        *f = str();
      provenance_.push_back(std::move(p));
    }
    if (ok_ && pos_ != bodyStart) return fail(error, "provenance table has the wrong size");

    if (u32() == 1) db.layers_.push_back(str());
    db.version_ = str();
    for (std::uint32_t n = count(24); n-- && ok_;) {
      Platform p;
      p.id = str();
      p.name = str();
      p.stack = str();
      PlatformLevels& levels = db.levels_[p.id];
      for (std::uint32_t k = count(12); k-- && ok_;) {
        Product product;
        product.id = str();
        product.name = str();
        product.aliases = strs();
        levels.products.push_back(std::move(product));
      }
      for (std::uint32_t k = count(12); k-- && ok_;) {
        SdkLevels sdk;
        sdk.id = str();
        sdk.own = str();
        sdk.versions = strs();
        levels.sdks.push_back(std::move(sdk));
      }
      db.platforms_.push_back(std::move(p));
    }
    std::uint32_t nSymbols = count(80);
    db.symbols_.reserve(nSymbols);
    // Names of the symbols kept (views into the pool), so that entries of skipped kinds are
    // skipped too without a string being made of them.
    std::unordered_set<std::string_view> kept;
    for (std::uint32_t n = nSymbols; n-- && ok_;) {
      SymbolInfo s;
      std::string_view name = view();
      s.kind = static_cast<SymbolKind>(u32());
      skip_ = !wanted(s.kind);
      if (!skip_) {
        kept.insert(name);
        s.name = std::string(name);
      }
      for (std::string* f : {&s.library, &s.category, &s.header, &s.added, &s.deprecated, &s.removed, &s.signature})
        *f = str();
      for (std::uint32_t d = count(8); d-- && ok_;) s.dispatch.push_back(str());
      s.versions = ints();
      s.deprecatedVersions = ints();
      s.source = prov();
      if (skip_) continue;
      std::string key = s.name;
      db.symbols_.emplace(std::move(key), std::move(s));
    }
    skip_ = false;
    for (std::uint32_t n = count(12); n-- && ok_;) {
      skip_ = false;  // the platform's name is always read
      auto& table = db.entries_[str()];
      std::uint32_t nEntries = count(92);
      table.reserve(nEntries);
      for (std::uint32_t i = 0; i < nEntries && ok_; ++i) {
        Entry e;
        std::string_view symbol = view();
        e.status = static_cast<CoverageStatus>(u32());
        e.confidence = static_cast<Confidence>(u32());
        if (std::uint32_t k = u32(); k != BinaryWriter::kNone) e.kind = static_cast<SymbolKind>(k);
        skip_ = kinds_ != kAllKinds && !(e.kind ? wanted(*e.kind) : kept.count(symbol) > 0);
        if (!skip_) e.symbol = std::string(symbol);
        for (std::string* f : {&e.target, &e.note, &e.category, &e.effort, &e.fileCategory, &e.library, &e.constraints.sdk,
                               &e.file})
          *f = str();
        for (std::uint32_t d = count(8); d-- && ok_;) e.constraints.dtypes.push_back(str());
        for (std::uint32_t d = count(8); d-- && ok_;) e.constraints.node.push_back(str());
        e.constraints.products = strs();
        e.constraints.unsupportedOn = strs();
        e.constraints.cpuFallbackOn = strs();
        if (std::uint32_t v = u32(); v != BinaryWriter::kNone) e.constraints.opsetMin = static_cast<int>(v);
        if (std::uint32_t v = u32(); v != BinaryWriter::kNone) e.constraints.opsetMax = static_cast<int>(v);
        e.line = u32();
        e.source = prov();
        if (skip_) continue;
        std::string key = e.symbol;
        table.emplace(std::move(key), std::move(e));
      }
    }
    skip_ = false;
    for (std::uint32_t n = count(24); n-- && ok_;) {
      OpsetDomain d;
      d.domain = str();
      d.prefix = str();
      d.maxOpset = static_cast<int>(u32());
      d.source = prov();
      db.opsetDomains_.push_back(std::move(d));
    }
    for (std::uint32_t n = count(20); n-- && ok_;) {
      OnnxRelease r;
      r.release = str();
      r.irVersion = static_cast<int>(u32());
      for (std::uint32_t o = count(12); o-- && ok_;) {
        std::string domain = str();
        r.opsets[domain] = static_cast<int>(u32());
      }
      r.source = prov();
      db.releases_.push_back(std::move(r));
    }
    for (std::uint32_t n = count(60); n-- && ok_;) {
      Accelerator a;
      for (std::string* f : {&a.id, &a.name, &a.vendor, &a.platform, &a.form, &a.file}) *f = str();
      a.line = u32();
      for (std::uint32_t f = count(48); f-- && ok_;) {
        std::string key = str();
        a.figures[key] = figure();
      }
      for (std::uint32_t d = count(52); d-- && ok_;) {
        std::string key = str();
        DtypeSupport s;
        if (std::uint32_t v = u32(); v != BinaryWriter::kNone) s.supported = v == 1;
        s.peak = figure();
        a.dtypes[key] = std::move(s);
      }
      db.accelerators_.push_back(std::move(a));
    }
    if (ok_ && pos_ != blob_.size()) return fail(error, "trailing bytes after the last table");
    if (!ok_) return fail(error, "truncated or damaged compiled opdb");
    return true;
  }

 private:
  bool fail(std::string& error, std::string message) {
    error = std::move(message);
    ok_ = false;
    return false;
  }
  std::uint32_t u32() {
    if (!ok_ || blob_.size() - pos_ < 4) {
      ok_ = false;
      return 0;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(blob_.data() + pos_);
    pos_ += 4;
    return b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
  }
  /// A record count, refused when the remaining bytes cannot hold that many records.
  std::uint32_t count(size_t minRecordBytes) {
    std::uint32_t n = u32();
    if (ok_ && n > (blob_.size() - pos_) / minRecordBytes + 1) ok_ = false;
    return ok_ ? n : 0;
  }
  std::string_view view() {
    std::uint32_t off = u32(), len = u32();
    if (!ok_ || off > pool_.size() || len > pool_.size() - off) {
      ok_ = false;
      return {};
    }
    return pool_.substr(off, len);
  }
  /// A string of the pool; none is made while a skipped record is read.
  std::string str() {
    std::string_view v = view();
    return skip_ ? std::string() : std::string(v);
  }
  bool wanted(SymbolKind k) const { return (kinds_ >> static_cast<unsigned>(k)) & 1u; }
  std::vector<std::string> strs() {
    std::vector<std::string> v;
    for (std::uint32_t n = count(8); n-- && ok_;) v.push_back(str());
    return v;
  }
  std::vector<int> ints() {
    std::vector<int> v(count(4));
    for (int& i : v) i = static_cast<int>(u32());
    return v;
  }
  std::shared_ptr<const Provenance> prov() {
    std::uint32_t i = u32();
    if (i == BinaryWriter::kNone) return nullptr;
    if (i >= provenance_.size()) {
      ok_ = false;
      return nullptr;
    }
    return provenance_[i];
  }
  std::optional<double> num() {
    std::uint32_t has = u32();
    std::uint64_t bits = u32();
    bits |= static_cast<std::uint64_t>(u32()) << 32;
    if (!has) return std::nullopt;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  Figure figure() {
    Figure f;
    f.min = num();
    f.max = num();
    f.text = str();
    f.note = str();
    f.source = prov();
    return f;
  }

  std::string_view blob_, pool_;
  size_t pos_ = 0;
  bool ok_ = true;
  bool skip_ = false;  // the record being read is of a kind not loaded
  KindMask kinds_;
  std::vector<std::shared_ptr<const Provenance>> provenance_;
};

std::string compileDatabase(const Database& db) { return BinaryWriter().finish(db); }

bool loadCompiled(std::string_view blob, Database& db, std::string& error, KindMask kinds) {
  return BinaryReader(blob, kinds).read(db, error);
}

}  // namespace opscope::db
