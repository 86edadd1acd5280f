#include "reports/SarifRenderer.h"

#include <cmath>

#include <map>

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_os_ostream.h"
#include "reports/ReportFacts.h"

namespace opscope::reports {
namespace {

namespace json = llvm::json;

/// The kinds of result opscope reports, one SARIF rule each.
struct Rule {
  const char* id;
  const char* name;
  const char* level;  // SARIF level
  const char* shortText;
  const char* help;
};

constexpr Rule kRules[] = {
    {"OPS001", "api-unknown", "warning", "No public source says whether a target platform covers this API",
     "The opdb has no entry from any public source for this symbol on at least one target platform. Check the "
     "vendor's documentation, and record what you learn in an opdb overlay (--db) so the next scan knows."},
    {"OPS002", "api-missing", "error", "A target platform does not provide this API",
     "A public source states that the platform does not support this symbol. The call needs a redesign or a "
     "replacement on that platform; see the note for what the source says."},
    {"OPS003", "api-partial", "warning", "A target platform covers this API only in part or by emulation",
     "The platform supports this symbol only for some data types, modes or versions, or through a composite or "
     "CPU fallback. Check the constraints in the note before relying on it."},
    {"OPS004", "api-mapped", "note", "This API has an equivalent on every target platform",
     "Every target platform provides this symbol natively or through a mapped equivalent; the message names the "
     "equivalents. Suggested edits, where opscope has them, come as fixes."},
    {"OPS005", "user-kernel", "note", "A kernel or device function of the project that must be ported",
     "Kernels and device functions are the project's own code: Ascend, Cambricon and Enflame need them "
     "rewritten (Ascend C, BANG C, TopsCC); DCU compiles them as HIP."},
    {"OPS006", "porting-hazard", "warning", "Code that is correct on NVIDIA GPUs but risky on other platforms",
     "The hazard id names the pattern (for example a warp size of 32 assumed in lane arithmetic). The rules "
     "data gives per-platform advice."},
    {"OPS007", "build-setting", "note", "A CUDA-only setting in a build file that the port must redo",
     "setup.py, CMake, Makefiles and build scripts name nvcc, GPU architectures, nvcc-only flags, CUDA libraries or the "
     "CUDA toolkit; each platform builds with its own compiler, flags and libraries. The porting plan costs these "
     "lines as build-system work."},
};

const Rule& ruleFor(const ReportFinding& rf) {
  SymbolKind k = rf.finding.symbol.kind;
  if (k == SymbolKind::Hazard) return kRules[5];
  if (k == SymbolKind::BuildSetting) return kRules[6];
  if (isInventoryKind(k)) return kRules[4];
  switch (worstStatus(rf)) {
    case CoverageStatus::Unknown: return kRules[0];
    case CoverageStatus::Missing: return kRules[1];
    case CoverageStatus::Partial:
    case CoverageStatus::Emulated: return kRules[2];
    default: return kRules[3];
  }
}

size_t ruleIndex(const Rule& r) { return static_cast<size_t>(&r - kRules); }

/// A relative path as a URI reference: RFC 3986 unreserved characters and '/' stay, the rest is
/// percent-encoded byte by byte.
std::string uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string utf8(const std::string& s) { return json::isUTF8(s) ? s : json::fixUTF8(s); }

std::string message(const ReportFinding& rf) {
  const Finding& f = rf.finding;
  std::string m = "`" + f.symbol.name + "` (" + std::string(toString(f.symbol.kind));
  if (!f.symbol.library.empty() && f.symbol.library != "user") m += ", " + f.symbol.library;
  m += ")";
  if (!f.detail.empty()) m += " " + f.detail;
  if (!rf.coverage.empty()) {
    m += ":";
    bool first = true;
    for (const auto& [p, c] : rf.coverage) {
      m += std::string(first ? " " : "; ") + p + " " + std::string(toString(c.status));
      if (!c.target.empty()) m += " -> " + c.target;
      first = false;
    }
  }
  if (f.evidence == Evidence::Lexical) m += " [lexical evidence]";
  return m;
}

}  // namespace

void SarifRenderer::render(const Report& report, std::ostream& os) const {
  // Suggested edits by file, to attach to the findings they start in.
  std::map<std::string, std::vector<const Suggestion*>> editsByFile;
  for (const Suggestion& s : report.suggestions) editsByFile[s.file].push_back(&s);

  llvm::raw_os_ostream out(os);
  json::OStream j(out, 2);
  j.object([&] {
    j.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    j.attribute("version", "2.1.0");
    j.attributeArray("runs", [&] {
      j.object([&] {
        j.attributeObject("tool", [&] {
          j.attributeObject("driver", [&] {
            j.attribute("name", "opscope");
            j.attribute("version", report.toolVersion);
            j.attribute("semanticVersion", report.toolVersion);
            j.attributeArray("rules", [&] {
              for (const Rule& r : kRules)
                j.object([&] {
                  j.attribute("id", r.id);
                  j.attribute("name", r.name);
                  j.attributeObject("shortDescription", [&] { j.attribute("text", r.shortText); });
                  j.attributeObject("fullDescription", [&] { j.attribute("text", r.help); });
                  j.attributeObject("help", [&] { j.attribute("text", r.help); });
                  j.attributeObject("defaultConfiguration", [&] { j.attribute("level", r.level); });
                });
            });
          });
        });
        j.attributeObject("originalUriBaseIds", [&] {
          j.attributeObject("SRCROOT", [&] {
            std::string root = report.root;
            if (!root.empty() && root.back() != '/') root += '/';
            j.attribute("uri", utf8("file://" + uri(root)));
          });
        });
        // The porting plan of each platform, as the run's properties (SARIF 2.1.0 §3.8).
        if (!report.plans.empty())
          j.attributeObject("properties", [&] {
            j.attributeObject("opscope_plan", [&] {
              for (const auto& [platform, plan] : report.plans)
                j.attributeObject(platform, [&] {
                  PlanFacts facts = planFacts(plan, report.effort ? &*report.effort : nullptr);
                  j.attribute("automatic_share", std::round(plan.automaticShare * 1000.0) / 1000.0);
                  j.attributeObject("classes", [&] {
                    for (const auto& [c, t] : plan.classes)
                      j.attributeObject(llvm::StringRef(toString(c).data(), toString(c).size()), [&] {
                        j.attribute("sites", static_cast<int64_t>(t.sites));
                        j.attribute("lines", static_cast<int64_t>(t.lines));
                      });
                  });
                  j.attributeObject("manual_by_subclass", [&] {
                    for (const auto& [sub, t] : plan.manualBySubclass) j.attribute(utf8(sub), static_cast<int64_t>(t.sites));
                  });
                  j.attribute("manual_lines", std::round(plan.manualLines * 10.0) / 10.0);
                  j.attributeObject("effort_days", [&] {
                    j.attribute("low", std::round(plan.effortDaysLow * 10.0) / 10.0);
                    j.attribute("high", std::round(plan.effortDaysHigh * 10.0) / 10.0);
                  });
                  j.attribute("formula", utf8(facts.formula));
                });
            });
          });
        // Each finding's class per platform, for the result's properties.
        std::vector<std::vector<std::pair<const PlatformId*, const PlanSite*>>> siteOf(report.findings.size());
        for (const auto& [platform, plan] : report.plans)
          for (const PlanSite& s : plan.sites)
            if (s.finding < siteOf.size()) siteOf[s.finding].emplace_back(&platform, &s);
        j.attributeArray("results", [&] {
          for (const ReportFinding& rf : report.findings) {
            const auto& planSites = siteOf[static_cast<size_t>(&rf - report.findings.data())];
            const Finding& f = rf.finding;
            const Rule& rule = ruleFor(rf);
            j.object([&] {
              j.attribute("ruleId", rule.id);
              j.attribute("ruleIndex", static_cast<int64_t>(ruleIndex(rule)));
              j.attribute("level", rule.level);
              j.attributeObject("message", [&] { j.attribute("text", utf8(message(rf))); });
              j.attributeArray("locations", [&] {
                j.object([&] {
                  j.attributeObject("physicalLocation", [&] {
                    j.attributeObject("artifactLocation", [&] {
                      j.attribute("uri", utf8(uri(f.location.file)));
                      j.attribute("uriBaseId", "SRCROOT");
                    });
                    j.attributeObject("region", [&] {
                      j.attribute("startLine", static_cast<int64_t>(std::max(1u, f.location.line)));
                      j.attribute("startColumn", static_cast<int64_t>(std::max(1u, f.location.column)));
                      if (f.location.endLine >= f.location.line && f.location.endColumn > 0) {
                        j.attribute("endLine", static_cast<int64_t>(f.location.endLine));
                        j.attribute("endColumn", static_cast<int64_t>(f.location.endColumn));
                      }
                    });
                  });
                  if (!f.context.empty() || !f.location.macroChain.empty())
                    j.attributeArray("logicalLocations", [&] {
                      if (!f.context.empty())
                        j.object([&] {
                          j.attribute("fullyQualifiedName", utf8(f.context));
                          j.attribute("kind", "function");
                        });
                    });
                });
              });
              // A suggested edit belongs to the finding whose range holds the edit's start.
              std::vector<const Suggestion*> fixes;
              for (const Suggestion* s : editsByFile[f.location.file])
                if (s->line == f.location.line && s->column >= f.location.column &&
                    (s->column < f.location.endColumn || f.location.endLine > f.location.line))
                  fixes.push_back(s);
              if (!fixes.empty())
                j.attributeArray("fixes", [&] {
                  for (const Suggestion* s : fixes)
                    j.object([&] {
                      j.attributeObject("description", [&] { j.attribute("text", utf8(s->platform + ": " + s->reason)); });
                      j.attributeArray("artifactChanges", [&] {
                        j.object([&] {
                          j.attributeObject("artifactLocation", [&] {
                            j.attribute("uri", utf8(uri(s->file)));
                            j.attribute("uriBaseId", "SRCROOT");
                          });
                          j.attributeArray("replacements", [&] {
                            j.object([&] {
                              j.attributeObject("deletedRegion", [&] {
                                j.attribute("byteOffset", static_cast<int64_t>(s->offset));
                                j.attribute("byteLength", static_cast<int64_t>(s->length));
                              });
                              j.attributeObject("insertedContent", [&] { j.attribute("text", utf8(s->replacement)); });
                            });
                          });
                        });
                      });
                    });
                });
              j.attributeObject("properties", [&] {
                j.attribute("kind", llvm::StringRef(toString(f.symbol.kind).data(), toString(f.symbol.kind).size()));
                j.attribute("evidence", llvm::StringRef(toString(f.evidence).data(), toString(f.evidence).size()));
                if (rf.suppressed) j.attribute("suppressed", true);
                if (!planSites.empty())
                  j.attributeObject("plan", [&] {
                    for (const auto& [platform, site] : planSites)
                      j.attribute(utf8(*platform), utf8(std::string(toString(site->cls)) + ":" + site->subclass));
                  });
              });
              if (rf.suppressed)
                j.attributeArray("suppressions", [&] {
                  j.object([&] {
                    j.attribute("kind", "inSource");
                    j.attribute("justification", "opscope-ignore comment");
                  });
                });
            });
          }
        });
      });
    });
  });
  out << "\n";
  out.flush();
}

}  // namespace opscope::reports
