#include "python/Syntax.h"

#include <cstring>
#include <stdexcept>

extern "C" const TSLanguage* tree_sitter_python(void);

// tree-sitter-python 0.23.6 generates ABI 14; Debian bookworm's libtree-sitter 0.20.7 reads 13-14.
static_assert(TREE_SITTER_LANGUAGE_VERSION >= 14, "libtree-sitter too old for tree-sitter-python 0.23 (ABI 14)");

namespace opscope::python {
namespace {

TSSymbol symbolNamed(const TSLanguage* lang, const char* name, bool named = true) {
  TSSymbol s = ts_language_symbol_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)), named);
  if (s == 0 && std::strcmp(name, "ERROR") != 0)
    throw std::logic_error(std::string("tree-sitter-python has no node type '") + name + "'");
  return s;
}

TSFieldId fieldNamed(const TSLanguage* lang, const char* name) {
  TSFieldId f = ts_language_field_id_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)));
  if (f == 0) throw std::logic_error(std::string("tree-sitter-python has no field '") + name + "'");
  return f;
}

Grammar makeGrammar() {
  const TSLanguage* l = tree_sitter_python();
  Grammar g;
  g.module = symbolNamed(l, "module");
  g.identifier = symbolNamed(l, "identifier");
  g.attribute = symbolNamed(l, "attribute");
  g.call = symbolNamed(l, "call");
  g.argumentList = symbolNamed(l, "argument_list");
  g.keywordArgument = symbolNamed(l, "keyword_argument");
  g.string = symbolNamed(l, "string");
  g.stringStart = symbolNamed(l, "string_start");
  g.stringContent = symbolNamed(l, "string_content");
  g.stringEnd = symbolNamed(l, "string_end");
  g.interpolation = symbolNamed(l, "interpolation");
  g.concatenatedString = symbolNamed(l, "concatenated_string");
  g.importStatement = symbolNamed(l, "import_statement");
  g.importFromStatement = symbolNamed(l, "import_from_statement");
  g.futureImportStatement = symbolNamed(l, "future_import_statement");
  g.aliasedImport = symbolNamed(l, "aliased_import");
  g.dottedName = symbolNamed(l, "dotted_name");
  g.relativeImport = symbolNamed(l, "relative_import");
  g.importPrefix = symbolNamed(l, "import_prefix");
  g.wildcardImport = symbolNamed(l, "wildcard_import");
  g.expressionStatement = symbolNamed(l, "expression_statement");
  g.assignment = symbolNamed(l, "assignment");
  g.augmentedAssignment = symbolNamed(l, "augmented_assignment");
  g.functionDefinition = symbolNamed(l, "function_definition");
  g.classDefinition = symbolNamed(l, "class_definition");
  g.decoratedDefinition = symbolNamed(l, "decorated_definition");
  g.decorator = symbolNamed(l, "decorator");
  g.lambda = symbolNamed(l, "lambda");
  g.parameters = symbolNamed(l, "parameters");
  g.lambdaParameters = symbolNamed(l, "lambda_parameters");
  g.typedParameter = symbolNamed(l, "typed_parameter");
  g.defaultParameter = symbolNamed(l, "default_parameter");
  g.typedDefaultParameter = symbolNamed(l, "typed_default_parameter");
  g.listSplatPattern = symbolNamed(l, "list_splat_pattern");
  g.dictionarySplatPattern = symbolNamed(l, "dictionary_splat_pattern");
  g.forStatement = symbolNamed(l, "for_statement");
  g.forInClause = symbolNamed(l, "for_in_clause");
  g.withItem = symbolNamed(l, "with_item");
  g.asPattern = symbolNamed(l, "as_pattern");
  g.asPatternTarget = symbolNamed(l, "as_pattern_target");
  g.exceptClause = symbolNamed(l, "except_clause");
  g.globalStatement = symbolNamed(l, "global_statement");
  g.nonlocalStatement = symbolNamed(l, "nonlocal_statement");
  g.ifStatement = symbolNamed(l, "if_statement");
  g.comparisonOperator = symbolNamed(l, "comparison_operator");
  g.block = symbolNamed(l, "block");
  g.parenthesizedExpression = symbolNamed(l, "parenthesized_expression");
  g.conditionalExpression = symbolNamed(l, "conditional_expression");
  g.list = symbolNamed(l, "list");
  g.tuple = symbolNamed(l, "tuple");
  g.dictionary = symbolNamed(l, "dictionary");
  g.set = symbolNamed(l, "set");
  g.pair = symbolNamed(l, "pair");
  g.binaryOperator = symbolNamed(l, "binary_operator");
  g.integer = symbolNamed(l, "integer");
  g.comment = symbolNamed(l, "comment");
  g.error = static_cast<TSSymbol>(-1);  // tree-sitter's builtin ERROR symbol
  g.patternList = symbolNamed(l, "pattern_list");
  g.tuplePattern = symbolNamed(l, "tuple_pattern");
  g.listPattern = symbolNamed(l, "list_pattern");
  g.expressionList = symbolNamed(l, "expression_list");
  g.namedExpression = symbolNamed(l, "named_expression");
  g.subscript = symbolNamed(l, "subscript");
  g.listComprehension = symbolNamed(l, "list_comprehension");
  g.generatorExpression = symbolNamed(l, "generator_expression");
  g.setComprehension = symbolNamed(l, "set_comprehension");
  g.dictionaryComprehension = symbolNamed(l, "dictionary_comprehension");
  g.whileStatement = symbolNamed(l, "while_statement");
  g.unaryOperator = symbolNamed(l, "unary_operator");
  g.booleanOperator = symbolNamed(l, "boolean_operator");
  g.notOperator = symbolNamed(l, "not_operator");
  g.object = fieldNamed(l, "object");
  g.attributeField = fieldNamed(l, "attribute");
  g.function = fieldNamed(l, "function");
  g.arguments = fieldNamed(l, "arguments");
  g.name = fieldNamed(l, "name");
  g.value = fieldNamed(l, "value");
  g.alias = fieldNamed(l, "alias");
  g.moduleName = fieldNamed(l, "module_name");
  g.left = fieldNamed(l, "left");
  g.right = fieldNamed(l, "right");
  g.body = fieldNamed(l, "body");
  g.parametersField = fieldNamed(l, "parameters");
  g.superclasses = fieldNamed(l, "superclasses");
  g.definition = fieldNamed(l, "definition");
  g.condition = fieldNamed(l, "condition");
  g.expression = fieldNamed(l, "expression");
  g.consequence = fieldNamed(l, "consequence");
  g.alternative = fieldNamed(l, "alternative");
  g.operatorField = fieldNamed(l, "operator");
  g.type = fieldNamed(l, "type");
  g.subscriptField = fieldNamed(l, "subscript");
  g.argument = fieldNamed(l, "argument");
  return g;
}

}  // namespace

const Grammar& Grammar::get() {
  static const Grammar grammar = makeGrammar();
  return grammar;
}

ParsedFile::ParsedFile(std::string text) : text_(std::move(text)), tree_(nullptr, ts_tree_delete) {
  // One parser per call: TSParser is not thread-safe, and creating one is cheap next to parsing.
  std::unique_ptr<TSParser, void (*)(TSParser*)> parser(ts_parser_new(), ts_parser_delete);
  if (!ts_parser_set_language(parser.get(), tree_sitter_python()))
    throw std::logic_error("tree-sitter-python's ABI does not match the tree-sitter library");
  tree_.reset(ts_parser_parse_string(parser.get(), nullptr, text_.data(), static_cast<uint32_t>(text_.size())));
  if (!tree_) throw std::runtime_error("tree-sitter returned no tree");
}

TSNode ParsedFile::root() const { return ts_tree_root_node(tree_.get()); }

std::string_view ParsedFile::textOf(TSNode n) const {
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (b > text_.size() || e > text_.size() || e < b) return {};
  return std::string_view(text_).substr(b, e - b);
}

bool ParsedFile::hasErrors() const { return ts_node_has_error(root()); }

std::pair<unsigned, unsigned> ParsedFile::firstNodeDeeperThan(unsigned limit) const {
  TSTreeCursor c = ts_tree_cursor_new(root());
  std::pair<unsigned, unsigned> at{0, 0};
  unsigned depth = 0;
  for (;;) {
    if (depth > limit) {
      TSNode n = ts_tree_cursor_current_node(&c);
      at = {lineOf(n), columnOf(n)};
      break;
    }
    if (ts_tree_cursor_goto_first_child(&c)) {
      ++depth;
      continue;
    }
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&c)) moved = true;
      else if (ts_tree_cursor_goto_parent(&c)) --depth;
      else break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&c);
  return at;
}

std::pair<unsigned, unsigned> ParsedFile::firstError() const {
  TSNode n = root();
  if (!ts_node_has_error(n)) return {0, 0};
  // Descend into the first child that holds the error until reaching the ERROR or MISSING node.
  for (;;) {
    if (ts_node_is_missing(n) || ts_node_symbol(n) == Grammar::get().error) break;
    TSNode next{};
    bool found = false;
    forEachChild(n, [&](TSNode c) {
      if (!found && (ts_node_has_error(c) || ts_node_is_missing(c))) {
        next = c;
        found = true;
      }
    });
    if (!found) break;
    n = next;
  }
  return {lineOf(n), columnOf(n)};
}

}  // namespace opscope::python
