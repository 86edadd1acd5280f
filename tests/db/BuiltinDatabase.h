// The built-in opdb, loaded once per test binary, for the suites that check its answers. Any
// diagnostic while loading it fails the test that first asks for it.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "db/Database.h"

namespace opscope::db {

inline const Database& builtin() {
  static const Database db = [] {
    Database d;
    std::vector<Diagnostic> diags;
    EXPECT_TRUE(loadBuiltin(d, diags));
    for (const Diagnostic& x : diags) ADD_FAILURE() << x.str();
    return d;
  }();
  return db;
}

}  // namespace opscope::db
