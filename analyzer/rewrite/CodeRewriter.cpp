#include "rewrite/CodeRewriter.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace opscope::rewrite {
namespace {

bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string leafOf(const std::string& name) {
  size_t p = name.rfind("::");
  return p == std::string::npos ? name : name.substr(p + 2);
}

std::string oneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

std::string substitute(std::string text, const std::string& key, const std::string& value) {
  for (size_t p = text.find(key); p != std::string::npos; p = text.find(key, p + value.size()))
    text.replace(p, key.size(), value);
  return text;
}

/// "lines=12 hazards=a,b" -> value of `key`.
std::string detailValue(const std::string& detail, const std::string& key) {
  size_t p = detail.find(key + "=");
  if (p == std::string::npos || (p > 0 && detail[p - 1] != ' ')) return "";
  size_t b = p + key.size() + 1;
  return detail.substr(b, detail.find(' ', b) - b);
}

/// Kinds whose findings the opdb answers name by name. A struct member (Field) is not renamed by
/// the built-in rules (their opdb-renames `kinds` leave it out, and its native entries have no
/// target): one the platform has stays as written, one it lacks is listed as left with the note.
bool isApiKind(SymbolKind k) {
  return k == SymbolKind::Function || k == SymbolKind::Type || k == SymbolKind::EnumValue || k == SymbolKind::Macro ||
         k == SymbolKind::Intrinsic || k == SymbolKind::Field;
}

/// Where a finding's name is spelled: the range of the (possibly qualified) name in the text.
struct Spelling {
  std::uint64_t offset = 0, length = 0;  // the whole name as written, qualifier included
  bool qualified = false;                // the qualifier of the symbol is spelled before the leaf
};

class Rewriter {
 public:
  Rewriter(const FileTexts& files, const db::Database& db, const PlatformRewrites& rules, const CodeRewriteOptions& options)
      : files_(files), db_(db), rules_(rules), options_(options) {}

  CodeRewrite run(const std::vector<Finding>& findings) {
    std::vector<const Finding*> calls;
    std::set<std::string> editedOrKernel;
    for (const Finding& f : findings) {
      auto text = files_.find(f.location.file);
      if (text == files_.end()) continue;
      const std::string& t = text->second;
      SymbolKind kind = f.symbol.kind;
      if (kind == SymbolKind::Kernel) {
        kernelNote(f);
        editedOrKernel.insert(f.location.file);
      } else if (kind == SymbolKind::KernelLaunch) {
        editedOrKernel.insert(f.location.file);
        if (options_.launchMacro && f.detail.empty()) launch(f, t);
      } else if (isApiKind(kind)) {
        if (rules_.call(f.symbol.name)) calls.push_back(&f);
        else if (const FallbackRule* fb = rules_.fallback(f.symbol.name)) fallbackUse(f, t, *fb);
        else rename(f, t);
        if (const ArgumentCastRule* cast = rules_.argumentCast(f.symbol.name)) argumentCasts(f, t, *cast);
      }
    }
    // Inner calls first, so an outer call's arguments carry their rewritten text.
    std::sort(calls.begin(), calls.end(), [](const Finding* a, const Finding* b) {
      return std::tie(a->location.file, a->location.line, a->location.column) >
             std::tie(b->location.file, b->location.line, b->location.column);
    });
    std::set<std::pair<std::string, std::uint64_t>> doneCalls;
    for (const Finding* f : calls) call(*f, files_.at(f->location.file), doneCalls);

    // A call left as it is keeps its arguments as they are too: no half-rewritten call.
    for (Edit& e : pending_) {
      bool frozen = std::any_of(frozen_.begin(), frozen_.end(), [&](const auto& r) {
        return std::get<0>(r) == e.file && e.offset >= std::get<1>(r) && e.offset + e.length <= std::get<2>(r);
      });
      if (!frozen) out_.edits.add(std::move(e));
    }
    for (const auto& [file, text] : files_) headers(file, text, editedOrKernel.count(file) > 0);
    for (const auto& [file, text] : files_) guards(file, text);
    for (const OperatorGuardRule& rule : rules_.operatorGuards)
      for (const auto& [file, text] : files_) operatorGuards(file, text, rule);
    for (const auto& [file, uses] : fallbackUses_) fallbackDefinitions(file, files_.at(file), uses);
    // A header reached from several units yields the same finding more than once.
    auto key = [](const Leftover& l) { return std::tie(l.file, l.line, l.column, l.symbol); };
    std::sort(out_.leftovers.begin(), out_.leftovers.end(), [&](const Leftover& a, const Leftover& b) { return key(a) < key(b); });
    out_.leftovers.erase(std::unique(out_.leftovers.begin(), out_.leftovers.end(),
                                     [&](const Leftover& a, const Leftover& b) { return key(a) == key(b); }),
                         out_.leftovers.end());
    auto nkey = [](const Note& n) { return std::tie(n.file, n.line, n.column, n.symbol, n.text); };
    std::sort(out_.notes.begin(), out_.notes.end(), [&](const Note& a, const Note& b) { return nkey(a) < nkey(b); });
    out_.notes.erase(std::unique(out_.notes.begin(), out_.notes.end(), [&](const Note& a, const Note& b) { return nkey(a) == nkey(b); }),
                     out_.notes.end());
    return std::move(out_);
  }

 private:
  /// Keeps the arguments of the call `f` names (if it is a call) from being edited.
  void freezeCall(const Finding& f) {
    auto text = files_.find(f.location.file);
    if (text == files_.end()) return;
    auto offset = offsetOf(text->second, f.location.line, f.location.column);
    if (!offset) return;
    if (auto args = callArguments(text->second, *offset + leafOf(f.symbol.name).size(), Language::Cpp))
      frozen_.emplace_back(f.location.file, args->open, args->close + 1);
  }

  /// `freeze`: the call has an equivalent whose arguments could not be mapped, so its arguments
  /// stay as written too.
  void leftover(const Finding& f, std::string reason, bool freeze = false) {
    if (freeze && isCallable(f.symbol.kind)) freezeCall(f);
    out_.leftovers.push_back(Leftover{f.location.file, f.location.line, f.location.column, f.symbol.name, std::move(reason)});
  }

  Edit edit(const std::string& file, std::uint64_t offset, std::uint64_t length, std::string replacement, std::string rule,
            std::string reason) {
    Edit e;
    e.file = file;
    e.offset = offset;
    e.length = length;
    e.replacement = std::move(replacement);
    e.rule = std::move(rule);
    e.reason = std::move(reason);
    std::tie(e.line, e.column) = lineColumnOf(files_.at(file), offset);
    return e;
  }

  /// The name's range in the text, or nullopt (and a leftover) when the text at the finding's
  /// position is not the name: a name made by token pasting, or a file changed since.
  std::optional<Spelling> spelling(const Finding& f, const std::string& text) {
    auto offset = offsetOf(text, f.location.line, f.location.column);
    std::string leaf = leafOf(f.symbol.name);
    if (!offset || text.compare(*offset, leaf.size(), leaf) != 0 ||
        (*offset + leaf.size() < text.size() && isIdentChar(text[*offset + leaf.size()])) ||
        (*offset > 0 && isIdentChar(text[*offset - 1]))) {
      leftover(f, "the text at this position does not spell " + leaf + " (a pasted or generated name): not rewritten");
      return std::nullopt;
    }
    Spelling s{*offset, leaf.size(), false};
    if (leaf.size() != f.symbol.name.size()) {
      std::string qualifier = f.symbol.name.substr(0, f.symbol.name.size() - leaf.size());
      if (*offset >= qualifier.size() && text.compare(*offset - qualifier.size(), qualifier.size(), qualifier) == 0 &&
          (*offset == qualifier.size() || !isIdentChar(text[*offset - qualifier.size() - 1]))) {
        s.offset -= qualifier.size();
        s.length += qualifier.size();
        s.qualified = true;
      }
    }
    return s;
  }

  /// The name `f` becomes, and why; nullopt when it stays (with a leftover when it should not).
  std::optional<std::pair<std::string, std::string>> target(const Finding& f) {
    if (const RenameRule* r = rules_.rename(f.symbol.name, f.symbol.kind)) return std::make_pair(r->to, r->id + ": " + r->reason);
    const db::Entry* e = db_.entry(rules_.platform, f.symbol.name);
    std::string platform = rules_.platform;
    if (!e) {
      leftover(f, "no " + platform + " answer in the opdb (unknown): left as is");
      return std::nullopt;
    }
    std::string status(toString(e->status));
    bool differs = !e->target.empty() && e->target != f.symbol.name;
    if (!differs) {
      if (e->status == CoverageStatus::Native || (e->status == CoverageStatus::Mapped && e->target == f.symbol.name)) return std::nullopt;
      leftover(f, status + " on " + platform + (e->note.empty() ? "" : ": " + e->note) + " - left as is");
      return std::nullopt;
    }
    const OpdbRenames& o = rules_.opdb;
    std::string why = "opdb: " + f.symbol.name + " -> " + e->target + " (" + status + ")";
    if (!o.enabled || !o.statuses.count(e->status) || (!o.kinds.empty() && !o.kinds.count(f.symbol.kind))) {
      leftover(f, platform + " has " + e->target + " (" + status + ")" +
                      (isCallable(f.symbol.kind) ? " but no argument template maps this call" : "") + " - not rewritten",
               true);
      return std::nullopt;
    }
    const db::SymbolInfo* info = db_.symbol(f.symbol.name);
    for (const ExcludedLibrary& x : o.excluded)
      if (x.library == f.symbol.library || x.library == e->library || (info && x.library == info->library)) {
        leftover(f, e->target + " exists but " + x.reason + " - not rewritten");
        return std::nullopt;
      }
    std::string name = e->target;
    if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:") != std::string::npos) {
      leftover(f, "the opdb's target '" + name + "' is not a name: not rewritten");
      return std::nullopt;
    }
    if (e->status != CoverageStatus::Mapped && !e->note.empty()) why += "; " + e->note;
    return std::make_pair(name, why);
  }

  static bool cudaSourceName(const std::string& file) { return file.size() > 3 && file.compare(file.size() - 3, 3, ".cu") == 0; }

  static bool isCallable(SymbolKind k) { return k == SymbolKind::Function || k == SymbolKind::Intrinsic || k == SymbolKind::Macro; }

  void rename(const Finding& f, const std::string& text) {
    auto to = target(f);
    if (!to) return;
    auto sp = spelling(f, text);
    if (!sp) return;
    std::string replacement = to->first;
    if (!sp->qualified && f.symbol.name.find("::") != std::string::npos) {
      // Written without its namespace (a using-directive): the namespace cannot be renamed here.
      leftover(f, "spelled without its namespace; " + to->first + " needs the qualifier - not rewritten");
      return;
    }
    pending_.push_back(edit(f.location.file, sp->offset, sp->length, replacement, ruleOf(to->second), to->second));
  }

  static std::string ruleOf(const std::string& why) {
    return why.rfind("opdb:", 0) == 0 ? "opdb" : why.substr(0, why.find(':'));
  }

  void call(const Finding& f, const std::string& text, std::set<std::pair<std::string, std::uint64_t>>& done) {
    const CallRule& rule = *rules_.call(f.symbol.name);
    auto sp = spelling(f, text);
    if (!sp) return;
    if (!done.insert({f.location.file, sp->offset}).second) return;
    auto args = callArguments(text, sp->offset + sp->length, Language::Cpp);
    if (!args) {
      leftover(f, "not a complete call where the name is spelled (a macro or a function pointer); " + rule.id +
                      " needs the arguments - not rewritten");
      return;
    }
    std::vector<std::string> argText;
    std::vector<Edit> kept;
    std::vector<std::vector<Edit>> inner(args->args.size());
    // Edits inside the arguments go into the argument text; an edit across an argument boundary
    // would be lost, so the call is then left alone.
    for (Edit& e : pending_) {
      if (e.file != f.location.file || e.offset < args->open || e.offset + e.length > args->close + 1) {
        kept.push_back(e);
        continue;
      }
      bool placed = false;
      for (size_t i = 0; i < args->args.size(); ++i) {
        const Argument& a = args->args[i];
        if (e.offset >= a.offset && e.offset + e.length <= a.offset + a.length) {
          Edit local = e;
          local.offset -= a.offset;
          inner[i].push_back(local);
          placed = true;
        }
      }
      if (!placed) {
        leftover(f, "an edit inside the call spans its arguments; " + rule.id + " not applied");
        return;
      }
    }
    for (size_t i = 0; i < args->args.size(); ++i) {
      std::string a = text.substr(args->args[i].offset, args->args[i].length);
      auto rewritten = applyEdits(a, inner[i]);
      argText.push_back(rewritten ? *rewritten : a);
    }
    auto expanded = rule.argumentTemplate.expand(argText);
    const CallRule* used = &rule;
    for (const CallRule* other : rules_.callsFor(f.symbol.name)) {
      if (expanded) break;
      expanded = other->argumentTemplate.expand(argText);
      used = other;
    }
    if (!expanded) {
      leftover(f, "called with " + std::to_string(argText.size()) + " argument(s), which " + rule.templateText +
                      " does not take - not rewritten",
               true);
      return;
    }
    pending_ = std::move(kept);
    pending_.push_back(edit(f.location.file, sp->offset, args->close + 1 - sp->offset, *expanded, used->id,
                            used->id + ": " + used->note));
    out_.notes.push_back(Note{f.location.file, f.location.line, f.location.column, f.symbol.name, used->note});
  }

  /// Each run of the file's own definitions (or declarations) of `rule`'s operators between two
  /// values of one of its types, inside `#if CONDITION` ... `#endif`.
  void operatorGuards(const std::string& file, const std::string& text, const OperatorGuardRule& rule) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> runs;  // [line start, end of the last line]
    // Regions a previous run of the rewrite guarded already.
    std::vector<std::pair<size_t, size_t>> guarded;
    const std::string open = "#if " + rule.condition + "  // " + rule.id, close = "#endif  // " + rule.id;
    for (size_t g = text.find(open); g != std::string::npos; g = text.find(open, g + 1))
      guarded.emplace_back(g, text.find(close, g));
    for (size_t at = text.find("operator"); at != std::string::npos; at = text.find("operator", at + 8)) {
      if ((at > 0 && isIdentChar(text[at - 1])) || !vectorCompoundOperator(text, at, rule)) continue;
      if (std::any_of(guarded.begin(), guarded.end(), [&](const auto& r) { return at > r.first && at < r.second; })) continue;
      // Not in a comment: a line comment before it on its line, or an unclosed block comment.
      size_t lineOf = text.rfind('\n', at);
      lineOf = lineOf == std::string::npos ? 0 : lineOf + 1;
      size_t opened = text.rfind("/*", at);
      if (text.find("//", lineOf) < at || (opened != std::string::npos && text.find("*/", opened) > at)) continue;
      // The declaration starts after the previous ';', '}', '{' or directive line; it must start a line.
      size_t begin = at;
      while (begin > 0 && text[begin - 1] != ';' && text[begin - 1] != '}' && text[begin - 1] != '{' &&
             !(text[begin - 1] == '\n' && text[begin] == '#'))
        --begin;
      if (text[begin] == '#') begin = text.find('\n', begin) + 1;  // after the directive line
      while (begin < at && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
      size_t lineStart = begin == 0 ? 0 : text.rfind('\n', begin - 1);
      lineStart = lineStart == std::string::npos || begin == 0 ? 0 : lineStart + 1;
      if (text.find_first_not_of(" \t", lineStart) != begin) continue;
      size_t end = text.find_first_of("{;", text.find(')', at));
      if (end == std::string::npos) continue;
      if (text[end] == '{') {
        int depth = 0;
        for (; end < text.size(); ++end) {
          if (text[end] == '{') ++depth;
          else if (text[end] == '}' && --depth == 0) break;
        }
        if (end >= text.size()) continue;
      }
      size_t lineEnd = text.find('\n', end);
      lineEnd = lineEnd == std::string::npos ? text.size() : lineEnd;
      if (text.find_first_not_of(" \t\r", end + 1) < lineEnd) continue;  // more code on the closing line
      // A definition that follows the previous one with only blank lines between joins its run.
      if (!runs.empty() && text.find_first_not_of(" \t\r\n", runs.back().second) == begin) runs.back().second = lineEnd;
      else runs.emplace_back(lineStart, lineEnd);
      at = end;
    }
    for (const auto& [from, to] : runs) {
      out_.edits.add(edit(file, from, 0, "#if " + rule.condition + "  // " + rule.id + "\n", rule.id, rule.reason));
      out_.edits.add(edit(file, to, 0, "\n#endif  // " + rule.id, rule.id, rule.reason));
    }
  }

  /// Whether `operator` at `at` declares one of `rule`'s operators between two of its types:
  /// `operator+=(float3 &a, const float3 &b)`, `operator*=(int2& a, int2 b)`.
  static bool vectorCompoundOperator(const std::string& text, size_t at, const OperatorGuardRule& rule) {
    size_t i = at + 8;
    auto skip = [&] { while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i; };
    auto word = [&] {
      skip();
      size_t b = i;
      while (i < text.size() && isIdentChar(text[i])) ++i;
      return text.substr(b, i - b);
    };
    skip();
    size_t op = i;
    while (i < text.size() && std::string_view("+-*/%^|&<>=").find(text[i]) != std::string_view::npos) ++i;
    if (!rule.operators.count(text.substr(op, i - op))) return false;
    skip();
    if (i >= text.size() || text[i] != '(') return false;
    ++i;
    std::string first = word();
    if (first == "const") first = word();
    skip();
    if (!rule.types.count(first) || i >= text.size() || text[i] != '&') return false;
    ++i;
    word();  // the parameter's name, if written
    skip();
    if (i >= text.size() || text[i] != ',') return false;
    ++i;
    std::string second = word();
    if (second == "const") second = word();
    return second == first;
  }

  /// The arguments of the call `f` names that `rule` lists, wrapped by its `to`.
  void argumentCasts(const Finding& f, const std::string& text, const ArgumentCastRule& rule) {
    auto offset = offsetOf(text, f.location.line, f.location.column);
    std::string leaf = leafOf(f.symbol.name);
    if (!offset || !f.location.macroChain.empty() || text.compare(*offset, leaf.size(), leaf) != 0) return;
    auto args = callArguments(text, *offset + leaf.size(), Language::Cpp);
    if (!args) return;
    for (const Argument& a : args->args) {
      std::string written = text.substr(a.offset, a.length);
      size_t b = written.find_first_not_of(" \t\n"), e = written.find_last_not_of(" \t\n");
      if (b == std::string::npos || !rule.arguments.count(written.substr(b, e - b + 1))) continue;
      std::string arg = written.substr(b, e - b + 1);
      pending_.push_back(edit(f.location.file, a.offset + b, arg.size(), substitute(rule.to, "{}", arg), rule.id,
                              rule.id + ": " + rule.reason));
    }
  }

  /// A name the platform lacks, renamed to the fallback the rewrite defines in this file.
  void fallbackUse(const Finding& f, const std::string& text, const FallbackRule& rule) {
    auto sp = spelling(f, text);
    if (!sp) return;
    pending_.push_back(edit(f.location.file, sp->offset, sp->length, rule.to, rule.id, rule.id + ": " + rule.reason));
    auto& [first, used] = fallbackUses_[f.location.file];
    first = used.empty() ? sp->offset : std::min(first, sp->offset);
    used.insert(&rule);
    out_.notes.push_back(Note{f.location.file, f.location.line, f.location.column, f.symbol.name, rule.reason});
  }

  /// The definitions of the fallbacks `uses` names, once, where the first use can see them.
  void fallbackDefinitions(const std::string& file, const std::string& text,
                           const std::pair<std::uint64_t, std::set<const FallbackRule*>>& uses) {
    std::uint64_t at = definitionPoint(text, uses.first);
    std::string block;
    std::set<std::string> done;
    for (const FallbackRule& rule : rules_.fallbacks) {  // in file order, each `to` once
      if (!uses.second.count(&rule) || !done.insert(rule.to).second) continue;
      std::string def = rule.definition;
      if (!def.empty() && def.back() != '\n') def += '\n';
      block += "#ifndef OPSCOPE_DEFINED_" + rule.to + "\n#define OPSCOPE_DEFINED_" + rule.to + "\n// " + rule.id + ": " +
               oneLine(rule.reason) + "\n" + def + "#endif\n";
    }
    out_.edits.add(edit(file, at, 0, block, "fallback", "definitions of the fallbacks this file uses"));
  }

  /// Where definitions used first at `firstUse` go: after the last #include before it, past the
  /// #endif of any conditional that include sits in (deeper than the use), so they are neither
  /// hidden by a condition nor placed after the use; the start of the file when no include
  /// comes first.
  static std::uint64_t definitionPoint(const std::string& text, std::uint64_t firstUse) {
    std::optional<std::uint64_t> at;
    for (const IncludeDirective& inc : includeDirectives(text))
      if (inc.lineOffset < firstUse) at = inc.lineOffset;
    if (!at) return 0;
    // The conditional depth at the start of each line up to the use's line, in one pass.
    std::vector<std::pair<std::uint64_t, int>> lines;  // (line start, depth there)
    int depth = 0;
    for (std::uint64_t pos = 0; pos <= firstUse && pos < text.size();) {
      lines.emplace_back(pos, depth);
      std::uint64_t end = std::min<std::uint64_t>(text.find('\n', pos), text.size());
      depth += conditionalStep(text, pos, end);
      pos = end + 1;
    }
    const int useDepth = lines.back().second;  // the use's own line
    // From the line after the include, past every #endif that closes a conditional around it.
    for (const auto& [lineStart, lineDepth] : lines)
      if (lineStart > *at && lineDepth <= useDepth) return lineStart;
    return lines.back().first;
  }

  /// +1 for a line opening a conditional (#if, #ifdef, #ifndef), -1 for #endif, else 0.
  static int conditionalStep(const std::string& text, std::uint64_t begin, std::uint64_t end) {
    std::uint64_t i = begin;
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= end || text[i] != '#') return 0;
    ++i;
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::uint64_t w = i;
    while (i < end && isIdentChar(text[i])) ++i;
    std::string_view word(text.data() + w, i - w);
    return word == "if" || word == "ifdef" || word == "ifndef" ? 1 : word == "endif" ? -1 : 0;
  }

  void launch(const Finding& f, const std::string& text) {
    if (rules_.launchMacro.empty()) return;
    auto offset = offsetOf(text, f.location.line, f.location.column);
    if (!offset || !f.location.macroChain.empty()) {
      leftover(f, "launch inside a macro: kept as <<<>>>");
      return;
    }
    auto l = launchSyntax(text, *offset);
    if (!l) {
      leftover(f, "launch not written as one kernel<<<...>>>(...) expression: kept as <<<>>>");
      return;
    }
    auto piece = [&](const Argument& a) { return text.substr(a.offset, a.length); };
    std::string name = text.substr(*offset, l->configOpen - *offset);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '\n')) name.pop_back();
    if (name.find(',') != std::string::npos)
      name = rules_.launchKernelNameMacro.empty() ? "(" + name + ")" : rules_.launchKernelNameMacro + "(" + name + ")";
    std::string out = rules_.launchMacro + "(" + name + ", dim3(" + piece(l->config[0]) + "), dim3(" + piece(l->config[1]) + "), " +
                      (l->config.size() > 2 ? piece(l->config[2]) : "0") + ", " + (l->config.size() > 3 ? piece(l->config[3]) : "0");
    for (const Argument& a : l->call.args) out += ", " + piece(a);
    out += ")";
    pending_.push_back(edit(f.location.file, *offset, l->call.close + 1 - *offset, out, "launch-macro",
                            "kernel launch through " + rules_.launchMacro));
  }

  void kernelNote(const Finding& f) {
    if (rules_.kernelNote.empty()) return;
    std::string hazards = detailValue(f.detail, "hazards");
    std::string note = substitute(rules_.kernelNote, "{name}", f.symbol.name);
    note = substitute(note, "{lines}", detailValue(f.detail, "lines").empty() ? "?" : detailValue(f.detail, "lines"));
    note = substitute(note, "{hazards}", hazards.empty() ? "none found" : hazards);
    out_.notes.push_back(Note{f.location.file, f.location.line, f.location.column, f.symbol.name, note});
  }

  void headers(const std::string& file, const std::string& text, bool needsEntry) {
    std::vector<std::string> after;
    std::string entryDir = rules_.entryInclude.substr(0, rules_.entryInclude.rfind('/') + 1);
    bool entrySeen = false;
    for (const IncludeDirective& inc : includeDirectives(text)) {
      const HeaderRule* h = rules_.header(inc.name);
      if (!h) {
        after.push_back(inc.name);
        continue;
      }
      // HIP 5.2's hip/hip_cooperative_groups.h uses hipBlockDim_z and the like, which only the
      // entry header defines: a sibling of it included first gets the entry header before it.
      if (!entrySeen && !entryDir.empty() && h->to != rules_.entryInclude && h->to.starts_with(entryDir) &&
          std::find(after.begin(), after.end(), rules_.entryInclude) == after.end()) {
        bool later = false;
        for (const IncludeDirective& rest : includeDirectives(text))
          if (const HeaderRule* r = rules_.header(rest.name); r && r->to == rules_.entryInclude && rest.lineOffset > inc.lineOffset)
            later = true;
        if (later || cudaSourceName(file)) {
          out_.edits.add(edit(file, inc.lineOffset, 0, "#include <" + rules_.entryInclude + ">\n", "entry-include",
                              h->to + " needs " + rules_.entryInclude + " before it (HIP 5.2)"));
          after.push_back(rules_.entryInclude);
          entrySeen = true;
        }
      }
      if (h->to == rules_.entryInclude) entrySeen = true;
      after.push_back(h->to);
      out_.edits.add(edit(file, inc.nameOffset, inc.name.size(), h->to, h->id, "header " + inc.name + " -> " + h->to));
    }
    // nvcc includes cuda_runtime.h into every .cu file by itself; the platform's compiler may not.
    bool cudaSource = cudaSourceName(file);
    if (rules_.entryInclude.empty() || !cudaSource) return;
    bool edited = needsEntry;
    for (const Edit& e : out_.edits.edits()) edited = edited || e.file == file;
    // A library header (hipblas/hipblas.h) brings the runtime with it; the entry header's siblings
    // (hip/hip_fp16.h, hip/hip_cooperative_groups.h) do not declare threadIdx and the launch
    // machinery, so they do not count.
    bool has = std::any_of(after.begin(), after.end(), [&](const std::string& n) {
      if (n == rules_.entryInclude) return true;
      if (!entryDir.empty() && n.starts_with(entryDir)) return false;
      return std::any_of(rules_.headers.begin(), rules_.headers.end(), [&](const HeaderRule& h) { return h.to == n; });
    });
    if (!edited || has) return;
    auto directives = includeDirectives(text);
    std::uint64_t at = directives.empty() ? 0 : directives.front().lineOffset;
    out_.edits.add(edit(file, at, 0, "#include <" + rules_.entryInclude + ">\n", "entry-include",
                        "nvcc includes the CUDA runtime implicitly; " + rules_.entryInclude + " must be included"));
  }

  /// CUDA header guards and feature macros tested in #if/#ifdef/#ifndef/#elif lines (rules:
  /// guards): after the header swap, `#ifdef __DRIVER_TYPES_H__` would drop its whole section.
  void guards(const std::string& file, const std::string& text) {
    if (rules_.guards.empty()) return;
    for (const ConditionalName& c : conditionalNames(text))
      for (const GuardRule& g : rules_.guards)
        if (g.from == c.name)
          out_.edits.add(edit(file, c.offset, c.name.size(), g.to, g.id, "macro " + g.from + " -> " + g.to));
  }

  const FileTexts& files_;
  const db::Database& db_;
  const PlatformRewrites& rules_;
  const CodeRewriteOptions& options_;
  std::vector<std::tuple<std::string, std::uint64_t, std::uint64_t>> frozen_;  // argument lists left alone
  // Per file: the offset of the first fallback use, and the fallbacks used.
  std::map<std::string, std::pair<std::uint64_t, std::set<const FallbackRule*>>> fallbackUses_;
  std::vector<Edit> pending_;  // name and launch edits, before calls fold them into their arguments
  CodeRewrite out_;
};

}  // namespace

std::vector<ConditionalName> conditionalNames(std::string_view text) {
  std::vector<ConditionalName> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    size_t i = pos;
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < end && text[i] == '#') {
      ++i;
      while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
      size_t word = i;
      while (i < end && isIdentChar(text[i])) ++i;
      std::string_view directive = text.substr(word, i - word);
      if (directive == "if" || directive == "ifdef" || directive == "ifndef" || directive == "elif" ||
          directive == "elifdef" || directive == "elifndef") {
        size_t stop = text.find("//", i);  // a comment ends what is tested
        stop = std::min({stop == std::string_view::npos ? end : stop, end, text.find("/*", i)});
        while (i < stop) {
          if (!isIdentChar(text[i]) || std::isdigit(static_cast<unsigned char>(text[i]))) {
            // Skip a number (0x5000, 11020L) whole, so its letters are not read as a name.
            if (std::isdigit(static_cast<unsigned char>(text[i])))
              while (i < stop && isIdentChar(text[i])) ++i;
            else
              ++i;
            continue;
          }
          size_t start = i;
          while (i < stop && isIdentChar(text[i])) ++i;
          std::string_view name = text.substr(start, i - start);
          if (name != "defined") out.push_back(ConditionalName{start, std::string(name)});
        }
      }
    }
    pos = end + 1;
  }
  return out;
}

std::vector<IncludeDirective> includeDirectives(std::string_view text) {
  std::vector<IncludeDirective> out;
  bool inComment = false;
  size_t lineStart = 0;
  while (lineStart < text.size()) {
    size_t end = text.find('\n', lineStart);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(lineStart, end - lineStart);
    size_t i = 0;
    if (inComment) {
      size_t close = line.find("*/");
      if (close == std::string_view::npos) {
        lineStart = end + 1;
        continue;
      }
      inComment = false;
      i = close + 2;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && line[i] == '#') {
      size_t j = i + 1;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      if (line.substr(j, 7) == "include" && !(j + 7 < line.size() && isIdentChar(line[j + 7]))) {
        size_t k = j + 7;
        while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
        if (k < line.size() && (line[k] == '<' || line[k] == '"')) {
          char close = line[k] == '<' ? '>' : '"';
          size_t stop = line.find(close, k + 1);
          if (stop != std::string_view::npos)
            out.push_back(IncludeDirective{lineStart + k + 1, std::string(line.substr(k + 1, stop - k - 1)), close == '>', lineStart});
        }
      }
    }
    // A block comment opened on this line (outside strings: good enough for directive lines).
    for (size_t p = line.find("/*", i); p != std::string_view::npos; p = line.find("/*", p + 2)) {
      size_t slashes = line.find("//", i);
      if (slashes != std::string_view::npos && slashes < p) break;  // "/*" inside a line comment
      size_t c = line.find("*/", p + 2);
      if (c == std::string_view::npos) {
        inComment = true;
        break;
      }
      p = c;
    }
    lineStart = end + 1;
  }
  return out;
}

CodeRewrite rewriteCode(const std::vector<Finding>& findings, const FileTexts& files, const db::Database& db,
                        const PlatformRewrites& rules, const CodeRewriteOptions& options) {
  return Rewriter(files, db, rules, options).run(findings);
}

}  // namespace opscope::rewrite
