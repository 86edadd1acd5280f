// Strict reader of the opdb's table kinds: `opsets` (ONNX domains and the release table) and
// `hardware` (accelerators for deployment sizing). Format: opdb/README.md.
#include <algorithm>
#include <set>

#include "db/Loader.h"

namespace opscope::db {
namespace {

/// The figures an accelerator may carry, with their units (opdb/README.md, "kind: hardware").
const std::set<std::string> kFigureKeys = {"memory_gb", "memory_bandwidth_gbs", "tdp_w", "interconnect",
                                           "interconnect_gbs"};
/// The data types an accelerator may state support and peaks for.
const std::set<std::string> kDtypeKeys = {"fp64", "fp32", "tf32", "hf32", "fp16", "bf16", "fp8", "fp4", "int8", "int4"};

std::string joined(const std::set<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

}  // namespace

void Loader::readDomain(FileReader& r, yaml::MappingNode* m, Staging& st) {
  OpsetDomain d;
  SourceRef ref{"", m};
  readFields(r, m, "a domain", {"domain", "prefix", "max_opset", "source"},
             [&](const std::string& k, const std::string& v, yaml::Node* node) {
               if (k == "domain") d.domain = v;
               else if (k == "prefix") d.prefix = v;
               else if (k == "max_opset") {
                 if (auto n = parseCount(v)) d.maxOpset = *n;
                 else r.error(node, "max_opset '" + v + "' must be a non-negative integer");
               } else if (k == "source") ref = {v, node};
               else return false;
               return true;
             });
  size_t i = st.domains.size();
  st.domains.push_back(std::move(d));
  st.domainNodes.push_back(m);
  st.deferred.push_back({ref, [&st, i](std::shared_ptr<const Provenance> p) { st.domains[i].source = std::move(p); }});
}

void Loader::readRelease(FileReader& r, yaml::MappingNode* m, Staging& st) {
  OnnxRelease rel;
  SourceRef ref{"", m};
  readFields(
      r, m, "a release", {"release", "ir_version", "opsets", "source"},
      [&](const std::string& k, const std::string& v, yaml::Node* node) {
        if (k == "release") rel.release = v;
        else if (k == "ir_version") {
          if (auto n = parseCount(v)) rel.irVersion = *n;
          else r.error(node, "ir_version '" + v + "' must be a non-negative integer");
        } else if (k == "source") ref = {v, node};
        else return false;
        return true;
      },
      [&](const std::string& k, yaml::Node* v) {
        if (k != "opsets") return false;
        if (yaml::MappingNode* om = r.mapping(v, "opsets"))
          r.forEachKey(om, "opsets", [&](const std::string& domain, yaml::Node*, yaml::Node* ov) {
            auto s = r.scalar(ov, "an opset");
            if (!s) return true;
            if (auto n = parseCount(*s)) rel.opsets[domain] = *n;
            else r.error(ov, "opset '" + *s + "' must be a non-negative integer");
            return true;
          });
        return true;
      });
  size_t i = st.releases.size();
  st.releases.push_back(std::move(rel));
  st.deferred.push_back({ref, [&st, i](std::shared_ptr<const Provenance> p) { st.releases[i].source = std::move(p); }});
}

void Loader::readFigure(FileReader& r, yaml::Node* v, const std::string& key, Staging& st, size_t acc) {
  yaml::MappingNode* m = r.mapping(v, "figure '" + key + "'");
  if (!m) return;
  Figure f;
  SourceRef ref{"", m};
  bool number = false, single = false, range = false;
  readFields(r, m, "figure '" + key + "'", {"source"}, [&](const std::string& k, const std::string& s, yaml::Node* node) {
    if (k == "value" || k == "min" || k == "max") {
      number = true;
      auto n = parseNumber(s);
      if (!n) {
        r.error(node, "'" + s + "' is not a number (" + key + "." + k + ")");
        return true;
      }
      (k == "value" ? single : range) = true;
      if (single && range) r.error(node, "figure '" + key + "' has both a value and a min/max range");
      if (k != "max") f.min = *n;
      if (k != "min") f.max = *n;
    } else if (k == "text") f.text = s;
    else if (k == "note") f.note = s;
    else if (k == "source") ref = {s, node};
    else return false;
    return true;
  });
  if (!number && f.text.empty()) r.error(m, "figure '" + key + "' needs a value, a min and max, or a text");
  if (f.min && f.max && *f.min > *f.max) r.error(m, "figure '" + key + "' has min greater than max");
  st.accelerators[acc].figures[key] = std::move(f);
  st.deferred.push_back({ref, [&st, acc, key](std::shared_ptr<const Provenance> p) {
                           st.accelerators[acc].figures[key].source = std::move(p);
                         }});
}

void Loader::readDtype(FileReader& r, yaml::Node* v, const std::string& key, Staging& st, size_t acc) {
  yaml::MappingNode* m = r.mapping(v, "data type '" + key + "'");
  if (!m) return;
  DtypeSupport d;
  SourceRef ref{"", m};
  readFields(r, m, "data type '" + key + "'", {"supported", "source"},
             [&](const std::string& k, const std::string& s, yaml::Node* node) {
               if (k == "supported") {
                 if (s == "yes") d.supported = true;
                 else if (s == "no") d.supported = false;
                 else r.error(node, "supported must be yes or no, not '" + s + "'");
               } else if (k == "peak" || k == "peak_min" || k == "peak_max") {
                 auto n = parseNumber(s);
                 if (!n) r.error(node, "'" + s + "' is not a number (" + key + "." + k + ")");
                 else {
                   if (k != "peak_max") d.peak.min = *n;
                   if (k != "peak_min") d.peak.max = *n;
                 }
               } else if (k == "note") d.peak.note = s;
               else if (k == "source") ref = {s, node};
               else return false;
               return true;
             });
  if (d.supported == false && (d.peak.min || d.peak.max))
    r.error(m, "data type '" + key + "' is unsupported but has a peak figure");
  if (d.peak.min && d.peak.max && *d.peak.min > *d.peak.max)
    r.error(m, "data type '" + key + "' has peak_min greater than peak_max");
  st.accelerators[acc].dtypes[key] = std::move(d);
  st.deferred.push_back({ref, [&st, acc, key](std::shared_ptr<const Provenance> p) {
                           st.accelerators[acc].dtypes[key].peak.source = std::move(p);
                         }});
}

void Loader::readAccelerator(FileReader& r, yaml::MappingNode* m, Staging& st) {
  size_t acc = st.accelerators.size();
  st.accelerators.emplace_back();
  st.acceleratorNodes.push_back(m);
  st.accelerators[acc].line = r.lineOf(m);
  readFields(
      r, m, "an accelerator", {"id", "name", "vendor", "platform"},
      [&](const std::string& k, const std::string& v, yaml::Node* node) {
        Accelerator& a = st.accelerators[acc];
        if (k == "id") {
          if (!validId(v)) r.error(node, "accelerator id '" + v + "' must match [a-z][a-z0-9_-]*");
          a.id = v;
        } else if (k == "name") a.name = v;
        else if (k == "vendor") a.vendor = v;
        else if (k == "platform") a.platform = v;
        else if (k == "form") a.form = v;
        else return false;
        return true;
      },
      [&](const std::string& k, yaml::Node* v) {
        if (k != "figures" && k != "dtypes") return false;
        yaml::MappingNode* fm = r.mapping(v, k);
        if (!fm) return true;
        r.forEachKey(fm, k, [&](const std::string& key, yaml::Node* keyNode, yaml::Node* val) {
          const auto& allowed = k == "figures" ? kFigureKeys : kDtypeKeys;
          if (!allowed.count(key)) {
            r.error(keyNode, "unknown " + std::string(k == "figures" ? "figure" : "data type") + " '" + key +
                                 "' (expected one of " + joined(allowed) + ")");
            return true;
          }
          if (k == "figures") readFigure(r, val, key, st, acc);
          else readDtype(r, val, key, st, acc);
          return true;
        });
        return true;
      });
}

/// Checks across the items of an opsets or hardware file.
void Loader::checkTables(FileReader& r, Staging& st) {
  std::set<std::string> seen;
  for (size_t i = 0; i < st.domains.size(); ++i)
    if (!seen.insert(st.domains[i].domain).second)
      r.error(st.domainNodes[i], "domain '" + st.domains[i].domain + "' is listed twice");
  seen.clear();
  for (size_t i = 0; i < st.accelerators.size(); ++i) {
    const Accelerator& a = st.accelerators[i];
    if (!seen.insert(a.id).second) r.error(st.acceleratorNodes[i], "accelerator '" + a.id + "' is listed twice");
    if (!a.platform.empty() && a.platform != "reference" && !db_.platform(a.platform))
      r.error(st.acceleratorNodes[i], "accelerator '" + a.id + "' names unknown platform '" + a.platform +
                                          "' (a platforms.yaml id, or 'reference')");
  }
}

}  // namespace opscope::db
