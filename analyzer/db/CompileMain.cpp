// opscope-opdb-compile OUT BASE FILE...: the build step that checks the built-in opdb YAML
// strictly and writes its compiled form (Binary.h) to OUT. Any error in any file fails the
// build, with the loader's FILE:LINE:COLUMN diagnostics (paths relative to BASE).
#include <fstream>
#include <iostream>
#include <sstream>

#include "db/Binary.h"
#include "db/Database.h"

int main(int argc, char** argv) {
  using namespace opscope::db;
  if (argc < 4) {
    std::cerr << "usage: opscope-opdb-compile OUT BASE FILE...\n";
    return 2;
  }
  std::string base = std::string(argv[2]) + "/";
  std::vector<SourceText> files;
  for (int i = 3; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": error: cannot read\n";
      return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string path = argv[i];
    if (path.rfind(base, 0) == 0) path = path.substr(base.size());
    files.push_back({path, text.str()});
  }
  Database db;
  std::vector<Diagnostic> diags;
  bool ok = db.addLayer("builtin", files, diags);
  for (const Diagnostic& d : diags) std::cerr << d.str() << "\n";
  if (!ok) {
    std::cerr << "opscope-opdb-compile: the built-in opdb has errors; nothing written\n";
    return 1;
  }
  std::string blob = compileDatabase(db);
  Database back;
  std::string error;
  if (!loadCompiled(blob, back, error)) {
    std::cerr << "opscope-opdb-compile: internal error: the compiled form does not read back: " << error << "\n";
    return 3;
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << blob;
  if (!out) {
    std::cerr << argv[1] << ": error: cannot write\n";
    return 2;
  }
  return 0;
}
