#include "reports/CsvRenderer.h"

namespace opscope::reports {
namespace {

/// RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe.
std::string cell(const std::string& s) {
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void CsvRenderer::render(const Report& report, std::ostream& out) const {
  out << "file,line,column,end_line,end_column,symbol,kind,library,evidence,context,detail,macro_chain,suppressed";
  for (const Platform& p : report.targets) out << "," << cell(p.id + "_status") << "," << cell(p.id + "_target");
  out << "\r\n";
  for (const ReportFinding& rf : report.findings) {
    const Finding& f = rf.finding;
    std::string chain;
    for (const std::string& m : f.location.macroChain) chain += (chain.empty() ? "" : " ") + m;
    out << cell(f.location.file) << "," << f.location.line << "," << f.location.column << "," << f.location.endLine
        << "," << f.location.endColumn << "," << cell(f.symbol.name) << "," << toString(f.symbol.kind) << ","
        << cell(f.symbol.library) << "," << toString(f.evidence) << "," << cell(f.context) << "," << cell(f.detail)
        << "," << cell(chain) << "," << (rf.suppressed ? "true" : "false");
    for (const Platform& p : report.targets) {
      auto it = rf.coverage.find(p.id);
      if (it == rf.coverage.end()) out << ",,";
      else out << "," << toString(it->second.status) << "," << cell(it->second.target);
    }
    out << "\r\n";
  }
}

}  // namespace opscope::reports
