// Turning a file's name, import and string sites into exact edits with the rules of one platform.
// An edit is made only where the whole change is spelled at the site; a name bound elsewhere
// (an alias, a from-import) is rewritten where it is bound, never half here and half there.
#include <algorithm>

#include "python/FileScan.h"

namespace opscope::python {
namespace {

struct Edit {
  uint32_t offset = 0, length = 0;
  std::string replacement, reason;
};

std::string join(const std::vector<std::string>& segs, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (i == begin ? "" : ".") + segs[i];
  return out;
}

std::string reasonOf(const std::string& reason, const std::string& id) {
  return reason.empty() ? "rule " + id : reason + " (rule " + id + ")";
}

class Renamer {
 public:
  Renamer(const RuleSet& rules, PortStrategy strategy) {
    for (const RenameRule& r : rules.renames)
      if (strategyApplies(r.strategy, strategy)) rules_.push_back({&r, splitDots(r.from), splitDots(r.to)});
    // Longest `from` first, so the most specific rule wins.
    std::sort(rules_.begin(), rules_.end(),
                     [](const Compiled& a, const Compiled& b) {
                       return a.from.size() != b.from.size() ? a.from.size() > b.from.size() : a.rule->id < b.rule->id;
                     });
  }

  /// The renamed segments of `q` and the rule that renamed them, or nullptr.
  const RenameRule* rename(const std::vector<std::string>& q, std::vector<std::string>& out) const {
    for (const Compiled& c : rules_) {
      if (c.from.size() > q.size() || !std::equal(c.from.begin(), c.from.end(), q.begin())) continue;
      out = c.to;
      out.insert(out.end(), q.begin() + static_cast<long>(c.from.size()), q.end());
      return out == q ? nullptr : c.rule;
    }
    return nullptr;
  }

 private:
  struct Compiled {
    const RenameRule* rule;
    std::vector<std::string> from, to;
  };
  std::vector<Compiled> rules_;
};

void nameEdits(const NameSite& site, const Renamer& renamer, std::vector<Edit>& edits) {
  std::vector<std::string> neu;
  const RenameRule* rule = renamer.rename(site.qualified, neu);
  if (!rule) return;
  const std::vector<std::string>& old = site.qualified;
  size_t p = 0, s = 0;
  while (p < old.size() && p < neu.size() && old[p] == neu[p]) ++p;
  while (s < old.size() - p && s < neu.size() - p && old[old.size() - 1 - s] == neu[neu.size() - 1 - s]) ++s;
  if (p + s == old.size()) {  // nothing of `old` changes: widen to one segment to anchor the edit
    if (s > 0) --s;
    else if (p > 0) --p;
    else return;
  }
  size_t oldEnd = old.size() - s, newEnd = neu.size() - s;
  if (oldEnd <= site.opaque) return;  // the change is inside a name bound elsewhere: edited there
  if (site.firstSegmentBound && p == 0) return;
  Edit e;
  e.reason = reasonOf(rule->reason, rule->id);
  uint32_t end = site.spans[oldEnd - 1 - site.opaque].second;
  if (p >= site.opaque) {
    e.offset = site.spans[p - site.opaque].first;
    e.replacement = join(neu, p, newEnd);
  } else {
    if (!site.canReplaceHead) return;
    e.offset = site.headStart;
    e.replacement = join(neu, 0, newEnd);
  }
  e.length = end - e.offset;
  edits.push_back(std::move(e));
}

void importFromEdits(const ImportFromSite& site, const Renamer& renamer, std::vector<Edit>& edits) {
  std::optional<std::vector<std::string>> newModule;
  const RenameRule* moduleRule = nullptr;
  std::vector<Edit> nameChanges;
  auto agree = [&](const std::vector<std::string>& m) {
    if (!newModule) newModule = m;
    return *newModule == m;
  };
  // `from torch.cuda import amp` is `torch.cuda.amp`; without a name-level rule the module alone
  // may be renamed (`from torch.cuda import *` has no names).
  std::vector<std::string> neu;
  const RenameRule* whole = renamer.rename(site.module, neu);
  for (const ImportFromSite::Name& n : site.names) {
    std::vector<std::string> q = site.module;
    q.push_back(n.name);
    const RenameRule* rule = renamer.rename(q, neu);
    std::vector<std::string> m = rule ? std::vector<std::string>(neu.begin(), neu.end() - 1) : site.module;
    if (!agree(m)) return;  // the names would need different modules: leave the statement alone
    if (rule && m != site.module) moduleRule = rule;
    if (rule && neu.back() != n.name) {
      Edit e;
      e.offset = n.span.first;
      e.length = n.span.second - n.span.first;
      e.replacement = neu.back() + (n.aliased ? "" : " as " + n.name);
      e.reason = reasonOf(rule->reason, rule->id);
      nameChanges.push_back(std::move(e));
    }
  }
  if (site.names.empty() && whole) {
    renamer.rename(site.module, neu);
    newModule = neu;
    moduleRule = whole;
  }
  if (newModule && *newModule != site.module && moduleRule) {
    Edit e;
    e.offset = site.moduleSpans.front().first;
    e.length = site.moduleSpans.back().second - e.offset;
    e.replacement = join(*newModule, 0, newModule->size());
    e.reason = reasonOf(moduleRule->reason, moduleRule->id);
    edits.push_back(std::move(e));
  }
  for (Edit& e : nameChanges) edits.push_back(std::move(e));
}

bool symbolMatches(const std::string& pattern, const std::string& symbol) {
  if (!pattern.empty() && pattern.back() == '*') return symbol.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == symbol;
}

bool imports(const FileScan& scan, const std::string& module) {
  return std::any_of(scan.importedModules.begin(), scan.importedModules.end(), [&](const std::string& m) {
    return m == module || (m.starts_with(module) && m[module.size()] == '.');
  });
}

}  // namespace

std::vector<Suggestion> suggest(const FileScan& scan, const std::string& text, const std::string& path,
                                const RuleSet& rules, PortStrategy strategy) {
  std::vector<Edit> edits;
  Renamer renamer(rules, strategy);
  for (const NameSite& site : scan.names) nameEdits(site, renamer, edits);
  for (const ImportFromSite& site : scan.importFroms) importFromEdits(site, renamer, edits);
  for (const StringSite& site : scan.strings)
    for (const StringRule& r : rules.strings) {
      if (!symbolMatches(r.symbol, site.symbol) || r.from.empty() || !strategyApplies(r.strategy, strategy)) continue;
      std::string_view content = std::string_view(text).substr(site.content.first, site.content.second - site.content.first);
      size_t at = content.find(r.from);
      if (at == std::string_view::npos) continue;
      Edit e;
      e.offset = static_cast<uint32_t>(site.content.first + at);
      e.length = static_cast<uint32_t>(r.from.size());
      e.replacement = r.to;
      e.reason = reasonOf(r.reason, r.id);
      edits.push_back(std::move(e));
    }

  for (const KeywordSite& site : scan.keywords)
    for (const KeywordRule& r : rules.keywords) {
      if (r.from != site.name) continue;
      Edit e;
      e.offset = site.span.first;
      e.length = site.span.second - site.span.first;
      e.replacement = r.to;
      e.reason = reasonOf(r.reason, r.id);
      edits.push_back(std::move(e));
    }

  // A bare ordinal becomes the platform's device string: .to(0) -> .to("npu:0").
  for (const DeviceIndexSite& site : scan.deviceIndices) {
    if (!site.rewritable) continue;
    for (const StringRule& r : rules.strings) {
      if (!symbolMatches(r.symbol, "device:cuda") || r.from != "cuda" || r.to.empty() ||
          !strategyApplies(r.strategy, strategy))
        continue;
      Edit e;
      e.offset = site.literal.first;
      e.length = site.literal.second - site.literal.first;
      e.replacement = "\"" + r.to + ":" + text.substr(site.literal.first, e.length) + "\"";
      e.reason = reasonOf(r.reason, r.id);
      edits.push_back(std::move(e));
    }
  }

  // Same edit found twice (two findings on one literal, two names from one import): keep one.
  // Overlapping different edits would be a rule conflict: the first wins, deterministically.
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return std::tie(a.offset, a.length, a.replacement) < std::tie(b.offset, b.length, b.replacement);
  });
  std::vector<Edit> merged;
  for (Edit& e : edits) {
    if (!merged.empty()) {
      const Edit& last = merged.back();
      if (last.offset == e.offset && last.length == e.length && last.replacement == e.replacement) continue;
      if (e.offset < last.offset + last.length) continue;
    }
    merged.push_back(std::move(e));
  }

  Edit insertion;
  std::string reasons;
  for (const ImportRule& r : rules.imports) {
    bool wanted = r.when == ImportRule::When::FileEdited ? !merged.empty() : scan.entryScript && scan.importsTorch;
    if (!wanted || !strategyApplies(r.strategy, strategy) || (!r.unlessImported.empty() && imports(scan, r.unlessImported)))
      continue;
    insertion.replacement += r.statement + scan.newline;
    reasons += (reasons.empty() ? "" : "; ") + reasonOf(r.reason, r.id);
  }
  if (!insertion.replacement.empty()) {
    insertion.offset = scan.afterTorchImport != UINT32_MAX ? scan.afterTorchImport : scan.top;
    if (insertion.offset >= text.size() && !text.empty() && text.back() != '\n') {
      insertion.offset = static_cast<uint32_t>(text.size());
      insertion.replacement = scan.newline + insertion.replacement.substr(0, insertion.replacement.size() - scan.newline.size());
    }
    insertion.reason = reasons;
    auto at = std::lower_bound(merged.begin(), merged.end(), insertion.offset,
                               [](const Edit& e, uint32_t off) { return e.offset < off; });
    merged.insert(at, std::move(insertion));
  }

  // Advice: once per file and rule, at the first finding it concerns (advice is about the
  // dependency, not about each call).
  for (const AdviceRule& r : rules.advice) {
    for (size_t i = 0; i < scan.findings.size(); ++i) {
      if (!symbolMatches(r.symbol, scan.findings[i].symbol.name)) continue;
      Edit e;
      e.offset = scan.findingOffsets[i];
      e.reason = reasonOf(r.reason, r.id);
      auto at = std::lower_bound(merged.begin(), merged.end(), e.offset,
                                 [](const Edit& x, uint32_t off) { return x.offset < off; });
      merged.insert(at, std::move(e));
      break;
    }
  }

  // Hazards: advice at each place a hazard rule is raised (once per rule and line), saying how
  // the construct carries over and what to use instead.
  for (const HazardHit& hit : hazardHits(scan, rules)) {
    Edit e;
    e.offset = hit.offset;
    std::string what = std::string(toString(hit.rule->status)) + ": " + hit.rule->advice;
    if (!hit.rule->target.empty()) what += " [use " + hit.rule->target + "]";
    e.reason = reasonOf(what, hit.rule->id);
    auto at = std::upper_bound(merged.begin(), merged.end(), e.offset,
                               [](uint32_t off, const Edit& x) { return off < x.offset; });
    merged.insert(at, std::move(e));
  }

  std::vector<size_t> lineStarts = {0};
  if (!merged.empty())
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') lineStarts.push_back(i + 1);
  std::vector<Suggestion> out;
  for (Edit& e : merged) {
    Suggestion s;
    s.platform = rules.platform;
    s.file = path;
    s.offset = e.offset;
    s.length = e.length;
    // 1-based line and byte column of the offset, as findings have them.
    auto line = std::upper_bound(lineStarts.begin(), lineStarts.end(), static_cast<size_t>(e.offset));
    s.line = static_cast<unsigned>(line - lineStarts.begin());
    s.column = static_cast<unsigned>(e.offset - *(line - 1) + 1);
    s.replacement = std::move(e.replacement);
    s.reason = std::move(e.reason);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace opscope::python
