#!/usr/bin/env python3
"""The import graph of `src/`, checked against the pipeline's layers.

    python3 scripts/modgraph.py            # check; print the graph between top-level modules
    python3 scripts/modgraph.py --files    # also print every edge between files
    python3 scripts/modgraph.py --dot      # the module graph as Graphviz DOT

A module is a top-level module of the crate (`load`, `report`, `cli`, ...); a file is one
`.rs` file. An edge a -> b means a file of `a` names `crate::b` (or reaches it through
`super::`), outside `#[cfg(test)]` code. The check fails (exit 1) when:

- the module graph has a cycle;
- the file graph has a cycle (inside `report/` or `cli/` too);
- an edge points up the layers below (a module may use only modules of a lower layer).

The layers follow the data: load -> resolve -> check -> render. Keep this table in step with
docs/architecture.md.
"""

import re
import sys
from pathlib import Path

LAYERS = [
    # 0: leaves: no pipeline knowledge
    ["yaml", "source", "suggest", "atomic", "input", "catalog", "text", "i18n"],
    # 1: findings and the typed model
    ["diag", "model", "vocabulary"],
    # 2: reading input
    ["units", "load", "config"],
    # 3: derived facts
    ["resolve"],
    # 4: the checks
    ["rules", "suppress", "baseline"],
    # 5: one path for findings
    ["check"],
    # 6: everything users read
    ["render", "report", "schema", "diff", "interop"],
    # 7: the command line, and the language server beside it
    ["cli", "lsp"],
    # 8: the crate root
    ["lib", "main"],
]

SRC = Path(__file__).resolve().parent.parent / "src"
REF = re.compile(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
USE_GROUP = re.compile(r"\buse\s+(crate|super)::\{([^}]*)\}", re.S)


def module_path(file: Path) -> list[str]:
    parts = list(file.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    return parts


def without_tests(text: str) -> str:
    """Drops comments and `#[cfg(test)]` items: a test module may use anything."""
    out = []
    skipping = False
    depth = 0
    pending = False
    for line in text.splitlines():
        if line.lstrip().startswith("//"):
            continue  # comments and doc links are not imports
        if not skipping and line.strip() == "#[cfg(test)]":
            pending = True
            continue
        if pending:
            skipping = True
            pending = False
            depth = 0
        if skipping:
            depth += line.count("{") - line.count("}")
            if depth <= 0 and ("}" in line or line.rstrip().endswith(";")):
                skipping = False
            continue
        out.append(line)
    return "\n".join(out)


def resolve(parts: list[str], first: str, rest: list[str], files: dict) -> tuple[str, ...] | None:
    """The file (as a module path) a `crate::...`/`super::...` path lands in."""
    if first == "crate":
        base: list[str] = []
    else:
        # `super` in a/b.rs (module a::b) is module a; in a/mod.rs (module a) it is the root.
        base = parts[:-1]
        while rest and rest[0] == "super":
            base = base[:-1]
            rest = rest[1:]
    path = base + rest
    # The longest prefix that is a file.
    for n in range(len(path), -1, -1):
        key = tuple(path[:n])
        if key in files:
            return key
    return None


def main() -> int:
    files = {}
    for file in sorted(SRC.rglob("*.rs")):
        key = tuple(module_path(file)) or ("lib",)
        if file.name == "main.rs" and file.parent == SRC:
            key = ("main",)
        if file.name == "lib.rs" and file.parent == SRC:
            key = ("lib",)
        files[key] = file
    # The crate root is `lib`; `crate::` with nothing after it is the root.
    file_edges: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for key, file in files.items():
        text = without_tests(file.read_text())
        parts = list(key) if key not in (("lib",), ("main",)) else []
        refs = []
        for m in REF.finditer(text):
            refs.append((m.group(1), [p for p in m.group(2).split("::") if p]))
        for m in USE_GROUP.finditer(text):
            for item in m.group(2).split(","):
                name = item.strip().split("::")[0].split(" ")[0]
                if name and name != "self":
                    refs.append((m.group(1), [name]))
        for first, rest in refs:
            target = resolve(parts, first, rest, files)
            if target is None or target == key or target in (("lib",),):
                continue
            file_edges.add((key, target))

    def top(key: tuple[str, ...]) -> str:
        return key[0]

    module_edges = sorted({(top(a), top(b)) for a, b in file_edges if top(a) != top(b)})
    layer_of = {name: i for i, names in enumerate(LAYERS) for name in names}
    problems = []
    for name in sorted({top(k) for k in files}):
        if name not in layer_of:
            problems.append(f"module `{name}` has no layer in scripts/modgraph.py")
    for a, b in module_edges:
        if a in layer_of and b in layer_of and layer_of[b] > layer_of[a]:
            problems.append(
                f"`{a}` (layer {layer_of[a]}) uses `{b}` (layer {layer_of[b]}): against the flow"
            )
    for label, edges in (("module", module_edges), ("file", sorted(file_edges))):
        for cycle in cycles(edges):
            names = [c if isinstance(c, str) else "::".join(c) for c in cycle]
            problems.append(f"{label} cycle: " + " -> ".join(names + names[:1]))

    if "--dot" in sys.argv:
        print("digraph modules {\n  rankdir=BT;")
        for i, names in enumerate(LAYERS):
            present = [n for n in names if n in {top(k) for k in files}]
            if present:
                print(f"  {{ rank=same; {'; '.join(present)} }}")
        for a, b in module_edges:
            print(f"  {a} -> {b};")
        print("}")
    else:
        for i, names in enumerate(LAYERS):
            for name in names:
                uses = sorted({b for a, b in module_edges if a == name})
                if name in {top(k) for k in files}:
                    print(f"{i} {name:<11} -> {', '.join(uses) if uses else '(nothing)'}")
        if "--files" in sys.argv:
            for a, b in sorted(file_edges):
                print("  " + "::".join(a), "->", "::".join(b))
        print(f"{len(files)} files, {len(file_edges)} file edges, {len(module_edges)} module edges")
    for p in problems:
        print("error:", p, file=sys.stderr)
    return 1 if problems else 0


def cycles(edges):
    """Strongly connected components with more than one node (Tarjan, iterative)."""
    graph: dict = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    found = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            recurse = False
            succ = graph[node]
            while i < len(succ):
                nxt = succ[i]
                i += 1
                if nxt not in index:
                    work.append((node, i))
                    work.append((nxt, 0))
                    recurse = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if recurse:
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


if __name__ == "__main__":
    sys.exit(main())
