#include "core/Serialize.h"

namespace opscope {

namespace {
// Bump when a record's byte form changes (see Serialize.h).
constexpr int kRecordFormatVersion = 5;
}  // namespace

std::string recordFormat() {
  std::string f = "r" + std::to_string(kRecordFormatVersion);
  for (size_t size : {sizeof(Finding), sizeof(InputFile), sizeof(Coverage), sizeof(ReportFinding), sizeof(Suggestion),
                      sizeof(ModelReport)})
    f += "-" + std::to_string(size);
  return f;
}

// Integers are little-endian base-128 varints: most values here are small (lines, columns, counts).
void ByteWriter::u64(std::uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void ByteWriter::str(std::string_view s) {
  u64(s.size());
  out_.append(s);
}

void ByteWriter::strings(const std::vector<std::string>& v) {
  u64(v.size());
  for (const std::string& s : v) str(s);
}

void ByteWriter::stringSet(const std::set<std::string>& v) {
  u64(v.size());
  for (const std::string& s : v) str(s);
}

void ByteWriter::finding(const Finding& f) {
  str(f.symbol.name);
  str(toString(f.symbol.kind));
  str(f.symbol.library);
  str(f.location.file);
  u64(f.location.line);
  u64(f.location.column);
  u64(f.location.endLine);
  u64(f.location.endColumn);
  strings(f.location.macroChain);
  str(toString(f.evidence));
  str(f.context);
  str(f.detail);
}

void ByteWriter::findings(const std::vector<Finding>& v) {
  u64(v.size());
  for (const Finding& f : v) finding(f);
}

void ByteWriter::input(const InputFile& in) {
  str(in.path);
  str(in.language);
  str(toString(in.status));
  str(in.message);
  str(toString(in.lexicalReason));
  str(in.missingHeader);
  str(in.package);
}

void ByteWriter::coverage(const Coverage& c) {
  str(toString(c.status));
  str(c.target);
  str(c.note);
  str(c.source);
  str(c.confidence ? toString(*c.confidence) : "");
  str(c.layer);
}

void ByteWriter::reportFinding(const ReportFinding& rf) {
  finding(rf.finding);
  u64(rf.coverage.size());
  for (const auto& [platform, c] : rf.coverage) {
    str(platform);
    coverage(c);
  }
  u64(rf.suppressed);
  str(rf.deviceCode);
}

void ByteWriter::suggestion(const Suggestion& s) {
  str(s.platform);
  str(s.file);
  u64(s.offset);
  u64(s.length);
  u64(s.line);
  u64(s.column);
  str(s.replacement);
  str(s.reason);
}

void ByteWriter::model(const ModelReport& m) {
  str(m.file);
  u64(m.nodes);
  str(std::string(reinterpret_cast<const char*>(&m.parameters), sizeof m.parameters));
  str(m.precision);
  str(m.allowance);
  u64(m.partitions.size());
  for (const auto& [platform, p] : m.partitions) {
    str(platform);
    u64(p.nodes);
    u64(p.acceleratorNodes);
    u64(p.acceleratorSegments);
    u64(p.fallbackSegments);
    u64(p.transitions);
    u64(p.foldedNodes);
    u64(p.unknownNodes);
    u64(p.acceleratorNodesIfUnknownRun);
    u64(p.fallbackSegmentsIfUnknownRun);
  }
  u64(m.sizing.size());
  for (const SizingRow& r : m.sizing) {
    str(r.accelerator);
    str(r.name);
    str(r.platform);
    str(r.precision);
    str(r.effective);
    str(r.conversion);
    u64(r.available);
    str(std::string(reinterpret_cast<const char*>(&r.totalBytes), sizeof r.totalBytes));
    u64(r.cardsLow);
    u64(r.cardsHigh);
    u64(r.serversLow);
    u64(r.serversHigh);
  }
}

std::uint64_t ByteReader::u64() {
  std::uint64_t v = 0;
  for (unsigned shift = 0; ok_; shift += 7) {
    if (at_ >= in_.size() || shift > 63) break;
    auto byte = static_cast<unsigned char>(in_[at_++]);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return v;
  }
  ok_ = false;
  return 0;
}

std::uint64_t ByteReader::count() {
  std::uint64_t n = u64();
  if (n > in_.size() - at_) ok_ = false;
  return ok_ ? n : 0;
}

std::string ByteReader::str() {
  std::uint64_t n = count();
  if (!ok_) return {};
  std::string s(in_.substr(at_, n));
  at_ += n;
  return s;
}

std::vector<std::string> ByteReader::strings() {
  std::vector<std::string> v(count());
  for (std::string& s : v) s = str();
  return v;
}

std::set<std::string> ByteReader::stringSet() {
  std::set<std::string> v;
  for (std::uint64_t n = count(); n > 0 && ok_; --n) v.insert(str());
  return v;
}

namespace {

/// An enum read back by name (names survive new values being added): no such name means corrupt.
template <class E>
E enumValue(std::optional<E> parsed, bool& ok) {
  if (!parsed) ok = false;
  return parsed.value_or(E{});
}

double number(const std::string& bytes, bool& ok) {
  double d = 0;
  if (bytes.size() != sizeof d) ok = false;
  else std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(&d));
  return d;
}

}  // namespace

Finding ByteReader::finding() {
  Finding f;
  f.symbol.name = str();
  f.symbol.kind = enumValue(parseSymbolKind(str()), ok_);
  f.symbol.library = str();
  f.location.file = str();
  f.location.line = static_cast<unsigned>(u64());
  f.location.column = static_cast<unsigned>(u64());
  f.location.endLine = static_cast<unsigned>(u64());
  f.location.endColumn = static_cast<unsigned>(u64());
  f.location.macroChain = strings();
  f.evidence = enumValue(parseEvidence(str()), ok_);
  f.context = str();
  f.detail = str();
  return f;
}

std::vector<Finding> ByteReader::findings() {
  std::vector<Finding> v(count());
  for (Finding& f : v) f = finding();
  return v;
}

InputFile ByteReader::input() {
  InputFile in;
  in.path = str();
  in.language = str();
  in.status = enumValue(parseInputStatus(str()), ok_);
  in.message = str();
  in.lexicalReason = enumValue(parseLexicalReason(str()), ok_);
  in.missingHeader = str();
  in.package = str();
  return in;
}

Coverage ByteReader::coverage() {
  Coverage c;
  c.status = enumValue(parseCoverageStatus(str()), ok_);
  c.target = str();
  c.note = str();
  c.source = str();
  if (std::string confidence = str(); !confidence.empty()) c.confidence = enumValue(parseConfidence(confidence), ok_);
  c.layer = str();
  return c;
}

ReportFinding ByteReader::reportFinding() {
  ReportFinding rf;
  rf.finding = finding();
  for (std::uint64_t n = count(); n > 0 && ok_; --n) {
    std::string platform = str();
    rf.coverage[platform] = coverage();
  }
  rf.suppressed = u64() != 0;
  rf.deviceCode = str();
  return rf;
}

Suggestion ByteReader::suggestion() {
  Suggestion s;
  s.platform = str();
  s.file = str();
  s.offset = u64();
  s.length = u64();
  s.line = static_cast<unsigned>(u64());
  s.column = static_cast<unsigned>(u64());
  s.replacement = str();
  s.reason = str();
  return s;
}

ModelReport ByteReader::model() {
  ModelReport m;
  m.file = str();
  m.nodes = u64();
  m.parameters = number(str(), ok_);
  m.precision = str();
  m.allowance = str();
  for (std::uint64_t n = count(); n > 0 && ok_; --n) {
    std::string platform = str();
    GraphPartition& p = m.partitions[platform];
    p.nodes = u64();
    p.acceleratorNodes = u64();
    p.acceleratorSegments = static_cast<unsigned>(u64());
    p.fallbackSegments = static_cast<unsigned>(u64());
    p.transitions = static_cast<unsigned>(u64());
    p.foldedNodes = u64();
    p.unknownNodes = u64();
    p.acceleratorNodesIfUnknownRun = u64();
    p.fallbackSegmentsIfUnknownRun = static_cast<unsigned>(u64());
  }
  m.sizing.resize(count());
  for (SizingRow& r : m.sizing) {
    r.accelerator = str();
    r.name = str();
    r.platform = str();
    r.precision = str();
    r.effective = str();
    r.conversion = str();
    r.available = u64() != 0;
    r.totalBytes = number(str(), ok_);
    r.cardsLow = u64();
    r.cardsHigh = u64();
    r.serversLow = u64();
    r.serversHigh = u64();
  }
  return m;
}

}  // namespace opscope
