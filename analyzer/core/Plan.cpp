#include "core/Plan.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/Model.h"

namespace opscope {

std::string_view toString(PlanClass c) {
  switch (c) {
    case PlanClass::Automatic: return "automatic";
    case PlanClass::Assisted: return "assisted";
    case PlanClass::Manual: return "manual";
    case PlanClass::Blocked: return "blocked";
    case PlanClass::Unknown: return "unknown";
  }
  return "unknown";
}

std::optional<PlanClass> parsePlanClass(std::string_view s) {
  for (PlanClass c : kAllPlanClasses)
    if (toString(c) == s) return c;
  return std::nullopt;
}

double EffortProfile::weight(std::string_view id) const {
  auto it = weights.find(std::string(id));
  return it == weights.end() ? 0 : it->second.value;
}

const EffortProfile* EffortModel::profileFor(const PlatformId& platform) const {
  for (const EffortProfile& p : profiles)
    if (std::find(p.platforms.begin(), p.platforms.end(), platform) != p.platforms.end()) return &p;
  return nullptr;
}

namespace {

/// The N of a "lines=N" token in a kernel's detail ("lines=24 launches=2").
std::optional<unsigned> kernelLines(const std::string& detail) {
  for (std::size_t pos = detail.find("lines="); pos != std::string::npos; pos = detail.find("lines=", pos + 6)) {
    if (pos > 0 && detail[pos - 1] != ' ' && detail[pos - 1] != ',' && detail[pos - 1] != ';') continue;
    unsigned n = 0;
    std::size_t i = pos + 6;
    for (; i < detail.size() && i < pos + 15 && detail[i] >= '0' && detail[i] <= '9'; ++i) n = n * 10 + (detail[i] - '0');
    if (i > pos + 6) return n;
  }
  return std::nullopt;
}

PlanSite site(PlanClass cls, std::string subclass, double lines = 0) {
  PlanSite s;
  s.cls = cls;
  s.subclass = std::move(subclass);
  s.lines = lines;
  return s;
}

}  // namespace

std::optional<PlanSite> classifySite(const ReportFinding& rf, const PlatformId& platform,
                                     const EffortProfile& profile, const SiteContext& context) {
  const bool hasEdit = context.hasEdit, hasAdvice = context.hasAdvice;
  const Finding& f = rf.finding;
  const SymbolKind kind = f.symbol.kind;
  // Models are converted, not edited; suppressed findings are the team's decision already.
  if (kind == SymbolKind::OnnxOp || rf.suppressed) return std::nullopt;
  auto cov = rf.coverage.find(platform);
  const bool answered = cov != rf.coverage.end() && cov->second.confidence.has_value();
  const CoverageStatus status = cov == rf.coverage.end() ? CoverageStatus::Unknown : cov->second.status;

  // A CUDA-only build setting (scan/BuildFiles.h): the build is redone for every platform.
  if (kind == SymbolKind::BuildSetting) return site(PlanClass::Manual, "build-system", profile.weight("build_lines_per_site"));

  // The project's own device code: kernels, device functions, launches, registered ops.
  if (kind == SymbolKind::Kernel || kind == SymbolKind::DeviceFunction || kind == SymbolKind::KernelLaunch ||
      kind == SymbolKind::RegisteredOp) {
    const bool definition = kind == SymbolKind::Kernel || kind == SymbolKind::DeviceFunction;
    // A per-kernel verdict, where the frontend gives one, decides over the profile.
    if (answered && status == CoverageStatus::Unknown) return site(PlanClass::Unknown, "no verdict");
    const bool compiles = answered ? (status == CoverageStatus::Native || status == CoverageStatus::Mapped)
                                   : profile.kernelsCompile;
    if (compiles) return site(PlanClass::Automatic, "device code compiles as written");
    if (answered && (status == CoverageStatus::Partial || status == CoverageStatus::Emulated))
      return site(PlanClass::Assisted, "device code needs changes the verdict names",
                  profile.weight("assisted_lines_per_line"));
    if (!definition) return site(PlanClass::Manual, "kernel-rewrite", profile.weight("launch_lines_per_site"));
    std::optional<unsigned> n = kernelLines(f.detail);
    double lines = n ? *n * profile.weight("kernel_rewrite_lines_per_kernel_line")
                     : profile.weight("kernel_rewrite_lines_unsized");
    return site(PlanClass::Manual, "kernel-rewrite", lines);
  }

  // A porting hazard: the rule's advice for the platform says how the construct carries over.
  if (kind == SymbolKind::Hazard) {
    // Inside a kernel that is rewritten anyway, the rewrite takes care of it.
    if (!profile.kernelsCompile && context.inProjectKernel && status != CoverageStatus::Unknown)
      return site(PlanClass::Manual, "kernel-rewrite");
    switch (status) {
      case CoverageStatus::Native:
      case CoverageStatus::Mapped: return site(PlanClass::Automatic, "construct carries over");
      case CoverageStatus::Unknown: return site(PlanClass::Unknown, "no advice");
      default: return site(PlanClass::Manual, "hazard-review", profile.weight("hazard_review_lines_per_site"));
    }
  }

  // An API name, a torch API, a device string, ...: the opdb's answer and the rewrite's edits.
  // An edit of the rewrite engine (Python scripts on every platform) makes a site automatic; a
  // suggestion with advice only, or an answer that names the equivalent, makes it assisted.
  switch (status) {
    case CoverageStatus::Native:
      return site(PlanClass::Automatic, hasEdit || profile.rewritesApiNames ? "rewritten" : "runs as is");
    case CoverageStatus::Mapped:
      if (hasEdit || profile.rewritesApiNames) return site(PlanClass::Automatic, "rewritten");
      return site(PlanClass::Assisted, hasAdvice ? "advice" : "equivalent named", profile.weight("assisted_lines_per_line"));
    case CoverageStatus::Partial:
    case CoverageStatus::Emulated:
      if (hasEdit) return site(PlanClass::Automatic, "rewritten, with a note");
      // A rewrite rule decided this use (a call-shape fix, a fallback definition): it makes the edit.
      if (profile.rewritesApiNames && cov != rf.coverage.end() && !rewriteRuleOf(cov->second).empty()) return site(PlanClass::Automatic, "rewritten, with a note");
      if (hasAdvice) return site(PlanClass::Assisted, "advice", profile.weight("assisted_lines_per_line"));
      return site(PlanClass::Assisted, status == CoverageStatus::Partial ? "constraint to check" : "emulated",
                  profile.weight("partial_lines_per_site"));
    case CoverageStatus::Missing: {
      const auto& libs = profile.redesignLibraries;
      if (std::find(libs.begin(), libs.end(), f.symbol.library) != libs.end() || hasAdvice)
        return site(PlanClass::Manual, "library-redesign", profile.weight("library_redesign_lines_per_site"));
      // A struct member the platform's struct lacks (hipDeviceProp_t has no unifiedAddressing): no
      // header can add it; each access is rewritten by hand (the note says what asks the same).
      if (kind == SymbolKind::Field)
        return site(PlanClass::Manual, "struct-member", profile.weight("assisted_lines_per_line"));
      // A name the platform lacks but whose role it has: defined once in a compatibility header.
      if (profile.missingGetsShim && f.evidence != Evidence::Graph && kind != SymbolKind::TorchApi &&
          kind != SymbolKind::AtenOp)
        return site(PlanClass::Manual, "compat-shim", profile.weight("shim_lines_per_symbol"));
      return site(PlanClass::Blocked, "missing, no workaround");
    }
    case CoverageStatus::Unknown: return site(PlanClass::Unknown, "no public source");
  }
  return site(PlanClass::Unknown, "no public source");
}

PortingPlan computePlan(const Report& report, const PlatformId& platform, const EffortProfile& profile) {
  PortingPlan plan;
  plan.platform = platform;
  plan.profile = profile.id;
  for (PlanClass c : kAllPlanClasses) plan.classes[c] = {};

  // Suggestions of this platform by (file, line): edits and advice.
  std::set<std::pair<std::string, unsigned>> edits, advice;
  for (const Suggestion& s : report.suggestions) {
    if (s.platform != platform) continue;
    bool isEdit = !s.replacement.empty() || s.length > 0;
    (isEdit ? edits : advice).emplace(s.file, s.line);
  }

  // Kernels and device functions the scan found defined: a site inside one is device code.
  std::set<std::pair<std::string, std::string>> kernels;  // (file, name)
  for (const ReportFinding& rf : report.findings)
    if (rf.finding.symbol.kind == SymbolKind::Kernel || rf.finding.symbol.kind == SymbolKind::DeviceFunction)
      kernels.emplace(rf.finding.location.file, rf.finding.symbol.name);

  // Assisted lines are counted once per source line: two names on one line are one edit.
  std::map<PlanClass, std::set<std::pair<std::string, unsigned>>> linesOf;
  std::map<std::string, std::set<std::pair<std::string, unsigned>>> linesOfSub;
  std::set<std::pair<std::string, unsigned>> assistedLines;
  std::set<std::string> shimmed;
  std::set<std::tuple<std::string, unsigned, std::string>> reviewed;
  std::set<std::pair<std::string, unsigned>> buildLines;
  std::set<std::string> buildFiles;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const ReportFinding& rf = report.findings[i];
    std::pair<std::string, unsigned> at{rf.finding.location.file, rf.finding.location.line};
    SiteContext context;
    context.hasEdit = edits.count(at) > 0;
    context.hasAdvice = advice.count(at) > 0;
    context.inProjectKernel = kernels.count({rf.finding.location.file, rf.finding.context}) > 0;
    std::optional<PlanSite> s = classifySite(rf, platform, profile, context);
    if (!s) continue;
    s->finding = i;
    // Two assisted names on one line are one edit; a shim is written once per name.
    if (s->cls == PlanClass::Assisted && !assistedLines.insert(at).second) s->lines = 0;
    if (s->subclass == "compat-shim" && !shimmed.insert(rf.finding.symbol.name).second) s->lines = 0;
    // Two checks raising one hazard on one line are one review.
    if (s->subclass == "hazard-review" && !reviewed.emplace(at.first, at.second, rf.finding.symbol.name).second) s->lines = 0;
    // Two settings on one build line are one edit; each build file also costs its own block
    // (platform detection, the platform's compiler and flags), carried by its first site.
    if (s->subclass == "build-system") {
      if (!buildLines.insert(at).second) s->lines = 0;
      if (buildFiles.insert(at.first).second) s->lines += profile.weight("build_lines_per_file");
    }
    PlanTally& t = plan.classes[s->cls];
    ++t.sites;
    t.estimatedLines += s->lines;
    linesOf[s->cls].insert(at);
    if (s->cls == PlanClass::Manual) {
      PlanTally& sub = plan.manualBySubclass[s->subclass];
      ++sub.sites;
      sub.estimatedLines += s->lines;
      linesOfSub[s->subclass].insert(at);
    }
    plan.sites.push_back(std::move(*s));
  }
  for (auto& [c, t] : plan.classes) t.lines = static_cast<unsigned>(linesOf[c].size());
  for (auto& [sub, t] : plan.manualBySubclass) t.lines = static_cast<unsigned>(linesOfSub[sub].size());

  // Only classes that are porting work become lines and days: unknown never does, and blocked
  // sites have no workaround to cost.
  const unsigned toPort = plan.classes[PlanClass::Assisted].sites + plan.classes[PlanClass::Manual].sites +
                          plan.classes[PlanClass::Automatic].sites;
  plan.setupLines = toPort > 0 ? profile.weight("setup_lines") : 0;
  plan.manualLines = plan.setupLines + plan.classes[PlanClass::Assisted].estimatedLines +
                     plan.classes[PlanClass::Manual].estimatedLines;
  plan.linesPerDayLow = profile.weight("lines_per_day_low");
  plan.linesPerDayHigh = profile.weight("lines_per_day_high");
  if (plan.linesPerDayHigh > 0) plan.effortDaysLow = plan.manualLines / plan.linesPerDayHigh;
  if (plan.linesPerDayLow > 0) plan.effortDaysHigh = plan.manualLines / plan.linesPerDayLow;
  plan.automaticShare = plan.sites.empty() ? 0 : double(plan.classes[PlanClass::Automatic].sites) / plan.sites.size();
  return plan;
}

void computePlans(Report& report, const EffortModel& model) {
  report.plans.clear();
  for (const Platform& p : report.targets)
    if (const EffortProfile* profile = model.profileFor(p.id)) report.plans[p.id] = computePlan(report, p.id, *profile);
}

}  // namespace opscope
