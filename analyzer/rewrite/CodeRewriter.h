// Turns the C/C++/CUDA frontend's findings into edits for one platform: opdb mappings and
// rename rules at the exact spelling of each name (inside macro definitions where the name is
// spelled there, once however many expansions reach it), calls through argument templates,
// #include lines, kernel launches, and a porting note for each kernel. What cannot be rewritten
// completely is left untouched and listed with the reason.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Model.h"
#include "db/Database.h"
#include "rewrite/Edit.h"
#include "rewrite/RewriteRules.h"

namespace opscope::rewrite {

/// A use the rewrite leaves as it is, and why.
struct Leftover {
  std::string file;
  unsigned line = 0, column = 0;
  std::string symbol;
  std::string reason;  // "HIP has no equivalent (missing)", "arguments do not fit aclrtMemcpy(...)", ...
};

/// Advice with no edit: a kernel's porting note, the note of a call rule whose edit was made.
struct Note {
  std::string file;
  unsigned line = 0, column = 0;
  std::string symbol;
  std::string text;
};

struct CodeRewriteOptions {
  /// Turn `k<<<g, b, s, q>>>(args)` into the platform's launch macro (rules: launch-macro).
  bool launchMacro = false;
};

struct CodeRewrite {
  EditSet edits;
  std::vector<Leftover> leftovers;
  std::vector<Note> notes;
};

/// The file texts as scanned, by report path (relative to the scan root).
using FileTexts = std::map<std::string, std::string>;

/// Rewrites for `rules.platform`. `findings` are the C/C++/CUDA frontend's (paths relative to
/// the root); `files` must hold every C/C++/CUDA file scanned, since #include lines are edited
/// in files without findings too. Findings whose text no longer spells their name are leftovers.
CodeRewrite rewriteCode(const std::vector<Finding>& findings, const FileTexts& files, const db::Database& db,
                        const PlatformRewrites& rules, const CodeRewriteOptions& options = {});

/// A name tested in a conditional directive (#if, #ifdef, #ifndef, #elif, #elifdef, #elifndef),
/// outside comments: `offset` is where it is spelled.
struct ConditionalName {
  std::uint64_t offset = 0;
  std::string name;
};
/// Every name the conditional directives of `text` test, in order (`defined` itself left out).
std::vector<ConditionalName> conditionalNames(std::string_view text);

/// One `#include` line: where the header name is (between the delimiters) and how it is written.
struct IncludeDirective {
  std::uint64_t nameOffset = 0;
  std::string name;  // "cuda_runtime.h"
  bool angled = false;
  std::uint64_t lineOffset = 0;  // start of the directive's line
};

/// The #include directives of a C/C++ file (not those in comments).
std::vector<IncludeDirective> includeDirectives(std::string_view text);

}  // namespace opscope::rewrite
