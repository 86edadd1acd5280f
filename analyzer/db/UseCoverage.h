// One use's answer: the opdb's answer for the symbol, narrowed by what the finding says about
// this use. An answer limited to some dtypes is partial only for a use whose dtypes (inferred by
// the frontend, `dtypes=fp64,...` in Finding::detail) fall outside them, and then says which.
#pragma once

#include <string_view>

#include "core/Model.h"
#include "db/Database.h"
#include "db/Target.h"

namespace opscope::db {

/// The answer for `finding` on `platform`: Database::lookup of its symbol, turned `partial`
/// (with the reason first in the note) when the finding names dtypes in use that the deciding
/// entry's constraints.dtypes do not list. A use without dtypes, or within the list, gets the
/// entry's answer unchanged.
Coverage coverageForUse(const Database& db, std::string_view platform, const Finding& finding);

/// The same on a target descriptor: the answer at its product and SDK level (lookupAt), then
/// narrowed for this use's dtypes as above. What the scan's coverage resolver calls.
Coverage coverageForUse(const Database& db, const TargetDescriptor& target, const Finding& finding);

}  // namespace opscope::db
