// The built-in opdb, loaded once per test binary, for the suites that check its answers. Any
// diagnostic while loading it fails the test that first asks for it. Also target descriptors
// parsed against it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "db/Database.h"
#include "db/Target.h"

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

/// `text` ("ascend:910b@torch_npu-2.4") parsed against the built-in opdb; a test failure, and the
/// empty descriptor, when it does not parse.
inline TargetDescriptor target(std::string_view text) {
  std::string error;
  auto t = parseTarget(text, &builtin(), error);
  EXPECT_TRUE(t) << text << ": " << error;
  return t.value_or(TargetDescriptor{});
}

}  // namespace opscope::db
