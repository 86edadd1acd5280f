#include "cli/Output.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/Commands.h"

namespace opscope::cli {
namespace fs = std::filesystem;

OutputSpec parseOutputSpec(const std::string& formatList, const std::string& output) {
  OutputSpec spec;
  spec.output = output;
  std::stringstream ss(formatList);
  std::string name;
  while (std::getline(ss, name, ',')) {
    if (name.empty()) continue;
    auto f = reports::parseFormat(name);
    if (!f) throw UsageError{"unknown format '" + name + "' (expected " + reports::formatNames() + ")"};
    if (std::find(spec.formats.begin(), spec.formats.end(), *f) == spec.formats.end()) spec.formats.push_back(*f);
  }
  if (spec.formats.empty()) throw UsageError{"--format names no format"};
  if (spec.formats.size() > 1 && output.empty())
    throw UsageError{"several formats need -o DIR to write them into"};
  return spec;
}

void emitReport(const Report& report, const OutputSpec& spec, std::ostream& out) {
  bool tty = &out == &std::cout && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  reports::RenderOptions options;
  // Source lines for the formats that show them, read relative to the scan root.
  options.sourceText = [root = report.root](const std::string& rel) { return readSourceText(root, rel); };
  if (spec.output.empty()) {
    options.color = tty && spec.formats.front() == reports::Format::Text;
    reports::createRenderer(spec.formats.front(), options)->render(report, out);
    return;
  }
  std::error_code ec;
  bool intoDirectory = spec.formats.size() > 1 || fs::is_directory(spec.output, ec);
  if (spec.formats.size() > 1) {
    fs::create_directories(spec.output, ec);
    if (ec) throw UsageError{"cannot create directory '" + spec.output + "': " + ec.message()};
  }
  std::vector<std::pair<reports::Format, std::string>> written;
  for (reports::Format f : spec.formats) {
    std::string path = intoDirectory
                           ? (fs::path(spec.output) / ("opscope-report." + std::string(reports::extensionOf(f)))).string()
                           : spec.output;
    std::unique_ptr<reports::Renderer> renderer = reports::createRenderer(f, options);
    writeFileAtomically(path, [&](std::ostream& file) { renderer->render(report, file); });
    written.emplace_back(f, path);
  }
  reports::RenderOptions summary;
  summary.listFindings = false;
  summary.color = tty;
  reports::createRenderer(reports::Format::Text, summary)->render(report, out);
  out << "\n";
  for (const auto& [f, path] : written) out << "report (" << reports::toString(f) << ") written to " << path << "\n";
}

}  // namespace opscope::cli
