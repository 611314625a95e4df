#!/usr/bin/env bash
# SARIF of every rule example's bad model (all rules on) and of models/, validated by
# validate.sh (official schema + SARIF Multitool). For CI:
#   bash tests/sarif/check-examples.sh
# Uses $VSM, else builds target/debug/vsm.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
if [ -z "${VSM:-}" ]; then
  cargo build --quiet --bin vsm
  VSM="${CARGO_TARGET_DIR:-$repo/target}/debug/vsm"
fi
VSM="$(cd "$(dirname "$VSM")" && pwd)/$(basename "$VSM")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
all_rules="$("$VSM" explain | cut -d' ' -f1 | paste -sd, -)"
for dir in examples/VSM*/; do
  name="$(basename "$dir")"
  target=bad.yaml
  [ -e "$dir/bad.yaml" ] || target=bad
  # Exit 1 (findings) is expected; 2 is not.
  code=0
  (cd "$dir" && "$VSM" check --select "$all_rules" --format sarif "$target") > "$out/$name.sarif" || code=$?
  if [ "$code" -gt 1 ]; then
    echo "vsm check failed on $dir (exit $code)" >&2
    exit 1
  fi
done
code=0
"$VSM" check --format sarif models > "$out/models.sarif" || code=$?
[ "$code" -le 1 ] || { echo "vsm check failed on models/ (exit $code)" >&2; exit 1; }
bash tests/sarif/validate.sh "$out"/*.sarif
