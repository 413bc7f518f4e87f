#!/usr/bin/env python3
"""check-modules.py [ADDIN_DIR] - the module graph of addin/ is acyclic and layered.

A module is foo.c + foo.h (either may be missing); module A depends on module B when A's .c
or .h includes B's .h ("quoted" includes, found by file name anywhere under ADDIN_DIR).
Fails, printing what it found, on
- a cycle: modules that depend on each other, however long the way round;
- an include against the layer order: a module may include its own folder's modules and
  those of the folders LAYERS lists for its folder, nothing else;
- a UNO-free module (core/, report/) that reaches, through any chain of includes, a module
  of a UNO layer or one that includes an SDK header itself (text/ holds both kinds: tx.h
  is plain C, tx_text.h reads the office's settings);
- a folder without a layer, or two headers of the same name.
Appends "modules PASSED FAILED" (modules without / with a finding) to $RESULTS, as the
other suites of `make check` do.
"""
import os
import re
import sys

# The layers, lowest first, each with the folders its modules may include. Read from the
# code as it is: the core computes; uno is the binary-UNO toolkit; text words messages
# (tx.h is plain C, tx_text reads the UI language through uno); report plans what an
# action writes, in plain C with the texts of tx.h; calc is the one bridge to a document;
# functions and actions use them; the panel shows the actions. "" is addin/ itself
# (component.c, the loader's entry), which may include every layer.
LAYERS = {
    "core": [],
    "uno": ["core"],
    "text": ["core", "uno"],
    "report": ["core", "text"],
    "calc": ["core", "uno", "text", "report"],
    "functions": ["core", "uno", "text"],
    "actions": ["core", "uno", "text", "report", "calc", "functions"],
    "panel": ["core", "uno", "text", "report", "calc", "actions"],
}
LAYERS[""] = list(LAYERS)
# Layers that must not depend on UNO even indirectly: built and tested without an office.
UNO_FREE = ("core", "report")
UNO_LAYERS = ("uno", "calc", "functions", "actions", "panel")
SDK_HEADER = re.compile(r'^\s*#\s*include\s*<(uno|rtl|typelib|osl|sal|cppu|com)/', re.M)
QUOTED = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def read_modules(root):
    """{module: {"files": [...], "includes": [(file, header)], "sdk": bool}}, headers."""
    modules, headers = {}, {}
    for folder, _dirs, files in os.walk(root):
        for f in sorted(files):
            stem, ext = os.path.splitext(f)
            if ext not in (".c", ".h"):
                continue
            path = os.path.join(folder, f)
            rel = os.path.relpath(path, root)
            name = os.path.join(os.path.dirname(rel), stem)
            m = modules.setdefault(name, {"files": [], "includes": [], "sdk": False})
            m["files"].append(rel)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            m["includes"] += [(rel, h) for h in QUOTED.findall(text)]
            m["sdk"] |= bool(SDK_HEADER.search(text))
            if ext == ".h":
                headers.setdefault(f, []).append(name)
    return modules, headers


def layer_of(module):
    return os.path.dirname(module)


def build_graph(modules, headers):
    """{module: {dependency: [why, ...]}}; a header that is no module's (generated, the
    SDK's) is left out."""
    graph = {}
    for name, m in modules.items():
        deps = graph.setdefault(name, {})
        for f, h in m["includes"]:
            owners = headers.get(os.path.basename(h))
            if owners and owners[0] != name:
                deps.setdefault(owners[0], []).append("%s includes %s" % (f, h))
    return graph


def cycles(graph):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def explain(graph, chain):
    """CHAIN with, under it, the include behind each step."""
    lines = [" -> ".join(chain)]
    for a, b in zip(chain, chain[1:]):
        lines += ["      " + why for why in graph[a][b]]
    return "\n".join(lines)


def nearest(graph, start, wanted, within=None):
    """The shortest chain START -> ... -> a module WANTED accepts (START itself too: a way
    round), through modules of WITHIN (None: any), or None (breadth-first)."""
    previous, queue = {start: None}, [start]
    for v in queue:
        for w in sorted(graph[v]):
            if within is not None and w not in within:
                continue
            if wanted(w):
                chain = [v]
                while previous[chain[-1]] is not None:
                    chain.append(previous[chain[-1]])
                return chain[::-1] + [w]
            if w not in previous:
                previous[w] = v
                queue.append(w)
    return None


def check(root):
    """The modules, the graph and the findings: [(modules concerned, sentence)]."""
    modules, headers = read_modules(root)
    findings = [([owners[0]], "the header %s exists twice: %s" % (h, ", ".join(owners)))
                for h, owners in sorted(headers.items()) if len(owners) > 1]
    graph = build_graph(modules, headers)
    for component in cycles(graph):
        members = set(component)
        first = component[0]
        chain = nearest(graph, first, lambda m: m == first, members)
        findings.append((component, "a cycle of %d modules: %s" % (len(component), explain(graph, chain))))
    for name in sorted(graph):
        layer = layer_of(name)
        if layer not in LAYERS:
            findings.append(([name], "%s/ is no layer of check-modules.py" % layer))
            continue
        for dep in sorted(graph[name]):
            if layer_of(dep) != layer and layer_of(dep) not in LAYERS[layer]:
                findings.append(([name], "against the layer order (%s/ may include %s): %s" % (
                    layer or "addin", ", ".join(LAYERS[layer]) or "nothing else",
                    explain(graph, [name, dep]))))
        if layer in UNO_FREE:
            if modules[name]["sdk"]:
                findings.append(([name], "UNO-free (%s/), yet it includes an SDK header" % layer))
            chain = nearest(graph, name, lambda m: layer_of(m) in UNO_LAYERS or modules[m]["sdk"])
            if chain:
                findings.append(([name], "UNO-free (%s/), yet it reaches %s: %s" % (
                    layer, chain[-1], explain(graph, chain))))
    return modules, graph, findings


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "addin"
    modules, graph, findings = check(root)
    for concerned, text in findings:
        print("FAIL %s" % text)
    failed = len({m for concerned, _ in findings for m in concerned})
    passed = len(modules) - failed
    if not findings:
        print("ok   %d modules, %d dependencies: no cycle, every include along the layers"
              % (len(modules), sum(len(d) for d in graph.values())))
    print("modules: %d passed, %d failed" % (passed, failed))
    results = os.environ.get("RESULTS", "build/out/results")
    os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
    with open(results, "a", encoding="utf-8") as fh:
        fh.write("modules %d %d\n" % (passed, failed))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
