#!/usr/bin/env python3
"""The layering rule of docs/architecture.md, checked from the code's own paths.

1. No circle between modules, at any level of the tree: for every module, the graph among its
   children (an edge A -> B when anything in A's subtree names B's subtree through `crate::` or
   `super::`) must have no cycle. A module naming its own descendants, or a child naming its
   ancestors' items that are not siblings, does not count.
2. Imports point down the layers: faces -> services -> rules and infrastructure -> domain. Each
   top-level module is assigned a layer in LAYERS; a module may name only modules of a lower
   layer, or of its own layer when the rule for that layer allows it (and then rule 1 still holds).
3. The core knows no web framework: no file outside the faces and the service's shell names
   `actix_web` (or any `actix` crate).

Prints every violation with the files that make it and exits 1; prints a one-line summary and
exits 0 when the code keeps the rule. Run by `.ci/run` (through scripts/test).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

# Layer of every top-level module of the library, lowest first. A top-level module that is not
# listed is itself a violation: a new module must be placed in a layer deliberately.
LAYERS: dict[str, int] = {}
LAYER_NAMES = ["domain", "rules and infrastructure", "services", "faces"]
for layer, modules in enumerate(
    [
        # 0: plain types shared by everything.
        ["domain"],
        # 1: pure rules (no I/O) and infrastructure (no business rules).
        ["firewall", "redact", "identifiers", "suppression", "db", "crypto", "mail", "limits", "settings",
         "secret", "clock", "i18n", "state"],
        # 2: services, one module per capability.
        ["services"],
        # 3: faces and the shell that starts them.
        ["http", "web", "cli", "app", "telemetry"],
    ]
):
    for m in modules:
        LAYERS[m] = layer

# Within layer 1, the pure rules must not reach infrastructure, and infrastructure must not
# reach the rules: the two halves are independent of each other except through `domain`.
# `state` gathers infrastructure for the services (database, keys, mailer, settings, limiters).
RULES = {"firewall", "redact", "identifiers", "suppression"}
INFRA_MAY_USE = {
    "state": {"db", "crypto", "mail", "limits", "settings", "secret", "clock"},
    "db": {"secret", "clock"},
    "crypto": {"secret"},
    "mail": {"settings", "secret", "i18n"},
    "i18n": set(),
    # The settings check the trusted proxies' ranges with the limiter's own parser.
    "settings": {"secret", "limits"},
    "limits": {"clock"},
    "secret": set(),
    "clock": set(),
    # The rules may use each other (redact uses the firewall and identifiers), not infrastructure.
    "firewall": {"identifiers", "redact"},
    "redact": {"identifiers"},
    "identifiers": set(),
    "suppression": set(),
}

# A face holds no business rule: it reaches the core through the services (and the state they
# take, the domain types they speak, the settings it renders), never the database, the keys, the
# mailer or the rules directly. `app` and `cli` start the service and may reach anything.
# Request limits are the faces' own edge policy (which group a route counts in, the client behind a
# trusted proxy): `limits` holds no business rule and no I/O.
FACES_MAY_USE = {"services", "domain", "state", "settings", "secret", "clock", "telemetry", "i18n",
                 "limits"}
PAGE_FACES = {"http", "web"}

# Files allowed to name actix: the faces and the shell.
ACTIX_ALLOWED = ("http/", "web/", "app.rs", "cli.rs", "main.rs", "telemetry.rs")


def module_path(file: Path, src: Path) -> tuple[str, ...]:
    rel = file.relative_to(src).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] in ("mod", "lib"):
        parts.pop()
    return tuple(parts)


def strip_comments_and_strings(text: str) -> str:
    """Blanks out comments, string and char literals, keeping line breaks for line numbers."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            end = text.find('"' + m.group(1), i + len(m.group(0)))
            end = n if end < 0 else end + 1 + len(m.group(1))
            out.append('""' + "\n" * text.count("\n", i, end))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j + 1
        elif c == "'":
            # A char literal ('a', '\n', '\u{..}') or a lifetime ('a): only literals are skipped.
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:
                out.append("' '")
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def expand_group(s: str, pos: int) -> tuple[list[list[str]], int]:
    """Parses `{a::b, c::{d, e}, self}` starting at `{`; returns the paths and the end position."""
    assert s[pos] == "{"
    paths: list[list[str]] = []
    pos += 1
    while True:
        m = re.compile(r"\s*").match(s, pos)
        pos = m.end()
        if pos >= len(s):
            return paths, pos
        if s[pos] == "}":
            return paths, pos + 1
        if s[pos] == ",":
            pos += 1
            continue
        segs, pos = read_path(s, pos)
        paths.extend(segs)


def read_path(s: str, pos: int) -> tuple[list[list[str]], int]:
    """Reads `a::b::{...}` or `a::b as c` or `*`; returns every full path it names."""
    segs: list[str] = []
    while True:
        m = re.compile(r"\s*(" + IDENT + r"|\*)\s*").match(s, pos)
        if m:
            segs.append(m.group(1))
            pos = m.end()
        m2 = re.compile(r"::\s*").match(s, pos)
        if m2:
            pos = m2.end()
            if pos < len(s) and s[pos] == "{":
                inner, pos = expand_group(s, pos)
                return [segs + p for p in inner] or [segs], pos
            continue
        m3 = re.compile(r"\s+as\s+" + IDENT).match(s, pos)
        if m3:
            pos = m3.end()
        return [segs], pos


def references(text: str, here: tuple[str, ...]) -> list[tuple[tuple[str, ...], int]]:
    """Every module path this file names through `crate::` or `super::`, with its line number.

    `here` is the file's module; inline `mod name {` blocks shift what `super` means."""
    refs = []
    # Inline modules: track (brace depth at open, name) to know the module at each position.
    stack: list[tuple[int, str]] = []
    depth = 0
    pending_mod = None
    token = re.compile(r"\bmod\s+(" + IDENT + r")\s*\{|\{|\}|\b(crate|super|self)\s*::")
    pos = 0
    while True:
        m = token.search(text, pos)
        if not m:
            break
        pos = m.end()
        if m.group(1):
            depth += 1
            stack.append((depth, m.group(1)))
            continue
        tok = m.group(0)
        if tok == "{":
            depth += 1
            continue
        if tok == "}":
            if stack and stack[-1][0] == depth:
                stack.pop()
            depth -= 1
            continue
        # A path: work out its absolute module path.
        current = list(here) + [name for _, name in stack]
        start = m.start()
        # `$crate::` in macros is the crate root too.
        kind = m.group(2)
        if kind == "self" and not (start > 0 and text[start - 1] == "$"):
            base = current
        elif kind == "crate":
            base = []
        elif kind == "super":
            base = current[:-1]
        else:
            base = []
        # Read the rest: more `super::`, then a path or a group.
        rest_pos = pos
        while True:
            m2 = re.compile(r"\s*super\s*::\s*").match(text, rest_pos)
            if not m2:
                break
            base = base[:-1]
            rest_pos = m2.end()
        if rest_pos < len(text) and text[rest_pos] == "{":
            paths, end = expand_group(text, rest_pos)
        else:
            paths, end = read_path(text, rest_pos)
        line = text.count("\n", 0, start) + 1
        for p in paths:
            full = tuple(base + [s for s in p if s not in ("*", "self")])
            refs.append((full, line))
        pos = max(pos, end)
    return refs


def check(src: Path) -> tuple[list[str], str]:
    """Every violation of the rule in the tree under `src`, and a one-line summary."""
    files = sorted(p for p in src.rglob("*.rs") if p.name != "main.rs")
    modules = {module_path(f, src) for f in files}
    problems: list[str] = []

    # Resolve each reference to the deepest known module it names.
    def resolve(path: tuple[str, ...]) -> tuple[str, ...]:
        for k in range(len(path), -1, -1):
            if path[:k] in modules:
                return path[:k]
        return ()

    # edges[parent][(a, b)] = list of "file:line" that make the edge.
    edges: dict[tuple[str, ...], dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    for f in files:
        here = module_path(f, src)
        text = strip_comments_and_strings(f.read_text(encoding="utf-8"))
        rel = "src/" + f.relative_to(src).as_posix()
        for target, line in references(text, here):
            target = resolve(target)
            # Common ancestor of here and target.
            k = 0
            while k < min(len(here), len(target)) and here[k] == target[k]:
                k += 1
            if k == len(here) or k == len(target):
                continue  # one contains the other: a module and its own children
            a, b = here[k], target[k]
            edges[here[:k]][(a, b)].append(f"{rel}:{line}")

        src_rel = f.relative_to(src).as_posix()
        if re.search(r"\bactix(_web|_http|_rt|_service)?\b", text) and not src_rel.startswith(ACTIX_ALLOWED):
            line = text.count("\n", 0, re.search(r"\bactix", text).start()) + 1
            problems.append(f"the core names the web framework: {rel}:{line} (only src/http/, src/web/, app.rs, cli.rs, main.rs and telemetry.rs may)")

    # Rule 1: cycles among siblings, at every level.
    for parent, pairs in sorted(edges.items()):
        graph: dict[str, set[str]] = defaultdict(set)
        for a, b in pairs:
            graph[a].add(b)
        for scc in strongly_connected(graph):
            if len(scc) < 2:
                continue
            where = "::".join(("crate",) + parent)
            lines = [f"a circle between modules of {where}: {' <-> '.join(sorted(scc))}"]
            for (a, b), sites in sorted(pairs.items()):
                if a in scc and b in scc:
                    lines.append(f"    {a} -> {b}: {', '.join(sites[:4])}{' …' if len(sites) > 4 else ''}")
            problems.append("\n".join(lines))

    # Rule 2: layers.
    top = edges.get((), {})
    for m in sorted({here[0] for here in modules if here}):
        if m not in LAYERS:
            problems.append(f"src/{m} is in no layer: add it to LAYERS in scripts/check-layers.py (and docs/architecture.md)")
    for (a, b), sites in sorted(top.items()):
        if a not in LAYERS or b not in LAYERS:
            continue
        la, lb = LAYERS[a], LAYERS[b]
        if lb > la:
            problems.append(f"{a} ({LAYER_NAMES[la]}) imports {b} ({LAYER_NAMES[lb]}), a higher layer: {', '.join(sites[:4])}")
        elif lb == la == 1 and b not in INFRA_MAY_USE.get(a, set()):
            problems.append(f"{a} may not import {b} (see INFRA_MAY_USE): {', '.join(sites[:4])}")
        elif lb == la == 3 and b not in ("telemetry",) and a not in ("app", "cli"):
            problems.append(f"{a} imports another face, {b}: {', '.join(sites[:4])}")
        elif a in PAGE_FACES and b not in FACES_MAY_USE:
            problems.append(f"the face {a} reaches {b} directly (faces go through the services): {', '.join(sites[:4])}")

    count = sum(len(p) for p in edges.values())
    summary = f"{len(files)} files, {len(modules)} modules, {count} module-to-module edges"
    return problems, summary


def self_test() -> None:
    """The check must find what it is for: each kind of violation in a small tree of its own,
    and nothing in a tree that keeps the rule."""
    import tempfile

    def tree(files: dict[str, str]) -> list[str]:
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            for name, text in files.items():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(text, encoding="utf-8")
            return check(root)[0]

    base = {
        "lib.rs": "pub mod domain;\npub mod db;\npub mod services;\npub mod http;\n",
        "domain/mod.rs": "pub struct Id;\n",
        "db/mod.rs": "pub mod a;\npub mod b;\nuse crate::domain::Id;\n",
        "db/a.rs": "use super::b::thing; // a comment naming crate::http is not an import\n",
        "db/b.rs": "pub fn thing() { let s = \"crate::services\"; }\n",
        "services/mod.rs": "use crate::db::{self, a};\nuse crate::domain::Id;\n",
        "http/mod.rs": "use actix_web::web;\nuse crate::services;\n",
    }
    clean = tree(base)
    assert clean == [], f"a tree that keeps the rule was refused: {clean}"
    cases = {
        "a circle between sibling modules": (
            {"db/b.rs": "use super::a::x;\n"}, "circle between modules of crate::db"),
        "a circle round a loop at the top": (
            {"domain/mod.rs": "fn f() { crate::http::x(); }\n"}, "circle between modules of crate:"),
        "an import up the layers": (
            {"db/mod.rs": "pub mod a;\npub mod b;\nuse crate::services::run;\n"}, "a higher layer"),
        "actix in the core": (
            {"services/mod.rs": "use actix_web::HttpResponse;\n"}, "names the web framework"),
        "a face reaching the database": (
            {"http/mod.rs": "use crate::db::a;\n"}, "reaches db directly"),
        "a module in no layer": (
            {"lib.rs": base["lib.rs"] + "pub mod extra;\n", "extra.rs": ""}, "in no layer"),
        "a grouped import up the layers": (
            {"db/a.rs": "use crate::{domain::Id, services::{run}};\n"}, "a higher layer"),
        "an import through super:: in an inline module": (
            {"db/b.rs": "mod inner {\n    use super::super::a::x;\n}\n"}, "circle between modules of crate::db"),
    }
    for name, (change, expected) in cases.items():
        found = tree({**base, **change})
        assert any(expected in p for p in found), f"the check missed {name}: {found}"
    print(f"check-layers self-test: a clean tree passes and {len(cases)} kinds of violation are caught")


def main() -> int:
    if "--self-test" in sys.argv:
        self_test()
    problems, summary = check(SRC)
    if problems:
        print("scripts/check-layers.py: the layering rule is broken (docs/architecture.md):\n")
        print("\n\n".join(problems))
        return 1
    print(f"check-layers: {summary}; no circle, layers respected, core free of actix")
    return 0


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[set[str]] = []
    counter = 0
    nodes = set(graph) | {b for bs in graph.values() for b in bs}
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                scc = set()
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    scc.add(w)
                    if w == node:
                        break
                out.append(scc)
    return out


if __name__ == "__main__":
    sys.exit(main())
