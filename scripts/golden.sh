#!/usr/bin/env bash
# Writes every output `vsm` produces for the example model, every example folder and the
# hostile-text fixture into one folder, one file per command line, so that two builds can be
# compared byte for byte (a refactoring must not change what users see):
#
#   bash scripts/golden.sh OUT_DIR [VSM_BINARY]
#   diff -r before/ after/
#
# Timings (`elapsed_ms`, JUnit `time`, "in N ms") are replaced by `<T>`; nothing else is touched.
# Exit codes are recorded in each file's last line.
set -uo pipefail
out=${1:?usage: golden.sh OUT_DIR [VSM_BINARY]}
vsm=${2:-target/debug/vsm}
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME ARGS...: stdout, stderr and the exit code of one command line into $out/NAME.
run() {
  local name=$1
  shift
  local code
  "$vsm" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  code=$?
  {
    cat "$tmp/stdout"
    echo "--- stderr"
    cat "$tmp/stderr"
    echo "--- exit $code"
  } | sed -E -e 's/"elapsed_ms": ?[0-9.]+/"elapsed_ms": <T>/g' \
           -e 's/ time="[0-9.]+"/ time="<T>"/g' \
           -e 's/in [0-9]+ ?ms/in <T> ms/g' \
           -e 's/in [0-9.]+ ?s\b/in <T> s/g' \
           -e "s#$tmp#<TMP>#g" >"$out/$name"
}

# run_file NAME EXT ARGS...: a command that writes with -o; the file's text is recorded too.
run_file() {
  local name=$1 ext=$2
  shift 2
  rm -f "$tmp/out.$ext"
  run "$name" "$@" -o "$tmp/out.$ext"
  if [ -f "$tmp/out.$ext" ]; then
    { echo "--- file"; cat "$tmp/out.$ext"; } >>"$out/$name"
  fi
}

models=(models/customer-service tests/fixtures/xss)
for dir in examples/*/; do
  for file in "$dir"*.yaml; do
    models+=("$file")
  done
done

for model in "${models[@]}"; do
  key=$(echo "$model" | tr '/' '_')
  for format in human concise json sarif github junit; do
    run "$key.check.$format" check --color never --format "$format" "$model"
  done
  run "$key.check.statistics" check --color never --format concise --statistics "$model"
  run "$key.check.select" check --color never --format concise --select missing-description "$model"
  for view in mapping matrix stages capabilities commitments flow priorities processes stakeholders information handoffs; do
    for format in term md csv json; do
      run "$key.table.$view.$format" table --color never --view "$view" --format "$format" "$model"
    done
  done
  for by in gap maturity importance usage risk; do
    for format in term md html svg; do
      run "$key.heatmap.$by.$format" heatmap --color never --by "$by" --format "$format" "$model"
    done
  done
  for map in matrix stages quadrant; do
    for format in term md html svg; do
      run "$key.heatmap.$map.$format" heatmap --color never --map "$map" --format "$format" "$model"
    done
  done
  run "$key.heatmap.matrix.risk.rag.md" heatmap --map matrix --by risk --palette rag --format md "$model"
  for format in mermaid dot; do
    run "$key.graph.$format" graph --format "$format" "$model"
    run "$key.graph.$format.links" graph --links --format "$format" "$model"
  done
  run_file "$key.report.html" html report "$model"
  run_file "$key.report.md" md report "$model"
done

for stream in complaint-handling no-such-stream; do
  run "stream.$stream.table" table --color never --stream "$stream" models/customer-service
  run "stream.$stream.graph" graph --stream "$stream" models/customer-service
  run "stream.$stream.heatmap.stages" heatmap --color never --map stages --stream "$stream" models/customer-service
done
run "explain.list" explain
run "explain.all" explain --all
run "explain.all.markdown" explain --all --format markdown
run "explain.VSM101" explain VSM101
run "explain.unknown" explain no-value-items
run "schema" schema
run "check.bad-select" check --select no-value-items models/customer-service
for cmd in "" check report table heatmap graph explain init schema completions man; do
  # shellcheck disable=SC2086
  run "help.${cmd:-vsm}" $cmd --help
done
for id in customer-management handle-inbound-call customer-profile-info customer inbound-call/connect \
  delivery-2d no-such-id; do
  for format in term md json; do
    run "impact.$(echo "$id" | tr '/' '_').$format" impact --color never --format "$format" "$id" models/customer-service
  done
done
run "help.impact" impact --help
