// libFuzzer target for the `.opscope.yaml` reader (analyzer/cli/Config.cpp). A file with errors
// must become a UsageError whose message names the file; nothing else may escape, crash or hang.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cli/Commands.h"
#include "scan/Config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    opscope::scan::ProjectConfig cfg = opscope::scan::readProjectConfig("/project/.opscope.yaml", text);
    for (const std::string& p : cfg.db)
      if (p.empty() || p.front() != '/') std::abort();  // overlay paths come back absolute
  } catch (const opscope::scan::UsageError& e) {
    if (e.message.find("/project/.opscope.yaml:") == std::string::npos) std::abort();
  }
  return 0;
}
