// The one place where findings get their answers: the opdb for symbols, the hazard rules'
// per-platform advice for hazards, and the ONNX reader's node constraints for graph nodes.
#pragma once

#include <map>
#include <vector>

#include "core/Model.h"
#include "db/Database.h"
#include "db/Target.h"
#include "onnx/Coverage.h"
#include "rewrite/RewriteRules.h"
#include "rewrite/Rules.h"

namespace opscope::scan {

class CoverageResolver {
 public:
  /// `levels` give each target's SDK level (`dcu@hip-5.7`); a target without one answers at the
  /// opdb's own level.
  /// `rewrites` are the run's rewrite rules (built-in and the user's), whose per-use answers
  /// (scan/RewriteAnswers.h) the scan gives so that it says what `opscope rewrite` does.
  CoverageResolver(const db::Database& db, const rewrite::RuleSet& hazards, const rewrite::RewriteRuleSet& rewrites,
                   std::vector<Platform> targets, std::vector<db::TargetDescriptor> levels = {})
      : db_(db), hazards_(hazards), rewrites_(rewrites), targets_(std::move(targets)), levels_(std::move(levels)) {}

  /// Every target platform's answer for `f`: none for the project's own inventory (kernels,
  /// launches, registered ops); a hazard's advice from its rule (and the rule's title goes in
  /// front of the finding's detail); the opdb's entry for everything else.
  ReportFinding resolve(Finding f) const;

  /// A graph node's answer on one platform: the operator's entry as the opdb gives it, with the
  /// status the node's own constraints (opset, dtypes) leave and the reason in front of the note.
  static Coverage node(const onnx::NodeCoverage& nc);

  const std::vector<Platform>& targets() const { return targets_; }

  /// The Python hazard rules' answers (python::hazardAnswers: [rule id][platform]) for the
  /// hazard findings of scripts (library "python"), whose ids the C/C++ hazard rules do not know.
  void setPythonHazards(std::map<std::string, std::map<PlatformId, Coverage>> answers) {
    pythonHazards_ = std::move(answers);
  }

 private:
  const db::Database& db_;
  const rewrite::RuleSet& hazards_;
  const rewrite::RewriteRuleSet& rewrites_;
  std::vector<Platform> targets_;
  std::vector<db::TargetDescriptor> levels_;
  std::map<std::string, std::map<PlatformId, Coverage>> pythonHazards_;
};

}  // namespace opscope::scan
