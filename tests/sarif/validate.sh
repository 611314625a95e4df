#!/usr/bin/env bash
# Validates SARIF files written by `vsm check --format sarif` against SARIF 2.1.0:
#   1. the official JSON schema (sarif-schema-2.1.0.json), strictly, with ajv;
#   2. the SARIF Multitool's `validate` (schema plus the SARIF SDK's own rules); any
#      error-level result fails (warnings are printed, not fatal).
# The Multitool alone is not enough: it silently skips a file it cannot deserialise (e.g. an
# unknown `level`) and exits 0 even when it reports errors.
#
#   bash tests/sarif/validate.sh FILE...
#
# Needs node and npm; installs the pinned tools (package-lock.json) into tests/sarif/node_modules
# on first use. The Rust tests do not need this script (tests/ci.rs checks the schema itself).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.sarif..." >&2
  exit 2
fi
if [ ! -x "$here/node_modules/.bin/sarif-multitool" ] || [ ! -d "$here/node_modules/ajv" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
# npm may skip the package's postinstall `chmod`.
for bin in "$here"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; do
  [ -e "$bin" ] && chmod u+x "$bin"
done

status=0
node "$here/schema-check.mjs" "$@" || status=1

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# One Multitool run for all files (it starts slowly); its findings name the file.
if ! "$here/node_modules/.bin/sarif-multitool" validate -o "$out/report.sarif" "$@" >"$out/log" 2>&1; then
  echo "the SARIF Multitool failed:" >&2
  head -n 20 "$out/log" >&2
  status=1
elif ! node - "$out/report.sarif" <<'JS'
const fs = require("fs");
const log = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let errors = 0;
for (const run of log.runs) {
  const rules = run.tool.driver.rules || [];
  for (const r of run.results || []) {
    const level = r.level || "warning";
    const rule = rules[r.ruleIndex] || {};
    const template = r.message.text
      || ((rule.messageStrings || {})[r.message.id] || {}).text
      || r.message.id;
    const text = template.replace(/\{(\d+)\}/g, (_, n) => (r.message.arguments || [])[n]);
    const where = (((r.locations || [])[0] || {}).physicalLocation || {}).artifactLocation || {};
    const file = decodeURIComponent((where.uri || "").replace(/^file:\/\//, ""));
    console.error(`${file}: ${level} ${r.ruleId}: ${text}`);
    if (level === "error") errors++;
  }
  for (const inv of run.invocations || []) {
    for (const n of (inv.toolExecutionNotifications || []).concat(inv.toolConfigurationNotifications || [])) {
      console.error(`multitool: ${n.level || "warning"}: ${n.message.text}`);
      if ((n.level || "warning") === "error") errors++;
    }
  }
}
process.exit(errors ? 1 : 0);
JS
then
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "$# SARIF file(s) valid"
fi
exit "$status"
