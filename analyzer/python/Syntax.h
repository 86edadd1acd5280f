// The tree-sitter layer of the Python frontend: parsing bytes into a concrete syntax tree with
// the tree-sitter-python grammar, and the grammar's node and field ids looked up once, so the
// analysis compares integers instead of type names. Internal to analyzer/python.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>

namespace opscope::python {

/// The grammar's ids for the node types and fields the analysis uses.
struct Grammar {
  TSSymbol module, identifier, attribute, call, argumentList, keywordArgument, string, stringStart,
      stringContent, stringEnd, interpolation, concatenatedString, importStatement, importFromStatement,
      futureImportStatement, aliasedImport, dottedName, relativeImport, importPrefix, wildcardImport,
      expressionStatement, assignment, augmentedAssignment, functionDefinition, classDefinition,
      decoratedDefinition, decorator, lambda, parameters, lambdaParameters, typedParameter,
      defaultParameter, typedDefaultParameter, listSplatPattern, dictionarySplatPattern, forStatement,
      forInClause, withItem, asPattern, asPatternTarget, exceptClause, globalStatement, nonlocalStatement,
      ifStatement, comparisonOperator, block, parenthesizedExpression, conditionalExpression, list, tuple,
      dictionary, set, pair, binaryOperator, integer, comment, error, patternList, tuplePattern,
      listPattern, expressionList, namedExpression, subscript, listComprehension, generatorExpression,
      setComprehension, dictionaryComprehension, whileStatement, unaryOperator, booleanOperator, notOperator;
  TSFieldId object, attributeField, function, arguments, name, value, alias, moduleName, left, right,
      body, parametersField, superclasses, definition, condition, expression, consequence, alternative,
      operatorField, type, subscriptField, argument;

  static const Grammar& get();
};

/// A parsed file: its bytes and tree. Byte offsets in the tree index `text` exactly (CRLF,
/// tabs and bytes that are not UTF-8 are kept as they are).
class ParsedFile {
 public:
  /// Parses `text`; never fails (syntax errors become ERROR nodes in the tree).
  explicit ParsedFile(std::string text);
  ParsedFile(const ParsedFile&) = delete;
  ParsedFile& operator=(const ParsedFile&) = delete;

  const std::string& text() const { return text_; }
  TSNode root() const;
  std::string_view textOf(TSNode n) const;
  /// True when the parser had to recover from a syntax error somewhere in the file.
  bool hasErrors() const;
  /// Where the first syntax error is: 1-based line and byte column (0, 0 if none).
  std::pair<unsigned, unsigned> firstError() const;
  /// Where the tree first nests deeper than `limit` nodes: 1-based line and byte column, or
  /// (0, 0). Found without recursion; the analysis recurses once per level, so a file nested
  /// deeper than its limit must not be analysed.
  std::pair<unsigned, unsigned> firstNodeDeeperThan(unsigned limit) const;

 private:
  std::string text_;
  std::unique_ptr<TSTree, void (*)(TSTree*)> tree_;
};

/// 1-based line and byte column of a byte offset of `n`'s start (tree-sitter rows are 0-based).
inline unsigned lineOf(TSNode n) { return ts_node_start_point(n).row + 1; }
inline unsigned columnOf(TSNode n) { return ts_node_start_point(n).column + 1; }

/// Calls `fn(child)` for every child (named or not) of `n`, in order, in linear time.
template <typename Fn>
void forEachChild(TSNode n, Fn&& fn) {
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do fn(ts_tree_cursor_current_node(&c));
    while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

/// Like forEachChild, but also passes each child's field id (0 when it has none).
template <typename Fn>
void forEachField(TSNode n, Fn&& fn) {
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do fn(ts_tree_cursor_current_field_id(&c), ts_tree_cursor_current_node(&c));
    while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

inline TSNode field(TSNode n, TSFieldId f) { return ts_node_child_by_field_id(n, f); }
inline bool is(TSNode n, TSSymbol s) { return !ts_node_is_null(n) && ts_node_symbol(n) == s; }

}  // namespace opscope::python
