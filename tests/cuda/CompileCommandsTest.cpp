// Compile commands: nvcc-only flags translated or dropped, paths made absolute, notes counted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cuda/CompileCommands.h"

namespace opscope::cuda {
namespace {

bool has(const std::vector<std::string>& args, const std::string& a) {
  return std::find(args.begin(), args.end(), a) != args.end();
}

TEST(CompileCommands, NvccFlagsAreTranslatedOrDropped) {
  FlagNotes notes;
  std::vector<std::string> args = translateCommand(
      {"/usr/local/cuda/bin/nvcc", "-forward-unknown-to-host-compiler", "-DUSE_GPU=1", "-Iinclude", "-isystem=third",
       "--expt-extended-lambda", "--expt-relaxed-constexpr", "-gencode", "arch=compute_80,code=sm_80",
       "-arch=sm_90", "-Xcompiler", "-fPIC,-Wall", "-rdc=true", "--use_fast_math", "-lineinfo", "-G",
       "--default-stream", "per-thread", "-std=c++17", "-x", "cu", "-c", "/src/k.cu", "-o", "k.o", "-MD", "-MF",
       "k.d", "-Werror", "all-warnings", "-maxrregcount=64", "-ccbin", "g++-12"},
      "/src/k.cu", "/build", TranslateOptions{}, notes);
  EXPECT_EQ(args.front(), "clang++");
  EXPECT_TRUE(has(args, "-DUSE_GPU=1"));
  EXPECT_TRUE(has(args, "/build/include"));
  EXPECT_TRUE(has(args, "/build/third"));
  EXPECT_TRUE(has(args, "-fPIC"));
  EXPECT_TRUE(has(args, "-std=c++17"));
  EXPECT_TRUE(has(args, "-DCUDA_API_PER_THREAD_DEFAULT_STREAM=1"));
  EXPECT_TRUE(has(args, "cuda"));
  for (const char* gone : {"-gencode", "arch=compute_80,code=sm_80", "-arch=sm_90", "--expt-extended-lambda", "-rdc=true",
                           "--use_fast_math", "-lineinfo", "-G", "-c", "/src/k.cu", "-o", "k.o", "-MF", "k.d",
                           "all-warnings", "-ccbin", "g++-12", "-maxrregcount=64", "cu"})
    EXPECT_FALSE(has(args, gone)) << gone;
  EXPECT_TRUE(notes.dropped.count("-gencode (nvcc-only)"));
  EXPECT_TRUE(notes.dropped.count("--expt-extended-lambda (nvcc-only)"));
  EXPECT_TRUE(notes.translated.count("-x cu -> -x cuda"));
  std::string summary = notes.summary();
  EXPECT_NE(summary.find("dropped:"), std::string::npos);
  EXPECT_NE(summary.find("-Xcompiler -fPIC -> -fPIC"), std::string::npos);
}

TEST(CompileCommands, HostCompilerCommandsKeepTheirFlagsAndLoseOnlyWhatClangDoesNotKnow) {
  FlagNotes notes;
  std::vector<std::string> args = translateCommand(
      {"ccache", "/usr/bin/g++", "-O2", "-fno-canonical-system-headers", "-I/abs", "-iquote", "rel", "-c", "a.cpp", "-o",
       "a.o"},
      "/p/a.cpp", "/p", TranslateOptions{}, notes);
  EXPECT_EQ(args, (std::vector<std::string>{"clang++", "-O2", "-I", "/abs", "-iquote", "/p/rel"}));
  EXPECT_TRUE(notes.dropped.count("-fno-canonical-system-headers (unknown to Clang)"));
  FlagNotes cNotes;
  EXPECT_EQ(translateCommand({"gcc", "-std=gnu99", "-c", "m.c"}, "/p/m.c", "/p", TranslateOptions{}, cNotes).front(), "clang");
}

TEST(CompileCommands, LoadsADatabaseAndFindsItsRoot) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("opscope-cc-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "compile_commands.json")
      << "[{\"directory\": \"/proj/build\", \"file\": \"/proj/src/a/k.cu\", "
         "\"command\": \"nvcc -Isrc -gencode arch=compute_70,code=sm_70 -c /proj/src/a/k.cu -o k.o\"},\n"
         " {\"directory\": \"/proj/build\", \"file\": \"../src/b/m.cpp\", "
         "\"arguments\": [\"c++\", \"-DX\", \"-c\", \"../src/b/m.cpp\"]}]\n";
  std::string error;
  auto db = loadCompileDatabase(dir.string(), TranslateOptions{}, error);
  ASSERT_TRUE(db) << error;
  ASSERT_EQ(db->commands.size(), 2u);
  EXPECT_TRUE(db->commands.count("/proj/src/a/k.cu"));
  EXPECT_TRUE(db->commands.count("/proj/src/b/m.cpp"));
  EXPECT_TRUE(has(db->commands.at("/proj/src/a/k.cu"), "/proj/build/src"));
  EXPECT_EQ(databaseRoot(*db), "/proj/src");
  EXPECT_FALSE(loadCompileDatabase((dir / "missing").string(), TranslateOptions{}, error));
  EXPECT_NE(error.find("missing"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace opscope::cuda
