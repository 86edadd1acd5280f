// The porting plan: every CUDA- or PyTorch-dependent site of a finished report, classed per
// target platform as automatic, assisted, manual (with a sub-class), blocked or unknown, with
// the lines each class touches and an effort range from documented weights (rules/effort.yaml).
// Plain data and arithmetic only; the weights are loaded by db/EffortModel.h.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Enums.h"

namespace opscope {

struct Report;
struct ReportFinding;
using PlatformId = std::string;

/// The five classes of the plan, in report order.
enum class PlanClass { Automatic, Assisted, Manual, Blocked, Unknown };
inline constexpr PlanClass kAllPlanClasses[] = {PlanClass::Automatic, PlanClass::Assisted, PlanClass::Manual,
                                                PlanClass::Blocked, PlanClass::Unknown};
std::string_view toString(PlanClass c);
std::optional<PlanClass> parsePlanClass(std::string_view s);

/// One documented number of the effort model: its value, why, and who says so.
struct EffortWeight {
  double value = 0;
  std::string rationale;
  std::string source;
};

/// The weights one group of platforms shares (rules/effort.yaml `profiles`).
struct EffortProfile {
  std::string id;                       // "hip-compatible"
  std::vector<PlatformId> platforms;    // the platforms it applies to
  bool rewritesApiNames = false;        // the rewrite engine renames native and mapped C/C++ names
  bool kernelsCompile = false;          // CUDA device code compiles for the platform as written
  bool missingGetsShim = false;         // a missing C/C++ name is shimmed in a compatibility header
  std::vector<std::string> redesignLibraries;  // a missing name of these needs a redesign, not a block
  std::map<std::string, EffortWeight> weights;  // by id; kEffortWeightIds lists them

  /// The weight's value; 0 when absent (the loader requires every id, so only tests see that).
  double weight(std::string_view id) const;
};

/// The ids every profile must give (see rules/effort.yaml for their meaning).
inline constexpr std::string_view kEffortWeightIds[] = {
    "setup_lines",                       // per project: device set-up, compatibility header
    "assisted_lines_per_line",           // per distinct source line with assisted sites
    "partial_lines_per_site",            // an op with a constraint (dtype, argument) and no edit
    "shim_lines_per_symbol",             // per distinct missing name a compatibility header defines
    "kernel_rewrite_lines_per_kernel_line",  // per line of a kernel that must be rewritten
    "kernel_rewrite_lines_unsized",      // a kernel whose size is not known
    "launch_lines_per_site",             // a launch or registration of a rewritten kernel
    "library_redesign_lines_per_site",   // a library call with no equivalent
    "hazard_review_lines_per_site",      // a hazard that needs a look
    "build_lines_per_file",              // per build file with CUDA-only settings
    "build_lines_per_site",              // per distinct build-file line with a CUDA-only setting
    "lines_per_day_low",                 // hand-changed lines an engineer ports per day, slow
    "lines_per_day_high",                //   ... and fast
};

/// All profiles, and the file they came from.
struct EffortModel {
  std::string file;  // "rules/effort.yaml" or a user file
  std::vector<EffortProfile> profiles;

  /// The profile listing `platform`, or null when none does (no plan is made for it then).
  const EffortProfile* profileFor(const PlatformId& platform) const;
};

/// One site in one class.
struct PlanSite {
  std::size_t finding = 0;  // index into Report::findings
  PlanClass cls = PlanClass::Unknown;
  std::string subclass;     // manual: kernel-rewrite | library-redesign | hazard-review | compat-shim |
                            // build-system; others: why
  double lines = 0;         // estimated hand-changed lines this site adds (manual and assisted)
};

/// Counts of one class (or one manual sub-class).
struct PlanTally {
  unsigned sites = 0;
  unsigned lines = 0;             // distinct source lines (file, line) the sites are on
  double estimatedLines = 0;      // hand-changed lines the weights give them
};

/// One platform's plan.
struct PortingPlan {
  PlatformId platform;
  std::string profile;  // EffortProfile::id
  std::vector<PlanSite> sites;  // in finding order
  std::map<PlanClass, PlanTally> classes;          // every class present, zero when empty
  std::map<std::string, PlanTally> manualBySubclass;
  double setupLines = 0;       // the profile's setup_lines, when there is any site to port
  double manualLines = 0;      // setup + assisted + manual estimated lines
  double effortDaysLow = 0, effortDaysHigh = 0;
  double automaticShare = 0;   // automatic sites over all sites (unknown included), 0..1
  double linesPerDayLow = 0, linesPerDayHigh = 0;  // the divisors, for the formula
};

/// What a site's neighbourhood says, beyond its own finding.
struct SiteContext {
  bool hasEdit = false;    // a suggestion with replacement text on the site's line, this platform
  bool hasAdvice = false;  // a suggestion with advice only there
  bool inProjectKernel = false;  // inside a kernel or device function the scan found defined
};

/// Which class a site falls in on one platform, and its estimated lines. The one place the
/// classification lives: tune it here. Returns nothing for findings that are not porting sites
/// (ONNX graph operators, suppressed findings).
std::optional<PlanSite> classifySite(const ReportFinding& rf, const PlatformId& platform,
                                     const EffortProfile& profile, const SiteContext& context);

/// The plan of `report` for `platform` under `profile`.
PortingPlan computePlan(const Report& report, const PlatformId& platform, const EffortProfile& profile);

/// Plans for every target that has a profile in `model`, into `report.plans`.
void computePlans(Report& report, const EffortModel& model);

}  // namespace opscope
