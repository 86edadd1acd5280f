#include "reports/JunitRenderer.h"

namespace opscope::reports {
namespace {

std::string xml(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += '?';
        else out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

void JunitRenderer::render(const Report& report, std::ostream& out) const {
  unsigned failures = 0;
  for (const GateCondition& c : report.gate) failures += c.failed;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"opscope\" tests=\"" << report.gate.size() << "\" failures=\"" << failures << "\">\n";
  out << "  <testsuite name=\"opscope gate\" tests=\"" << report.gate.size() << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"0\">\n";
  out << "    <properties>\n      <property name=\"opscope.version\" value=\"" << xml(report.toolVersion)
      << "\"/>\n      <property name=\"opdb.version\" value=\"" << xml(report.opdbVersion) << "\"/>\n    </properties>\n";
  for (const GateCondition& c : report.gate) {
    out << "    <testcase classname=\"opscope.gate\" name=\"" << xml(c.name) << "\"";
    if (!c.failed) {
      out << ">\n      <system-out>" << xml(c.message) << "</system-out>\n    </testcase>\n";
      continue;
    }
    out << ">\n      <failure message=\"" << xml(c.message) << "\" type=\"gate\">" << xml(c.message)
        << "</failure>\n    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace opscope::reports
