#include "db/KernelRollUp.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace opscope::db {
namespace {

struct Recognition {
  const char* pattern;  // ECMAScript regex over the lower-cased name
  const char* computes;
  const char* backward;  // what a backward kernel of that name computes; nullptr: same
};

// First match wins: the more specific words come first (a cross-entropy kernel that fuses a
// softmax is a cross-entropy kernel; a matmul kernel's bias backward is a reduction).
const Recognition kRecognitions[] = {
    {"crossentropy|cross_entropy|classifier|nll_?loss", "cross-entropy", nullptr},
    {"softmax", "softmax", "softmax backward"},
    {"layer_?norm|(^|_)ln(_|$)", "layer norm", "layer norm backward"},
    {"rms_?norm", "RMS norm", nullptr},
    {"gelu", "GELU", "GELU backward"},
    {"silu|swiglu|swish", "SiLU", nullptr},
    {"relu", "ReLU", nullptr},
    {"adam", "AdamW", nullptr},
    {"flash|attention|(^|_)attn|sdpa", "attention", "attention backward"},
    {"rope|rotary", "rotary embedding", nullptr},
    {"encoder|embedding|embed", "embedding", "embedding backward"},
    {"(matmul|gemm).*bias|bias.*(matmul|gemm)", "matmul", "reduction"},
    {"matmul|gemm|(^|_)mm(_|$)", "matmul", nullptr},
    {"global_norm|norm_squared|grad_norm", "norm", nullptr},
    {"reduce|reduction|(^|_)sum(_|$)", "reduction", nullptr},
    {"residual|(^|_)add(_|$)", "elementwise add", nullptr},
    {"permute|transpose", "transpose", nullptr},
    {"dropout", "dropout", nullptr},
    {"top_?k", "top-k", nullptr},
    {"(^|_)cast(_|$)|convert_(dtype|type)", "data type cast", nullptr},
};

bool isBackward(const std::string& lower) {
  static const std::regex re("backward|(^|_)bwd(_|$)|(^|_)d(x|in|out|gelu)(_|$)|(^|_)grad(_|$)");
  return std::regex_search(lower, re);
}

unsigned linesOf(const std::string& detail) {
  auto at = detail.find("lines=");
  if (at == std::string::npos) return 0;
  unsigned n = 0;
  for (std::size_t i = at + 6; i < detail.size() && std::isdigit(static_cast<unsigned char>(detail[i])); ++i)
    n = n * 10 + static_cast<unsigned>(detail[i] - '0');
  return n;
}

std::string joinHazards(const std::vector<std::string>& hazards) {
  std::string out;
  for (const std::string& h : hazards) out += (out.empty() ? "" : ", ") + h;
  return out;
}

KernelVerdict verdictFor(const KernelReport& k, const PlatformId& platform, const Database& db) {
  KernelVerdict v;
  std::string size = std::to_string(k.lines) + " line(s)" +
                     (k.hazards.empty() ? std::string(", no hazards") : ", hazards: " + joinHazards(k.hazards));
  if (!k.computes.empty()) {
    Coverage op = db.lookup(platform, "cuda-kernel:" + k.computes);
    if (op.status != CoverageStatus::Unknown) {
      v.status = op.status;
      v.target = op.target;
      v.effort = k.hazards.empty() ? "low" : "medium";
      v.reason = k.name + " (" + size + "): " + op.note;
      v.source = op.source;
      v.confidence = op.confidence;
      return v;
    }
  }
  Coverage rewrite = db.lookup(platform, "cuda-kernel");
  v.status = rewrite.status;
  v.target = rewrite.target;
  v.source = rewrite.source;
  v.confidence = rewrite.confidence;
  if (rewrite.status == CoverageStatus::Unknown) {
    v.reason = "no opdb entry says how this platform runs CUDA kernels";
    return v;
  }
  v.effort = rewrite.status == CoverageStatus::Missing ? kernelEffort(k.lines, k.hazards.size()) : "low";
  v.reason = k.name + " (" + size + ")" +
             (k.computes.empty() ? "" : ", computes " + k.computes + " but no public operator is named for it") +
             ": " + rewrite.note;
  return v;
}

}  // namespace

std::string recogniseKernel(std::string_view kernelName) {
  std::string lower(kernelName);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // camelCase words become snake_case words: "softmaxForwardKernel" -> "softmax_forward_kernel".
  std::string words;
  for (std::size_t i = 0; i < kernelName.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(kernelName[i]);
    if (i > 0 && std::isupper(c) && std::islower(static_cast<unsigned char>(kernelName[i - 1]))) words += '_';
    words += static_cast<char>(std::tolower(c));
  }
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> out;
    for (const Recognition& r : kRecognitions) out.emplace_back(r.pattern);
    return out;
  }();
  for (std::size_t i = 0; i < patterns.size(); ++i)
    if (std::regex_search(words, patterns[i]) || std::regex_search(lower, patterns[i]))
      return isBackward(words) && kRecognitions[i].backward ? kRecognitions[i].backward : kRecognitions[i].computes;
  return "";
}

std::string kernelEffort(unsigned lines, std::size_t hazards) {
  static const char* const kClasses[] = {"trivial", "low", "medium", "high"};
  std::size_t c = lines <= 10 ? 0 : lines <= 30 ? 1 : lines <= 100 ? 2 : 3;
  c = std::min<std::size_t>(3, c + hazards);
  return kClasses[c];
}

void rollUpKernels(Report& report, const Database& db) {
  using Key = std::pair<std::string, std::string>;  // (file, function name)
  std::map<Key, std::size_t> kernels;  // -> index into report.kernels
  std::set<Key> deviceFunctions;
  report.kernels.clear();
  for (const ReportFinding& rf : report.findings) {
    const Finding& f = rf.finding;
    if (f.symbol.kind == SymbolKind::DeviceFunction) deviceFunctions.insert({f.location.file, f.symbol.name});
    if (f.symbol.kind != SymbolKind::Kernel) continue;
    Key key{f.location.file, f.symbol.name};
    if (kernels.count(key)) continue;  // one definition per file and name
    KernelReport k;
    k.name = f.symbol.name;
    k.location = f.location;
    k.lines = linesOf(f.detail);
    k.computes = recogniseKernel(k.name);
    kernels.emplace(std::move(key), report.kernels.size());
    report.kernels.push_back(std::move(k));
  }
  for (ReportFinding& rf : report.findings) {
    rf.deviceCode.clear();
    const Finding& f = rf.finding;
    if (f.context.empty()) continue;
    Key key{f.location.file, f.context};
    auto kernel = kernels.find(key);
    // A finding's context is the qualified name of its function (ggml_cuda_mma::tile::get_i), the
    // kernel and device-function findings name it unqualified (get_i): match the last component.
    if (kernel == kernels.end() && !deviceFunctions.count(key)) {
      auto colons = f.context.rfind("::");
      if (colons != std::string::npos) key.second = f.context.substr(colons + 2);
      kernel = kernels.find(key);
    }
    if (f.symbol.kind == SymbolKind::Hazard) {
      if (kernel != kernels.end()) report.kernels[kernel->second].hazards.push_back(f.symbol.name);
      continue;
    }
    if (isInventoryKind(f.symbol.kind)) continue;
    if (kernel != kernels.end()) {
      rf.deviceCode = f.context;
      ++report.kernels[kernel->second].deviceCalls;
    } else if (deviceFunctions.count(key)) {
      rf.deviceCode = f.context;
    }
  }
  for (KernelReport& k : report.kernels) {
    std::sort(k.hazards.begin(), k.hazards.end());
    k.hazards.erase(std::unique(k.hazards.begin(), k.hazards.end()), k.hazards.end());
    for (const Platform& p : report.targets) k.verdicts[p.id] = verdictFor(k, p.id, db);
  }
}

}  // namespace opscope::db
