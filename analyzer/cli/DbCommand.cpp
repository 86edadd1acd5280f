// `opscope db validate|stats|show`: check and query the coverage database.
#include <boost/program_options.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_os_ostream.h"

namespace opscope::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kDbUsage =
    "usage: opscope db <validate|stats|show> [options]\n"
    "  validate [FILE...]       check the built-in opdb, or FILE... as overlays on it\n"
    "  stats [--format F]       entries per platform, category and status (text or json)\n"
    "  show SYMBOL              every platform's answer for SYMBOL, with its source\n"
    "options common to all: --db FILE (overlay, repeatable), -h/--help\n";

struct Parsed {
  po::variables_map vm;
  std::vector<std::string> positional;
  std::vector<std::string> overlays;
  std::string format = "text";
};

Parsed parse(const std::vector<std::string>& args, const std::string& usage, std::ostream& out, bool& help) {
  Parsed p;
  po::options_description desc(usage + "\noptions");
  desc.add_options()("help,h", "this help")(
      "db", po::value(&p.overlays)->composing(), "an opdb overlay file; repeatable, later ones win")(
      "format,f", po::value(&p.format)->default_value("text"), "text or json")(
      "arg", po::value(&p.positional), "arguments");
  po::positional_options_description pos;
  pos.add("arg", -1);
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), p.vm);
    po::notify(p.vm);
  } catch (const po::error& e) {
    throw UsageError{std::string(e.what())};
  }
  help = p.vm.count("help") > 0;
  if (help) out << desc << "\n";
  if (p.format != "text" && p.format != "json") throw UsageError{"unknown format '" + p.format + "' (expected text or json)"};
  return p;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError{"cannot read '" + path + "'"};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int validate(const Parsed& p, std::ostream& out, std::ostream& err) {
  db::Database db;
  std::vector<db::Diagnostic> diags;
  bool ok = db::loadBuiltin(db, diags);
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

int stats(const Parsed& p, std::ostream& out, std::ostream& err) {
  db::Database db;
  loadDatabase(db, p.overlays, err);
  // platform -> category -> status -> count; platform -> confidence -> count
  std::map<std::string, std::map<std::string, std::map<std::string, unsigned>>> counts;
  std::map<std::string, std::map<std::string, unsigned>> byConfidence, byStatus;
  unsigned entries = 0, withoutSource = 0;
  for (const Platform& pl : db.platforms()) {
    counts[pl.id];
    const auto* table = db.entries(pl.id);
    if (!table) continue;
    for (const auto& [name, e] : *table) {
      ++entries;
      if (!e.source) ++withoutSource;
      ++counts[pl.id][db.categoryOf(e)][std::string(toString(e.status))];
      ++byStatus[pl.id][std::string(toString(e.status))];
      ++byConfidence[pl.id][std::string(toString(e.confidence))];
    }
  }
  if (p.format == "json") {
    llvm::raw_os_ostream os(out);
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("opdb_version", db.version());
      j.attribute("symbols", static_cast<int64_t>(db.symbols().size()));
      j.attribute("entries", static_cast<int64_t>(entries));
      j.attribute("entries_without_source", static_cast<int64_t>(withoutSource));
      j.attributeObject("platforms", [&] {
        for (const auto& [pl, cats] : counts)
          j.attributeObject(pl, [&] {
            unsigned n = 0;
            for (const auto& [s, c] : byStatus[pl]) n += c;
            j.attribute("entries", static_cast<int64_t>(n));
            j.attributeObject("by_status", [&] {
              for (const auto& [s, c] : byStatus[pl]) j.attribute(s, static_cast<int64_t>(c));
            });
            j.attributeObject("by_confidence", [&] {
              for (const auto& [s, c] : byConfidence[pl]) j.attribute(s, static_cast<int64_t>(c));
            });
            j.attributeObject("categories", [&] {
              for (const auto& [cat, st] : cats)
                j.attributeObject(cat, [&] {
                  for (const auto& [s, c] : st) j.attribute(s, static_cast<int64_t>(c));
                });
            });
          });
      });
    });
    os << "\n";
    return kOk;
  }
  out << "opdb " << db.version() << ": " << db.symbols().size() << " source-side symbols, " << entries
      << " platform entries, " << withoutSource << " without a source\n";
  for (const auto& [pl, cats] : counts) {
    out << "\n" << pl << "\n";
    for (const auto& [cat, st] : cats) {
      out << "  " << cat << ":";
      for (const auto& [s, c] : st) out << " " << s << "=" << c;
      out << "\n";
    }
    unsigned n = 0;
    for (const auto& [s, c] : byConfidence[pl]) n += c;
    out << "  by confidence:";
    for (const auto& [s, c] : byConfidence[pl]) out << " " << s << "=" << c << " (" << (n ? 100 * c / n : 0) << "%)";
    out << "\n";
  }
  return kOk;
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
    out << "\n  source: " << (s->source ? s->source->describe() : "?") << "\n";
  } else {
    out << name << ": not in the opdb's symbol universe\n";
  }
  for (const Platform& pl : db.platforms()) {
    const db::Entry* e = db.entry(pl.id, name);
    out << "  " << pl.id << ": ";
    if (!e) {
      out << "unknown (no entry)\n";
      continue;
    }
    any = true;
    out << toString(e->status);
    if (!e->target.empty()) out << " -> " << e->target;
    out << " [" << toString(e->confidence) << ", layer " << db.layers()[e->layer] << "]\n";
    if (!e->note.empty()) out << "      note: " << e->note << "\n";
    out << "      source: " << (e->source ? e->source->describe() : "?") << "\n";
  }
  if (!any) {
    err << "opscope: '" << name << "' is not in the opdb\n";
    return kUsageError;
  }
  return kOk;
}

}  // namespace

void loadDatabase(db::Database& db, const std::vector<std::string>& overlays, std::ostream& err) {
  std::vector<db::Diagnostic> diags;
  bool ok = db::loadBuiltin(db, diags);
  for (const std::string& f : overlays) ok = db.addLayer(f, {db::SourceText{f, readFile(f)}}, diags) && ok;
  for (const db::Diagnostic& d : diags) err << d.str() << "\n";
  if (!ok) throw UsageError{"the coverage database has errors (see above)"};
}

int dbCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    (args.empty() ? err : out) << kDbUsage;
    return args.empty() ? kUsageError : kOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  bool help = false;
  const std::string& sub = args[0];
  if (sub != "validate" && sub != "stats" && sub != "show")
    throw UsageError{"unknown db command '" + sub + "'\n" + kDbUsage};
  Parsed p = parse(rest, "usage: opscope db " + sub + (sub == "show" ? " SYMBOL" : sub == "validate" ? " [FILE...]" : "") , out, help);
  if (help) return kOk;
  if (sub == "validate") return validate(p, out, err);
  if (sub == "stats") return stats(p, out, err);
  return show(p, out, err);
}

}  // namespace opscope::cli
