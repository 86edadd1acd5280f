// The Python/PyTorch script frontend: parses scripts with tree-sitter-python, resolves import
// aliases (also across the modules of the scanned tree), and finds what a port has to look at:
// torch.cuda.* and other torch APIs, .cuda()/.is_cuda, device strings, cudnn/TF32 flags, NCCL,
// CUDA extensions, apex/flash-attn/xformers/triton/bitsandbytes/deepspeed use. With rewrite
// rules it also suggests exact per-platform edits.
//
// Symbols it reports (kind torch_api unless said otherwise):
//   torch.cuda.synchronize, torch.nn.functional.relu, ...   a resolved torch name
//   torch.Tensor.cuda, torch.nn.Module.cuda, torch.Tensor.is_cuda, torch.Tensor.<method>
//   device:cuda        a device string: 'cuda', 'cuda:0', f"cuda:{rank}", "cuda:%d", "cuda:"
//   dist_backend:nccl  the distributed backend string 'nccl'
//   env:NCCL_DEBUG     a CUDA/NCCL environment variable name (NCCL_*, TORCH_NCCL_*, CUDA_*, ...)
//   compile_backend:inductor   a torch.compile backend (the default one when none is given)
//   flash_attn.flash_attn_func, triton.language.load, ...   kind function, library = package
//   <name> kind kernel, library triton: a @triton.jit kernel defined in the file (inventory)
// Evidence is semantic when the name resolved through imports or definitions, lexical when a
// method was matched by its name only (receiver type unknown) or the code sits in a region the
// parser could not read.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/Model.h"
#include "core/SymbolCatalog.h"
#include "python/Rules.h"

namespace opscope::python {

/// One script to scan, already read.
struct SourceFile {
  std::string path;  // relative to the scan root, '/'-separated: module names come from it
  std::string text;  // the file's bytes, as they are on disk
};

/// A C/C++/CUDA source named by a torch.utils.cpp_extension call (CUDAExtension, CppExtension,
/// load): the caller hands the ones that exist to the C++ scanner.
struct ExtensionSource {
  std::string declaredIn;  // the script that names it, relative to the root
  std::string path;        // relative to the root, lexically normalised; may contain '*' (a glob)
};

/// C++ or CUDA code a script hands to torch.utils.cpp_extension.load_inline as a string.
/// `text` is laid out so that scanning it as a file gives the script's own line and column for
/// every token: `line - 1` newlines and `column - 1` spaces come before the literal's content
/// (a string with escape sequences is decoded, and its tokens then map to `line` only).
struct InlineSource {
  std::string declaredIn;  // the script, relative to the root
  std::string language;    // "cuda" (cuda_sources) or "c++" (cpp_sources)
  unsigned line = 0, endLine = 0;  // the literal's content in the script
  bool exact = true;       // false: decoded escapes, only `line` is right
  std::string text;
};

struct ScanOptions {
  unsigned jobs = 0;               // 0: all cores
  std::vector<RuleSet> rules;      // one per platform to suggest edits for; empty: no suggestions
  PortStrategy strategy = PortStrategy::Explicit;  // which rules of `rules` apply (see PortStrategy)
  /// A file whose syntax tree nests deeper than this is not analysed (status error, naming the
  /// line): the analysis recurses once per level. 1,000 is far beyond hand-written code (CPython
  /// itself refuses 200 nested parentheses) and well within a worker thread's stack, sanitizers
  /// included.
  unsigned maxSyntaxDepth = 1000;
  /// Progress: called twice per file, when each of the two passes is done with it (from worker
  /// threads, so it must be thread-safe).
  std::function<void()> onFilePass;
};

struct ScanResult {
  std::vector<InputFile> inputs;      // one per file: semantic, lexical (syntax errors) or error
  std::vector<Finding> findings;      // canonical order
  std::vector<Suggestion> suggestions;
  std::vector<ExtensionSource> extensionSources;
  std::vector<InlineSource> inlineSources;
};

/// Each platform's answer for each hazard rule of `rules` (one RuleSet per platform):
/// answers[id][platform], the answers of a scan's hazard findings (kind hazard, symbol = rule
/// id). Depends on the rules only, so it is not part of a (cached) ScanResult.
std::map<std::string, std::map<PlatformId, Coverage>> hazardAnswers(const std::vector<RuleSet>& rules);

/// Gives the hazard findings among `findings` (kind hazard, library "python") their rules'
/// answers (a plain opdb lookup knows no hazard ids): call after the findings' coverage was
/// looked up.
void applyHazardAnswers(const std::map<std::string, std::map<PlatformId, Coverage>>& answers,
                        std::vector<ReportFinding>& findings);

/// Scans `files` in parallel; the result does not depend on `jobs`.
ScanResult scan(const std::vector<SourceFile>& files, const SymbolCatalog& catalog, const ScanOptions& options);

/// True for files this frontend reads (*.py, *.pyi).
bool isPythonFile(const std::string& path);

/// Checks that `text` parses without a syntax error; on failure returns "LINE:COL".
std::string firstSyntaxError(const std::string& text);

}  // namespace opscope::python
