#!/usr/bin/env bash
# Whole-process benchmark of `vsm check` on generated models.
#
#   bash scripts/bench.sh            # scales 0.25 0.5 1 2 4 x the reference model
#   bash scripts/bench.sh --quick    # smoke test: one tiny model, one run (CI)
#   SCALES="1 4" RUNS=5 bash scripts/bench.sh
#
# The reference model is `scripts/gen_model.py --streams 2000 --files 40`
# (about 16 MB); scale s means 2000*s streams over 40*s files.
#
# For each model it runs `vsm check --format json MODEL >/dev/null` RUNS times
# and reports the median wall time, MB/s (1 MB = 10^6 bytes), the peak RSS
# over the runs, the median time of the parse floor (examples/parse_floor:
# read and parse the YAML only, nothing else, on one thread) and the ratio
# check/parse. Check and floor runs alternate, and the ratio is the median of
# the per-pair ratios, so drift in the machine's speed cancels out.
# Then the start-up time: median of `vsm check models/customer-service`.
# Then `vsm diff`: the model of scale DIFF_SCALE against a copy with 1 % of its
# elements changed (scripts/mutate_model.py), `vsm diff --format json OLD NEW`
# and `vsm check --format json OLD` alternating, with the median of the
# per-pair ratios diff/check.
# The Markdown table goes to stdout, progress to stderr. Timings are only
# reported, never asserted.
#
# Environment:
#   RUNS=3            timed runs per model (--quick: 1)
#   SCALES="0.25 0.5 1 2 4"
#   STARTUP_RUNS=50   runs for the start-up figure (--quick: 5)
#   BENCH_DIR=target/bench-models   cache of generated models (regenerated
#                     when scripts/gen_model.py changes)
#   SEED=1            generator seed
#   DIFF_SCALE=1      scale of the diff benchmark (empty: skip it)
#   LSP_SCALE=1       scale of the language-server latency benchmark (empty: skip it)
#   VSM=path          use this binary and skip `cargo build`
#   CARGO_TARGET_DIR  honoured for the binaries' location
#
# Tools: bash >= 4 (5 for sub-ms clocks), python3, cargo, GNU coreutils;
# /usr/bin/time for peak RSS (Debian/Ubuntu: apt-get install time), else a
# python3 fallback (resource module) measures it.
#
# Exit codes of `vsm check`: 0 (clean) and 1 (findings) both count as a
# successful run; anything else aborts the benchmark.

set -euo pipefail
export LC_ALL=C

usage() { sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
BENCH_DIR=${BENCH_DIR:-$TARGET_DIR/bench-models}
SEED=${SEED:-1}
if [[ $QUICK == 1 ]]; then
  RUNS=${RUNS:-1}
  STARTUP_RUNS=${STARTUP_RUNS:-5}
else
  RUNS=${RUNS:-3}
  STARTUP_RUNS=${STARTUP_RUNS:-50}
fi
SCALES=${SCALES:-"0.25 0.5 1 2 4"}
REF_STREAMS=2000
REF_FILES=40
STARTUP_MODEL=models/customer-service

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ $STARTUP_RUNS =~ ^[1-9][0-9]*$ ]] || die "STARTUP_RUNS must be a positive integer (got '$STARTUP_RUNS')"
command -v python3 >/dev/null || die "python3 is needed to generate the models"

TMPD=$(mktemp -d "${TMPDIR:-/tmp}/vsm-bench.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT

# ---------------------------------------------------------------- build -----
PARSE_FLOOR=""
PARSE_NOTE=""
if [[ -n ${VSM:-} ]]; then
  [[ -x $VSM ]] || die "VSM=$VSM is not an executable"
  log "using VSM=$VSM (no cargo build)"
else
  command -v cargo >/dev/null || die "cargo not found (or set VSM=path/to/vsm)"
  log "cargo build --release"
  cargo build --release >&2
  VSM=$TARGET_DIR/release/vsm
  [[ -x $VSM ]] || die "$VSM was not built"
fi

# Is there an example target named parse_floor? Ask cargo (any path works).
has_parse_floor() {
  cargo metadata --no-deps --format-version 1 2>/dev/null | python3 -c '
import json, sys
m = json.load(sys.stdin)
sys.exit(0 if any(t["name"] == "parse_floor" and "example" in t["kind"]
                  for p in m["packages"] for t in p["targets"]) else 1)'
}
if [[ -n ${PARSE_FLOOR_BIN:-} ]]; then
  PARSE_FLOOR=$PARSE_FLOOR_BIN
elif command -v cargo >/dev/null && has_parse_floor; then
  log "cargo build --release --example parse_floor"
  cargo build --release --example parse_floor >&2
  PARSE_FLOOR=$TARGET_DIR/release/examples/parse_floor
  [[ -x $PARSE_FLOOR ]] || die "$PARSE_FLOOR was not built"
else
  PARSE_NOTE="no parse floor: the example \`parse_floor\` does not exist (yet), so its columns are empty"
  log "$PARSE_NOTE"
fi

# ----------------------------------------------------------- measuring -----
HAVE_TIME=0
RSS_NOTE=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' -o "$TMPD/probe" true 2>/dev/null; then
  HAVE_TIME=1
else
  RSS_NOTE="/usr/bin/time (GNU time) missing: times and peak RSS measured from python3 (resource module); the RSS includes python's own ~10 MiB at fork, so small figures are a floor, not the program (Debian/Ubuntu: apt-get install time)"
  log "$RSS_NOTE"
  cat >"$TMPD/rss.py" <<'EOF'
import resource, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
rc = subprocess.call(cmd)
us = int((time.perf_counter() - t0) * 1e6)
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
with open(out, "w") as f:
    f.write(f"{us} {kb}\n")  # wall time without python's own start-up
sys.exit(rc if rc >= 0 else 128 - rc)
EOF
fi

# _now: microseconds since the epoch, read without forking when bash >= 5.
clock() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    _now=${EPOCHREALTIME/[.,]/}
  else
    _now=$(date +%s%6N)
  fi
}

# run_measured CMD...: runs CMD (stdout discarded, stderr kept in $TMPD/stderr),
# sets _us (wall time), _rss_kb (peak RSS, KiB) and _rc.
run_measured() {
  local t0
  clock; t0=$_now
  set +e
  if [[ $HAVE_TIME == 1 ]]; then
    /usr/bin/time -f '%e %M' -o "$TMPD/time" "$@" >/dev/null 2>"$TMPD/stderr"
  else
    python3 "$TMPD/rss.py" "$TMPD/time" "$@" >/dev/null 2>"$TMPD/stderr"
  fi
  _rc=$?
  set -e
  clock
  _us=$((_now - t0))
  # GNU time puts "Command exited with non-zero status N" first: take the last line.
  _rss_kb=$(awk 'END { print $2 + 0 }' "$TMPD/time")
  if [[ $HAVE_TIME == 0 ]]; then
    _us=$(awk 'END { print $1 + 0 }' "$TMPD/time")
  fi
}

# run_plain CMD...: as run_measured, without the RSS wrapper (for start-up).
run_plain() {
  local t0
  clock; t0=$_now
  set +e
  "$@" >/dev/null 2>"$TMPD/stderr"
  _rc=$?
  set -e
  clock
  _us=$((_now - t0))
}

check_rc() {  # what, accepted codes...
  local what=$1; shift
  local ok
  for ok in "$@"; do [[ $_rc == "$ok" ]] && return 0; done
  log "$what exited with status $_rc; its stderr:"
  tail -n 20 "$TMPD/stderr" >&2 || true
  die "$what failed"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -n | tail -n 1; }
secs() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1e6 }'; }

# ------------------------------------------------------------ models -------
GEN=scripts/gen_model.py
GEN_HASH=$( (sha256sum "$GEN" 2>/dev/null || shasum -a 256 "$GEN") | cut -c1-16)
mkdir -p "$BENCH_DIR"

# model_for STREAMS FILES: prints the model dir, generating it when needed.
model_for() {
  local streams=$1 files=$2
  local dir="$BENCH_DIR/s$streams-f$files-seed$SEED"
  local stamp="$dir.stamp"
  if [[ -f $stamp && $(cat "$stamp") == "$GEN_HASH" && -d $dir ]]; then
    log "reusing $dir"
  else
    log "generating $dir ($streams streams, $files files)"
    rm -f "$stamp"
    python3 "$GEN" --streams "$streams" --files "$files" --seed "$SEED" --out "$dir" --force >&2
    echo "$GEN_HASH" >"$stamp"
  fi
  printf '%s\n' "$dir"
}

model_bytes() {
  find "$1" -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
}

# ------------------------------------------------------------- runs --------
if [[ $QUICK == 1 ]]; then
  ROWS=("quick 20 2")
else
  ROWS=()
  for s in $SCALES; do
    [[ $s =~ ^[0-9]*\.?[0-9]+$ ]] || die "bad scale '$s' in SCALES"
    read -r st nf < <(awk -v s="$s" -v rs=$REF_STREAMS -v rf=$REF_FILES 'BEGIN {
      st = int(rs * s + 0.5); nf = int(rf * s + 0.5); if (st < 1) st = 1; if (nf < 1) nf = 1; print st, nf }')
    ROWS+=("$s $st $nf")
  done
fi

TABLE=()
for row in "${ROWS[@]}"; do
  read -r scale streams files <<<"$row"
  dir=$(model_for "$streams" "$files")
  bytes=$(model_bytes "$dir")
  nfiles=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \) | wc -l)

  # Check and floor runs alternate (check, floor, check, floor, ...) and the ratio is taken
  # pair by pair, so a machine that speeds up or slows down during the benchmark moves both.
  times=() rss=() ptimes=() ratios=()
  for ((i = 1; i <= RUNS; i++)); do
    run_measured "$VSM" check --format json "$dir"
    check_rc "vsm check --format json $dir" 0 1
    times+=("$_us") rss+=("$_rss_kb")
    log "  vsm check  run $i/$RUNS: $(secs "$_us") s, exit $_rc, RSS ${_rss_kb} KiB"
    if [[ -n $PARSE_FLOOR ]]; then
      check_us=$_us
      run_plain "$PARSE_FLOOR" "$dir"
      check_rc "parse_floor $dir" 0
      ptimes+=("$_us")
      ratios+=("$(awk -v c="$check_us" -v p="$_us" 'BEGIN { printf "%.4f", c / p }')")
      log "  parse_floor run $i/$RUNS: $(secs "$_us") s"
    fi
  done
  med=$(median "${times[@]}")
  peak=$(max "${rss[@]}")
  pmed="" rmed=""
  if [[ -n $PARSE_FLOOR ]]; then
    pmed=$(median "${ptimes[@]}")
    rmed=$(median "${ratios[@]}")
  fi

  TABLE+=("$(awk -v sc="$scale" -v st="$streams" -v nf="$nfiles" -v b="$bytes" -v us="$med" \
    -v kb="$peak" -v pus="$pmed" -v ratio="$rmed" 'BEGIN {
      line = sprintf("| %s | %d | %d | %.1f | %.3f | %.1f | %.1f", sc, st, nf, b / 1e6, us / 1e6, b / us, kb / 1024)
      if (pus == "") line = line " | – | –"
      else line = line sprintf(" | %.3f | %.2f", pus / 1e6, ratio)
      print line " |" }')")
done

# ---------------------------------------------------------------- diff -----
DIFF_LINE=""
if [[ $QUICK == 1 ]]; then
  DIFF_ROW="quick 20 2"
elif [[ -n ${DIFF_SCALE-1} ]]; then
  ds=${DIFF_SCALE-1}
  [[ $ds =~ ^[0-9]*\.?[0-9]+$ ]] || die "bad DIFF_SCALE '$ds'"
  DIFF_ROW="$ds $(awk -v s="$ds" -v rs=$REF_STREAMS -v rf=$REF_FILES 'BEGIN {
    st = int(rs * s + 0.5); nf = int(rf * s + 0.5); if (st < 1) st = 1; if (nf < 1) nf = 1; print st, nf }')"
else
  DIFF_ROW=""
fi
if [[ -n $DIFF_ROW ]]; then
  read -r scale streams files <<<"$DIFF_ROW"
  dir=$(model_for "$streams" "$files")
  changed="$dir-changed"
  MUT=scripts/mutate_model.py
  MUT_HASH=$GEN_HASH$( (sha256sum "$MUT" 2>/dev/null || shasum -a 256 "$MUT") | cut -c1-16)
  if [[ ! -f $changed.stamp || $(cat "$changed.stamp") != "$MUT_HASH" || ! -d $changed ]]; then
    log "writing $changed (1 % of the elements changed)"
    python3 "$MUT" "$dir" "$changed" --rate 0.01 --seed "$SEED" >&2
    echo "$MUT_HASH" >"$changed.stamp"
  fi
  ctimes=() dtimes=() drss=() dratios=()
  for ((i = 1; i <= RUNS; i++)); do
    run_measured "$VSM" check --format json "$dir"
    check_rc "vsm check --format json $dir" 0 1
    check_us=$_us
    ctimes+=("$_us")
    run_measured "$VSM" diff --format json "$dir" "$changed"
    check_rc "vsm diff --format json $dir $changed" 0 1
    dtimes+=("$_us") drss+=("$_rss_kb")
    dratios+=("$(awk -v d="$_us" -v c="$check_us" 'BEGIN { printf "%.4f", d / c }')")
    log "  vsm diff   run $i/$RUNS: $(secs "$_us") s (check $(secs "$check_us") s), RSS ${_rss_kb} KiB"
  done
  DIFF_LINE=$(awk -v sc="$scale" -v c="$(median "${ctimes[@]}")" -v d="$(median "${dtimes[@]}")" \
    -v r="$(median "${dratios[@]}")" -v kb="$(max "${drss[@]}")" 'BEGIN {
      printf "Diff (scale %s, 1 %% of the elements changed): `vsm diff --format json` %.3f s, peak RSS %.1f MiB; `vsm check --format json` %.3f s; diff/check %.2f (median of paired ratios)", sc, d / 1e6, kb / 1024, c / 1e6, r }')
  log "$DIFF_LINE"
fi

# ----------------------------------------------------------------- lsp -----
# `vsm lsp` on the reference model (scale LSP_SCALE, default 1; empty: skip):
# the first load and check, and the median latency of diagnostics after
# one-line edits (scripts/lsp_latency.py).
LSP_LINE=""
if [[ $QUICK != 1 && -n ${LSP_SCALE-1} ]]; then
  ls_scale=${LSP_SCALE-1}
  ls_dir=$(model_for "$(awk -v s="$ls_scale" -v rs=$REF_STREAMS 'BEGIN { printf "%d", rs * s }')" \
    "$(awk -v s="$ls_scale" -v rf=$REF_FILES 'BEGIN { n = int(rf * s); if (n < 1) n = 1; print n }')")
  log "lsp latency on $ls_dir"
  LSP_LINE="Language server (scale $ls_scale): $(python3 "$(dirname "$GEN")/lsp_latency.py" "$VSM" "$ls_dir" 21 | paste -sd ';' -)"
  log "$LSP_LINE"
fi

# ------------------------------------------------------------ start-up -----
STARTUP=""
if [[ -d $STARTUP_MODEL ]] && [[ -n $(find "$STARTUP_MODEL" -type f \( -name '*.yaml' -o -name '*.yml' \) -print -quit) ]]; then
  # python3 starts each run with posix_spawn and a monotonic clock: less overhead and
  # jitter than a shell's fork for a figure of a few milliseconds.
  read -r st_ms true_ms rc < <(python3 - "$STARTUP_RUNS" "$VSM" check "$STARTUP_MODEL" <<'EOF'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
def median_ms(command):
    times, rc = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - t0)
        if rc not in (0, 1):
            break
    return statistics.median(times) * 1000, rc
vsm_ms, rc = median_ms(cmd)
true_ms, _ = median_ms(["true"])
print(f"{vsm_ms:.2f} {true_ms:.2f} {rc}")
EOF
  )
  _rc=$rc
  check_rc "vsm check $STARTUP_MODEL" 0 1
  STARTUP=$(awk -v ms="$st_ms" -v t="$true_ms" -v n="$STARTUP_RUNS" -v m="$STARTUP_MODEL" \
    'BEGIN { printf "Start-up: `vsm check %s` median of %d runs: %.1f ms (starting an empty process, `true`: %.1f ms)", m, n, ms, t }')
  log "start-up median: $st_ms ms"
else
  STARTUP="Start-up: skipped, $STARTUP_MODEL has no YAML files"
  log "$STARTUP"
fi

# ------------------------------------------------------------- report ------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
version=$("$VSM" --version 2>/dev/null | head -n 1 || true)
{
  echo "## vsm benchmark"
  echo
  echo "- binary: \`$VSM\`${version:+ ($version)}"
  echo "- machine: ${cpu:-unknown CPU}, $(nproc 2>/dev/null || echo '?') CPUs, $(uname -sr)"
  echo "- runs per model: $RUNS (median wall time; peak RSS is the largest over the runs); models: \`$GEN\` seed $SEED, cached in \`$BENCH_DIR\`"
  [[ $QUICK == 1 ]] && echo "- **quick mode**: smoke test on a tiny model, timings are not meaningful"
  echo
  echo "| scale | streams | files | size (MB) | check (s) | MB/s | peak RSS (MiB) | parse floor (s) | check/parse |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${TABLE[@]}"
  echo
  echo "$STARTUP"
  [[ -n $DIFF_LINE ]] && { echo; echo "$DIFF_LINE"; }
  [[ -n $LSP_LINE ]] && { echo; echo "$LSP_LINE"; }
  [[ -n $PARSE_NOTE ]] && { echo; echo "Note: $PARSE_NOTE."; }
  [[ -n $RSS_NOTE ]] && { echo; echo "Note: $RSS_NOTE."; }
  echo
  echo "check = \`vsm check --format json MODEL >/dev/null\` (exit 0 or 1); parse floor = \`parse_floor MODEL\` (parse only, one thread); check/parse = median of the ratios of runs taken in pairs; MB = 10^6 bytes."
}
exit 0
