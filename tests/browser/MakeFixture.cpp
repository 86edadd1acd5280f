// Writes the HTML reports the browser tests open that the CLI cannot make from samples/:
//   html_report_fixture hostile OUT.html   script payloads in every field (+ OUT.html.fields.json)
//   html_report_fixture large N OUT.html   N synthetic findings over many files, with sources
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_os_ostream.h"
#include "reports/Renderer.h"
#include "tests/reports/html/Fixtures.h"

namespace {

int write(const opscope::testing::FixtureReport& fx, const std::string& path) {
  opscope::reports::RenderOptions options;
  options.sourceText = [&fx](const std::string& p) { return fx.source(p); };
  std::ofstream out(path, std::ios::binary);
  opscope::reports::createRenderer(opscope::reports::Format::Html, options)->render(fx.report, out);
  out.close();
  if (!out) {
    std::cerr << "cannot write " << path << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "hostile" && argc == 3) {
    std::string path = argv[2];
    if (int rc = write(opscope::testing::hostileReport(), path)) return rc;
    // The fields and their payloads, so the test can look for each one in the page's text.
    std::ofstream sidecar(path + ".fields.json");
    llvm::raw_os_ostream os(sidecar);
    llvm::json::OStream j(os, 1);
    j.object([&] {
      for (const std::string& field : opscope::testing::hostileFields())
        j.attribute(field, llvm::json::fixUTF8(opscope::testing::hostilePayload(field)));
    });
    return 0;
  }
  if (mode == "large" && argc == 4) return write(opscope::testing::largeReport(std::atoi(argv[2])), argv[3]);
  std::cerr << "usage: html_report_fixture hostile OUT.html | large N OUT.html\n";
  return 2;
}
