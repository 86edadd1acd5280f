// The C/C++/CUDA step of `opscope scan`.
#include "cli/ScanSteps.h"
#include "cuda/CudaFrontend.h"
#include "db/Catalog.h"

namespace opscope::cli {

void runCudaStep(ScanContext& ctx) {
  if (ctx.inputs.sources.empty()) return;
  cuda::ScanOptions options;
  options.root = ctx.inputs.root;
  options.includeDirs = ctx.inputs.includeDirs;
  options.jobs = ctx.jobs;
  std::vector<cuda::TranslationUnit> units;
  for (const std::string& f : ctx.inputs.sources) units.push_back(cuda::TranslationUnit{f, {}});
  db::DatabaseCatalog catalog(ctx.db);
  cuda::ScanResult scanned = cuda::scan(units, catalog, options);
  for (InputFile& in : scanned.inputs) ctx.report.inputs.push_back(std::move(in));
  addFindings(ctx, std::move(scanned.findings));
}

}  // namespace opscope::cli
