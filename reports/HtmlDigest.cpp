#include "reports/HtmlDigest.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace opscope::reports::html {
namespace {

/// Longer lines (minified code, generated tables) are cut, so one line cannot bloat the page.
constexpr std::size_t kMaxLineBytes = 4096;

bool sameCoverage(const std::optional<Coverage>& a, const std::optional<Coverage>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  return std::tie(a->status, a->target, a->note, a->source, a->confidence, a->layer) ==
         std::tie(b->status, b->target, b->note, b->source, b->confidence, b->layer);
}

bool isGap(CoverageStatus s) { return s == CoverageStatus::Missing || s == CoverageStatus::Unknown; }

/// Splits text into lines without their terminators ("\n" or "\r\n"); a final newline does not
/// start another line.
std::vector<std::string> splitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxLineBytes) {
      std::string cut(line.substr(0, kMaxLineBytes));
      // Do not end inside a UTF-8 sequence: drop trailing continuation bytes and their lead.
      while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
      if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
      lines.push_back(cut + " \xE2\x80\xA6 (" + std::to_string(line.size() - cut.size()) + " more bytes)");
    } else {
      lines.emplace_back(line);
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

SuggestionDiff diffSuggestion(std::size_t index, std::size_t file, const Suggestion& s, const std::string* text) {
  SuggestionDiff d;
  d.suggestion = index;
  d.file = file;
  d.firstLine = s.line;  // where the rewrite engine placed it; recomputed from the text below
  if (!text || s.offset > text->size() || s.length > text->size() - s.offset) return d;
  std::size_t begin = static_cast<std::size_t>(s.offset);
  std::size_t end = begin + static_cast<std::size_t>(s.length);
  std::size_t lineStart = 0;
  if (begin > 0) {
    std::size_t nl = text->rfind('\n', begin - 1);
    if (nl != std::string::npos) lineStart = nl + 1;
  }
  std::size_t lineEnd = text->find('\n', end);
  if (lineEnd == std::string::npos) lineEnd = text->size();
  d.located = true;
  d.firstLine = 1 + static_cast<unsigned>(std::count(text->begin(), text->begin() + lineStart, '\n'));
  d.before = splitLines(std::string_view(*text).substr(lineStart, lineEnd - lineStart));
  if (d.before.empty()) d.before.emplace_back();
  std::string after = text->substr(lineStart, begin - lineStart) + s.replacement + text->substr(end, lineEnd - end);
  d.after = splitLines(after);
  return d;
}

/// The line ranges [first, last] worth embedding from a file too large to embed whole.
std::vector<std::pair<unsigned, unsigned>> interestingRanges(std::vector<std::pair<unsigned, unsigned>> spans,
                                                             unsigned context, unsigned lineCount) {
  std::vector<std::pair<unsigned, unsigned>> out;
  std::sort(spans.begin(), spans.end());
  for (auto [first, last] : spans) {
    if (lineCount == 0) break;
    unsigned a = first > context ? first - context : 1;
    unsigned b = std::min(lineCount, std::max(first, last) + context);
    a = std::min(a, lineCount);
    if (!out.empty() && a <= out.back().second + 1) out.back().second = std::max(out.back().second, b);
    else out.emplace_back(a, b);
  }
  return out;
}

}  // namespace

CoverageStatus SymbolEntry::status(std::size_t p) const {
  if (p >= coverage.size() || !coverage[p]) return CoverageStatus::Unknown;
  return coverage[p]->status;
}

std::optional<std::size_t> Digest::platformIndex(const PlatformId& id) const {
  for (std::size_t i = 0; i < platforms.size(); ++i)
    if (platforms[i].id == id) return i;
  return std::nullopt;
}

std::optional<unsigned> linesFromDetail(const std::string& detail) {
  std::size_t pos = 0;
  while ((pos = detail.find("lines=", pos)) != std::string::npos) {
    bool atTokenStart = pos == 0 || detail[pos - 1] == ' ' || detail[pos - 1] == ',' || detail[pos - 1] == ';';
    std::size_t digits = pos + 6, end = digits;
    while (end < detail.size() && end - digits < 9 && detail[end] >= '0' && detail[end] <= '9') ++end;
    if (atTokenStart && end > digits) return static_cast<unsigned>(std::stoul(detail.substr(digits, end - digits)));
    pos += 6;
  }
  return std::nullopt;
}

Digest digest(const Report& report, const SourceProvider& provider, const SourceBudget& budget) {
  Digest d;

  // Platform columns: the targets in their order, then any other platform the data names.
  for (const Platform& p : report.targets)
    if (!d.platformIndex(p.id)) d.platforms.push_back({p.id, p.name, p.stack});
  std::set<PlatformId> extra;
  for (const ReportFinding& rf : report.findings)
    for (const auto& [id, c] : rf.coverage) extra.insert(id);
  for (const auto& [id, s] : report.summaries) extra.insert(id);
  for (const Suggestion& s : report.suggestions) extra.insert(s.platform);
  for (const PlatformId& id : extra)
    if (!d.platformIndex(id)) d.platforms.push_back({id, id, ""});
  const std::size_t np = d.platforms.size();

  for (const PlatformColumn& p : d.platforms) {
    auto it = report.summaries.find(p.id);
    d.summaries.push_back(it != report.summaries.end() ? it->second : summarize(report.findings, p.id));
  }

  // Files: every input, and every file a finding or suggestion names.
  std::map<std::string, std::size_t> fileIndex;
  std::map<std::string, const InputFile*> inputByPath;
  for (const InputFile& in : report.inputs) inputByPath.emplace(in.path, &in);
  for (const auto& [path, in] : inputByPath) fileIndex.emplace(path, 0);
  for (const ReportFinding& rf : report.findings) fileIndex.emplace(rf.finding.location.file, 0);
  for (const Suggestion& s : report.suggestions) fileIndex.emplace(s.file, 0);
  for (auto& [path, index] : fileIndex) {
    index = d.files.size();
    FileEntry f;
    f.path = path;
    auto in = inputByPath.find(path);
    if (in != inputByPath.end()) f.input = in->second;
    f.gaps.assign(np, 0);
    d.files.push_back(std::move(f));
  }

  // Distinct symbols: same name, kind and library, and the same answers on every platform.
  std::map<std::tuple<std::string, SymbolKind, std::string>, std::vector<std::size_t>> byKey;
  std::set<std::pair<std::size_t, std::size_t>> symbolFiles;
  std::map<std::string, std::vector<std::size_t>> launchesByName;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const ReportFinding& rf = report.findings[i];
    const Finding& f = rf.finding;
    SymbolEntry candidate;
    candidate.symbol = f.symbol;
    candidate.inventory = isInventoryKind(f.symbol.kind);
    if (!candidate.inventory || !rf.coverage.empty()) {
      candidate.coverage.resize(np);
      for (const auto& [id, c] : rf.coverage) candidate.coverage[*d.platformIndex(id)] = c;
    }
    std::vector<std::size_t>& same = byKey[{f.symbol.name, f.symbol.kind, f.symbol.library}];
    std::size_t sym = d.symbols.size();
    for (std::size_t s : same) {
      const SymbolEntry& e = d.symbols[s];
      bool equal = e.inventory == candidate.inventory && e.coverage.size() == candidate.coverage.size();
      for (std::size_t p = 0; equal && p < e.coverage.size(); ++p) equal = sameCoverage(e.coverage[p], candidate.coverage[p]);
      if (equal) {
        sym = s;
        break;
      }
    }
    if (sym == d.symbols.size()) {
      candidate.firstFinding = i;
      d.symbols.push_back(std::move(candidate));
      same.push_back(sym);
    }
    SymbolEntry& entry = d.symbols[sym];
    std::size_t file = fileIndex.at(f.location.file);
    d.findingSymbol.push_back(sym);
    d.findingFile.push_back(file);
    ++entry.occurrences;
    if (f.evidence == Evidence::Graph) ++entry.graphOccurrences;
    if (symbolFiles.emplace(sym, file).second) ++entry.files;

    FileEntry& fe = d.files[file];
    ++fe.findings;
    if (f.symbol.kind == SymbolKind::Hazard) {
      ++fe.hazards;
      d.hazards.push_back(i);
    }
    if (!entry.inventory && rf.deviceCode.empty())  // device code takes its kernel's verdict
      for (std::size_t p = 0; p < np; ++p)
        if (isGap(entry.status(p))) ++fe.gaps[p];
    switch (f.symbol.kind) {
      case SymbolKind::Kernel:
      case SymbolKind::DeviceFunction: {
        KernelEntry k;
        k.name = f.symbol.name;
        k.kind = f.symbol.kind;
        k.definition = i;
        k.lines = linesFromDetail(f.detail);
        d.kernels.push_back(std::move(k));
        break;
      }
      case SymbolKind::KernelLaunch: launchesByName[f.symbol.name].push_back(i); break;
      case SymbolKind::RegisteredOp: d.registeredOps.push_back(i); break;
      default: break;
    }
    if (f.evidence == Evidence::Graph && !entry.inventory) {
      bool unsupported = false;
      for (std::size_t p = 0; p < np; ++p) unsupported = unsupported || isGap(entry.status(p));
      if (unsupported) d.onnxUnsupported.push_back(i);
    }
  }

  // Kernels: each definition gets the launches of its name; launches of kernels defined
  // elsewhere (libraries, unscanned files) get rows of their own.
  std::set<std::string> defined;
  for (KernelEntry& k : d.kernels)
    if (k.kind == SymbolKind::Kernel) {
      defined.insert(k.name);
      auto it = launchesByName.find(k.name);
      if (it != launchesByName.end()) k.launches = it->second;
    }
  for (const auto& [name, launches] : launchesByName)
    if (!defined.count(name)) {
      KernelEntry k;
      k.name = name;
      k.launches = launches;
      d.kernels.push_back(std::move(k));
    }

  // The matrix: symbols looked up in the opdb, most platforms lacking first.
  auto gapCount = [&](const SymbolEntry& e) {
    unsigned n = 0;
    for (std::size_t p = 0; p < np; ++p) {
      CoverageStatus s = e.status(p);
      n += s == CoverageStatus::Missing ? 3 : s == CoverageStatus::Unknown ? 2 : isCovered(s) && s != CoverageStatus::Native && s != CoverageStatus::Mapped ? 1 : 0;
    }
    return n;
  };
  auto byName = [&](std::size_t a, std::size_t b) {
    const Symbol& x = d.symbols[a].symbol;
    const Symbol& y = d.symbols[b].symbol;
    return std::tie(x.name, x.kind, x.library, a) < std::tie(y.name, y.kind, y.library, b);
  };
  for (std::size_t s = 0; s < d.symbols.size(); ++s) {
    if (d.symbols[s].inventory) continue;
    d.matrix.push_back(s);
    bool gap = false;
    for (std::size_t p = 0; p < np; ++p) gap = gap || isGap(d.symbols[s].status(p));
    if (gap) d.gaps.push_back(s);
    if (d.symbols[s].graphOccurrences) d.onnxOps.push_back(s);
  }
  std::sort(d.matrix.begin(), d.matrix.end(), [&](std::size_t a, std::size_t b) {
    unsigned ga = gapCount(d.symbols[a]), gb = gapCount(d.symbols[b]);
    if (ga != gb) return ga > gb;
    if (d.symbols[a].occurrences != d.symbols[b].occurrences) return d.symbols[a].occurrences > d.symbols[b].occurrences;
    return byName(a, b);
  });
  std::sort(d.gaps.begin(), d.gaps.end(), [&](std::size_t a, std::size_t b) {
    if (d.symbols[a].occurrences != d.symbols[b].occurrences) return d.symbols[a].occurrences > d.symbols[b].occurrences;
    return byName(a, b);
  });
  std::sort(d.onnxOps.begin(), d.onnxOps.end(), [&](std::size_t a, std::size_t b) {
    if (d.symbols[a].graphOccurrences != d.symbols[b].graphOccurrences)
      return d.symbols[a].graphOccurrences > d.symbols[b].graphOccurrences;
    return byName(a, b);
  });

  // Suggestions: per-file counts, and diffs against the provided text.
  std::map<std::size_t, std::optional<std::string>> texts;  // file -> text, asked once
  auto textOf = [&](std::size_t file) -> const std::string* {
    auto it = texts.find(file);
    if (it == texts.end()) {
      std::optional<std::string> text;
      if (provider) text = provider(d.files[file].path);
      it = texts.emplace(file, std::move(text)).first;
    }
    return it->second ? &*it->second : nullptr;
  };
  for (std::size_t i = 0; i < report.suggestions.size(); ++i) {
    const Suggestion& s = report.suggestions[i];
    std::size_t file = fileIndex.at(s.file);
    ++d.files[file].suggestions;
    d.suggestionFile.push_back(file);
    d.diffs.push_back(diffSuggestion(i, file, s, textOf(file)));
  }

  // Source text of every file with findings or suggestions: whole while within budget, else
  // excerpts around what the page points at.
  d.sources.resize(d.files.size());
  std::vector<std::vector<std::pair<unsigned, unsigned>>> spans(d.files.size());
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Location& l = report.findings[i].finding.location;
    if (l.line > 0) spans[d.findingFile[i]].emplace_back(l.line, std::max(l.line, std::min(l.endLine, l.line + 20)));
  }
  for (const SuggestionDiff& diff : d.diffs)
    if (diff.located)
      spans[diff.file].emplace_back(diff.firstLine, diff.firstLine + static_cast<unsigned>(diff.before.size()) - 1);
  std::size_t total = 0;
  for (std::size_t file = 0; file < d.files.size(); ++file) {
    if (d.files[file].findings == 0 && d.files[file].suggestions == 0) continue;
    const std::string* text = textOf(file);
    if (!text) continue;
    SourceText& st = d.sources[file];
    st.provided = true;
    std::vector<std::string> lines = splitLines(*text);
    if (text->size() <= budget.maxCompleteFileBytes && total + text->size() <= budget.maxTotalBytes) {
      total += text->size();
      st.complete = true;
      st.segments.push_back({1, std::move(lines)});
      continue;
    }
    for (auto [first, last] : interestingRanges(spans[file], budget.excerptContext, static_cast<unsigned>(lines.size()))) {
      SourceSegment seg;
      seg.firstLine = first;
      for (unsigned l = first; l <= last; ++l) {
        total += lines[l - 1].size();
        seg.lines.push_back(std::move(lines[l - 1]));
      }
      st.segments.push_back(std::move(seg));
    }
  }
  return d;
}

}  // namespace opscope::reports::html
