#!/usr/bin/env bash
# The exchange file `vsm export archimate` writes, read by a reader others wrote: pyArchimate
# (PyPI) in its own venv. Its element and relationship counts by type must equal those of the
# file's XML and those `vsm import archimate` reports for the same file.
#
#   bash tests/interop/check-third-party-reader.sh [VSM]   # VSM: the binary (target/debug/vsm)
#
# Needs python3 with venv and the PyPI registry; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/../.."
VSM=${1:-target/debug/vsm}
VENV=target/interop-venv
if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c "import pyArchimate" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "pyArchimate==2.0.0"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$VSM" export archimate models/customer-service -o "$work/model.xml"
"$VENV/bin/python" tests/interop/counts.py "$work/model.xml" > "$work/counts.json"
"$VSM" import archimate "$work/model.xml" -o "$work/back" 2> "$work/import.txt"
python3 - "$work/counts.json" "$work/import.txt" <<'PY'
import json, sys
counts = json.load(open(sys.argv[1]))
py, xml = counts["pyarchimate"], counts["xml"]
assert py == xml, f"pyArchimate read {py}, the file holds {xml}"
# What vsm made of the same file: every element imported, nothing left out.
summary = open(sys.argv[2]).read()
assert "not imported: " not in summary.replace("not imported: 3 diagrams", ""), summary
elements = sum(xml["elements"].values())
relationships = sum(xml["relationships"].values())
print(f"pyArchimate reads what vsm wrote: {elements} elements, {relationships} relationships, by type:")
for kind in ("elements", "relationships"):
    print("  " + ", ".join(f"{n} {t}" for t, n in xml[kind].items()))
PY
