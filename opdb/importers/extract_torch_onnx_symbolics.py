#!/usr/bin/env python3
"""One-off extraction: which ONNX operators torch.onnx emits for each aten operator.

    python3 opdb/importers/extract_torch_onnx_symbolics.py [TORCH_ONNX_DIR] > pytorch/onnx_symbolic_aten_ops.tsv

Reads the symbolic registrations of torch.onnx (default: Debian's python3-torch,
/usr/lib/python3/dist-packages/torch/onnx, PyTorch 1.13.1) with the `ast` module, never importing
them: every function registered with @_onnx_symbolic("aten::X") (or assigned from
_onnx_symbolic("aten::X")(...)) in symbolic_opset<N>.py, and the ONNX op types of the g.op("Op")
calls it makes, directly or through the module-level helpers it calls (opset9.f, symbolic_helper.f
and same-module functions, transitively). Writes a TSV: aten_op, opset (the symbolic_opset file
that registers it), onnx_ops (comma-separated, sorted). Names only; no code is copied.
"""

import ast
import re
import sys
from pathlib import Path

DEFAULT = Path("/usr/lib/python3/dist-packages/torch/onnx")


def module_info(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    funcs, registered = {}, []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            funcs[node.name] = node
            for d in node.decorator_list:
                if isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "_onnx_symbolic" \
                        and d.args and isinstance(d.args[0], ast.Constant):
                    registered.append((d.args[0].value, node))
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if isinstance(call.func, ast.Call) and isinstance(call.func.func, ast.Name) and \
                    call.func.func.id == "_onnx_symbolic" and call.func.args and \
                    isinstance(call.func.args[0], ast.Constant):
                registered.append((call.func.args[0].value, call))
    return funcs, registered


def direct(node, onnx_ops):
    """(ONNX op types the body names as call arguments: g.op("Relu", ...), helper(g, "Relu", ...),
    g.op("ConvTranspose" if t else "Conv", ...); called helper names as (module or None, name)).
    Decorators (quantized_args, parse_args) are not the operator's body and are skipped."""
    ops, calls = set(), set()
    body = node.body if isinstance(node, ast.FunctionDef) else [node]
    nodes = [n for b in body for n in ast.walk(b)]
    for n in nodes:
        if not isinstance(n, ast.Call):
            continue
        for a in n.args:
            for c in ast.walk(a) if isinstance(a, ast.IfExp) else [a]:
                if isinstance(c, ast.Constant) and isinstance(c.value, str) and c.value in onnx_ops:
                    ops.add(c.value)
        f = n.func
        if isinstance(f, ast.Name):
            calls.add((None, f.id))
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            calls.add((f.value.id, f.attr))
    return ops, calls


def onnx_operator_names(root):
    """ai.onnx op types, from torch.onnx's own list of them (_onnx_supported_ops is not it; the
    ONNX package's schemas are): read through the onnx Python package when present."""
    try:
        import onnx.defs  # noqa: PLC0415 - optional, the package ships the operator schemas
        return {s.name for s in onnx.defs.get_all_schemas_with_history() if s.domain in ("", "ai.onnx")}
    except ImportError:
        sys.exit("needs python3-onnx for the ONNX operator names")


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    onnx_ops = onnx_operator_names(root)
    modules = {}
    for p in sorted(root.glob("symbolic_opset*.py")) + [root / "symbolic_helper.py"]:
        modules[p.stem] = module_info(p)
    alias = {"opset9": "symbolic_opset9", "symbolic_helper": "symbolic_helper"}
    direct_of = {}  # (module, helper name) -> direct(...) of its body

    def ops_of(module, node):
        """The op types `node` names directly or through any helper it reaches (the union over
        everything reachable, so the answer does not depend on the order calls are visited in)."""
        ops, calls = direct(node, onnx_ops)
        todo = [(module, c) for c in calls]
        seen = set()
        while todo:
            caller, (mod, name) = todo.pop()
            target = caller if mod is None else alias.get(mod, mod)
            if target not in modules or name not in modules[target][0] or (target, name) in seen:
                continue
            seen.add((target, name))
            if (target, name) not in direct_of:
                direct_of[(target, name)] = direct(modules[target][0][name], onnx_ops)
            found, more = direct_of[(target, name)]
            ops = ops | found
            todo.extend((target, c) for c in more)
        return ops

    rows = {}
    for stem, (funcs, registered) in modules.items():
        m = re.fullmatch(r"symbolic_opset(\d+)", stem)
        if not m:
            continue
        for aten, node in registered:
            if not aten.startswith("aten::"):
                continue
            ops = ops_of(stem, node)
            rows[(aten, int(m.group(1)))] = ops
    print("aten_op\topset\tonnx_ops")
    for (aten, opset), ops in sorted(rows.items()):
        print(f"{aten}\t{opset}\t{','.join(sorted(ops))}")


if __name__ == "__main__":
    main()
