// `opscope fit MODEL | --params N --dtype D`: how many cards and 8-card servers of each
// accelerator in opdb/hardware.yaml a model needs, at its precision and at converted ones, with
// the arithmetic behind every number.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "cli/Cli.h"
#include "cli/Commands.h"
#include "cli/Options.h"
#include "scan/OnnxData.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_os_ostream.h"

namespace opscope::cli {
using namespace opscope::scan;  // the ONNX wiring the scan pipeline and these commands share
namespace po = boost::program_options;
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// "671e9", "671B", "7.5b", "70000000000", "1.2T" -> a parameter count.
double parseCount(const std::string& text) {
  std::string s = lower(text);
  double scale = 1;
  if (!s.empty()) {
    switch (s.back()) {
      case 'k': scale = 1e3; break;
      case 'm': scale = 1e6; break;
      case 'b':
      case 'g': scale = 1e9; break;
      case 't': scale = 1e12; break;
      default: break;
    }
    if (scale != 1) s.pop_back();
  }
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || !end || *end != '\0' || !std::isfinite(v) || v <= 0)
    throw UsageError{"--params '" + text + "' is not a positive count (examples: 671e9, 70B, 7.5b)"};
  return v * scale;
}

std::vector<onnx::Precision> parsePrecisions(const std::vector<std::string>& specs) {
  std::vector<onnx::Precision> out;
  for (const std::string& spec : specs) {
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (item.empty()) continue;
      auto p = onnx::parsePrecision(item);
      if (!p) throw UsageError{"unknown precision '" + item + "' (fp32, fp16, bf16, fp8, w8a8, w8a16, w4a16)"};
      if (std::find(out.begin(), out.end(), *p) == out.end()) out.push_back(*p);
    }
  }
  return out;
}

std::vector<onnx::Accelerator> selectHardware(std::vector<onnx::Accelerator> all,
                                              const std::vector<std::string>& names) {
  if (names.empty()) return all;
  std::vector<onnx::Accelerator> out;
  for (const std::string& name : names) {
    std::string want = lower(name);
    bool found = false;
    for (const onnx::Accelerator& a : all) {
      bool exact = lower(a.id) == want;
      bool partial = lower(a.id).find(want) != std::string::npos || lower(a.name).find(want) != std::string::npos;
      if (!exact && !partial) continue;
      found = true;
      if (std::none_of(out.begin(), out.end(), [&](const onnx::Accelerator& b) { return b.id == a.id; }))
        out.push_back(a);
    }
    if (!found) {
      std::string known;
      for (const onnx::Accelerator& a : all) known += (known.empty() ? "" : ", ") + a.id;
      throw UsageError{"--hw '" + name + "' matches no accelerator (known: " + known + ")"};
    }
  }
  return out;
}

std::string gb(double bytes) {
  char buf[32];
  double v = bytes / 1e9;
  if (std::fabs(v - std::round(v)) < 0.05)
    std::snprintf(buf, sizeof buf, "%.0f GB", v);
  else
    std::snprintf(buf, sizeof buf, "%.1f GB", v);
  return buf;
}

std::string memory(const onnx::Range& r) {
  if (!r.known()) return "?";
  if (r.exact()) return gb(r.low * 1e9);
  std::string low = gb(r.low * 1e9);
  return low.substr(0, low.size() - 3) + "-" + gb(r.high * 1e9);
}

std::string spread(std::uint64_t low, std::uint64_t high) {
  if (low == 0 && high == 0) return "?";
  return low == high ? std::to_string(low) : std::to_string(low) + "-" + std::to_string(high);
}

void printText(const onnx::WeightProfile& w, const onnx::Allowance& a, const std::vector<onnx::AcceleratorFit>& fits,
               std::ostream& out) {
  out << "sizing: " << w.origin << "\n";
  out << "allowance: " << a.explanation
      << (a.kvElements ? " (change with --batch and --seq)" : " (change with --overhead)") << "\n";
  out << "units: decimal GB (1 GB = 1e9 bytes); cards are the minimum by memory alone; a server holds "
      << (fits.empty() ? 8 : fits.front().accelerator.cardsPerServer) << " cards\n\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-26s %-12s %-14s %10s %10s %7s %8s\n", "accelerator", "memory/card", "precision",
                "weights", "total", "cards", "servers");
  out << line;
  std::vector<std::string> unsized;
  for (const onnx::AcceleratorFit& f : fits) {
    if (!f.accelerator.memoryGB.known()) {
      unsized.push_back(f.accelerator.id);
      continue;
    }
    bool first = true;
    for (const onnx::Plan& p : f.plans) {
      std::string precision = std::string(toString(p.requested));
      if (p.effective != p.requested && p.available) precision += " -> " + std::string(toString(p.effective));
      if (!p.conversion.empty() && p.available && p.effective == p.requested) precision += " *";
      std::string id = first ? f.accelerator.id : "";
      std::string mem = first ? memory(f.accelerator.memoryGB) : "";
      if (!p.available) {
        std::snprintf(line, sizeof line, "%-26s %-12s %-14s %s\n", id.c_str(), mem.c_str(), precision.c_str(),
                      "not available");
      } else {
        std::snprintf(line, sizeof line, "%-26s %-12s %-14s %10s %10s %7s %8s\n", id.c_str(), mem.c_str(),
                      precision.c_str(), gb(p.weightBytes).c_str(), gb(p.totalBytes).c_str(),
                      spread(p.cardsLow, p.cardsHigh).c_str(), spread(p.serversLow, p.serversHigh).c_str());
      }
      out << line;
      first = false;
    }
  }
  out << "  (-> converted precision; * assumed support, see below)\n";
  if (!unsized.empty()) {
    out << "no public memory figure, not sized:";
    for (const std::string& id : unsized) out << " " << id;
    out << "\n";
  }
  out << "\nhow each number was computed:\n";
  for (const onnx::AcceleratorFit& f : fits) {
    if (!f.accelerator.memoryGB.known()) continue;
    out << "  " << f.accelerator.id << " (" << f.accelerator.name << "): memory " << memory(f.accelerator.memoryGB)
        << " per card";
    if (!f.accelerator.dtypes.empty()) {
      out << "; computes in";
      for (const std::string& d : f.accelerator.dtypes) out << " " << d;
    }
    out << "\n";
    if (!f.accelerator.source.empty()) out << "    source: " << f.accelerator.source << "\n";
    if (!f.accelerator.note.empty()) out << "    note: " << f.accelerator.note << "\n";
    for (const onnx::Plan& p : f.plans) {
      out << "    " << toString(p.requested) << ":\n";
      for (const std::string& e : p.explanation) out << "      " << e << "\n";
    }
  }
}

void printJson(const onnx::WeightProfile& w, const onnx::Allowance& a, const std::vector<onnx::AcceleratorFit>& fits,
               std::ostream& os) {
  llvm::raw_os_ostream raw(os);
  llvm::json::OStream j(raw, 2);
  auto range = [&](const char* key, const onnx::Range& r) {
    if (!r.known()) {
      j.attribute(key, nullptr);
      return;
    }
    j.attributeObject(key, [&] {
      j.attribute("min", r.low);
      j.attribute("max", r.high);
    });
  };
  j.object([&] {
    j.attribute("schema", "opscope-fit-1");
    j.attributeObject("weights", [&] {
      j.attribute("origin", llvm::json::fixUTF8(w.origin));
      j.attribute("parameters", w.parameters);
      j.attribute("fixed_bytes", w.fixedBytes);
      j.attribute("native_precision", std::string(toString(w.native)));
    });
    j.attributeObject("allowance", [&] {
      j.attribute("explanation", llvm::json::fixUTF8(a.explanation));
      if (a.kvElements)
        j.attribute("kv_cache_elements", *a.kvElements);
      else
        j.attribute("ratio_of_weights", a.ratio);
    });
    j.attributeArray("accelerators", [&] {
      for (const onnx::AcceleratorFit& f : fits)
        j.object([&] {
          const onnx::Accelerator& acc = f.accelerator;
          j.attribute("id", acc.id);
          j.attribute("name", llvm::json::fixUTF8(acc.name));
          j.attribute("platform", acc.platform);
          range("memory_gb", acc.memoryGB);
          range("memory_bandwidth_gbs", acc.bandwidthGBs);
          j.attribute("cards_per_server", static_cast<int64_t>(acc.cardsPerServer));
          j.attributeArray("dtypes", [&] {
            for (const std::string& d : acc.dtypes) j.value(d);
          });
          j.attribute("source", llvm::json::fixUTF8(acc.source));
          j.attribute("note", llvm::json::fixUTF8(acc.note));
          j.attributeArray("plans", [&] {
            for (const onnx::Plan& p : f.plans)
              j.object([&] {
                j.attribute("requested", std::string(toString(p.requested)));
                j.attribute("effective", std::string(toString(p.effective)));
                j.attribute("available", p.available);
                j.attribute("conversion", llvm::json::fixUTF8(p.conversion));
                j.attribute("weight_bytes", p.weightBytes);
                j.attribute("allowance_bytes", p.allowanceBytes);
                j.attribute("total_bytes", p.totalBytes);
                j.attributeObject("cards", [&] {
                  j.attribute("min", static_cast<int64_t>(p.cardsLow));
                  j.attribute("max", static_cast<int64_t>(p.cardsHigh));
                });
                j.attributeObject("servers", [&] {
                  j.attribute("min", static_cast<int64_t>(p.serversLow));
                  j.attribute("max", static_cast<int64_t>(p.serversHigh));
                });
                j.attributeArray("explanation", [&] {
                  for (const std::string& e : p.explanation) j.value(llvm::json::fixUTF8(e));
                });
              });
          });
        });
    });
  });
  raw << "\n";
}

}  // namespace

int fitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  po::options_description desc(
      "usage: opscope fit MODEL [options]\n"
      "       opscope fit --params N --dtype D [options]\n\n"
      "Sizes a deployment: the minimum number of cards and of 8-card servers of each accelerator in\n"
      "the opdb's hardware table that hold the weights plus an allowance for KV cache and\n"
      "activations, at the model's precision and at converted ones (FP8 on hardware without FP8\n"
      "becomes BF16; W8A8 and W8A16 options). Every number is printed with its arithmetic.\n\noptions");
  std::string format, params, dtype;
  std::vector<std::string> models, overlays, precisions, hardware;
  double overhead = kDefaultAllowanceRatio;
  std::int64_t batch = kDefaultBatch, sequence = kDefaultSequence;
  desc.add_options()("help,h", "this help")("params", po::value(&params),
                                            "parameter count instead of a model (671e9, 70B, 7.5b)")(
      "dtype", po::value(&dtype),
      "precision of --params weights: fp32, fp16, bf16, fp8, w8a8, w8a16, w4a16 (default bf16)")(
      "precision", po::value(&precisions)->composing(),
      "precisions to size, comma-separated or repeated (default: the model's, bf16, w8a8, w8a16)")(
      "hw", po::value(&hardware)->composing(), "an accelerator id or part of its name; repeatable (default: all)")(
      "overhead", po::value(&overhead)->default_value(kDefaultAllowanceRatio),
      "allowance for KV cache and activations as a share of the weights, used unless the graph has past_key_values "
      "inputs")("batch", po::value(&batch)->default_value(kDefaultBatch),
                "batch size for a KV cache derived from past_key_values inputs")(
      "seq", po::value(&sequence)->default_value(kDefaultSequence),
      "sequence length for a KV cache derived from past_key_values inputs")(
      "format,f", po::value(&format)->default_value("text"), "text or json")(
      "db", po::value(&overlays)->composing(), "an opdb overlay file; repeatable, later ones win")(
      "model", po::value(&models), "the .onnx file");
  po::variables_map vm = parseOptions(args, desc, "model", "fit");
  if (vm.count("help")) {
    out << desc << "\n";
    return kOk;
  }
  if (format != "text" && format != "json") throw UsageError{"unknown format '" + format + "' (expected text or json)"};
  if (models.size() > 1) throw UsageError{"fit takes one MODEL"};
  if (models.empty() == params.empty())
    throw UsageError{"fit needs either a MODEL or --params (see opscope fit --help)"};
  if (!models.empty() && !dtype.empty())
    throw UsageError{"--dtype goes with --params; a model's precision is read from it"};
  if (!(overhead >= 0 && overhead <= 10)) throw UsageError{"--overhead must be between 0 and 10"};
  if (batch <= 0 || sequence <= 0) throw UsageError{"--batch and --seq must be positive"};

  db::Database db;
  loadDatabase(db, overlays, err, db::kindBit(SymbolKind::OnnxOp));  // operator versions and hardware
  std::vector<onnx::Accelerator> all = acceleratorsFromDb(db);
  if (all.empty()) throw UsageError{"the opdb has no hardware table (opdb/hardware.yaml): nothing to size against"};
  std::vector<onnx::Accelerator> cards = selectHardware(std::move(all), hardware);

  onnx::WeightProfile weights;
  onnx::Allowance allowance;
  if (!params.empty()) {
    weights.parameters = parseCount(params);
    std::string d = dtype.empty() ? "bf16" : dtype;
    auto p = onnx::parsePrecision(d);
    if (!p) throw UsageError{"unknown --dtype '" + d + "' (fp32, fp16, bf16, fp8, w8a8, w8a16, w4a16)"};
    weights.native = *p;
    weights.origin =
        onnx::formatCount(weights.parameters) + " parameters at " + std::string(toString(*p)) + " (given on the command line)";
    allowance = onnx::allowanceFromModel(onnx::ModelInfo{}, overhead, batch, sequence);
  } else {
    auto analyzed = analyzeModel(models.front(), db);
    if (auto* e = std::get_if<onnx::ReadError>(&analyzed)) {
      err << "opscope: " << e->str() << "\n";
      return kUsageError;
    }
    const AnalyzedModel& m = std::get<AnalyzedModel>(analyzed);
    weights = onnx::profileFromModel(m.model, m.summary);
    allowance = onnx::allowanceFromModel(m.model, overhead, batch, sequence);
  }
  std::vector<onnx::Precision> plan = parsePrecisions(precisions);
  if (plan.empty()) plan = onnx::defaultPrecisions(weights.native);
  std::vector<onnx::AcceleratorFit> fits = onnx::fitDeployment(weights, allowance, cards, plan);
  if (format == "json")
    printJson(weights, allowance, fits, out);
  else
    printText(weights, allowance, fits, out);
  return kOk;
}

}  // namespace opscope::cli
