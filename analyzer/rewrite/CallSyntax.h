// Just enough C/C++ and Python syntax to take a call apart in source text: where its argument
// list starts and ends and the text of each argument, skipping strings, character literals,
// comments and nested brackets. Used to fill argument templates; a call it cannot take apart
// is not rewritten.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opscope::rewrite {

enum class Language { Cpp, Python };

/// One argument as written: its byte range in the file (without surrounding blanks).
struct Argument {
  std::uint64_t offset = 0, length = 0;
};

/// A call's argument list: `open` is the offset of '(' and `close` of the matching ')'.
struct CallArguments {
  std::uint64_t open = 0, close = 0;
  std::vector<Argument> args;  // empty for `f()`
};

/// The argument list of the call whose callee name ends at `afterName` (blanks and comments may
/// come before the '('), or nullopt when no complete, balanced list follows, or when it holds a
/// preprocessor directive.
std::optional<CallArguments> callArguments(std::string_view text, std::uint64_t afterName, Language lang);

/// A kernel launch `name<<<config>>>(args)`: the ranges of the configuration and of the call.
struct LaunchSyntax {
  std::uint64_t configOpen = 0;   // offset of "<<<"
  std::uint64_t configClose = 0;  // offset of ">>>"
  std::vector<Argument> config;   // grid, block[, shared memory[, stream]]
  CallArguments call;
};

/// The launch whose kernel name (with any template arguments) starts at `nameOffset` and whose
/// `<<<` follows within the same statement; nullopt when it is not one whole launch in the text.
std::optional<LaunchSyntax> launchSyntax(std::string_view text, std::uint64_t nameOffset);

/// An argument template: `{N}` is argument N (1-based) as written, `{N|text}` argument N or
/// `text` when the call has fewer, `{N*}` arguments N to the last joined by ", " (when there are
/// none, a ", " right before it goes too). Everything else is copied.
class ArgumentTemplate {
 public:
  /// Parses `spec`; on a malformed placeholder returns nullopt and sets `error`.
  static std::optional<ArgumentTemplate> parse(const std::string& spec, std::string& error);

  /// The fewest arguments a call needs for every placeholder to have a value.
  unsigned minArgs() const { return minArgs_; }
  /// The most arguments the template uses; calls with more are not rewritten (an argument would
  /// be lost) unless a `{N*}` takes the rest.
  std::optional<unsigned> maxArgs() const { return maxArgs_; }
  /// The callee name the template calls (the identifier before its first '('), for checks.
  const std::string& callee() const { return callee_; }

  /// The text for a call with `args`, or nullopt when the count does not fit.
  std::optional<std::string> expand(const std::vector<std::string>& args) const;

 private:
  struct Piece {
    std::string literal;
    unsigned arg = 0;  // 0: literal
    bool rest = false;
    std::optional<std::string> fallback;
  };
  std::vector<Piece> pieces_;
  unsigned minArgs_ = 0;
  std::optional<unsigned> maxArgs_;
  std::string callee_;
};

}  // namespace opscope::rewrite
