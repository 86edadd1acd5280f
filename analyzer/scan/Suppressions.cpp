#include "scan/Suppressions.h"

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

namespace opscope::scan {
namespace {

/// A marker on one line: which ids it names (empty: all).
struct Marker {
  bool present = false;
  bool alone = false;  // the line holds only the comment, so it covers the next line
  std::set<std::string> ids;
};

Marker markerOf(const std::string& line) {
  static const std::regex re(R"((//|/\*|#)\s*opscope(-ignore|:\s*ignore)(\[([^\]]*)\])?)");
  Marker m;
  std::smatch match;
  if (!std::regex_search(line, match, re)) return m;
  m.present = true;
  m.alone = line.find_first_not_of(" \t") == static_cast<size_t>(match.position(0));
  if (match[4].matched) {
    std::stringstream ids(match[4].str());
    std::string id;
    while (std::getline(ids, id, ',')) {
      id.erase(0, id.find_first_not_of(" \t"));
      id.erase(id.find_last_not_of(" \t") + 1);
      if (!id.empty()) m.ids.insert(id);
    }
  }
  return m;
}

bool covers(const Marker& m, const Finding& f) { return m.present && (m.ids.empty() || m.ids.count(f.symbol.name)); }

}  // namespace

void applySuppressions(Report& report,
                       const std::function<std::optional<std::string>(const std::string&)>& sourceText) {
  std::map<std::string, std::vector<ReportFinding*>> byFile;
  for (ReportFinding& rf : report.findings) byFile[rf.finding.location.file].push_back(&rf);
  for (auto& [file, findings] : byFile) {
    std::optional<std::string> text = sourceText(file);
    if (!text || text->find("opscope") == std::string::npos) continue;
    std::vector<std::string> lines;
    std::stringstream ss(*text);
    for (std::string line; std::getline(ss, line);) lines.push_back(std::move(line));
    for (ReportFinding* rf : findings) {
      unsigned n = rf->finding.location.line;
      if (n == 0 || n > lines.size()) continue;
      Marker same = markerOf(lines[n - 1]);
      Marker above = n >= 2 ? markerOf(lines[n - 2]) : Marker{};
      rf->suppressed = covers(same, rf->finding) || (above.alone && covers(above, rf->finding));
    }
  }
}

}  // namespace opscope::scan
