// Writes the fuzz target's seed corpus: small models that exercise every part of the reader
// (subgraphs, functions with overloads, every tensor storage, sparse tensors, type protos,
// training graphs, IR 3 and IR 13) plus a few broken ones.
//
//   onnx_fuzz_seeds DIR          write the seeds into DIR
//   onnx_fuzz_seeds --check DIR  exit 1 unless DIR holds exactly these seeds (the committed corpus)
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tests/onnx/WireWriter.h"

namespace {
using namespace opscope::onnx::testing;
namespace fs = std::filesystem;

std::map<std::string, std::string> seeds() {
  std::map<std::string, std::string> out;
  // A plain graph with typed inputs, an initializer and a Constant.
  Msg g;
  g.msg(11, valueInfo("x", 1, {1, 4})).msg(5, rawTensor("w", 10, {4, 4}, 32));
  g.msg(1, node("MatMul", {"x", "w"}, {"y"}, "mm"));
  g.msg(1, node("Constant", {}, {"k"}).msg(5, tensorAttr("value", rawTensor("", 16, {2}, 4))));
  g.msg(1, node("Cast", {"y"}, {"z"}).msg(5, intAttr("to", 16))).msg(12, valueInfo("z", 16, {1, 4})).str(2, "plain");
  out["plain.onnx"] = model(g).bytes();
  // Control flow: Loop body holding an If, and a Scan.
  Msg thenG = Msg().msg(1, node("Relu", {"a"}, {"b"})).msg(12, Msg().str(1, "b"));
  Msg body = Msg().msg(1, node("If", {"c"}, {"b"}, "branch")
                              .msg(5, graphAttr("then_branch", thenG))
                              .msg(5, graphAttr("else_branch", thenG)));
  Msg cf = Msg().msg(1, node("Loop", {"n", "c", "v"}, {"v2"}, "loop").msg(5, graphAttr("body", body)));
  cf.msg(1, node("Scan", {"s"}, {"s2"}, "scan").msg(5, graphAttr("body", Msg().msg(1, node("Neg", {"p"}, {"q"})))));
  out["control_flow.onnx"] = model(cf).bytes();
  // Local functions, one overloaded, with their own opsets and value_info (IR 10+).
  Msg fn1 = Msg().str(1, "Gelu").str(10, "lib").str(4, "X").str(5, "Y").msg(9, opset("", 20));
  fn1.msg(7, node("Mul", {"X", "X"}, {"T"})).msg(7, node("Erf", {"T"}, {"Y"})).msg(12, valueInfo("T", 16));
  Msg fn2 = Msg().str(1, "Gelu").str(10, "lib").str(13, "fast").msg(7, node("Tanh", {"X"}, {"Y"}));
  Msg call = node("Gelu", {"x"}, {"y"}, "call", "lib");
  call.str(8, "fast");
  Msg fm = model(Msg().msg(1, call), 21, 10);
  fm.msg(8, opset("lib", 1)).msg(25, fn1).msg(25, fn2);
  out["functions.onnx"] = fm.bytes();
  // External data, typed data, sparse initializer.
  Msg ext;
  ext.msg(5, externalTensor("e", 1, {256}, "w.bin", 0, 1024));
  ext.msg(5, externalTensor("f", 1, {256}, "ww.bin", 1024, 1024));
  Msg typed;
  typed.varint(1, 3).varint(2, 7).str(8, "ids").str(7, varintBytes(1) + varintBytes(2) + varintBytes(3));
  ext.msg(5, typed);
  ext.msg(15, Msg().msg(1, rawTensor("sv", 1, {2}, 8)).msg(2, rawTensor("si", 7, {2}, 16)).varint(3, 10));
  ext.msg(1, node("Add", {"e", "f"}, {"y"}));
  out["tensors.onnx"] = model(ext).bytes();
  // Non-tensor types and symbolic shapes; past_key_values for the KV cache.
  Msg seq = Msg().str(1, "seq").msg(2, Msg().msg(4, Msg().msg(1, tensorType(1, {}))));
  Msg map = Msg().str(1, "map").msg(2, Msg().msg(5, Msg().varint(1, 7).msg(2, tensorType(1, {}))));
  Msg opt = Msg().str(1, "opt").msg(2, Msg().msg(9, Msg().msg(1, tensorType(9, {}))));
  Msg shape;
  shape.msg(1, Msg().str(2, "batch"))
      .msg(1, Msg().varint(1, 8))
      .msg(1, Msg().str(2, "past_len"))
      .msg(1, Msg().varint(1, 64));
  Msg past = Msg().str(1, "past_key_values.0.key").msg(2, Msg().msg(1, Msg().varint(1, 10).msg(2, shape)));
  Msg types = Msg().msg(11, seq).msg(11, map).msg(11, opt).msg(11, past).msg(1, node("Identity", {"seq"}, {"o"}));
  out["types.onnx"] = model(types).bytes();
  // Training info and metadata; IR 3; IR 13 fields.
  Msg tm = model(Msg().msg(1, node("Relu", {"x"}, {"y"})));
  tm.msg(
      20,
      Msg().msg(1, Msg().msg(1, node("RandomNormal", {}, {"w"}))).msg(2, Msg().msg(1, node("Sub", {"a", "b"}, {"c"}))));
  tm.msg(14, Msg().str(1, "author").str(2, "seeds"));
  out["training.onnx"] = tm.bytes();
  out["ir3.onnx"] = model(Msg().msg(1, node("Relu", {"x"}, {"y"})), 1, 3).bytes();
  Msg n13 = node("Custom", {"x"}, {"y"}, "c", "vendor");
  n13.msg(9, Msg().str(1, "k").str(2, "v")).msg(10, Msg().str(1, "cfg"));
  out["ir13.onnx"] = model(Msg().msg(1, n13).msg(16, Msg().str(1, "k")), 25, 13).msg(26, Msg().str(1, "mesh")).bytes();
  // Deep nesting, within the reader's limit (64 levels) and past it; a few broken files.
  out["nested.onnx"] = nestedIfModel(40);
  out["too_deep.onnx"] = nestedIfModel(80);
  std::string plain = out["plain.onnx"];
  out["truncated.onnx"] = plain.substr(0, plain.size() / 2);
  std::string corrupt = plain;
  corrupt[corrupt.size() / 3] = '\x0f';
  out["corrupt.onnx"] = corrupt;
  return out;
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  bool check = argc == 3 && std::string(argv[1]) == "--check";
  if (argc != 2 && !check) {
    std::fprintf(stderr, "usage: onnx_fuzz_seeds [--check] DIR\n");
    return 2;
  }
  fs::path dir = argv[argc - 1];
  std::map<std::string, std::string> all = seeds();
  if (check) {
    int bad = 0;
    for (const auto& [name, bytes] : all)
      if (!fs::exists(dir / name) || readAll(dir / name) != bytes) {
        std::fprintf(stderr, "%s: differs from what onnx_fuzz_seeds makes; regenerate with onnx_fuzz_seeds %s\n",
                     (dir / name).c_str(), dir.c_str());
        ++bad;
      }
    for (const auto& e : fs::directory_iterator(dir))
      if (!all.count(e.path().filename().string())) {
        std::fprintf(stderr, "%s: not a seed onnx_fuzz_seeds makes\n", e.path().c_str());
        ++bad;
      }
    return bad ? 1 : 0;
  }
  fs::create_directories(dir);
  for (const auto& [name, bytes] : all) std::ofstream(dir / name, std::ios::binary) << bytes;
  std::printf("wrote %zu seeds to %s\n", all.size(), dir.c_str());
  return 0;
}
