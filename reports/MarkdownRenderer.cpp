#include "reports/MarkdownRenderer.h"

#include <cstdio>
#include <set>
#include <sstream>

#include "reports/ReportFacts.h"

namespace opscope::reports {
namespace {

/// GitHub and GitLab refuse comments past 65,536 characters; stay clear of it.
constexpr size_t kLimit = 64000;

/// Text from the user's files inside a table cell: no table breaks, no HTML, no stray code spans.
std::string md(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '`': out += "'"; break;
      case '*': case '_': case '[': case ']': case '\\': case '#':
        out += '\\';
        out += static_cast<char>(c);
        break;
      case '\n': case '\r': out += ' '; break;
      default: out += c < 0x20 ? '?' : static_cast<char>(c);
    }
  }
  return out;
}

std::string code(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '`' || c == '|' || c == '\n') ? '?' : c;
  return "`" + out + "`";
}

std::string pct(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

}  // namespace

void MarkdownRenderer::render(const Report& report, std::ostream& os) const {
  std::ostringstream out;
  unsigned problems = 0;
  for (const InputFile& in : report.inputs) problems += in.status == InputStatus::Error || !in.message.empty();
  out << "## opscope: migration coverage\n\n";
  out << "opscope " << md(report.toolVersion) << " · opdb " << md(report.opdbVersion) << " · " << report.inputs.size()
      << " file(s) · " << report.findings.size() << " finding(s)\n\n";

  if (!report.gate.empty()) {
    out << "### Gate\n\n";
    for (const GateCondition& c : report.gate)
      out << "- " << (c.failed ? "❌" : "✅") << " **" << md(c.name) << "**: " << md(c.message) << "\n";
    out << "\n";
  }

  if (!report.plans.empty()) {
    out << "### Porting plan\n\n";
    out << "| platform | automatic | assisted | manual | blocked | unknown | manual lines | engineer-days |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Platform& p : report.targets) {
      auto it = report.plans.find(p.id);
      if (it == report.plans.end()) continue;
      const PortingPlan& plan = it->second;
      out << "| " << md(p.name);
      for (PlanClass c : kAllPlanClasses) {
        const PlanTally& t = plan.classes.at(c);
        out << " | " << t.sites << " sites, " << t.lines << " lines";
      }
      out << " | " << oneDecimal(plan.manualLines) << " | " << oneDecimal(plan.effortDaysLow) << "-"
          << oneDecimal(plan.effortDaysHigh) << " |\n";
    }
    out << "\n";
    for (const Platform& p : report.targets) {
      auto it = report.plans.find(p.id);
      if (it == report.plans.end()) continue;
      PlanFacts facts = planFacts(it->second, report.effort ? &*report.effort : nullptr);
      out << "- **" << md(p.id) << "**: " << md(facts.headline) << "; " << md(facts.effort) << "\n";
    }
    if (report.effort) {
      out << "\n<details><summary>How the plan is computed</summary>\n\n";
      std::set<std::string> profiles;  // one formula per effort profile
      for (const auto& [id, plan] : report.plans)
        if (profiles.insert(plan.profile).second) out << "- " << md(planFacts(plan, &*report.effort).formula) << "\n";
      out << "\n</details>\n";
    }
    out << "\n### Symbol coverage\n\n";
  }

  out << "| platform | coverage | symbols | native | mapped | partial | emulated | missing | unknown |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const Platform& p : report.targets) {
    auto it = report.summaries.find(p.id);
    if (it == report.summaries.end()) continue;
    const PlatformSummary& s = it->second;
    out << "| " << md(p.name) << " | " << pct(s.coveragePercent) << " | " << s.symbols;
    for (CoverageStatus st : kAllStatuses) out << " | " << s.symbolsByStatus.at(st);
    out << " |\n";
  }
  out << "\nCoverage counts distinct API symbols; `unknown` means no public source says whether the platform "
         "covers the symbol, and counts against coverage.\n\n";

  if (!report.minimumSdk.empty()) {
    out << "### Minimum SDK\n\n";
    for (const MinimumSdk& m : report.minimumSdk) {
      MinimumSdkFacts facts = minimumSdkFacts(m);
      out << "- **" << md(m.platform) << "**: " << md(facts.headline);
      if (!facts.newer.empty()) {
        out << "; needs newer:";
        for (size_t i = 0; i < facts.newer.size(); ++i) out << (i ? ", " : " ") << code(facts.newer[i]);
      }
      if (!facts.removed.empty()) {
        out << "; gone:";
        for (size_t i = 0; i < facts.removed.size(); ++i) out << (i ? ", " : " ") << code(facts.removed[i]);
      }
      out << "\n";
    }
    out << "\n";
  }

  std::vector<SymbolGap> gaps = topGaps(report, 30);
  if (!gaps.empty()) {
    out << "### Top gaps\n\n| symbol | kind | uses |";
    for (const Platform& p : report.targets) out << " " << md(p.id) << " |";
    out << "\n|---|---|---:|";
    for (size_t i = 0; i < report.targets.size(); ++i) out << "---|";
    out << "\n";
    for (const SymbolGap& g : gaps) {
      out << "| " << code(g.name) << " | " << toString(g.kind) << " | " << g.occurrences << " |";
      for (const Platform& p : report.targets) {
        auto it = g.status.find(p.id);
        out << " " << (it == g.status.end() ? "" : std::string(toString(it->second))) << " |";
      }
      out << "\n";
    }
    out << "\n";
  }

  // Uses whose answer is narrower than the symbol's: a call written with an argument shape the
  // platform's function does not take (the answer's note says why and gives the fix).
  std::vector<std::pair<const ReportFinding*, PlatformId>> shapes;
  for (const ReportFinding& rf : report.findings)
    for (const Platform& p : report.targets)
      if (auto c = rf.coverage.find(p.id); c != rf.coverage.end() && c->second.status == CoverageStatus::Partial &&
                                           rf.finding.detail.find("args=") != std::string::npos &&
                                           c->second.note.find(" Fix: ") != std::string::npos)
        shapes.emplace_back(&rf, p.id);
  if (!shapes.empty()) {
    out << "### Calls to change for the target's argument shapes (" << shapes.size() << ")\n\n";
    for (size_t i = 0; i < shapes.size() && i < 40; ++i) {
      const std::string& note = shapes[i].first->coverage.at(shapes[i].second).note;
      std::string fix = note.substr(note.find(" Fix: ") + 6);
      fix = fix.substr(0, fix.find(" (the rewrite"));
      out << "- " << md(shapes[i].second) << ": " << code(shapes[i].first->finding.symbol.name) << " at "
          << code(where(shapes[i].first->finding)) << " -> " << code(fix) << "\n";
    }
    if (shapes.size() > 40) out << "- ... and " << shapes.size() - 40 << " more\n";
    out << "\n";
  }

  std::vector<const ReportFinding*> hazards, kernels;
  for (const ReportFinding& rf : report.findings) {
    if (rf.finding.symbol.kind == SymbolKind::Hazard && !rf.suppressed) hazards.push_back(&rf);
    if (rf.finding.symbol.kind == SymbolKind::Kernel) kernels.push_back(&rf);
  }
  if (!hazards.empty()) {
    out << "### Porting hazards (" << hazards.size() << ")\n\n";
    for (size_t i = 0; i < hazards.size() && i < 40; ++i)
      out << "- " << code(hazards[i]->finding.symbol.name) << " at " << code(where(hazards[i]->finding)) << "\n";
    if (hazards.size() > 40) out << "- ... and " << hazards.size() - 40 << " more\n";
    out << "\n";
  }
  if (!report.kernels.empty()) {
    // Each kernel is judged as a whole: rewritten in the platform's kernel language, or replaced
    // by an operator that computes the same thing.
    out << "### Kernels (" << report.kernels.size() << ")\n\n| kernel | where | lines |";
    for (const Platform& p : report.targets) out << " " << md(p.id) << " |";
    out << "\n|---|---|---|";
    for (size_t i = 0; i < report.targets.size(); ++i) out << "---|";
    out << "\n";
    constexpr size_t kMaxRows = 40;
    for (size_t i = 0; i < report.kernels.size() && i < kMaxRows; ++i) {
      const KernelReport& k = report.kernels[i];
      out << "| " << code(k.name) << " | " << code(k.location.file + ":" + std::to_string(k.location.line)) << " | "
          << k.lines << " |";
      for (const Platform& p : report.targets) {
        auto it = k.verdicts.find(p.id);
        if (it == k.verdicts.end()) {
          out << " |";
          continue;
        }
        const KernelVerdict& v = it->second;
        out << " " << toString(v.status);
        if (!v.target.empty()) out << " " << code(v.target);
        if (!v.effort.empty()) out << " (" << v.effort << ")";
        out << " |";
      }
      out << "\n";
    }
    if (report.kernels.size() > kMaxRows) out << "\n_... and " << report.kernels.size() - kMaxRows << " more kernels_\n";
    out << "\n";
  } else if (!kernels.empty()) {
    out << "**Kernels to port by hand:** " << kernels.size() << "\n\n";
  }
  for (const ModelReport& m : report.models) {
    ModelFacts facts = modelFacts(m);
    out << "### ONNX model " << code(m.file) << "\n\n" << md(facts.headline) << "\n\n";
    for (const std::string& line : facts.partitions) out << "- " << md(line) << "\n";
    if (!facts.cards.empty()) {
      out << "- fewest cards at " << md(m.precision) << ":";
      for (size_t i = 0; i < facts.cards.size() && i < 20; ++i) out << (i ? "; " : " ") << md(facts.cards[i]);
      out << "\n";
    }
    out << "\n";
  }

  if (problems > 0) {
    out << "<details><summary>" << problems << " input(s) not fully parsed</summary>\n\n";
    unsigned shown = 0;
    for (const InputFile& in : report.inputs) {
      if (in.status != InputStatus::Error && in.message.empty()) continue;
      if (++shown > 50) {
        out << "- ... and " << problems - 50 << " more\n";
        break;
      }
      out << "- " << code(in.path) << " (" << toString(in.status) << "): " << md(in.message.substr(0, 300)) << "\n";
    }
    out << "\n</details>\n";
  }

  std::string text = out.str();
  if (text.size() > kLimit) {
    // Cut at a line boundary, never inside a multi-byte character.
    size_t cut = text.rfind('\n', kLimit - 200);
    text = text.substr(0, cut == std::string::npos ? 0 : cut + 1);
    text += "\n_(truncated to stay within the comment size limit; the full report is in the CI artefacts)_\n";
  }
  os << text;
}

}  // namespace opscope::reports
