#include "reports/JsonReader.h"

#include <algorithm>

#include "llvm/Support/JSON.h"

namespace opscope::reports {
namespace {

namespace json = llvm::json;

/// Walks the document with llvm::json::Path so every error names where it is.
class Reader {
 public:
  explicit Reader(json::Path::Root& root) : root_(root) {}

  bool string(const json::Object& o, llvm::StringRef key, std::string& out, json::Path p, bool required = true) {
    const json::Value* v = o.get(key);
    if (!v) {
      if (required) p.field(key).report("missing");
      return !required;
    }
    auto s = v->getAsString();
    if (!s) {
      p.field(key).report("expected a string");
      return false;
    }
    out = s->str();
    return true;
  }

  bool integer(const json::Object& o, llvm::StringRef key, unsigned& out, json::Path p) {
    const json::Value* v = o.get(key);
    auto n = v ? v->getAsInteger() : std::nullopt;
    if (!n || *n < 0 || *n > 0xffffffffLL) {
      if (v) p.field(key).report("expected a non-negative integer");
      else p.field(key).report("missing");
      return false;
    }
    out = static_cast<unsigned>(*n);
    return true;
  }

  template <typename E>
  bool enumValue(const json::Object& o, llvm::StringRef key, E& out, std::optional<E> (*parse)(std::string_view),
                 json::Path p) {
    std::string s;
    if (!string(o, key, s, p)) return false;
    auto e = parse(s);
    if (!e) {
      p.field(key).report("unknown value");
      return false;
    }
    out = *e;
    return true;
  }

  bool count(const json::Object& o, llvm::StringRef key, std::uint64_t& out, json::Path p) {
    const json::Value* v = o.get(key);
    auto n = v ? v->getAsInteger() : std::nullopt;
    if (!n || *n < 0) {
      v ? p.field(key).report("expected a non-negative integer") : p.field(key).report("missing");
      return false;
    }
    out = static_cast<std::uint64_t>(*n);
    return true;
  }

  bool number(const json::Object& o, llvm::StringRef key, double& out, json::Path p) {
    const json::Value* v = o.get(key);
    auto n = v ? v->getAsNumber() : std::nullopt;
    if (!n || !(*n >= 0)) {
      v ? p.field(key).report("expected a non-negative number") : p.field(key).report("missing");
      return false;
    }
    out = *n;
    return true;
  }

  bool boolean(const json::Object& o, llvm::StringRef key, bool& out, json::Path p) {
    auto b = o.getBoolean(key);
    if (!b) {
      o.get(key) ? p.field(key).report("expected a boolean") : p.field(key).report("missing");
      return false;
    }
    out = *b;
    return true;
  }

  bool model(const json::Value& v, ModelReport& m, json::Path p) {
    const json::Object* o = v.getAsObject();
    if (!o) return p.report("expected an object"), false;
    if (!string(*o, "file", m.file, p) || !count(*o, "nodes", m.nodes, p) || !number(*o, "parameters", m.parameters, p) ||
        !string(*o, "precision", m.precision, p) || !string(*o, "allowance", m.allowance, p))
      return false;
    const json::Object* parts = o->getObject("partitions");
    if (!parts) return p.field("partitions").report("missing"), false;
    json::Path partsPath = p.field("partitions");  // a Path refers to its parent: keep it alive
    for (const auto& [platform, pv] : *parts) {
      json::Path pp = partsPath.field(platform);
      const json::Object* po = pv.getAsObject();
      if (!po) return pp.report("expected an object"), false;
      GraphPartition& g = m.partitions[platform.str()];
      std::uint64_t segments = 0, fallback = 0, transitions = 0;
      if (!count(*po, "nodes", g.nodes, pp) || !count(*po, "accelerator_nodes", g.acceleratorNodes, pp) ||
          !count(*po, "accelerator_segments", segments, pp) || !count(*po, "fallback_segments", fallback, pp) ||
          !count(*po, "transitions", transitions, pp))
        return false;
      if (g.acceleratorNodes > g.nodes) return pp.field("accelerator_nodes").report("more than nodes"), false;
      g.acceleratorSegments = static_cast<unsigned>(segments);
      g.fallbackSegments = static_cast<unsigned>(fallback);
      g.transitions = static_cast<unsigned>(transitions);
      // Written since constant folding and the unknown band (issue 18); older results lack them.
      std::uint64_t unknownFallback = g.fallbackSegments;
      g.acceleratorNodesIfUnknownRun = g.acceleratorNodes;
      for (auto [key, field] : {std::pair<const char*, std::uint64_t*>{"folded_nodes", &g.foldedNodes},
                                {"unknown_nodes", &g.unknownNodes},
                                {"accelerator_nodes_if_unknown_run", &g.acceleratorNodesIfUnknownRun},
                                {"fallback_segments_if_unknown_run", &unknownFallback}})
        if (po->get(key) && !count(*po, key, *field, pp)) return false;
      g.fallbackSegmentsIfUnknownRun = static_cast<unsigned>(unknownFallback);
    }
    const json::Array* sizing = array(*o, "sizing", p);
    if (!sizing) return false;
    json::Path sizingPath = p.field("sizing");
    for (size_t i = 0; i < sizing->size(); ++i) {
      json::Path sp = sizingPath.index(i);
      const json::Object* so = (*sizing)[i].getAsObject();
      if (!so) return sp.report("expected an object"), false;
      SizingRow r;
      if (!string(*so, "accelerator", r.accelerator, sp) || !string(*so, "name", r.name, sp) ||
          !string(*so, "platform", r.platform, sp) || !string(*so, "precision", r.precision, sp) ||
          !string(*so, "effective", r.effective, sp) || !string(*so, "conversion", r.conversion, sp, false) ||
          !boolean(*so, "available", r.available, sp) || !number(*so, "total_bytes", r.totalBytes, sp) ||
          !count(*so, "cards_low", r.cardsLow, sp) || !count(*so, "cards_high", r.cardsHigh, sp) ||
          !count(*so, "servers_low", r.serversLow, sp) || !count(*so, "servers_high", r.serversHigh, sp))
        return false;
      m.sizing.push_back(std::move(r));
    }
    return true;
  }

  const json::Array* array(const json::Object& o, llvm::StringRef key, json::Path p) {
    const json::Array* a = o.getArray(key);
    if (!a && o.get(key)) p.field(key).report("expected an array");
    else if (!a) p.field(key).report("missing");
    return a;
  }

  bool minimumSdk(const json::Value& v, MinimumSdk& m, json::Path p) {
    const json::Object* o = v.getAsObject();
    if (!o) return p.report("expected an object"), false;
    if (!string(*o, "sdk", m.sdk, p) || !string(*o, "minimum", m.minimum, p) || !string(*o, "oldest", m.oldest, p) ||
        !integer(*o, "dated", m.dated, p) || !integer(*o, "ops", m.ops, p))
      return false;
    for (auto [key, out] : {std::pair{"newer", &m.newer}, std::pair{"removed", &m.removed}}) {
      const json::Array* list = array(*o, key, p);
      if (!list) return false;
      json::Path lp = p.field(key);
      for (size_t i = 0; i < list->size(); ++i) {
        const json::Object* no = (*list)[i].getAsObject();
        if (!no) return lp.index(i).report("expected an object"), false;
        SdkNeed n;
        if (!string(*no, "symbol", n.symbol, lp.index(i)) || !string(*no, "version", n.version, lp.index(i))) return false;
        out->push_back(std::move(n));
      }
    }
    return true;
  }

  bool coverage(const json::Value& v, Coverage& c, json::Path p) {
    const json::Object* o = v.getAsObject();
    if (!o) {
      p.report("expected an object");
      return false;
    }
    bool ok = enumValue(*o, "status", c.status, &parseCoverageStatus, p) && string(*o, "target", c.target, p) &&
              string(*o, "note", c.note, p, false) && string(*o, "source", c.source, p, false) &&
              string(*o, "layer", c.layer, p);
    if (ok && o->get("confidence")) {
      Confidence conf;
      ok = enumValue(*o, "confidence", conf, &parseConfidence, p);
      c.confidence = conf;
    }
    return ok;
  }

  bool finding(const json::Value& v, ReportFinding& rf, json::Path p) {
    const json::Object* o = v.getAsObject();
    if (!o) {
      p.report("expected an object");
      return false;
    }
    Finding& f = rf.finding;
    bool ok = string(*o, "symbol", f.symbol.name, p) &&
              enumValue(*o, "kind", f.symbol.kind, &parseSymbolKind, p) &&
              string(*o, "library", f.symbol.library, p) && string(*o, "file", f.location.file, p) &&
              integer(*o, "line", f.location.line, p) && integer(*o, "column", f.location.column, p) &&
              integer(*o, "end_line", f.location.endLine, p) && integer(*o, "end_column", f.location.endColumn, p) &&
              enumValue(*o, "evidence", f.evidence, &parseEvidence, p) &&
              string(*o, "context", f.context, p, false) && string(*o, "detail", f.detail, p, false);
    if (!ok) return false;
    if (o->get("suppressed")) {
      auto b = o->getBoolean("suppressed");
      if (!b) return p.field("suppressed").report("expected a boolean"), false;
      rf.suppressed = *b;
    }
    if (const json::Value* chain = o->get("macro_chain")) {
      const json::Array* a = chain->getAsArray();
      if (!a) return p.field("macro_chain").report("expected an array"), false;
      for (size_t i = 0; i < a->size(); ++i) {
        auto s = (*a)[i].getAsString();
        if (!s) return p.field("macro_chain").index(i).report("expected a string"), false;
        f.location.macroChain.push_back(s->str());
      }
    }
    if (!string(*o, "device_code", rf.deviceCode, p, false)) return false;
    const json::Object* cov = o->getObject("coverage");
    if (!cov) return p.field("coverage").report("missing"), false;
    for (const auto& [platform, c] : *cov)
      if (!coverage(c, rf.coverage[platform.str()], p.field("coverage").field(platform))) return false;
    return true;
  }

  bool kernel(const json::Value& v, KernelReport& k, json::Path p) {
    const json::Object* o = v.getAsObject();
    if (!o) return p.report("expected an object"), false;
    if (!string(*o, "name", k.name, p) || !string(*o, "file", k.location.file, p) ||
        !integer(*o, "line", k.location.line, p) || !integer(*o, "column", k.location.column, p) ||
        !integer(*o, "lines", k.lines, p) || !string(*o, "computes", k.computes, p, false) ||
        !integer(*o, "device_calls", k.deviceCalls, p))
      return false;
    const json::Array* hazards = array(*o, "hazards", p);
    if (!hazards) return false;
    for (size_t i = 0; i < hazards->size(); ++i) {
      auto h = (*hazards)[i].getAsString();
      if (!h) return p.field("hazards").index(i).report("expected a string"), false;
      k.hazards.push_back(h->str());
    }
    const json::Object* verdicts = o->getObject("verdicts");
    if (!verdicts) return p.field("verdicts").report("missing"), false;
    for (const auto& [platform, value] : *verdicts) {
      json::Path vp = p.field("verdicts").field(platform);
      const json::Object* vo = value.getAsObject();
      if (!vo) return vp.report("expected an object"), false;
      KernelVerdict& kv = k.verdicts[platform.str()];
      if (!enumValue(*vo, "status", kv.status, &parseCoverageStatus, vp) || !string(*vo, "target", kv.target, vp) ||
          !string(*vo, "effort", kv.effort, vp, false) || !string(*vo, "reason", kv.reason, vp) ||
          !string(*vo, "source", kv.source, vp, false))
        return false;
      if (vo->get("confidence")) {
        Confidence conf;
        if (!enumValue(*vo, "confidence", conf, &parseConfidence, vp)) return false;
        kv.confidence = conf;
      }
    }
    return true;
  }

  bool read(const json::Value& doc, Report& r) {
    json::Path p(root_);
    const json::Object* o = doc.getAsObject();
    if (!o) return p.report("expected an object"), false;
    std::string schema;
    if (!string(*o, "schema", schema, p)) return false;
    if (schema != "opscope-report/1") return p.field("schema").report("not an opscope-report/1 file"), false;
    const json::Object* tool = o->getObject("tool");
    if (!tool) return p.field("tool").report("missing"), false;
    if (!string(*tool, "version", r.toolVersion, p.field("tool")) ||
        !string(*tool, "opdb_version", r.opdbVersion, p.field("tool")) || !string(*o, "root", r.root, p))
      return false;
    const json::Array* platforms = array(*o, "platforms", p);
    if (!platforms) return false;
    for (size_t i = 0; i < platforms->size(); ++i) {
      const json::Object* po = (*platforms)[i].getAsObject();
      Platform pl;
      if (!po) return p.field("platforms").index(i).report("expected an object"), false;
      if (!string(*po, "id", pl.id, p.field("platforms").index(i)) || !string(*po, "name", pl.name, p.field("platforms").index(i)))
        return false;
      r.targets.push_back(std::move(pl));
    }
    const json::Array* inputs = array(*o, "inputs", p);
    if (!inputs) return false;
    json::Path inputsPath = p.field("inputs");  // a Path refers to its parent: keep it alive
    for (size_t i = 0; i < inputs->size(); ++i) {
      json::Path ip = inputsPath.index(i);
      const json::Object* io = (*inputs)[i].getAsObject();
      if (!io) return ip.report("expected an object"), false;
      InputFile in;
      std::string status;
      if (!string(*io, "path", in.path, ip) || !string(*io, "language", in.language, ip) ||
          !string(*io, "status", status, ip) || !string(*io, "message", in.message, ip))
        return false;
      auto st = parseInputStatus(status);
      if (!st) return ip.field("status").report("unknown value"), false;
      in.status = *st;
      std::string reason;
      if (!string(*io, "lexicalReason", reason, ip, false) || !string(*io, "missingHeader", in.missingHeader, ip, false) ||
          !string(*io, "package", in.package, ip, false))
        return false;
      auto lr = parseLexicalReason(reason);
      if (!lr) return ip.field("lexicalReason").report("unknown value"), false;
      in.lexicalReason = *lr;
      r.inputs.push_back(std::move(in));
    }
    const json::Array* findings = array(*o, "findings", p);
    if (!findings) return false;
    r.findings.reserve(findings->size());
    for (size_t i = 0; i < findings->size(); ++i) {
      ReportFinding rf;
      if (!finding((*findings)[i], rf, p.field("findings").index(i))) return false;
      r.findings.push_back(std::move(rf));
    }
    if (const json::Array* sugg = o->getArray("suggestions")) {
      json::Path suggestionsPath = p.field("suggestions");
      for (size_t i = 0; i < sugg->size(); ++i) {
        json::Path sp = suggestionsPath.index(i);
        const json::Object* so = (*sugg)[i].getAsObject();
        if (!so) return sp.report("expected an object"), false;
        Suggestion s;
        unsigned offset = 0, length = 0;
        if (!string(*so, "platform", s.platform, sp) || !string(*so, "file", s.file, sp) ||
            !integer(*so, "offset", offset, sp) || !integer(*so, "length", length, sp) ||
            !integer(*so, "line", s.line, sp) || !integer(*so, "column", s.column, sp) ||
            !string(*so, "replacement", s.replacement, sp) || !string(*so, "reason", s.reason, sp))
          return false;
        s.offset = offset;
        s.length = length;
        r.suggestions.push_back(std::move(s));
      }
    }
    // Results written before kernels had verdicts have none.
    if (o->get("kernels")) {
      const json::Array* kernels = array(*o, "kernels", p);
      if (!kernels) return false;
      json::Path kernelsPath = p.field("kernels");
      for (size_t i = 0; i < kernels->size(); ++i) {
        KernelReport k;
        if (!kernel((*kernels)[i], k, kernelsPath.index(i))) return false;
        r.kernels.push_back(std::move(k));
      }
    }
    // Results written before the minimum-SDK answer have none.
    if (const json::Object* summary = o->getObject("summary"))
      for (const auto& [platform, value] : *summary)
        if (const json::Object* po = value.getAsObject(); po && po->get("minimum_sdk")) {
          json::Path summaryPath = p.field("summary");  // a Path refers to its parent: keep them alive
          json::Path platformPath = summaryPath.field(platform);
          json::Path mp = platformPath.field("minimum_sdk");
          const json::Array* list = array(*po, "minimum_sdk", platformPath);
          if (!list) return false;
          for (size_t i = 0; i < list->size(); ++i) {
            MinimumSdk m;
            m.platform = platform.str();
            if (!minimumSdk((*list)[i], m, mp.index(i))) return false;
            r.minimumSdk.push_back(std::move(m));
          }
        }
    // Results written before models were reported have none.
    if (o->get("models")) {
      const json::Array* models = array(*o, "models", p);
      if (!models) return false;
      for (size_t i = 0; i < models->size(); ++i) {
        ModelReport m;
        if (!model((*models)[i], m, p.field("models").index(i))) return false;
        r.models.push_back(std::move(m));
      }
    }
    return true;
  }

 private:
  json::Path::Root& root_;
};

}  // namespace

namespace {

}  // namespace

ReadResult readJsonReport(std::string_view text, const std::string& path) {
  ReadResult out;
  // Results files nest about eight levels deep; anything far deeper is not one.
  constexpr unsigned kMaxDepth = 64;
  if (size_t at = jsonNestingTooDeep(text, kMaxDepth); at != std::string_view::npos) {
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    size_t lineStart = text.rfind('\n', at);
    size_t column = at - (lineStart == std::string_view::npos ? 0 : lineStart + 1) + 1;
    out.error = path + ":" + std::to_string(line) + ":" + std::to_string(column) + " (byte " + std::to_string(at) +
                "): not an opscope results file: arrays and objects nested deeper than " + std::to_string(kMaxDepth) +
                " levels";
    return out;
  }
  auto doc = json::parse(llvm::StringRef(text.data(), text.size()));
  if (!doc) {
    out.error = path + ": not valid JSON: " + llvm::toString(doc.takeError());
    return out;
  }
  json::Path::Root root("report");
  Reader reader(root);
  if (!reader.read(*doc, out.report)) {
    out.error = path + ": " + llvm::toString(root.getError());
    return out;
  }
  out.report.finalize();
  out.ok = true;
  return out;
}

size_t jsonNestingTooDeep(std::string_view text, unsigned limit) {
  unsigned depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace opscope::reports
