"""Print the import graph of geo/ and layers/ and check it.

Reads every module of the two packages with ``ast`` (nothing is imported) and reports:

- import cycles between modules (imports inside functions count too: a cycle held open
  by a late import is still a cycle);
- private names imported across modules (``from x import _name``, or ``x._name`` taken
  from an imported module), where a module another needs should make the name public;
- imports that flow uphill: ``geo`` importing ``layers``.

Exit status 0 when there is none of these, 1 otherwise.  Usage::

    python scripts/import_graph.py [--graph]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("geo", "layers")


def module_files():
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def resolve(module, level, current, is_package):
    if level == 0:
        return module
    base = current.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def analyse():
    modules = dict(module_files())
    names = set(modules)
    edges: dict[str, set[str]] = {m: set() for m in modules}
    private: list[tuple[str, str, str]] = []

    def owner(target):
        # the module a dotted name refers to (longest known prefix)
        parts = target.split(".")
        while parts:
            cand = ".".join(parts)
            if cand in names:
                return cand
            parts.pop()
        return None

    for mod, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_pkg = path.name == "__init__.py"
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    tgt = owner(a.name)
                    if tgt and tgt != mod:
                        edges[mod].add(tgt)
                        aliases[a.asname or a.name] = tgt
            elif isinstance(node, ast.ImportFrom):
                base = resolve(node.module, node.level, mod, is_pkg)
                for a in node.names:
                    full = f"{base}.{a.name}"
                    if full in names:          # a submodule
                        if full != mod:
                            edges[mod].add(full)
                            aliases[a.asname or a.name] = full
                        continue
                    tgt = owner(base)
                    if tgt is None or tgt == mod:
                        continue
                    edges[mod].add(tgt)
                    if a.name.startswith("_") and not a.name.startswith("__"):
                        private.append((mod, tgt, a.name))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases and node.attr.startswith("_")
                    and not node.attr.startswith("__")):
                private.append((mod, aliases[node.value.id], node.attr))
    return modules, edges, private


def cycles(edges):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            # a package's __init__ importing its own submodules lazily is not a cycle of ideas
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            strong(v)
    return out


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    modules, edges, private = analyse()
    # A package's __init__ re-exports its submodules: the arrow package -> submodule is
    # the public face, not a dependency of ideas; submodules importing their package's
    # public face back would make every package a cycle.  Count arrows between modules.
    graph = {m: {t for t in ts if not m == t.rsplit(".", 1)[0] or "." not in t}
             for m, ts in edges.items()}
    graph = {m: {t for t in ts if not (modules[m].name == "__init__.py"
                                        and t.startswith(m + "."))}
             for m, ts in graph.items()}
    found = cycles(graph)
    uphill = sorted((m, t) for m, ts in graph.items() for t in ts
                    if m.split(".")[0] == "geo" and t.split(".")[0] == "layers")
    arrows = sum(len(ts) for ts in graph.values())
    if "--graph" in argv:
        for m in sorted(graph):
            print(f"{m} -> {', '.join(sorted(graph[m])) or '-'}")
    print(f"modules {len(modules)}  arrows {arrows}  cycles {len(found)}  "
          f"private imports {len(set(private))}  uphill {len(uphill)}")
    for comp in found:
        print("cycle:", " <-> ".join(comp))
    for mod, tgt, name in sorted(set(private)):
        print(f"private: {mod} takes {name} from {tgt}")
    for mod, tgt in uphill:
        print(f"uphill: {mod} imports {tgt}")
    return 1 if (found or private or uphill) else 0


if __name__ == "__main__":
    sys.exit(main())
