// Bad input: every failure names the file and the byte offset, and nothing crashes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "onnx/DataTypes.h"
#include "onnx/onnx_pb.h"
#include "tests/onnx/TestUtil.h"
#include "tests/onnx/WireWriter.h"

namespace opscope::onnx {
namespace {
using namespace testing;

std::string smallModel() {
  Msg graph;
  graph.str(2, "g");
  graph.msg(5, rawTensor("w", dtype::kFloat, {4, 4}, 64));
  graph.msg(1, node("MatMul", {"x", "w"}, {"y"}, "mm"));
  Msg ifNode = node("If", {"c"}, {"z"}, "branch");
  ifNode.msg(5, graphAttr("then_branch", Msg().msg(1, node("Relu", {"y"}, {"z"}))));
  graph.msg(1, ifNode);
  graph.msg(11, valueInfo("x", dtype::kFloat, {1, 4}));
  return model(graph).bytes();
}

TEST(BadInput, ZeroBytes) {
  ReadError e = readFails("");
  EXPECT_EQ(e.offset, 0u);
  EXPECT_EQ(e.str(), "m.onnx: byte 0: empty file (0 bytes): not an ONNX model");
}

TEST(BadInput, TruncatedInsideAWeightPayload) {
  std::string bytes = smallModel();
  size_t raw = bytes.find(std::string(64, '\0'));
  ASSERT_NE(raw, std::string::npos);
  std::string cut = bytes.substr(0, raw + 10);
  ReadError e = readFails(cut);
  // The outermost length that overruns is the graph's (field 7 of the model): its length varint
  // follows the tag. The reader reports where that length is and how much is left.
  size_t graphTag = bytes.find('\x3a');  // field 7, wire type 2
  ASSERT_NE(graphTag, std::string::npos);
  EXPECT_EQ(e.offset, graphTag + 1);
  EXPECT_NE(e.message.find("declares"), std::string::npos) << e.str();
  EXPECT_NE(e.message.find("truncated or corrupted"), std::string::npos) << e.str();
  EXPECT_EQ(e.str().rfind("m.onnx: byte " + std::to_string(graphTag + 1) + ": ", 0), 0u) << e.str();
}

TEST(BadInput, EveryPrefixEitherReadsOrFailsWithAnOffsetInsideTheFile) {
  std::string bytes = smallModel();
  unsigned failures = 0;
  for (size_t n = 0; n < bytes.size(); ++n) {
    ReadResult r = read(bytes.substr(0, n));
    if (const ReadError* e = std::get_if<ReadError>(&r)) {
      ++failures;
      EXPECT_LE(e->offset, n) << e->str();
      EXPECT_FALSE(e->message.empty());
    }
  }
  // Only prefixes that end exactly after the graph field (before nothing else) can be complete.
  EXPECT_GE(failures, bytes.size() - 2);
}

TEST(BadInput, CorruptedByteIsNamedWithItsOffset) {
  std::string bytes = smallModel();
  size_t mm = bytes.find("MatMul");
  ASSERT_NE(mm, std::string::npos);
  // The op_type field's tag sits two bytes before the string (tag, length). Make it wire type 7.
  std::string bad = bytes;
  bad[mm - 2] = static_cast<char>((4 << 3) | 7);
  ReadError e = readFails(bad);
  EXPECT_EQ(e.offset, mm - 2);
  EXPECT_NE(e.message.find("invalid wire type 7"), std::string::npos) << e.str();
  EXPECT_NE(e.context.find("node"), std::string::npos) << e.context;
}

TEST(BadInput, KnownFieldWithTheWrongWireType) {
  Msg m;
  m.str(1, "eight");  // ir_version must be a varint
  m.msg(7, Msg());
  ReadError e = readFails(m.bytes());
  EXPECT_EQ(e.offset, 0u);
  EXPECT_NE(e.message.find("ModelProto.ir_version (field 1) has wire type length-delimited, expected varint"),
            std::string::npos)
      << e.str();
}

TEST(BadInput, WrongFileTypes) {
  EXPECT_NE(readFails(std::string("PK\x03\x04\x14\0\0\0", 8) + "data.pkl").message.find("ZIP archive"),
            std::string::npos);
  EXPECT_NE(readFails("\x89PNG\r\n\x1a\n....").message.find("PNG image"), std::string::npos);
  EXPECT_NE(readFails("GGUF\x03\0\0\0").message.find("GGUF"), std::string::npos);
  ReadError text = readFails("# a README\nThis is not a model.\n");
  EXPECT_NE(text.message.find("text file"), std::string::npos) << text.str();
  ReadError json = readFails("{\"graph\": {}}");
  EXPECT_NE(json.message.find("JSON"), std::string::npos) << json.str();
  ReadError textProto = readFails("ir_version: 8\ngraph { node { op_type: \"Relu\" } }\n");
  EXPECT_NE(textProto.message.find("text format"), std::string::npos) << textProto.str();
  // Valid protobuf that is not a model: a bare TensorProto.
  ReadError tensor = readFails(rawTensor("w", dtype::kFloat, {2}, 8).bytes());
  EXPECT_NE(tensor.message.find("not an ONNX model"), std::string::npos) << tensor.str();
}

TEST(BadInput, TenThousandLevelsOfSubgraphs) {
  std::string bytes = nestedIfModel(10000);
  ReadError e = readFails(bytes);
  EXPECT_NE(e.message.find("subgraphs nested deeper than 64 levels"), std::string::npos) << e.str();
  EXPECT_GT(e.offset, 0u);
  EXPECT_LT(e.offset, bytes.size());
  EXPECT_NE(e.context.find("if_64"), std::string::npos) << e.context;
  // libonnx's protobuf refuses it too (its recursion limit is 100 messages).
  ::onnx::ModelProto reference;
  EXPECT_FALSE(reference.ParseFromString(bytes));
  // 64 levels are fine.
  ModelInfo ok = readOk(nestedIfModel(64));
  EXPECT_EQ(ok.nodes.size(), 65u);
  EXPECT_EQ(ok.graphs.back().depth, 64u);
}

TEST(BadInput, HugeDeclaredLength) {
  Msg m;
  m.varint(1, 8);
  m.lenHeader(7, std::uint64_t{1} << 62);
  m.raw("\x0a\x02\x08\x01");
  ReadError e = readFails(m.bytes());
  EXPECT_EQ(e.offset, 3u);  // ir_version (2 bytes), then the graph tag; its length is at byte 3
  EXPECT_NE(e.message.find("declares 4611686018427387904 bytes but only 4 remain"), std::string::npos) << e.str();
}

TEST(BadInput, OverlongVarint) {
  ReadError e = readFails(std::string("\x08") + std::string(11, '\xff'));
  EXPECT_EQ(e.offset, 1u);
  EXPECT_NE(e.message.find("malformed varint value: longer than 10 bytes"), std::string::npos) << e.str();
  ReadError t = readFails(std::string("\x08\xff\xff"));
  EXPECT_NE(t.message.find("truncated varint value"), std::string::npos) << t.str();
}

TEST(BadInput, NegativeDimension) {
  Msg t;
  t.varint(1, static_cast<std::uint64_t>(-3)).varint(2, dtype::kFloat).str(8, "w");
  ReadError e = readFails(model(Msg().msg(5, t)).bytes());
  EXPECT_NE(e.message.find("negative dimension -3"), std::string::npos) << e.str();
}

TEST(BadInput, FilesThatCannotBeRead) {
  namespace fs = std::filesystem;
  ReadResult missing = readModelFile("/definitely/not/here.onnx");
  ASSERT_TRUE(std::holds_alternative<ReadError>(missing));
  EXPECT_EQ(std::get<ReadError>(missing).str().rfind("/definitely/not/here.onnx: byte 0: cannot open", 0), 0u);
  ReadResult dir = readModelFile(fs::temp_directory_path().string());
  ASSERT_TRUE(std::holds_alternative<ReadError>(dir));
  EXPECT_NE(std::get<ReadError>(dir).message.find("is a directory"), std::string::npos);
  fs::path empty = fs::temp_directory_path() / ("opscope-empty-" + std::to_string(::getpid()) + ".onnx");
  std::ofstream(empty).close();
  ReadResult e = readModelFile(empty.string());
  ASSERT_TRUE(std::holds_alternative<ReadError>(e));
  EXPECT_NE(std::get<ReadError>(e).message.find("empty file"), std::string::npos);
  fs::remove(empty);
}

}  // namespace
}  // namespace opscope::onnx
