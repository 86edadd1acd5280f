#include "reports/TextRenderer.h"
#include "reports/ReportFacts.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace opscope::reports {
namespace {

std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%5.1f%%", v);
  return buf;
}

/// Terminal text must not carry control characters from the user's files.
std::string printable(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  return out;
}

/// One line per kernel: its size and, per platform, the verdict (target, effort).
void renderKernelVerdicts(const Report& report, std::ostream& out) {
  if (report.kernels.empty()) return;
  constexpr size_t kMaxRows = 500;
  out << "\nkernels (each is judged as a whole; the device calls inside take its verdict):\n";
  for (size_t i = 0; i < report.kernels.size() && i < kMaxRows; ++i) {
    const KernelReport& k = report.kernels[i];
    out << "  " << printable(k.location.file) << ":" << k.location.line << ": " << printable(k.name) << " ("
        << k.lines << " lines";
    if (!k.computes.empty()) out << ", computes " << k.computes;
    for (const std::string& h : k.hazards) out << ", hazard " << printable(h);
    out << ")";
    for (const auto& [platform, v] : k.verdicts) {
      out << "  " << platform << "=" << toString(v.status);
      if (!v.target.empty() || !v.effort.empty())
        out << "(" << printable(v.target) << (v.effort.empty() ? "" : (v.target.empty() ? "" : ", ") + v.effort) << ")";
    }
    out << "\n";
  }
  if (report.kernels.size() > kMaxRows) out << "  ... and " << report.kernels.size() - kMaxRows << " more\n";
}

}  // namespace

void TextRenderer::render(const Report& report, std::ostream& out) const {
  auto paint = [&](const char* code, const std::string& s) {
    return options_.color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  };
  auto statusColour = [](CoverageStatus s) {
    switch (s) {
      case CoverageStatus::Native:
      case CoverageStatus::Mapped: return "32";
      case CoverageStatus::Partial:
      case CoverageStatus::Emulated: return "33";
      case CoverageStatus::Missing: return "31";
      case CoverageStatus::Unknown: return "35";
    }
    return "0";
  };

  out << "opscope " << report.toolVersion << " (opdb " << report.opdbVersion << ")\n";
  out << "scanned " << report.inputs.size() << " file(s) under " << printable(report.root) << "\n";
  for (const InputFile& in : report.inputs)
    if (in.status == InputStatus::Error || !in.message.empty())
      out << "  " << paint(in.status == InputStatus::Error ? "31" : "33", printable(in.path) + " [" +
                                                                                std::string(toString(in.status)) + "]")
          << ": " << printable(in.message) << "\n";
  std::vector<std::string> reasons = lexicalReasonSummary(report.inputs);
  if (!reasons.empty()) {
    out << "scanned lexically (weaker findings: no kernels, overloads or types):\n";
    for (const std::string& line : reasons) out << "  " << printable(line) << "\n";
  }

  // The plan comes first: what is automatic, what is manual work, what blocks, what nobody knows.
  if (!report.plans.empty()) {
    out << "\nporting plan (sites of CUDA/PyTorch-dependent code; unknown is never costed):\n";
    for (const Platform& p : report.targets) {
      auto it = report.plans.find(p.id);
      if (it == report.plans.end()) continue;
      PlanFacts facts = planFacts(it->second, report.effort ? &*report.effort : nullptr);
      char id[32];
      std::snprintf(id, sizeof id, "  %-11s", p.id.c_str());
      out << id << " " << printable(facts.headline) << "\n";
      out << "              " << paint("1", printable(facts.effort)) << "\n";
    }
    std::set<std::string> profiles;  // one formula per effort profile
    for (const auto& [id, plan] : report.plans)
      if (profiles.insert(plan.profile).second)
        out << "  how (" << printable(plan.profile) << "): "
            << printable(planFacts(plan, report.effort ? &*report.effort : nullptr).formula) << "\n";
  }

  if (!report.minimumSdk.empty()) {
    out << "\nminimum SDK (the lowest level under which every dated op in use is supported):\n";
    for (const MinimumSdk& m : report.minimumSdk) {
      MinimumSdkFacts facts = minimumSdkFacts(m);
      char id[32];
      std::snprintf(id, sizeof id, "  %-11s", m.platform.c_str());
      out << id << " " << printable(facts.headline) << "\n";
      if (!facts.newer.empty()) {
        out << "              needs newer:";
        for (const std::string& n : facts.newer) out << " " << printable(n);
        out << "\n";
      }
      if (!facts.removed.empty()) {
        out << "              gone:";
        for (const std::string& n : facts.removed) out << " " << printable(n);
        out << "\n";
      }
    }
  }

  if (options_.listFindings && !report.findings.empty()) {
    out << "\nfindings:\n";
    std::string lastFile;
    for (const ReportFinding& rf : report.findings) {
      const Finding& f = rf.finding;
      if (f.location.file != lastFile) {
        lastFile = f.location.file;
        out << printable(lastFile) << "\n";
      }
      out << "  " << printable(f.location.file) << ":" << f.location.line << ":" << f.location.column << ": "
          << printable(f.symbol.name) << " [" << toString(f.symbol.kind);
      if (!f.symbol.library.empty() && f.symbol.library != "user") out << ", " << printable(f.symbol.library);
      out << "]";
      if (f.evidence != Evidence::Semantic) out << " (" << toString(f.evidence) << ")";
      if (!f.detail.empty()) out << " " << printable(f.detail);
      if (!f.location.macroChain.empty()) {
        out << " via";
        for (const std::string& m : f.location.macroChain) out << " " << printable(m);
      }
      if (!rf.deviceCode.empty()) out << " (device code of " << printable(rf.deviceCode) << ")";
      for (const auto& [platform, c] : rf.coverage) {
        out << "  " << platform << "=" << paint(statusColour(c.status), std::string(toString(c.status)));
        if (!c.target.empty()) out << "(" << printable(c.target) << ")";
      }
      out << "\n";
    }
  }

  // Kernels are the project's own code: listed apart, they are not platform API coverage.
  unsigned kernels = 0, launches = 0;
  for (const ReportFinding& rf : report.findings) {
    kernels += rf.finding.symbol.kind == SymbolKind::Kernel;
    launches += rf.finding.symbol.kind == SymbolKind::KernelLaunch;
  }
  out << "\n" << report.findings.size() << " finding(s); " << kernels << " kernel definition(s), " << launches
      << " launch(es)\n";
  renderKernelVerdicts(report, out);

  for (const ModelReport& m : report.models) {
    ModelFacts facts = modelFacts(m);
    out << "\nONNX model " << printable(m.file) << ": " << facts.headline << "\n";
    for (const std::string& line : facts.partitions) out << "  partition " << line << "\n";
    if (!facts.cards.empty()) {
      out << "  fewest cards at " << m.precision << ":";
      for (size_t i = 0; i < facts.cards.size(); ++i) out << (i ? "; " : " ") << printable(facts.cards[i]);
      out << " (opscope fit " << printable(m.file) << " explains each number)\n";
    }
  }

  out << "\ncoverage by platform (distinct API symbols; unknown counts against coverage):\n";
  out << "  platform     coverage  symbols  native mapped partial emulated missing unknown\n";
  for (const Platform& p : report.targets) {
    auto it = report.summaries.find(p.id);
    if (it == report.summaries.end()) continue;
    const PlatformSummary& s = it->second;
    char line[160];
    std::snprintf(line, sizeof line, "  %-12s %8s  %7u  %6u %6u %7u %8u %7u %7u", p.id.c_str(),
                  percent(s.coveragePercent).c_str(), s.symbols, s.symbolsByStatus.at(CoverageStatus::Native),
                  s.symbolsByStatus.at(CoverageStatus::Mapped), s.symbolsByStatus.at(CoverageStatus::Partial),
                  s.symbolsByStatus.at(CoverageStatus::Emulated), s.symbolsByStatus.at(CoverageStatus::Missing),
                  s.symbolsByStatus.at(CoverageStatus::Unknown));
    out << line << "  " << printable(p.name) << "\n";
  }
  // Unknown is an honest answer: say which symbols no public source covers.
  std::map<std::string, std::set<std::string>> unknownBy;
  for (const ReportFinding& rf : report.findings)
    for (const auto& [platform, c] : rf.coverage)
      if (c.status == CoverageStatus::Unknown && rf.deviceCode.empty()) unknownBy[platform].insert(rf.finding.symbol.name);
  for (const auto& [platform, names] : unknownBy) {
    out << "  " << platform << ": no public source covers " << names.size() << " symbol(s):";
    unsigned shown = 0;
    for (const std::string& n : names) {
      if (++shown > 8) {
        out << " ...";
        break;
      }
      out << " " << printable(n);
    }
    out << "\n";
  }
}

}  // namespace opscope::reports
