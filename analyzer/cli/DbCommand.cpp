// `opscope db validate|stats|show|diff|export`: check, query, compare and export the coverage
// database.
#include <boost/program_options.hpp>
#include <cmath>
#include <iomanip>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Options.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_os_ostream.h"

namespace opscope::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;
namespace {

constexpr const char* kDbUsage =
    "usage: opscope db <validate|stats|show|diff|export> [options]\n"
    "  validate [FILE...]       check the built-in opdb YAML strictly, or FILE... as overlays on it\n"
    "  stats [--format F]       entries per platform, category and status, share by confidence (text, json)\n"
    "  show SYMBOL              every platform's answer for SYMBOL, with its source\n"
    "  diff A B [--format F]    what differs between two databases (text, json); A and B are each\n"
    "                           'builtin', an opdb directory, or an overlay file on the built-in opdb\n"
    "  export [--format F]      every platform entry (csv, json), one row each\n"
    "options common to all: --db FILE (overlay, repeatable), -h/--help\n";

struct Parsed {
  po::variables_map vm;
  std::vector<std::string> positional;
  std::vector<std::string> overlays;
  std::vector<std::string> platforms;
  std::string format;
};

Parsed parse(const std::vector<std::string>& args, const std::string& usage, const std::vector<std::string>& formats,
             std::ostream& out, bool& help) {
  Parsed p;
  std::string formatHelp;
  for (const std::string& f : formats) formatHelp += (formatHelp.empty() ? "" : " or ") + f;
  po::options_description desc(usage + "\noptions");
  desc.add_options()("help,h", "this help")("db", po::value(&p.overlays)->composing(),
                                            "an opdb overlay file; repeatable, later ones win")(
      "format,f", po::value(&p.format)->default_value(formats.front()), formatHelp.c_str())(
      "platform,p", po::value(&p.platforms)->composing(), "only these platforms (export, diff); repeatable")(
      "arg", po::value(&p.positional), "arguments");
  p.vm = parseOptions(args, desc, "arg");
  help = p.vm.count("help") > 0;
  if (help) out << desc << "\n";
  if (std::find(formats.begin(), formats.end(), p.format) == formats.end())
    throw UsageError{"unknown format '" + p.format + "' (expected " + formatHelp + ")"};
  return p;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError{"cannot read '" + path + "'"};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The family a category belongs to, for the roll-ups of `db stats` (the acceptance counts of
/// opdb/README.md: CUDA API, aten, torch API, ONNX, collectives).
std::string familyOf(const std::string& category) {
  auto starts = [&](const char* p) { return category.rfind(p, 0) == 0; };
  if (starts("aten")) return "aten";
  if (starts("torch-api")) return "torch_api";
  if (starts("onnx")) return "onnx";
  if (starts("pytorch-cpp")) return "pytorch_cpp";
  if (starts("collective")) return "collective";
  return "cuda";
}

int validate(const Parsed& p, std::ostream& out, std::ostream& err) {
  db::Database db;
  std::vector<db::Diagnostic> diags;
  // The YAML itself, strictly, not the compiled form the build made of it.
  bool ok = db::loadBuiltinYaml(db, diags);
  std::vector<db::SourceText> files;
  for (const std::string& f : p.positional) files.push_back(db::SourceText{f, readFile(f)});
  for (const std::string& f : p.overlays) files.push_back(db::SourceText{f, readFile(f)});
  if (!files.empty()) ok = db.addLayer("validate", files, diags) && ok;
  unsigned errors = 0;
  for (const db::Diagnostic& d : diags) {
    err << d.str() << "\n";
    errors += d.severity == db::Diagnostic::Severity::Error;
  }
  size_t checked = files.empty() ? db::builtinFiles().size() : files.size();
  if (!ok) {
    err << errors << " error(s) in " << checked << " file(s)\n";
    return kUsageError;
  }
  out << "ok: " << checked << " file(s) valid" << (files.empty() ? " (built-in opdb " + db.version() + ")" : "") << "\n";
  return kOk;
}

/// Counts of one platform.
struct PlatformStats {
  std::map<std::string, std::map<std::string, unsigned>> byCategory;  // category -> status -> n
  std::map<std::string, unsigned> byStatus, byConfidence, byFamily;
  std::map<std::string, unsigned> withoutEntry;  // category -> universe symbols with no entry
  unsigned entries = 0, withOpsetRange = 0;
};

/// The whole opdb's counts: per platform, and in all.
struct DbStats {
  std::map<std::string, PlatformStats> all;
  unsigned entries = 0, withoutSource = 0;
};

double share(unsigned n, unsigned total) { return total ? 100.0 * n / total : 0.0; }

DbStats collectStats(const db::Database& db) {
  DbStats out;
  auto& [all, entries, withoutSource] = out;
  for (const Platform& pl : db.platforms()) {
    PlatformStats& s = all[pl.id];
    const auto* table = db.entries(pl.id);
    for (const auto& [name, sym] : db.symbols())
      if (!table || !table->count(name)) ++s.withoutEntry[sym.category];
    if (!table) continue;
    for (const auto& [name, e] : *table) {
      ++entries;
      ++s.entries;
      if (!e.source) ++withoutSource;
      std::string cat = db.categoryOf(e), status(toString(e.status));
      ++s.byCategory[cat][status];
      ++s.byStatus[status];
      ++s.byConfidence[std::string(toString(e.confidence))];
      ++s.byFamily[familyOf(cat)];
      if (e.constraints.opsetMin || e.constraints.opsetMax) ++s.withOpsetRange;
    }
  }
  return out;
}

void printStatsJson(const db::Database& db, const DbStats& stats, std::ostream& out) {
  const auto& [all, entries, withoutSource] = stats;
  {
    llvm::raw_os_ostream os(out);
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("opdb_version", db.version());
      j.attribute("symbols", static_cast<int64_t>(db.symbols().size()));
      j.attribute("entries", static_cast<int64_t>(entries));
      j.attribute("entries_without_source", static_cast<int64_t>(withoutSource));
      j.attributeObject("platforms", [&] {
        for (const auto& [pl, s] : all)
          j.attributeObject(pl, [&] {
            j.attribute("entries", static_cast<int64_t>(s.entries));
            j.attributeObject("by_status", [&] {
              for (const auto& [k, n] : s.byStatus) j.attribute(k, static_cast<int64_t>(n));
            });
            j.attributeObject("by_confidence", [&] {
              for (const auto& [k, n] : s.byConfidence) j.attribute(k, static_cast<int64_t>(n));
            });
            j.attributeObject("share_by_confidence", [&] {
              for (const auto& [k, n] : s.byConfidence) j.attribute(k, std::round(share(n, s.entries) * 10) / 10);
            });
            j.attributeObject("by_family", [&] {
              for (const auto& [k, n] : s.byFamily) j.attribute(k, static_cast<int64_t>(n));
            });
            j.attribute("onnx_entries_with_opset_range", static_cast<int64_t>(s.withOpsetRange));
            j.attributeObject("categories", [&] {
              for (const auto& [cat, st] : s.byCategory)
                j.attributeObject(cat, [&] {
                  for (const auto& [k, n] : st) j.attribute(k, static_cast<int64_t>(n));
                });
            });
            j.attributeObject("symbols_without_entry", [&] {
              for (const auto& [cat, n] : s.withoutEntry) j.attribute(cat, static_cast<int64_t>(n));
            });
          });
      });
    });
    os << "\n";
  }
}

void printStatsText(const db::Database& db, const DbStats& stats, std::ostream& out) {
  const auto& [all, entries, withoutSource] = stats;
  out << "opdb " << db.version() << ": " << db.symbols().size() << " source-side symbols, " << entries
      << " platform entries, " << withoutSource << " without a source\n";
  for (const auto& [pl, s] : all) {
    out << "\n" << pl << " (" << s.entries << " entries)\n";
    out << "  " << std::string(34, ' ');
    for (CoverageStatus st : kAllStatuses) out << std::setw(9) << toString(st);
    out << std::setw(9) << "total" << std::setw(12) << "no entry" << "\n";
    std::set<std::string> cats;
    for (const auto& [c, _] : s.byCategory) cats.insert(c);
    for (const auto& [c, _] : s.withoutEntry) cats.insert(c);
    for (const std::string& cat : cats) {
      auto it = s.byCategory.find(cat);
      unsigned total = 0;
      out << "  " << std::left << std::setw(34) << cat << std::right;
      for (CoverageStatus st : kAllStatuses) {
        unsigned n = 0;
        if (it != s.byCategory.end())
          if (auto jt = it->second.find(std::string(toString(st))); jt != it->second.end()) n = jt->second;
        total += n;
        out << std::setw(9) << n;
      }
      auto w = s.withoutEntry.find(cat);
      out << std::setw(9) << total << std::setw(12) << (w == s.withoutEntry.end() ? 0 : w->second) << "\n";
    }
    out << "  by confidence:";
    for (const auto& [k, n] : s.byConfidence) out << " " << k << "=" << n << " (" << std::fixed << std::setprecision(1)
                                                  << share(n, s.entries) << "%)";
    out << "\n  by family:";
    for (const auto& [k, n] : s.byFamily) out << " " << k << "=" << n;
    out << "; ONNX entries with an opset range: " << s.withOpsetRange << "\n";
  }
  out << "\n'no entry': symbols of the universe no source speaks about for that platform (unknown).\n";
}

int stats(const Parsed& p, std::ostream& out, std::ostream& err) {
  db::Database db;
  loadDatabase(db, p.overlays, err);
  DbStats s = collectStats(db);
  if (p.format == "json") printStatsJson(db, s, out);
  else printStatsText(db, s, out);
  return kOk;
}

std::string describeConstraints(const db::Constraints& c) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
  if (c.opsetMin || c.opsetMax)
    add("opset " + (c.opsetMin ? std::to_string(*c.opsetMin) : std::string("?")) + ".." +
        (c.opsetMax ? std::to_string(*c.opsetMax) : std::string("")));
  if (!c.dtypes.empty()) {
    std::string d;
    for (const std::string& t : c.dtypes) d += (d.empty() ? "" : ",") + t;
    add("dtypes " + d);
  }
  if (!c.sdk.empty()) add(c.sdk);
  auto list = [&](const char* what, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    std::string d;
    for (const std::string& t : ids) d += (d.empty() ? "" : ",") + t;
    add(std::string(what) + " " + d);
  };
  list("products", c.products);
  list("unsupported on", c.unsupportedOn);
  list("CPU fallback on", c.cpuFallbackOn);
  return out;
}

int show(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.positional.size() != 1) throw UsageError{"db show needs exactly one SYMBOL"};
  db::Database db;
  loadDatabase(db, p.overlays, err);
  const std::string& name = p.positional.front();
  const db::SymbolInfo* s = db.symbol(name);
  bool any = s != nullptr;
  if (s) {
    out << name << ": " << toString(s->kind) << " of " << s->library << ", category " << s->category;
    if (!s->header.empty()) out << ", header " << s->header;
    if (!s->added.empty()) out << ", added " << s->added;
    if (!s->deprecated.empty()) out << ", deprecated " << s->deprecated;
    if (!s->removed.empty()) out << ", removed " << s->removed;
    out << "\n";
    if (!s->versions.empty()) {
      out << "  versions (since_version):";
      for (int v : s->versions) {
        out << " " << v;
        if (std::count(s->deprecatedVersions.begin(), s->deprecatedVersions.end(), v)) out << " (deprecated)";
      }
      out << "\n";
    }
    if (!s->signature.empty()) out << "  schema: " << s->signature << "\n";
    if (!s->dispatch.empty()) {
      out << "  dispatch keys:";
      for (const std::string& k : s->dispatch) out << " " << k;
      out << "\n";
    }
    out << "  source: " << (s->source ? s->source->describe() : "?") << "\n";
  } else {
    out << name << ": not in the opdb's symbol universe\n";
  }
  for (const Platform& pl : db.platforms()) {
    const db::Entry* e = db.entry(pl.id, name);
    out << "  " << pl.id << ": ";
    if (!e) {
      out << "unknown (no entry: no public source says anything)\n";
      continue;
    }
    any = true;
    out << toString(e->status);
    if (!e->target.empty()) out << " -> " << e->target;
    out << " [" << toString(e->confidence) << ", layer " << db.layers()[e->layer] << "]\n";
    if (std::string c = describeConstraints(e->constraints); !c.empty()) out << "      constraints: " << c << "\n";
    if (!e->note.empty()) out << "      note: " << e->note << "\n";
    out << "      source: " << (e->source ? e->source->describe() : "?") << "\n";
  }
  if (!any) {
    err << "opscope: '" << name << "' is not in the opdb\n";
    return kUsageError;
  }
  return kOk;
}

/// One side of `db diff`: 'builtin', a directory holding an opdb tree, or an overlay file.
void loadSide(const std::string& spec, db::Database& db, std::ostream& err) {
  if (spec == "builtin") return loadDatabase(db, {}, err);
  std::error_code ec;
  if (fs::is_directory(spec, ec)) {
    if (!fs::exists(fs::path(spec) / "platforms.yaml", ec))
      throw UsageError{"'" + spec + "' holds no platforms.yaml: not an opdb directory"};
    std::vector<db::SourceText> files;
    for (const auto& f : fs::recursive_directory_iterator(spec, ec)) {
      if (!f.is_regular_file() || f.path().extension() != ".yaml") continue;
      if (f.path().string().find("/importers/") != std::string::npos) continue;
      files.push_back({f.path().string(), readFile(f.path().string())});
    }
    if (ec) throw UsageError{"cannot read directory '" + spec + "': " + ec.message()};
    std::vector<db::Diagnostic> diags;
    bool ok = db.addLayer(spec, files, diags);
    for (const db::Diagnostic& d : diags) err << d.str() << "\n";
    if (!ok) throw UsageError{"'" + spec + "' has errors (see above)"};
    return;
  }
  loadDatabase(db, {spec}, err);
}

struct Change {
  std::string platform, symbol, what, before, after;
};

std::string answer(const db::Entry& e) {
  std::string out(toString(e.status));
  if (!e.target.empty()) out += " -> " + e.target;
  out += " [" + std::string(toString(e.confidence)) + "]";
  if (std::string c = describeConstraints(e.constraints); !c.empty()) out += " {" + c + "}";
  return out;
}

int diff(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.positional.size() != 2) throw UsageError{"db diff needs two databases: A B"};
  db::Database a, b;
  loadSide(p.positional[0], a, err);
  loadSide(p.positional[1], b, err);
  std::set<std::string> platforms;
  for (const db::Database* d : {&a, &b})
    for (const Platform& pl : d->platforms())
      if (p.platforms.empty() || std::count(p.platforms.begin(), p.platforms.end(), pl.id)) platforms.insert(pl.id);
  std::vector<Change> changes;
  for (const std::string& pl : platforms) {
    std::set<std::string> names;
    for (const db::Database* d : {&a, &b})
      if (const auto* t = d->entries(pl))
        for (const auto& [n, _] : *t) names.insert(n);
    for (const std::string& n : names) {
      const db::Entry *ea = a.entry(pl, n), *eb = b.entry(pl, n);
      if (ea && !eb) changes.push_back({pl, n, "removed", answer(*ea), ""});
      else if (!ea && eb) changes.push_back({pl, n, "added", "", answer(*eb)});
      else if (answer(*ea) != answer(*eb)) changes.push_back({pl, n, "changed", answer(*ea), answer(*eb)});
    }
  }
  std::set<std::string> symA, symB;
  for (const auto& [n, _] : a.symbols()) symA.insert(n);
  for (const auto& [n, _] : b.symbols()) symB.insert(n);
  std::vector<std::string> symAdded, symRemoved;
  std::set_difference(symB.begin(), symB.end(), symA.begin(), symA.end(), std::back_inserter(symAdded));
  std::set_difference(symA.begin(), symA.end(), symB.begin(), symB.end(), std::back_inserter(symRemoved));
  if (p.format == "json") {
    llvm::raw_os_ostream os(out);
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("a", p.positional[0]);
      j.attribute("b", p.positional[1]);
      j.attributeArray("symbols_added", [&] {
        for (const auto& n : symAdded) j.value(n);
      });
      j.attributeArray("symbols_removed", [&] {
        for (const auto& n : symRemoved) j.value(n);
      });
      j.attributeArray("entries", [&] {
        for (const Change& c : changes)
          j.object([&] {
            j.attribute("platform", c.platform);
            j.attribute("symbol", c.symbol);
            j.attribute("change", c.what);
            if (!c.before.empty()) j.attribute("a", c.before);
            if (!c.after.empty()) j.attribute("b", c.after);
          });
      });
    });
    os << "\n";
  } else {
    std::map<std::string, std::map<std::string, unsigned>> counts;
    for (const Change& c : changes) ++counts[c.platform][c.what];
    out << "A = " << p.positional[0] << ", B = " << p.positional[1] << "\n";
    out << "symbols: " << symAdded.size() << " only in B, " << symRemoved.size() << " only in A\n";
    for (const Change& c : changes) {
      out << c.platform << " " << c.symbol << ": " << c.what;
      if (c.what == "changed") out << ": " << c.before << "  =>  " << c.after;
      else out << ": " << (c.what == "added" ? c.after : c.before);
      out << "\n";
    }
    out << "entries:";
    if (changes.empty()) out << " no differences";
    for (const auto& [pl, m] : counts) {
      out << " " << pl << " (";
      bool first = true;
      for (const auto& [w, n] : m) {
        out << (first ? "" : ", ") << n << " " << w;
        first = false;
      }
      out << ")";
    }
    out << "\n";
  }
  return changes.empty() && symAdded.empty() && symRemoved.empty() ? kOk : kGateFailed;
}

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string csv(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

int exportEntries(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (!p.positional.empty()) throw UsageError{"db export takes no arguments"};
  db::Database db;
  loadDatabase(db, p.overlays, err);
  struct Row {
    std::string platform;
    const db::Entry* e;
  };
  std::vector<Row> rows;
  for (const Platform& pl : db.platforms()) {
    if (!p.platforms.empty() && !std::count(p.platforms.begin(), p.platforms.end(), pl.id)) continue;
    if (const auto* t = db.entries(pl.id))
      for (const auto& [_, e] : *t) rows.push_back({pl.id, &e});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    return std::tie(x.platform, x.e->symbol) < std::tie(y.platform, y.e->symbol);
  });
  auto kindOf = [&](const db::Entry& e) {
    if (const db::SymbolInfo* s = db.symbol(e.symbol)) return std::make_pair(std::string(toString(s->kind)), s->library);
    return std::make_pair(e.kind ? std::string(toString(*e.kind)) : std::string(), e.library);
  };
  if (p.format == "json") {
    llvm::raw_os_ostream os(out);
    llvm::json::OStream j(os, 1);
    j.array([&] {
      for (const Row& r : rows)
        j.object([&] {
          auto [kind, library] = kindOf(*r.e);
          j.attribute("platform", r.platform);
          j.attribute("symbol", r.e->symbol);
          j.attribute("kind", kind);
          j.attribute("library", library);
          j.attribute("category", db.categoryOf(*r.e));
          j.attribute("status", std::string(toString(r.e->status)));
          j.attribute("target", r.e->target);
          j.attribute("confidence", std::string(toString(r.e->confidence)));
          j.attribute("constraints", describeConstraints(r.e->constraints));
          j.attribute("note", r.e->note);
          j.attribute("source", r.e->source ? r.e->source->describe() : "");
          j.attribute("layer", db.layers()[r.e->layer]);
        });
    });
    os << "\n";
    return kOk;
  }
  out << "platform,symbol,kind,library,category,status,target,confidence,constraints,note,source,layer\r\n";
  for (const Row& r : rows) {
    auto [kind, library] = kindOf(*r.e);
    out << csv(r.platform) << ',' << csv(r.e->symbol) << ',' << csv(kind) << ',' << csv(library) << ','
        << csv(db.categoryOf(*r.e)) << ',' << toString(r.e->status) << ',' << csv(r.e->target) << ','
        << toString(r.e->confidence) << ',' << csv(describeConstraints(r.e->constraints)) << ',' << csv(r.e->note) << ','
        << csv(r.e->source ? r.e->source->describe() : "") << ',' << csv(db.layers()[r.e->layer]) << "\r\n";
  }
  return kOk;
}

}  // namespace

int dbCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    (args.empty() ? err : out) << kDbUsage;
    return args.empty() ? kUsageError : kOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  bool help = false;
  const std::string& sub = args[0];
  static const std::map<std::string, std::pair<std::string, std::vector<std::string>>> kSubs = {
      {"validate", {" [FILE...]", {"text"}}}, {"stats", {"", {"text", "json"}}},
      {"show", {" SYMBOL", {"text"}}},        {"diff", {" A B", {"text", "json"}}},
      {"export", {"", {"csv", "json"}}}};
  auto it = kSubs.find(sub);
  if (it == kSubs.end()) throw UsageError{"unknown db command '" + sub + "'\n" + kDbUsage};
  Parsed p = parse(rest, "usage: opscope db " + sub + it->second.first, it->second.second, out, help);
  if (help) return kOk;
  if (sub == "validate") return validate(p, out, err);
  if (sub == "stats") return stats(p, out, err);
  if (sub == "show") return show(p, out, err);
  if (sub == "diff") return diff(p, out, err);
  return exportEntries(p, out, err);
}

}  // namespace opscope::cli
