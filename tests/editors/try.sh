#!/usr/bin/env bash
# Tries the editor set-ups of docs/editors.md, as written there:
#  1. every JSON and TOML snippet parses (VS Code and Zed settings, Helix languages.toml);
#  2. in a real Neovim, headless, when `nvim` is installed (else this part says "skipped"):
#     the Lua snippet marked `<!-- tried: neovim -->` is taken from the page and run as the
#     init file; once Neovim has started (filetype detection on), neovim-harness.lua opens a
#     model with one mistake, and the script checks that `vsm lsp`
#     published its diagnostics, completed a capability id labelled with its name, and found
#     a definition; when `yaml-language-server` is installed too (on the PATH, or its folder
#     in $YAML_LANGUAGE_SERVER), the `<!-- tried: neovim-yaml -->` snippet is added and the
#     schema line must give the YAML server's diagnostic as well.
# Usage: tests/editors/try.sh [VSM_BINARY]   (default: target/debug/vsm; run `cargo build`
# first). Exit 0: all tried passed; 1: a check failed; 2: could not run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
page="$root/docs/editors.md"

python3 - "$page" <<'PY'
import json, re, sys, tomllib
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"^```(json|toml)\n(.*?)^```", text, re.S | re.M)
for lang, body in blocks:
    try:
        json.loads(body) if lang == "json" else tomllib.loads(body)
    except Exception as e:
        sys.exit(f"docs/editors.md: a {lang} snippet does not parse: {e}\n{body}")
if len(blocks) < 3:
    sys.exit(f"docs/editors.md: expected the VS Code, Helix and Zed snippets, found {len(blocks)}")
print(f"snippets: {len(blocks)} JSON/TOML blocks parse")
PY

if ! command -v nvim >/dev/null 2>&1; then
    echo "neovim: skipped (nvim is not installed)"
    exit 0
fi
vsm=${1:-$root/target/debug/vsm}
if [ ! -x "$vsm" ]; then
    echo "try.sh: no vsm binary at $vsm: run cargo build first" >&2
    exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/vsm-editors.XXXXXX")
trap 'rm -rf "$work"' EXIT
project="$work/project"
mkdir -p "$work/bin" "$project/models" "$work/home"
ln -s "$(cd "$(dirname "$vsm")" && pwd)/$(basename "$vsm")" "$work/bin/vsm"
# The layout the page describes: vsm.yaml and the schema at the top, models below; the model
# starts with the page's schema line.
cp "$here/model.yaml" "$project/models/model.yaml"
printf 'paths: [models]\n' > "$project/vsm.yaml"
"$vsm" schema -o "$project/vsm.schema.json"

# A snippet: the first ```lua block after its marker.
snippet() {
    awk -v marker="<!-- tried: $1 -->" '$0 == marker {armed = 1; next}
         armed && /^```lua$/ {inside = 1; next}
         inside && /^```$/ {exit}
         inside {print}' "$page"
}
snippet neovim > "$work/init.lua"
if [ ! -s "$work/init.lua" ]; then
    echo "try.sh: no Lua block after <!-- tried: neovim --> in docs/editors.md" >&2
    exit 2
fi
# The YAML language server's snippet too, when one is installed ($YAML_LANGUAGE_SERVER: its
# folder, else the PATH).
if [ -n "${YAML_LANGUAGE_SERVER:-}" ]; then
    PATH="$YAML_LANGUAGE_SERVER:$PATH"
fi
sources=vsm
if command -v yaml-language-server >/dev/null 2>&1; then
    snippet neovim-yaml >> "$work/init.lua"
    sources=vsm,yaml
fi

version=$(nvim --version | head -n 1)
(
    cd "$project"
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
    XDG_STATE_HOME="$work/home/.local/state" PATH="$work/bin:$PATH" \
    VSM_TRY_OUT="$work/out.tsv" VSM_TRY_FILE="$project/models/model.yaml" VSM_TRY_SOURCES="$sources" \
        timeout 90 nvim --headless -n -i NONE -u "$work/init.lua" \
            -c "luafile $here/neovim-harness.lua" -c 'qa!' >"$work/nvim.log" 2>&1
) || { echo "neovim: nvim failed or timed out"; cat "$work/nvim.log"; exit 1; }

out="$work/out.tsv"
failed=0
expect() {
    if ! grep -qF -- "$1" "$out"; then
        echo "neovim: missing: $1"
        failed=1
    fi
}
expect "filetype	yaml"
expect "waited	true"
expect "diagnostic	vsm	16	24	VSM006	unknown capability \`call-routng\`"
# `  customer: {name: Customer, type: ` is 35 characters: the bad value is at column 36.
expect "diagnostic	vsm	3	36	VSM003	\`externl\` is not a valid \`type\`"
expect "completion	Call routing	call-routing"
expect "definition	model.yaml	3"
if [ "$sources" = vsm,yaml ]; then
    # The schema line was followed: the YAML server reports the bad enum value on line 3.
    if ! grep -qP '^diagnostic\tyaml[^\t]*\t3\t36\t' "$out"; then
        echo "neovim: missing: the YAML language server's diagnostic on 3:36"
        failed=1
    fi
fi
if grep -q "^error" "$out"; then failed=1; fi
if [ "$failed" = 1 ]; then
    echo "neovim ($version): FAILED; what it saw:"
    cat "$out"
    cat "$work/nvim.log"
    exit 1
fi
yls=""
if [ "$sources" = vsm,yaml ]; then
    yls=", and the YAML language server $(yaml-language-server --version 2>/dev/null || true) for the schema line"
fi
echo "neovim ($version): diagnostics, completion and definition from vsm lsp$yls:"
sed 's/^/    /' "$out"
