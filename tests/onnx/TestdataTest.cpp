// Acceptance: on every model of Debian's libonnx-testdata, the streaming reader's node count and
// op histogram (subgraphs and functions included) equal a reference walk over libonnx's own
// protobuf classes; so do initializer counts and parameter totals per dtype.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "onnx/DataTypes.h"
#include "onnx/Opset.h"
#include "onnx/Reader.h"
#include "onnx/Summary.h"
#include "onnx/onnx_pb.h"

namespace opscope::onnx {
namespace {
namespace fs = std::filesystem;

constexpr const char* kTestdata = "/usr/share/libonnx-testdata/data";

struct Walk {
  std::uint64_t nodes = 0;
  std::map<std::string, std::uint64_t> histogram;
  std::uint64_t initializers = 0;
  std::map<std::string, std::uint64_t> elementsByDtype;
};

void walkGraph(const ::onnx::GraphProto& g, Walk& w);

void walkNodes(const google::protobuf::RepeatedPtrField<::onnx::NodeProto>& nodes, Walk& w) {
  for (const ::onnx::NodeProto& n : nodes) {
    ++w.nodes;
    ++w.histogram[histogramKey(n.domain(), n.op_type())];
    for (const ::onnx::AttributeProto& a : n.attribute()) {
      if (a.has_g()) walkGraph(a.g(), w);
      for (const ::onnx::GraphProto& g : a.graphs()) walkGraph(g, w);
      // Constant values count as parameters in the summary.
      if (n.op_type() == "Constant" && a.has_t()) {
        std::uint64_t e = 1;
        for (auto d : a.t().dims()) e *= static_cast<std::uint64_t>(d);
        w.elementsByDtype[dataTypeName(a.t().data_type())] += e;
      }
      if (n.op_type() == "Constant" && (a.name() == "value_floats" || a.name() == "value_float"))
        w.elementsByDtype["float"] += a.name() == "value_float" ? 1 : a.floats_size();
      if (n.op_type() == "Constant" && (a.name() == "value_ints" || a.name() == "value_int"))
        w.elementsByDtype["int64"] += a.name() == "value_int" ? 1 : a.ints_size();
      if (n.op_type() == "Constant" && a.has_sparse_tensor())
        w.elementsByDtype[dataTypeName(a.sparse_tensor().values().data_type())] +=
            a.sparse_tensor().values().dims_size() ? a.sparse_tensor().values().dims(0) : 0;
    }
  }
}

void walkGraph(const ::onnx::GraphProto& g, Walk& w) {
  walkNodes(g.node(), w);
  for (const ::onnx::TensorProto& t : g.initializer()) {
    ++w.initializers;
    std::uint64_t e = 1;
    for (auto d : t.dims()) e *= static_cast<std::uint64_t>(d);
    w.elementsByDtype[dataTypeName(t.data_type())] += e;
  }
  w.initializers += static_cast<std::uint64_t>(g.sparse_initializer_size());
}

Walk reference(const ::onnx::ModelProto& m) {
  Walk w;
  walkGraph(m.graph(), w);
  for (const ::onnx::FunctionProto& f : m.functions()) walkNodes(f.node(), w);
  for (const ::onnx::TrainingInfoProto& t : m.training_info()) {
    walkGraph(t.initialization(), w);
    walkGraph(t.algorithm(), w);
  }
  return w;
}

Walk streaming(const ModelInfo& info) {
  Walk w;
  ModelSummary s = summarize(info);
  w.nodes = s.nodes;
  w.histogram = s.opHistogram;
  for (const TensorInfo& t : info.tensors) {
    if (t.role == TensorRole::Initializer || t.role == TensorRole::SparseInitializer) ++w.initializers;
    if (t.role == TensorRole::Initializer || t.role == TensorRole::Constant)
      w.elementsByDtype[dataTypeName(t.dataType)] += t.elements;
  }
  return w;
}

std::vector<fs::path> testdataModels() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(kTestdata, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".onnx") out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Testdata, EveryModelMatchesTheProtobufReferenceWalk) {
  ASSERT_TRUE(fs::is_directory(kTestdata))
      << kTestdata << " is missing: install Debian's libonnx-testdata (bash .ci/install-deps)";
  std::vector<fs::path> models = testdataModels();
  ASSERT_GE(models.size(), 1072u) << "libonnx-testdata 1.12 ships 1,072 models";
  unsigned compared = 0, withSubgraphs = 0, withFunctions = 0;
  std::uint64_t totalNodes = 0;
  for (const fs::path& p : models) {
    std::ifstream in(p, std::ios::binary);
    ::onnx::ModelProto proto;
    ASSERT_TRUE(proto.ParseFromIstream(&in)) << p;
    Walk expected = reference(proto);

    ReadResult r = readModelFile(p.string());
    ASSERT_TRUE(std::holds_alternative<ModelInfo>(r)) << std::get<ReadError>(r).str();
    const ModelInfo& info = std::get<ModelInfo>(r);
    Walk got = streaming(info);
    EXPECT_EQ(got.nodes, expected.nodes) << p;
    EXPECT_EQ(got.histogram, expected.histogram) << p;
    EXPECT_EQ(got.initializers, expected.initializers) << p;
    EXPECT_EQ(got.elementsByDtype, expected.elementsByDtype) << p;
    EXPECT_EQ(info.irVersion, proto.ir_version()) << p;
    EXPECT_EQ(info.opsets.size(), static_cast<size_t>(proto.opset_import_size())) << p;
    EXPECT_EQ(info.functions.size(), static_cast<size_t>(proto.functions_size())) << p;
    ++compared;
    totalNodes += got.nodes;
    withSubgraphs += info.graphs.size() > 1 + info.functions.size();
    withFunctions += !info.functions.empty();
  }
  EXPECT_EQ(compared, models.size());
  // The corpus exercises what the test claims to cover.
  EXPECT_GT(withSubgraphs, 20u);
  std::cout << "compared " << compared << " models, " << totalNodes << " nodes; " << withSubgraphs
            << " with subgraphs, " << withFunctions << " with local functions\n";
}

}  // namespace
}  // namespace opscope::onnx
