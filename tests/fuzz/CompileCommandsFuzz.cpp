// libFuzzer target for the compilation-database reader (analyzer/cuda/CompileCommands.cpp):
// loadCompileDatabase on the input as compile_commands.json (through an in-memory file, since
// the reader takes a path), then the scan root of what it read. A database it cannot read must
// say why, naming the file; nothing may crash or hang.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "cuda/CompileCommands.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace opscope::cuda;
  static const int fd = [] {
    int f = memfd_create("compile_commands.json", 0);
    if (f < 0) std::abort();
    return f;
  }();
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  std::string error;
  TranslateOptions options;
  options.dropToolkitIncludes = size % 2 == 0;
  auto database = loadCompileDatabase(path, options, error);
  if (!database) {
    if (error.rfind(path, 0) != 0) std::abort();
    return 0;
  }
  (void)databaseRoot(*database);
  (void)database->notes.summary();
  for (const auto& [file, args] : database->commands)
    if (args.empty()) std::abort();  // the reader keeps only units it can parse
  return 0;
}
