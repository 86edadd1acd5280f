#include "cuda/UnitScheduler.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "core/Serialize.h"
#include "cuda/Shims.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/MemoryBuffer.h"

namespace opscope::cuda {
namespace {

// The record kind. Its byte form is versioned by recordFormat() (core/Serialize.h), which every
// cache entry carries: bump kRecordFormatVersion there when this record changes shape.
constexpr std::string_view kUnitRecord = "opscope-unit-record";

std::string hex(const llvm::BLAKE3Result<16>& digest) { return llvm::toHex(digest, /*LowerCase=*/true); }

void hashField(llvm::BLAKE3& h, std::string_view s) {
  std::string size = std::to_string(s.size()) + ":";
  h.update(size);
  h.update(llvm::StringRef(s.data(), s.size()));
}

UnitResult failedUnit(const TranslationUnit& unit, const TaskOutcome& outcome) {
  UnitResult r;
  r.input.path = unit.file;
  r.input.language = unitLanguage(unit);
  r.input.status = outcome.status == TaskOutcome::Status::TimedOut ? InputStatus::Timeout : InputStatus::Crashed;
  r.input.message = outcome.message + "; its findings come from a lexical scan";
  if (outcome.status == TaskOutcome::Status::TimedOut) r.input.lexicalReason = LexicalReason::Timeout;
  r.userFiles.insert(unit.file);
  r.readFiles.insert(unit.file);
  r.hadErrors = true;
  return r;
}

/// The test-only hook of the bad-input corpus: a unit whose path contains
/// $OPSCOPE_TEST_CRASH_PARSE crashes its parse, as a Clang crash would.
void crashIfAsked(const std::string& file) {
  const char* marker = std::getenv("OPSCOPE_TEST_CRASH_PARSE");
  if (marker && *marker && file.find(marker) != std::string::npos) std::abort();
}

}  // namespace

std::string serializeUnitResult(const UnitResult& r) {
  ByteWriter w;
  w.str(kUnitRecord);
  w.input(r.input);
  w.findings(r.findings);
  w.u64(r.resolved.size());
  for (const auto& [file, line, column] : r.resolved) {
    w.str(file);
    w.u64(line);
    w.u64(column);
  }
  w.stringSet(r.userFiles);
  w.stringSet(r.readFiles);
  w.u64(r.unparsedLines.size());
  for (const auto& [file, ranges] : r.unparsedLines) {
    w.str(file);
    w.u64(ranges.size());
    for (const auto& [first, last] : ranges) {
      w.u64(first);
      w.u64(last);
    }
  }
  w.u64(r.spans.size());
  for (const auto& [pos, span] : r.spans) {
    w.str(std::get<0>(pos));
    w.u64(std::get<1>(pos));
    w.u64(std::get<2>(pos));
    w.u64(span.first);
    w.u64(span.second);
  }
  w.stringSet(r.userNames);
  w.u64(r.hadErrors);
  return w.take();
}

std::optional<UnitResult> deserializeUnitResult(std::string_view bytes) {
  ByteReader in(bytes);
  if (in.str() != kUnitRecord) return std::nullopt;
  UnitResult r;
  r.input = in.input();
  r.findings = in.findings();
  auto u = [&] { return static_cast<unsigned>(in.u64()); };
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) {
    std::string file = in.str();
    unsigned line = u();
    r.resolved.emplace(std::move(file), line, u());
  }
  r.userFiles = in.stringSet();
  r.readFiles = in.stringSet();
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) {
    LineRanges& ranges = r.unparsedLines[in.str()];
    for (std::uint64_t k = in.u64(); k > 0 && in.ok(); --k) {
      unsigned first = u();
      ranges.emplace_back(first, u());
    }
  }
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) {
    std::string file = in.str();
    unsigned line = u(), column = u();
    unsigned first = u();
    r.spans[Position{std::move(file), line, column}] = {first, u()};
  }
  r.userNames = in.stringSet();
  r.hadErrors = in.u64() != 0;
  if (!in.atEnd()) return std::nullopt;
  return r;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> baseFileSystem(const ScanOptions& options) {
  if (options.overlayFiles.empty()) return llvm::vfs::getRealFileSystem();
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [path, text] : options.overlayFiles)
    memory->addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(text, path));
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlay->pushOverlay(memory);
  return overlay;
}

const std::string& shimVersion() {
  static const std::string version = [] {
    llvm::BLAKE3 h;
    for (const auto& [path, text] : shimFiles()) {
      hashField(h, path);
      hashField(h, text);
    }
    return hex(h.final<16>());
  }();
  return version;
}

std::string UnitScheduler::keyOf(const TranslationUnit& unit) const {
  llvm::BLAKE3 h;
  hashField(h, kUnitRecord);
  hashField(h, shimVersion());
  hashField(h, options_.cacheSalt);
  hashField(h, options_.root);
  for (const std::string& arg : parseArguments(unit, options_)) hashField(h, arg);
  for (const auto& [check, hazard] : options_.checkHazards) {
    hashField(h, check);
    hashField(h, hazard);
  }
  return "cuda-" + hex(h.final<16>());
}

const std::string& UnitScheduler::fileHash(const std::string& path) {
  auto [it, inserted] = hashes_.try_emplace(path);
  if (!inserted) return it->second;
  auto buffer = fs_.getBufferForFile(path, /*FileSize=*/-1, /*RequiresNullTerminator=*/false);
  if (!buffer) return it->second;
  llvm::BLAKE3 h;
  h.update((*buffer)->getBuffer());
  it->second = hex(h.final<16>());
  return it->second;
}

// A cache entry: the record tag, the files the unit read with their content hashes, the result.
std::optional<UnitResult> UnitScheduler::cached(const std::string& key) {
  if (!options_.cache) return std::nullopt;
  std::optional<std::string> entry = options_.cache->load(key);
  if (!entry) return std::nullopt;
  ByteReader in(*entry);
  if (in.str() != kUnitRecord) return std::nullopt;
  for (std::uint64_t n = in.u64(); n > 0 && in.ok(); --n) {
    std::string path = in.str();
    std::string hash = in.str();
    if (!in.ok() || hash.empty() || fileHash(path) != hash) return std::nullopt;
  }
  std::string result = in.str();
  if (!in.atEnd()) return std::nullopt;
  return deserializeUnitResult(result);
}

void UnitScheduler::keep(const std::string& key, const UnitResult& result) {
  // A header the unit could not find is no file it read: installing it later would not change
  // the key, and a cached "missing" would outlive the fix. Such units are parsed every time.
  if (!options_.cache || result.input.lexicalReason == LexicalReason::MissingHeader) return;
  ByteWriter w;
  w.str(kUnitRecord);
  w.u64(result.readFiles.size());
  for (const std::string& path : result.readFiles) {
    const std::string& hash = fileHash(path);
    if (hash.empty()) return;  // a file it read is gone already: nothing to vouch for the result
    w.str(path);
    w.str(hash);
  }
  w.str(serializeUnitResult(result));
  options_.cache->store(key, w.bytes());
}

std::vector<UnitResult> UnitScheduler::run(const std::vector<const TranslationUnit*>& batch) {
  std::vector<UnitResult> out(batch.size());
  std::vector<std::string> keys(batch.size());
  std::vector<std::pair<std::uint64_t, size_t>> bySize;  // the largest first: no long unit at the end
  for (size_t i = 0; i < batch.size(); ++i) {
    keys[i] = keyOf(*batch[i]);
    if (std::optional<UnitResult> hit = cached(keys[i])) {
      out[i] = std::move(*hit);
      ++fromCache;
      if (options_.onUnitDone) options_.onUnitDone();
      continue;
    }
    auto status = fs_.status(batch[i]->file);
    bySize.emplace_back(status ? status->getSize() : 0, i);
  }
  std::stable_sort(bySize.begin(), bySize.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<size_t> order;
  for (const auto& [size, i] : bySize) order.push_back(i);
  if (order.empty()) return out;

  const ShimSet& shims = ShimSet::bundled();
  auto task = [&](size_t i) {
    crashIfAsked(batch[i]->file);
    return serializeUnitResult(runSemanticPass(*batch[i], catalog_, options_, shims));
  };
  auto done = [&](size_t i, TaskOutcome outcome) {
    std::optional<UnitResult> result;
    if (outcome.status == TaskOutcome::Status::Done) {
      result = deserializeUnitResult(outcome.output);
      if (!result) {
        outcome.status = TaskOutcome::Status::Crashed;
        outcome.message = "the parse returned an unreadable result";
      }
    }
    if (result) {
      keep(keys[i], *result);
      out[i] = std::move(*result);
      parsed.push_back(batch[i]->file);
    } else {
      out[i] = failedUnit(*batch[i], outcome);
    }
    if (options_.onUnitDone) options_.onUnitDone();
  };
  if (options_.runner) {
    options_.runner->run(order, task, done);
  } else {
    std::unique_ptr<TaskRunner> threads = makeThreadTaskRunner(options_.jobs);
    threads->run(order, task, done);
  }
  return out;
}

}  // namespace opscope::cuda
