// A compact binary form of the model's records, for results that cross a process boundary (a
// parse in a worker process) or are kept between runs (the result cache). Not a file format for
// users: no compatibility promise beyond "a reader rejects what it cannot read". Adding a field
// to a record's struct (Finding, InputFile, Coverage, ...) means writing and reading it here and
// bumping kRecordFormatVersion in Serialize.cpp; recordFormat() also folds in the size of every
// record struct, so a grown struct changes the format even when the bump is forgotten.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/Model.h"

namespace opscope {

/// The byte form's version: kRecordFormatVersion plus the size of each record struct. Every
/// result-cache entry carries it, and an entry of another format is never read.
std::string recordFormat();

/// Appends values to a byte string.
class ByteWriter {
 public:
  void u64(std::uint64_t v);
  void str(std::string_view s);
  void strings(const std::vector<std::string>& v);
  void stringSet(const std::set<std::string>& v);
  void finding(const Finding& f);
  void findings(const std::vector<Finding>& v);
  void input(const InputFile& in);
  void coverage(const Coverage& c);
  void reportFinding(const ReportFinding& rf);
  void suggestion(const Suggestion& s);
  void model(const ModelReport& m);
  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

/// Reads what ByteWriter wrote. Every read checks bounds; after the first failure every read
/// returns an empty value and ok() is false, so a truncated or corrupt record is never taken.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : in_(bytes) {}
  std::uint64_t u64();
  std::string str();
  std::vector<std::string> strings();
  std::set<std::string> stringSet();
  Finding finding();
  std::vector<Finding> findings();
  InputFile input();
  Coverage coverage();
  ReportFinding reportFinding();
  Suggestion suggestion();
  ModelReport model();
  bool ok() const { return ok_; }
  bool atEnd() const { return ok_ && at_ == in_.size(); }

 private:
  /// A count of items that each take at least one byte: larger than what is left means corrupt.
  std::uint64_t count();
  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace opscope
