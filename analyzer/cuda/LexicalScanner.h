// The token-level view of one file the lexical pass works from: which names the file itself
// declares, where device code is, which namespaces are in use. Built once per file over all its
// tokens, whatever lines the pass then reports on.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cuda/Tokenizer.h"

namespace opscope::cuda {

/// A __global__ or __device__ function body (or a __device__ lambda) found from tokens.
struct DeviceRegion {
  size_t open = 0, close = 0;  // token indices of its braces
  size_t nameToken = 0;        // the function's name; == open for a lambda
  bool kernel = false;
  unsigned firstLine = 0;      // line of the first qualifier
  bool usesWarpOps = false;
  std::string name;
};

class TokenView {
 public:
  explicit TokenView(std::vector<Token> tokens);

  const std::vector<Token>& tokens() const { return toks_; }
  bool isPunct(size_t i, std::string_view p) const;
  bool isIdent(size_t i) const { return i < toks_.size() && toks_[i].kind == Token::Kind::Identifier; }
  bool isIdent(size_t i, std::string_view text) const { return isIdent(i) && toks_[i].text == text; }
  /// Index of the bracket matching the opening one at `i` ('(' '[' '{' '<'), or tokens().size().
  size_t matching(size_t i) const;

  /// Names the file defines or declares itself (macros, functions, types, variables).
  bool declaresName(std::string_view name) const { return declared_.count(name) > 0; }
  const std::set<std::string_view>& declaredNames() const { return declared_; }
  /// The innermost device region holding token `i`, or nullptr.
  const DeviceRegion* deviceRegionAt(size_t i) const;
  const std::vector<DeviceRegion>& deviceRegions() const { return regions_; }
  /// Namespaces named by `using namespace`, and namespace aliases (alias -> target).
  const std::vector<std::string>& usingNamespaces() const { return using_; }
  const std::map<std::string, std::string>& aliases() const { return aliases_; }
  /// True when the file includes PyTorch headers (torch/, ATen/, c10/).
  bool includesTorch() const { return torch_; }

 private:
  bool closesTemplateList(size_t gt) const;
  void collectDeclarations();
  void collectDeviceRegions();
  void collectNamespaces();

  std::vector<Token> toks_;
  std::set<std::string_view> declared_;
  std::vector<DeviceRegion> regions_;
  std::vector<std::string> using_;
  std::map<std::string, std::string> aliases_;
  bool torch_ = false;
};

/// "a::b::c" starting at identifier token `i` (a leading "::" is skipped); `end` is set to the
/// index after the last identifier.
std::string qualifiedNameAt(const TokenView& view, size_t i, size_t& end);

/// The numeric value of an integer literal token (hex, octal, decimal, suffixes), if it is one.
std::optional<unsigned long long> integerValue(std::string_view literal);

}  // namespace opscope::cuda
