#!/usr/bin/env python3
"""Copy a generated model (scripts/gen_model.py) with a share of its elements changed.

    python3 scripts/mutate_model.py SRC DST [--rate 0.01] [--seed 1]

For the `vsm diff` benchmark: DST is SRC with `round(RATE * elements)` elements changed,
picked with a seeded generator (deterministic). An element is a key of a section or a stage,
counted by its `name:` line. Each picked element gets one change, in turn:
    - its name changes;
    - its maturity moves by one (capabilities), else its name changes;
    - its last value item is dropped (stages with two or more), else its name changes.
The count of each change is printed to stderr. Python 3 standard library only.
"""

import argparse
import os
import random
import re
import shutil
import sys

# `    name:` of a section's element, `        name:` of a stage (value items are `- name:`).
ELEMENT_NAME = re.compile(r"^( {4}| {8})name: (.*)$")
MATURITY = re.compile(r"^(    maturity: )([1-5])$")
VALUE_ITEM = re.compile(r"^ {10}- ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src")
    parser.add_argument("dst")
    parser.add_argument("--rate", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if os.path.exists(args.dst):
        shutil.rmtree(args.dst)
    shutil.copytree(args.src, args.dst)
    files = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(args.dst)
        for name in names
        if name.endswith((".yaml", ".yml"))
    )
    texts = {path: open(path, encoding="utf-8").read().split("\n") for path in files}
    elements = [(path, i) for path in files for i, line in enumerate(texts[path]) if ELEMENT_NAME.match(line)]
    rng = random.Random(args.seed)
    picked = sorted(rng.sample(elements, round(args.rate * len(elements))))
    counts = {"name": 0, "maturity": 0, "value item": 0}
    removed = {path: set() for path in files}
    for n, (path, at) in enumerate(picked):
        lines = texts[path]
        change = ("name", "maturity", "value item")[n % 3]
        if change == "maturity":
            # The element's own lines: up to the next line at its key's indentation or less.
            indent = len(lines[at]) - len(lines[at].lstrip(" "))
            end = at + 1
            while end < len(lines) and (lines[end].startswith(" " * indent) or not lines[end].strip()):
                end += 1
            for i in range(at + 1, end):
                m = MATURITY.match(lines[i])
                if m:
                    lines[i] = m.group(1) + str(int(m.group(2)) % 5 + 1)
                    counts["maturity"] += 1
                    break
            else:
                change = "name"
        elif change == "value item":
            # The stage's value items: the `- ` lines under its `value_items:` key.
            start = next((i for i in range(at + 1, min(at + 40, len(lines))) if lines[i] == "        value_items:"), None)
            run = []
            if start is not None:
                i = start + 1
                while i < len(lines) and lines[i].startswith(" " * 10):
                    if VALUE_ITEM.match(lines[i]):
                        run.append(i)
                    i += 1
            if ELEMENT_NAME.match(lines[at]).group(1) == " " * 8 and len(run) >= 2:
                last = run[-1]
                stop = last + 1
                while stop < len(lines) and lines[stop].startswith(" " * 12):
                    stop += 1
                removed[path].update(range(last, stop))
                counts["value item"] += 1
            else:
                change = "name"
        if change == "name":
            m = ELEMENT_NAME.match(lines[at])
            value = m.group(2)
            if value.startswith('"') and value.endswith('"'):
                value = value[:-1] + ' (revised)"'
            else:
                value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + ' (revised)"'
            lines[at] = m.group(1) + "name: " + value
            counts["name"] += 1
    for path in files:
        kept = [line for i, line in enumerate(texts[path]) if i not in removed[path]]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(kept))
    print(
        f"changed {len(picked)} of {len(elements)} elements: "
        + ", ".join(f"{k} {v}" for k, v in counts.items()),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
