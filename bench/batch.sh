#!/usr/bin/env bash
# Benchmark powershare on a programme-sized batch: generate COUNT realistic
# partnership files (bench/gen.py: 5 to 30 bodies, every table used), then
# time `validate` and `check` on the whole batch and `report` on one small
# file, and measure check's peak memory. Release build.
#
#   bash bench/batch.sh                 # 10,000 files, 10 runs each
#   COUNT=2000 RUNS=3 bash bench/batch.sh
#
# Uses hyperfine when installed (Debian: apt-get install -y hyperfine),
# else /usr/bin/time. The batch goes to a temporary directory under
# $TMPDIR (/dev/shm keeps disk speed out of the figures) and is removed.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-10000}
RUNS=${RUNS:-10}
cargo build --release --locked --quiet
BIN=$PWD/target/release/powershare
DIR=$(mktemp -d "${TMPDIR:-/tmp}/powershare-bench.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
BATCH=$DIR/batch
SMALL=sample-partnerships/community-shaping.toml

python3 bench/gen.py "$BATCH" "$COUNT"
files=$(find "$BATCH" -name '*.toml' | wc -l)
bytes=$(find "$BATCH" -name '*.toml' -exec cat {} + | wc -c)
# Every generated file must be valid (and this warms the page cache).
"$BIN" validate "$BATCH" > /dev/null

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "batch: $files files, $((bytes / 1024 / 1024)) MiB"
{ "$BIN" check "$BATCH" --format json || true; } | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print("check outcome: {passed} passed, {breached} breached, {unusable} unusable".format(**s))'

if command -v hyperfine > /dev/null; then
    # check exits 1 when some partnership breaches its policy: -i keeps going.
    hyperfine -N -i --warmup 1 --runs "$RUNS" \
        "$BIN validate $BATCH" \
        "$BIN check $BATCH" \
        "$BIN check $BATCH --format junit"
    hyperfine -N --warmup 5 --runs 100 "$BIN report $SMALL"
else
    for cmd in "validate $BATCH" "check $BATCH" "report $SMALL"; do
        /usr/bin/time -f "$cmd: %e s" "$BIN" $cmd > /dev/null || true
    done
fi
# check exits 1 on a breach: with pipefail that would end the script here.
{ /usr/bin/time -v "$BIN" check "$BATCH" 2>&1 > /dev/null || true; } \
    | sed -n 's/^\tMaximum resident set size (kbytes): /check peak memory (KiB): /p'
/usr/bin/time -v "$BIN" validate "$BATCH" 2>&1 > /dev/null \
    | sed -n 's/^\tMaximum resident set size (kbytes): /validate peak memory (KiB): /p'
