// Report models for the HTML renderer's tests: a small realistic one, a hostile one with
// script payloads in every string field, and a large synthetic one. Shared by the unit tests
// (tests/reports/html) and the browser tests' fixture generator (tests/browser).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Model.h"

namespace opscope::testing {

/// A report plus the file texts a renderer may ask for.
struct FixtureReport {
  Report report;
  std::map<std::string, std::string> files;  // report path -> text

  /// A RenderOptions::sourceText over `files`.
  std::optional<std::string> source(const std::string& path) const;
};

/// Four platforms, CUDA findings with every status, kernels and launches, a hazard, ONNX graph
/// findings, a suggestion, a suppressed finding and a gate result; sources for every file.
FixtureReport sampleReport();

/// Every string field of the model (and the source text) carries `hostilePayload(field)`.
FixtureReport hostileReport();

/// The payload planted in `field`: breaks out of script, attribute, comment and template
/// contexts, and pushes `field` onto window.__pwned if any of it ever runs.
std::string hostilePayload(const std::string& field);

/// The names of the fields hostileReport() fills, one payload each.
std::vector<std::string> hostileFields();

/// `findings` synthetic findings over many files, symbols and statuses, with sources.
FixtureReport largeReport(unsigned findings);

}  // namespace opscope::testing
