// Writing in place and into a copy: atomic replacement (a failure between writing and renaming
// leaves the original), mode kept, a file changed since the scan refused, nothing outside the
// roots touched, symlinks out of the tree not followed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "rewrite/Apply.h"

namespace opscope::rewrite {
namespace {
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class ApplyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("opscope-apply-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "tree" / "src");
    file_ = dir_ / "tree" / "src" / "a.cu";
    std::ofstream(file_) << original_;
    ::chmod(file_.c_str(), 0750);
    options_.roots = {(dir_ / "tree").string()};
  }
  void TearDown() override { fs::remove_all(dir_); }
  size_t entries(const fs::path& d) { return static_cast<size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator())); }

  fs::path dir_, file_;
  std::string original_ = "cudaMalloc(&p, 4);\n";
  InPlaceOptions options_;
};

TEST_F(ApplyTest, WritesAtomicallyAndKeepsTheMode) {
  WriteResult r = writeInPlace(file_.string(), contentHash(original_), "hipMalloc(&p, 4);\n", options_);
  ASSERT_EQ(r.status, WriteResult::Status::Written) << r.message;
  EXPECT_EQ(slurp(file_), "hipMalloc(&p, 4);\n");
  struct stat st {};
  ASSERT_EQ(::stat(file_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0750u);
  EXPECT_EQ(entries(file_.parent_path()), 1u);  // no temporary left behind
  // A second run over the result changes nothing.
  r = writeInPlace(file_.string(), contentHash("hipMalloc(&p, 4);\n"), "hipMalloc(&p, 4);\n", options_);
  EXPECT_EQ(r.status, WriteResult::Status::Unchanged);
}

TEST_F(ApplyTest, AFailureBetweenWriteAndRenameLeavesTheOriginal) {
  std::string seenTemp;
  options_.beforeRename = [&](const std::string& temp, const std::string& target) {
    seenTemp = temp;
    EXPECT_EQ(fs::path(temp).parent_path(), fs::path(target).parent_path());  // same directory: rename is atomic
    EXPECT_EQ(slurp(temp), "hipMalloc(&p, 4);\n");
    throw std::runtime_error("injected");
  };
  WriteResult r = writeInPlace(file_.string(), contentHash(original_), "hipMalloc(&p, 4);\n", options_);
  EXPECT_EQ(r.status, WriteResult::Status::Refused);
  EXPECT_NE(r.message.find("injected"), std::string::npos);
  EXPECT_EQ(slurp(file_), original_);
  EXPECT_FALSE(seenTemp.empty());
  EXPECT_FALSE(fs::exists(seenTemp));
  EXPECT_EQ(entries(file_.parent_path()), 1u);
}

TEST_F(ApplyTest, AFileChangedSinceTheScanIsRefused) {
  std::ofstream(file_) << "cudaMalloc(&q, 8);\n";
  WriteResult r = writeInPlace(file_.string(), contentHash(original_), "hipMalloc(&p, 4);\n", options_);
  EXPECT_EQ(r.status, WriteResult::Status::Refused);
  EXPECT_NE(r.message.find("changed since it was scanned"), std::string::npos);
  EXPECT_EQ(slurp(file_), "cudaMalloc(&q, 8);\n");
}

TEST_F(ApplyTest, NothingOutsideTheRootsIsTouchedNotEvenThroughASymlink) {
  fs::path outside = dir_ / "outside.cu";
  std::ofstream(outside) << original_;
  fs::create_symlink(outside, dir_ / "tree" / "src" / "link.cu");
  WriteResult r = writeInPlace((dir_ / "tree" / "src" / "link.cu").string(), contentHash(original_), "x\n", options_);
  EXPECT_EQ(r.status, WriteResult::Status::Refused);
  EXPECT_NE(r.message.find("outside the scanned roots"), std::string::npos) << r.message;
  EXPECT_EQ(slurp(outside), original_);
  r = writeInPlace(outside.string(), contentHash(original_), "x\n", options_);
  EXPECT_EQ(r.status, WriteResult::Status::Refused);
  // A link inside the tree: the file behind it is rewritten and the link stays a link.
  fs::create_symlink(file_, dir_ / "tree" / "inner.cu");
  r = writeInPlace((dir_ / "tree" / "inner.cu").string(), contentHash(original_), "y\n", options_);
  EXPECT_EQ(r.status, WriteResult::Status::Written) << r.message;
  EXPECT_TRUE(fs::is_symlink(dir_ / "tree" / "inner.cu"));
  EXPECT_EQ(slurp(file_), "y\n");
}

TEST_F(ApplyTest, TreeCopyHoldsRewrittenAndUntouchedFilesAndLeavesOutLinksOut) {
  std::ofstream(dir_ / "tree" / "README.md") << "readme\n";
  std::ofstream(dir_ / "secret") << "secret\n";
  fs::create_symlink(dir_ / "secret", dir_ / "tree" / "leak");
  std::string error;
  auto results = writeTreeCopy((dir_ / "tree").string(), (dir_ / "out").string(), {{"src/a.cu", "hip\n"}}, error);
  ASSERT_TRUE(error.empty()) << error;
  EXPECT_EQ(slurp(dir_ / "out" / "src" / "a.cu"), "hip\n");
  EXPECT_EQ(slurp(dir_ / "out" / "README.md"), "readme\n");
  EXPECT_FALSE(fs::exists(dir_ / "out" / "leak"));
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "out" / "src" / "a.cu").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0750u);
  bool reported = false;
  for (const WriteResult& r : results) reported = reported || (r.path == "leak" && r.status == WriteResult::Status::Refused);
  EXPECT_TRUE(reported);
  EXPECT_EQ(slurp(file_), original_);
  // The copy never goes into the tree it copies, nor over a directory with files in it.
  writeTreeCopy((dir_ / "tree").string(), (dir_ / "tree" / "out").string(), {}, error);
  EXPECT_NE(error.find("inside the scanned tree"), std::string::npos);
  error.clear();
  writeTreeCopy((dir_ / "tree").string(), (dir_ / "out").string(), {}, error);
  EXPECT_NE(error.find("not an empty directory"), std::string::npos);
}

}  // namespace
}  // namespace opscope::rewrite
