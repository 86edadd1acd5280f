#include "cli/Gate.h"

#include <fstream>
#include <sstream>

#include "cli/Commands.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace opscope::cli {
namespace po = boost::program_options;
namespace json = llvm::json;

void addGateOptions(po::options_description& desc, GateArgs& args) {
  desc.add_options()
      ("fail-under", po::value(&args.failUnder)->composing(),
       "PLATFORM=PERCENT: fail (exit 1) when the platform's coverage is below PERCENT; repeatable")
      ("fail-on", po::value(&args.failOn)->composing(),
       "missing | unknown | hazard | hazard:ID: fail when the scan has such a gap not in the baseline; repeatable")
      ("baseline", po::value(&args.baseline), "FILE of known gaps (opscope-baseline/1): only new gaps count")
      ("update-baseline", po::bool_switch(&args.updateBaseline), "write the current gaps to the --baseline FILE");
}

GatePolicy parseGatePolicy(const GateArgs& args) {
  GatePolicy policy;
  for (const std::string& fu : args.failUnder) {
    size_t eq = fu.find('=');
    std::string platform = fu.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : fu.substr(eq + 1);
    if (!value.empty() && value.back() == '%') value.pop_back();
    char* end = nullptr;
    double pct = value.empty() ? -1 : std::strtod(value.c_str(), &end);
    if (platform.empty() || value.empty() || *end != '\0' || pct < 0 || pct > 100)
      throw UsageError{"--fail-under '" + fu + "': expected PLATFORM=PERCENT with PERCENT in 0..100"};
    policy.failUnder.emplace_back(platform, pct);
  }
  for (const std::string& on : args.failOn) {
    if (on == "missing") policy.failOnMissing = true;
    else if (on == "unknown") policy.failOnUnknown = true;
    else if (on == "hazard") policy.failOnAnyHazard = true;
    else if (on.rfind("hazard:", 0) == 0 && on.size() > 7) policy.failOnHazards.push_back(on.substr(7));
    else throw UsageError{"--fail-on '" + on + "': expected missing, unknown, hazard or hazard:ID"};
  }
  if (args.updateBaseline && args.baseline.empty()) throw UsageError{"--update-baseline needs --baseline FILE"};
  return policy;
}

Baseline readBaseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError{"cannot read baseline '" + path + "'"};
  std::stringstream ss;
  ss << in.rdbuf();
  auto doc = json::parse(ss.str());
  if (!doc) throw UsageError{"baseline '" + path + "': not valid JSON: " + llvm::toString(doc.takeError())};
  const json::Object* o = doc->getAsObject();
  if (!o || o->getString("schema") != "opscope-baseline/1")
    throw UsageError{"baseline '" + path + "': not an opscope-baseline/1 file"};
  const json::Array* gaps = o->getArray("gaps");
  if (!gaps) throw UsageError{"baseline '" + path + "': no 'gaps' list"};
  Baseline out;
  for (size_t i = 0; i < gaps->size(); ++i) {
    const json::Object* g = (*gaps)[i].getAsObject();
    auto str = [&](const char* k) { return g ? g->getString(k) : std::nullopt; };
    auto kind = str("kind") ? parseSymbolKind(str("kind")->str()) : std::nullopt;
    auto count = g ? g->getInteger("count") : std::nullopt;
    if (!str("file") || !str("symbol") || !kind || !str("platform") || !str("status") || !count || *count < 0)
      throw UsageError{"baseline '" + path + "': gap " + std::to_string(i) + " is malformed"};
    out[Gap{str("file")->str(), str("symbol")->str(), *kind, str("platform")->str(), str("status")->str()}] +=
        static_cast<unsigned>(*count);
  }
  return out;
}

void writeBaseline(const std::string& path, const Baseline& baseline) {
  std::string text;
  llvm::raw_string_ostream os(text);
  json::OStream j(os, 2);
  j.object([&] {
    j.attribute("schema", "opscope-baseline/1");
    j.attributeArray("gaps", [&] {
      for (const auto& [g, count] : baseline)
        j.object([&] {
          j.attribute("file", g.file);
          j.attribute("symbol", g.symbol);
          j.attribute("kind", llvm::StringRef(toString(g.kind).data(), toString(g.kind).size()));
          j.attribute("platform", g.platform);
          j.attribute("status", g.status);
          j.attribute("count", static_cast<int64_t>(count));
        });
    });
  });
  os << "\n";
  os.flush();
  writeFileAtomically(path, text);
}

bool runGate(Report& report, const GatePolicy& policy, const GateArgs& args) {
  if (args.updateBaseline) writeBaseline(args.baseline, collectGaps(report));
  if (policy.empty()) return false;
  Baseline baseline;
  bool haveBaseline = !args.baseline.empty();
  if (haveBaseline) baseline = readBaseline(args.baseline);
  report.gate = evaluateGate(report, policy, haveBaseline ? &baseline : nullptr);
  for (const GateCondition& c : report.gate)
    if (c.failed) return true;
  return false;
}

void printGateFailures(const Report& report, std::ostream& err) {
  for (const GateCondition& c : report.gate)
    if (c.failed) err << "opscope: gate failed: " << c.name << ": " << c.message << "\n";
}

}  // namespace opscope::cli
