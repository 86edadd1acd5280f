// Operator hazards of scripts: the frontend's checks, which hazard rules they raise where, and
// the answers the rules give for each platform.
#include <algorithm>
#include <set>

#include "python/FileScan.h"
#include "python/PythonFrontend.h"

namespace opscope::python {

std::string_view toString(PortStrategy s) { return s == PortStrategy::Runtime ? "runtime" : "explicit"; }

std::optional<PortStrategy> parsePortStrategy(std::string_view s) {
  if (s == "explicit") return PortStrategy::Explicit;
  if (s == "runtime") return PortStrategy::Runtime;
  return std::nullopt;
}

const std::vector<HazardCheck>& hazardChecks() {
  static const std::vector<HazardCheck> checks = {
      {"bool-mask-index", "indexing with a boolean mask (x[x > 0], x[~keep], x[(a > 0) & b]): a data-dependent shape"},
      {"cat-comprehension", "torch.cat/concat/stack of a list comprehension or generator: as many pieces as the data has"},
      {"collective-uint8", "torch.distributed.all_gather/all_reduce/reduce_scatter given a name bound to (or appended) a torch.uint8/ByteTensor/.byte() tensor in the same function"},
      {"dataloader-partial-batch", "torch.utils.data.DataLoader with a batch_size, without drop_last=True, batch_sampler or **kwargs"},
      {"dtype-complex", "torch.complex64/complex128/cfloat/cdouble/complex32/chalf named"},
      {"dtype-float16", "torch.float16/torch.half/HalfTensor named, or .half() called on a value"},
      {"dtype-float64", "torch.float64/torch.double/DoubleTensor named, .double() called, or torch.from_numpy of a numpy array made without a dtype (float64)"},
      {"dtype-uint64", "torch.uint64 named"},
      {"gloo-backend", "the string 'gloo' (a torch.distributed backend name)"},
      {"host-sync-in-loop", ".item(), .cpu(), .numpy(), .tolist() or .to('cpu') called inside a loop or comprehension"},
      {"legacy-async-kwarg", "an `async=` keyword argument (PyTorch < 0.4; a syntax error since Python 3.7)"},
      {"legacy-scalar-index", "x.data[0]: PyTorch < 0.4's way of reading a scalar (a loss); indexing a 0-dim tensor fails since 0.4"},
      {"legacy-torchvision-transform", "torchvision.transforms.Scale or RandomSizedCrop (deprecated since torchvision 0.2; Scale removed in 0.12)"},
      {"legacy-volatile", "torch.autograd.Variable(..., volatile=...) (no effect since PyTorch 0.4)"},
      {"load-without-map-location", "torch.load(f) without map_location (keyword or second argument) or **kwargs"},
      {"no-mixed-precision", "a .backward() call or a DistributedDataParallel wrap in a file that names no autocast, GradScaler or apex.amp"},
      {"tensor-index", "indexing with an index tensor (advanced indexing): t['labels'][J], x[idx] with idx a tensor"},
      {"variable-input-size", "a resize whose output size varies: max_size=, a Random*Resize* transform, or a size from random.choice/randint"},
  };
  return checks;
}

bool strategyApplies(const std::string& strategy, PortStrategy s) {
  return (strategy.empty() ? std::string_view("explicit") : std::string_view(strategy)) == toString(s);
}

namespace {

bool matches(const std::string& pattern, const std::string& symbol) {
  if (!pattern.empty() && pattern.back() == '*') return symbol.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == symbol;
}

}  // namespace

std::vector<HazardHit> hazardHits(const FileScan& scan, const RuleSet& rules) {
  std::vector<HazardHit> hits;
  std::set<std::pair<std::string, unsigned>> seen;  // (rule id, line)
  auto add = [&](const HazardRule& r, const Finding& at, uint32_t offset) {
    if (seen.emplace(r.id, at.location.line).second) hits.push_back(HazardHit{&r, &at, offset});
  };
  for (const HazardRule& r : rules.hazards) {
    for (const CheckSite& site : scan.checkSites)
      if (std::find(r.checks.begin(), r.checks.end(), site.at.symbol.name) != r.checks.end()) add(r, site.at, site.offset);
    for (size_t i = 0; i < scan.findings.size(); ++i)
      for (const std::string& s : r.symbols)
        if (matches(s, scan.findings[i].symbol.name)) {
          add(r, scan.findings[i], scan.findingOffsets[i]);
          break;
        }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const HazardHit& a, const HazardHit& b) { return a.offset < b.offset; });
  return hits;
}

std::map<std::string, std::map<PlatformId, Coverage>> hazardAnswers(const std::vector<RuleSet>& rules) {
  std::map<std::string, std::map<PlatformId, Coverage>> out;
  for (const RuleSet& set : rules)
    for (const HazardRule& h : set.hazards) {
      Coverage c;
      c.status = h.status;
      c.target = h.target;
      c.note = h.advice;
      c.source = h.source;
      c.confidence = h.confidence;
      c.layer = "rules/python (" + set.platform + ")";
      out[h.id][set.platform] = std::move(c);
    }
  return out;
}

void applyHazardAnswers(const std::map<std::string, std::map<PlatformId, Coverage>>& answers,
                        std::vector<ReportFinding>& findings) {
  for (ReportFinding& rf : findings) {
    if (rf.finding.symbol.kind != SymbolKind::Hazard || rf.finding.symbol.library != "python") continue;
    auto it = answers.find(rf.finding.symbol.name);
    if (it == answers.end()) continue;
    for (const auto& [platform, coverage] : it->second) rf.coverage[platform] = coverage;
  }
}

}  // namespace opscope::python
