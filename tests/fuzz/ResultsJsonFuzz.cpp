// libFuzzer target for the results reader (reports/JsonReader.cpp) that `opscope report`,
// `opscope merge` and baselines use. A file it rejects must say why, naming the file; a file it
// accepts must render back to JSON that reads again and renders identically (the reader and the
// JSON renderer agree on the schema), and every other renderer must take it without failing.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "reports/JsonReader.h"
#include "reports/JsonRenderer.h"
#include "reports/Renderer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace opscope::reports;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ReadResult r = readJsonReport(text, "results.json");
  if (!r.ok) {
    if (r.error.rfind("results.json", 0) != 0) std::abort();
    return 0;
  }
  std::ostringstream once;
  JsonRenderer().render(r.report, once);
  ReadResult again = readJsonReport(once.str(), "rendered.json");
  if (!again.ok) {
    std::fprintf(stderr, "rendered report does not read back: %s\n", again.error.c_str());
    std::abort();
  }
  std::ostringstream twice;
  JsonRenderer().render(again.report, twice);
  if (once.str() != twice.str()) {
    std::fprintf(stderr, "rendering is not stable across a read-back\n");
    std::abort();
  }
  // What `opscope report --format ...` does with accepted results: every format renders.
  RenderOptions options;
  options.color = true;
  options.sourceText = [&](const std::string&) -> std::optional<std::string> { return std::string(text.substr(0, 256)); };
  for (Format f : {Format::Text, Format::Html, Format::Sarif, Format::Markdown, Format::Csv, Format::Junit}) {
    std::ostringstream out;
    createRenderer(f, options)->render(r.report, out);
  }
  return 0;
}
