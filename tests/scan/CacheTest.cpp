// The result cache on disk: round trip, corrupt entries, the size bound.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "core/Serialize.h"
#include "scan/Cache.h"

namespace opscope::scan {
namespace {
namespace fs = std::filesystem;

struct CacheTest : ::testing::Test {
  fs::path dir = fs::temp_directory_path() /
                 ("opscope-cache-" + std::to_string(::getpid()) + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { fs::remove_all(dir); }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(CacheTest, StoresAndLoadsBinaryValues) {
  DiskCache cache(dir.string(), 1 << 20);
  std::string value("\0binary\nvalue\xff", 14);
  cache.store("cuda-0123abcd", value);
  EXPECT_EQ(cache.load("cuda-0123abcd"), value);
  EXPECT_EQ(cache.load("cuda-ffff"), std::nullopt);
  EXPECT_EQ(cache.load("../escape"), std::nullopt);  // not a key: never a path outside the cache
}

TEST_F(CacheTest, ATruncatedEntryIsNotReturnedAndIsRemoved) {
  DiskCache cache(dir.string(), 1 << 20);
  cache.store("python-aa11", "a result that will be cut short");
  fs::path file;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) file = e.path();
  fs::resize_file(file, fs::file_size(file) - 5);
  EXPECT_EQ(cache.load("python-aa11"), std::nullopt);
  EXPECT_FALSE(fs::exists(file));
}

// An entry written in another record format (an older opscope whose records had other fields)
// is never read, even when its digest is intact.
TEST_F(CacheTest, AnEntryOfAnotherRecordFormatIsNotRead) {
  DiskCache cache(dir.string(), 1 << 20);
  cache.store("onnx-bb22", "a record");
  fs::path file;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) file = e.path();
  std::string text;
  {
    std::ifstream in(file, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  size_t at = text.find(recordFormat());
  ASSERT_NE(at, std::string::npos) << "the entry names its record format";
  text.replace(at, recordFormat().size(), "r0-1-2-3");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  EXPECT_EQ(cache.load("onnx-bb22"), std::nullopt);
  cache.store("onnx-bb22", "a record");
  EXPECT_EQ(cache.load("onnx-bb22"), "a record");
}

TEST_F(CacheTest, TrimEvictsTheLeastRecentlyUsedFirst) {
  std::string value(1000, 'x');
  {
    DiskCache cache(dir.string(), 1 << 20);
    for (int i = 0; i < 10; ++i) {
      cache.store("k-" + std::to_string(i), value);
      // Distinct modification times, oldest first.
      std::this_thread::sleep_for(std::chrono::milliseconds(15));
    }
    EXPECT_TRUE(cache.load("k-0"));  // used now: the newest
  }
  DiskCache small(dir.string(), 5000);
  EXPECT_GT(small.trim(), 0u);
  EXPECT_TRUE(small.load("k-0"));
  EXPECT_TRUE(small.load("k-9"));
  EXPECT_FALSE(small.load("k-1"));
  std::uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  EXPECT_LE(total, 5000u);
}

}  // namespace
}  // namespace opscope::scan
