#!/usr/bin/env python3
"""Where a wasm file's bytes go: its sections, then its code by crate and its largest functions,
read from the wasm's name section (so build it with names kept; stripped functions show as
func[N]). The app as Trunk builds it, with names:

    cargo build --target wasm32-unknown-unknown --profile wasm-release -p lede-app --bin lede-app
    wasm-bindgen --target web --out-dir /tmp/wb $CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/lede-app.wasm
    node_modules/.bin/wasm-opt -O3 -g /tmp/wb/lede-app_bg.wasm -o /tmp/wb/named.wasm
    python3 bench/wasm-sizes.py /tmp/wb/named.wasm [--crates N] [--functions N]

`-g` keeps the names and changes nothing else that matters here: the code section is the size
that `-O3` alone gives, within a few per cent. A function is counted under the crate its
(legacy-mangled, demangled here) path starts with; a trait method of a generic type (`<T as
Trait>::f`) under the trait's crate; standard-library sorting, formatting, drops and closures
are also summed as their own groups, since monomorphised copies of them land in `core`.
"""

import argparse
import collections
import re
import sys

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
            12: "data count"}


def leb(b, i):
    """The unsigned LEB128 at `b[i]` and the offset after it."""
    value = shift = 0
    while True:
        x = b[i]
        i += 1
        value |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return value, i


def skip_import(b, j):
    """The offset after one import entry's description at `b[j]` (its kind byte)."""
    kind = b[j]
    j += 1
    if kind == 0:  # function: a type index
        return leb(b, j)[1], True
    if kind == 1:  # table: reference type, limits
        j += 1
    if kind in (1, 2):  # limits (memory starts here)
        flags = b[j]
        j = leb(b, j + 1)[1]
        return (leb(b, j)[1] if flags & 1 else j), False
    if kind == 3:  # global: value type, mutability
        return j + 2, False
    if kind == 4:  # tag
        return leb(b, j + 1)[1], False
    sys.exit(f"unknown import kind {kind} at byte {j - 1}")


def parse(path):
    """The file's sections as (name, bytes) and its functions as (name, code bytes)."""
    b = open(path, "rb").read()
    if b[:4] != b"\0asm":
        sys.exit(f"{path}: not a wasm file")
    i, imported, bodies, names, sections = 8, 0, [], {}, []
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        name = SECTIONS.get(sid, str(sid))
        if sid == 0:
            n, j = leb(b, i)
            name = "custom " + b[j:j + n].decode("utf8", "replace")
            j += n
            if name == "custom name":
                while j < end:
                    sub = b[j]
                    sub_size, j = leb(b, j + 1)
                    sub_end = j + sub_size
                    if sub == 1:
                        count, j = leb(b, j)
                        for _ in range(count):
                            idx, j = leb(b, j)
                            n, j = leb(b, j)
                            names[idx] = b[j:j + n].decode("utf8", "replace")
                            j += n
                    j = sub_end
        elif sid == 2:
            count, j = leb(b, i)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    n, j = leb(b, j)
                    j += n
                j, is_function = skip_import(b, j)
                imported += is_function
        elif sid == 10:
            count, j = leb(b, i)
            for k in range(count):
                n, j = leb(b, j)
                bodies.append((imported + k, n))
                j += n
        sections.append((name, size))
        i = end
    return sections, [(names.get(idx, f"func[{idx}]"), n) for idx, n in bodies]


ESCAPES = {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$RF$": "&", "$BP$": "*", "$C$": ",",
           "$u7b$": "{", "$u7d$": "}", "$u5b$": "[", "$u5d$": "]", "$LP$": "(", "$RP$": ")",
           "$u27$": "'", "$u3b$": ";", "$u21$": "!", "$u2b$": "+", "$u3d$": "="}


def demangle(name):
    """A legacy-mangled Rust symbol (`_ZN…E`) as a path, without its hash; others unchanged."""
    if not name.startswith("_ZN"):
        return name
    i, parts = 3, []
    while i < len(name) and name[i] != "E":
        m = re.match(r"\d+", name[i:])
        if not m:
            break
        n = int(m.group())
        i += len(m.group())
        parts.append(name[i:i + n])
        i += n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    out = []
    for p in parts:
        p = (p[1:] if p.startswith("_$") else p).replace("..", "::")
        for k, v in ESCAPES.items():
            p = p.replace(k, v)
        out.append(p)
    return "::".join(out)


def crate_of(path):
    """The crate a demangled path belongs to (see the module doc for trait methods)."""
    s = path
    while s.startswith("<"):
        inner, depth, cut, end = s[1:], 0, -1, len(s) - 1
        for j, c in enumerate(inner):
            if c == "<":
                depth += 1
            elif c == ">":
                if depth == 0:
                    end = j
                    break
                depth -= 1
            elif depth == 0 and cut < 0 and inner.startswith(" as ", j):
                cut = j
        own = (inner[:cut] if cut >= 0 else inner[:end]).lstrip("&*")
        own = own.replace("mut ", "").replace("dyn ", "").removeprefix("impl ")
        trait = inner[cut + 4:end] if cut >= 0 else ""
        generic = len(own.split("<")[0]) <= 3 or own[:1] in "([" or "::" not in own
        s = trait if trait and generic else own
    m = re.match(r"[A-Za-z_]\w*", s.lstrip("&*"))
    return m.group() if m else s[:30]


def group_of(path):
    """A standard-library group that monomorphised copies fall into, or None."""
    if "core::slice::sort" in path:
        return "std sorting (core::slice::sort)"
    if "core::fmt" in path or "flt2dec" in path:
        return "std formatting (core::fmt)"
    if "drop_in_place" in path:
        return "drop glue (drop_in_place)"
    if "serde" in path and "DeserializeSeed" in path:
        return "serde seeds"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wasm")
    ap.add_argument("--crates", type=int, default=30)
    ap.add_argument("--functions", type=int, default=30)
    args = ap.parse_args()
    sections, funcs = parse(args.wasm)
    print("section            bytes")
    for name, size in sections:
        print(f"{name[:18]:18s} {size:9,d}")
    total = sum(n for _, n in funcs) or 1
    crates, counts, groups = collections.Counter(), collections.Counter(), collections.Counter()
    rows = []
    for name, n in funcs:
        path = demangle(name)
        crate = crate_of(path)
        crates[crate] += n
        counts[crate] += 1
        group = group_of(path)
        if group:
            groups[group] += n
        rows.append((n, crate, path))
    print(f"\ncode: {total:,d} bytes in {len(funcs):,d} functions\n\n    bytes  share  functions  crate")
    for crate, n in crates.most_common(args.crates):
        print(f"{n:9,d} {100 * n / total:5.1f}% {counts[crate]:10d}  {crate}")
    print("\n    bytes  share  group (across crates)")
    for group, n in groups.most_common():
        print(f"{n:9,d} {100 * n / total:5.1f}%  {group}")
    print("\n  bytes  crate             function")
    for n, crate, path in sorted(rows, reverse=True)[:args.functions]:
        print(f"{n:7,d}  {crate:16s}  {path[:150]}")


if __name__ == "__main__":
    main()
