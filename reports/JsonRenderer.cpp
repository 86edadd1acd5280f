#include "reports/JsonRenderer.h"
#include "reports/ReportFacts.h"

#include <cmath>

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_os_ostream.h"

namespace opscope::reports {
namespace {

/// JSON strings must be valid UTF-8; source files need not be. Invalid bytes become U+FFFD.
std::string utf8(const std::string& s) {
  if (llvm::json::isUTF8(s)) return s;
  return llvm::json::fixUTF8(s);
}

llvm::StringRef ref(std::string_view s) { return llvm::StringRef(s.data(), s.size()); }

void writeCoverage(llvm::json::OStream& j, const Coverage& c) {
  j.object([&] {
    j.attribute("status", ref(toString(c.status)));
    j.attribute("target", utf8(c.target));
    if (!c.note.empty()) j.attribute("note", utf8(c.note));
    if (!c.source.empty()) j.attribute("source", utf8(c.source));
    if (c.confidence) j.attribute("confidence", ref(toString(*c.confidence)));
    j.attribute("layer", utf8(c.layer));
  });
}


// summary.<platform>.minimum_sdk: per SDK, the lowest level every dated op in use needs.
void writeMinimumSdk(llvm::json::OStream& j, const Report& report, const PlatformId& platform) {
  bool any = false;
  for (const MinimumSdk& m : report.minimumSdk) any = any || m.platform == platform;
  if (!any) return;
  auto needs = [&](const char* key, const std::vector<SdkNeed>& list) {
    j.attributeArray(key, [&] {
      for (const SdkNeed& n : list)
        j.object([&] {
          j.attribute("symbol", utf8(n.symbol));
          j.attribute("version", utf8(n.version));
        });
    });
  };
  j.attributeArray("minimum_sdk", [&] {
    for (const MinimumSdk& m : report.minimumSdk) {
      if (m.platform != platform) continue;
      j.object([&] {
        j.attribute("sdk", utf8(m.sdk));
        j.attribute("minimum", utf8(m.minimum));
        j.attribute("oldest", utf8(m.oldest));
        j.attribute("dated", static_cast<int64_t>(m.dated));
        j.attribute("ops", static_cast<int64_t>(m.ops));
        needs("newer", m.newer);
        needs("removed", m.removed);
      });
    }
  });
}

double round1(double v) { return std::round(v * 10.0) / 10.0; }
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

void writeTally(llvm::json::OStream& j, const PlanTally& t) {
  j.attribute("sites", static_cast<int64_t>(t.sites));
  j.attribute("lines", static_cast<int64_t>(t.lines));
  j.attribute("estimated_lines", round1(t.estimatedLines));
}

// summary.<platform>.plan: the porting plan, its weights, and every site's class.
void writePlan(llvm::json::OStream& j, const PortingPlan& plan, const EffortModel* model) {
  j.attributeObject("plan", [&] {
    j.attribute("profile", plan.profile);
    j.attribute("sites", static_cast<int64_t>(plan.sites.size()));
    j.attribute("automatic_share", round3(plan.automaticShare));
    j.attributeObject("classes", [&] {
      for (const auto& [c, t] : plan.classes) j.attributeObject(ref(toString(c)), [&] { writeTally(j, t); });
    });
    j.attributeObject("manual_by_subclass", [&] {
      for (const auto& [sub, t] : plan.manualBySubclass) j.attributeObject(sub, [&] { writeTally(j, t); });
    });
    j.attribute("setup_lines", round1(plan.setupLines));
    j.attribute("manual_lines", round1(plan.manualLines));
    j.attributeObject("effort_days", [&] {
      j.attribute("low", round1(plan.effortDaysLow));
      j.attribute("high", round1(plan.effortDaysHigh));
    });
    j.attribute("formula", utf8(planFacts(plan, model).formula));
    if (model)
      for (const EffortProfile& p : model->profiles)
        if (p.id == plan.profile)
          j.attributeObject("weights", [&] {
            for (const auto& [id, w] : p.weights)
              j.attributeObject(id, [&] {
                j.attribute("value", w.value);
                j.attribute("rationale", utf8(w.rationale));
                j.attribute("source", utf8(w.source));
              });
          });
    j.attributeArray("site_classes", [&] {
      for (const PlanSite& s : plan.sites)
        j.object([&] {
          j.attribute("finding", static_cast<int64_t>(s.finding));
          j.attribute("class", ref(toString(s.cls)));
          j.attribute("subclass", utf8(s.subclass));
          if (s.lines > 0) j.attribute("lines", round1(s.lines));
        });
    });
  });
}

}  // namespace

void JsonRenderer::render(const Report& report, std::ostream& os) const {
  llvm::raw_os_ostream out(os);
  llvm::json::OStream j(out, 2);
  j.object([&] {
    j.attribute("schema", "opscope-report/1");
    j.attributeObject("tool", [&] {
      j.attribute("name", "opscope");
      j.attribute("version", report.toolVersion);
      j.attribute("opdb_version", report.opdbVersion);
    });
    j.attribute("root", utf8(report.root));
    j.attributeArray("targets", [&] {
      for (const Platform& p : report.targets) j.value(p.id);
    });
    j.attributeArray("platforms", [&] {
      for (const Platform& p : report.targets)
        j.object([&] {
          j.attribute("id", p.id);
          j.attribute("name", utf8(p.name));
        });
    });
    j.attributeArray("inputs", [&] {
      for (const InputFile& in : report.inputs)
        j.object([&] {
          j.attribute("path", utf8(in.path));
          j.attribute("language", in.language);
          j.attribute("status", ref(toString(in.status)));
          j.attribute("message", utf8(in.message));
          if (in.lexicalReason != LexicalReason::None) {
            j.attribute("lexicalReason", ref(toString(in.lexicalReason)));
            if (!in.missingHeader.empty()) j.attribute("missingHeader", utf8(in.missingHeader));
            if (!in.package.empty()) j.attribute("package", utf8(in.package));
          }
        });
    });
    j.attributeArray("findings", [&] {
      for (const ReportFinding& rf : report.findings) {
        const Finding& f = rf.finding;
        j.object([&] {
          j.attribute("symbol", utf8(f.symbol.name));
          j.attribute("kind", ref(toString(f.symbol.kind)));
          j.attribute("library", utf8(f.symbol.library));
          j.attribute("file", utf8(f.location.file));
          j.attribute("line", static_cast<int64_t>(f.location.line));
          j.attribute("column", static_cast<int64_t>(f.location.column));
          j.attribute("end_line", static_cast<int64_t>(f.location.endLine));
          j.attribute("end_column", static_cast<int64_t>(f.location.endColumn));
          j.attribute("evidence", ref(toString(f.evidence)));
          if (!f.context.empty()) j.attribute("context", utf8(f.context));
          if (!f.detail.empty()) j.attribute("detail", utf8(f.detail));
          if (rf.suppressed) j.attribute("suppressed", true);
          if (!rf.deviceCode.empty()) j.attribute("device_code", utf8(rf.deviceCode));
          if (!f.location.macroChain.empty())
            j.attributeArray("macro_chain", [&] {
              for (const std::string& m : f.location.macroChain) j.value(utf8(m));
            });
          j.attributeObject("coverage", [&] {
            for (const auto& [platform, c] : rf.coverage) j.attributeBegin(platform), writeCoverage(j, c), j.attributeEnd();
          });
        });
      }
    });
    j.attributeArray("suggestions", [&] {
      for (const Suggestion& s : report.suggestions)
        j.object([&] {
          j.attribute("platform", s.platform);
          j.attribute("file", utf8(s.file));
          j.attribute("offset", static_cast<int64_t>(s.offset));
          j.attribute("length", static_cast<int64_t>(s.length));
          j.attribute("line", static_cast<int64_t>(s.line));
          j.attribute("column", static_cast<int64_t>(s.column));
          j.attribute("replacement", utf8(s.replacement));
          j.attribute("reason", utf8(s.reason));
        });
    });
    j.attributeArray("kernels", [&] {
      for (const KernelReport& k : report.kernels)
        j.object([&] {
          j.attribute("name", utf8(k.name));
          j.attribute("file", utf8(k.location.file));
          j.attribute("line", static_cast<int64_t>(k.location.line));
          j.attribute("column", static_cast<int64_t>(k.location.column));
          j.attribute("lines", static_cast<int64_t>(k.lines));
          if (!k.computes.empty()) j.attribute("computes", k.computes);
          j.attributeArray("hazards", [&] {
            for (const std::string& h : k.hazards) j.value(utf8(h));
          });
          j.attribute("device_calls", static_cast<int64_t>(k.deviceCalls));
          j.attributeObject("verdicts", [&] {
            for (const auto& [platform, v] : k.verdicts)
              j.attributeObject(platform, [&] {
                j.attribute("status", ref(toString(v.status)));
                j.attribute("target", utf8(v.target));
                if (!v.effort.empty()) j.attribute("effort", v.effort);
                j.attribute("reason", utf8(v.reason));
                if (!v.source.empty()) j.attribute("source", utf8(v.source));
                if (v.confidence) j.attribute("confidence", ref(toString(*v.confidence)));
              });
          });
        });
    });
    j.attributeArray("models", [&] {
      for (const ModelReport& m : report.models)
        j.object([&] {
          j.attribute("file", utf8(m.file));
          j.attribute("nodes", static_cast<int64_t>(m.nodes));
          j.attribute("parameters", m.parameters);
          j.attribute("precision", m.precision);
          j.attribute("allowance", utf8(m.allowance));
          j.attributeObject("partitions", [&] {
            for (const auto& [platform, g] : m.partitions)
              j.attributeObject(platform, [&] {
                j.attribute("nodes", static_cast<int64_t>(g.nodes));
                j.attribute("accelerator_nodes", static_cast<int64_t>(g.acceleratorNodes));
                j.attribute("accelerator_segments", static_cast<int64_t>(g.acceleratorSegments));
                j.attribute("fallback_segments", static_cast<int64_t>(g.fallbackSegments));
                j.attribute("transitions", static_cast<int64_t>(g.transitions));
                j.attribute("folded_nodes", static_cast<int64_t>(g.foldedNodes));
                j.attribute("unknown_nodes", static_cast<int64_t>(g.unknownNodes));
                j.attribute("accelerator_nodes_if_unknown_run", static_cast<int64_t>(g.acceleratorNodesIfUnknownRun));
                j.attribute("fallback_segments_if_unknown_run", static_cast<int64_t>(g.fallbackSegmentsIfUnknownRun));
              });
          });
          j.attributeArray("sizing", [&] {
            for (const SizingRow& r : m.sizing)
              j.object([&] {
                j.attribute("accelerator", r.accelerator);
                j.attribute("name", utf8(r.name));
                j.attribute("platform", r.platform);
                j.attribute("precision", r.precision);
                j.attribute("effective", r.effective);
                if (!r.conversion.empty()) j.attribute("conversion", utf8(r.conversion));
                j.attribute("available", r.available);
                j.attribute("total_bytes", r.totalBytes);
                j.attribute("cards_low", static_cast<int64_t>(r.cardsLow));
                j.attribute("cards_high", static_cast<int64_t>(r.cardsHigh));
                j.attribute("servers_low", static_cast<int64_t>(r.serversLow));
                j.attribute("servers_high", static_cast<int64_t>(r.serversHigh));
              });
          });
        });
    });
    j.attributeObject("summary", [&] {
      for (const auto& [platform, s] : report.summaries)
        j.attributeObject(platform, [&] {
          j.attribute("coverage_percent", round1(s.coveragePercent));
          j.attribute("symbols", static_cast<int64_t>(s.symbols));
          j.attributeObject("by_status", [&] {
            for (CoverageStatus st : kAllStatuses) j.attribute(ref(toString(st)), static_cast<int64_t>(s.symbolsByStatus.at(st)));
          });
          j.attributeObject("findings_by_status", [&] {
            for (CoverageStatus st : kAllStatuses) j.attribute(ref(toString(st)), static_cast<int64_t>(s.findingsByStatus.at(st)));
          });
          auto plan = report.plans.find(platform);
          if (plan != report.plans.end()) writePlan(j, plan->second, report.effort ? &*report.effort : nullptr);
          writeMinimumSdk(j, report, platform);
        });
    });
  });
  out << "\n";
  out.flush();
}

}  // namespace opscope::reports
