#!/usr/bin/env python3
"""Checks of the calibration tools and data that need no checkout: the counting rules of
count_changed_lines.py on small made-up diffs, and the consistency of ports.json."""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import count_changed_lines as ccl  # noqa: E402


class CountingRules(unittest.TestCase):
    def test_lines_carried_under_a_new_branch_are_not_counted(self):
        base = "x = 1\nmodel.cuda(gpu)\nloss.cuda(gpu)\ny = 2\n"
        port = ("x = 1\nif device == 'npu':\n    model.npu()\n    loss.npu()\nelse:\n"
                "    model.cuda(gpu)\n    loss.cuda(gpu)\ny = 2\n")
        counted, carried, printed = ccl.changed(base, port, "main.py")
        self.assertEqual((counted, carried, printed), (4, 2, 0))  # if, two npu lines, else

    def test_a_moved_line_is_matched_once(self):
        base = "a()\nb()\n"
        port = "b()\nb()\na()\n"
        counted, carried, _ = ccl.changed(base, port, "m.py")
        self.assertEqual(counted + carried, 2)
        self.assertLessEqual(carried, 1)

    def test_a_patch_counts_its_added_lines(self):
        patch = ("--- a/h.h\n+++ b/h.h\n@@ -1,3 +1,3 @@\n ctx\n-int f();\n+static inline int f();\n ctx\n")
        self.assertEqual(ccl.changed("", patch, "fix.patch"), (1, 0, 0))

    def test_device_only_leaves_out_prints_and_gpu_inside_a_name(self):
        base = "train(loader)\n"
        port = ("train(loader, ngpus_per_node)\nprint('[gpu id:', args.gpu,\n      'batch')\n"
                "torch.npu.set_device(args.gpu)\n")
        self.assertEqual(ccl.changed(base, port, "main.py", device_only=True), (1, 0, 2))
        self.assertEqual(ccl.changed(base, port, "main.py")[0], 4)

    def test_comments_and_blank_lines_are_not_code(self):
        self.assertEqual(ccl.changed("", "# note\n\nx = 1\n", "a.py"), (1, 0, 0))
        self.assertEqual(ccl.changed("", "// note\n/* a\n b */\nint x;\n", "a.cu"), (1, 0, 0))


class PortsData(unittest.TestCase):
    def setUp(self):
        with open(os.path.join(HERE, "ports.json")) as f:
            self.pairs = json.load(f)["pairs"]

    def test_each_pair_adds_up_and_says_where_it_comes_from(self):
        ids = set()
        for p in self.pairs:
            with self.subTest(pair=p["id"]):
                self.assertNotIn(p["id"], ids)
                ids.add(p["id"])
                self.assertEqual(p["hand_changed_lines"], sum(p["changed_lines"].values()))
                self.assertRegex(p["upstream"]["commit"], r"^[0-9a-f]{40}$")
                for c in p["port"]["commits"]:
                    self.assertRegex(c, r"^[0-9a-f]{40}$")
                self.assertTrue(p["scope"])
                h = p["history"]["effort_days"]
                self.assertLessEqual(h["low"], h["high"])
                for name, item in p.get("not_counted", {}).items():
                    self.assertGreaterEqual(item["lines"], 0, name)
                    self.assertTrue(item["why"], name)

    def test_enough_pairs_of_each_kind(self):
        dcu = [p for p in self.pairs if p["platform"] == "dcu"]
        npu = [p for p in self.pairs if p["platform"] in ("ascend", "cambricon")]
        self.assertGreaterEqual(len(dcu), 3)
        self.assertGreaterEqual(len(npu), 2)


if __name__ == "__main__":
    unittest.main()
