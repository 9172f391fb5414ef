#!/usr/bin/env bash
# Run each fuzz target for SECONDS seconds in turn, one libFuzzer process at
# a time, and print per target the executions and any crash/timeout/OOM file.
#
#   fuzz/run.sh SECONDS [TARGET...]      (targets: load score render; default all)
#
# The corpus (fuzz/corpus/TARGET, not committed) is seeded at run time from
# the samples, the bad and hostile test files and the kept regressions.
# A run that stops on a crash is restarted with the time left (at most 5
# restarts per target), so one crash does not end the session; every crash
# stays in fuzz/artifacts/TARGET. Logs: fuzz/logs/TARGET.log, and one summary
# line per target appended to fuzz/logs/summary.log.
set -u
cd "$(dirname "$0")"
secs=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(load score render)

cargo +nightly fuzz build -O -a >/dev/null 2>&1 || exit 2
mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    for f in ../sample-partnerships/*.toml ../tests/bad/*.toml ../tests/hostile/* ../tests/fuzz-regressions/*; do
        [ -f "$f" ] && cp -n "$f" "corpus/$t/seed-$(basename "$f")"
    done
    before=$(ls "artifacts/$t" | sort)
    start=$(date +%s)
    execs=0
    runs=0
    while :; do
        left=$((secs - ($(date +%s) - start)))
        [ "$left" -le 0 ] || [ "$runs" -gt 5 ] && break
        runs=$((runs + 1))
        echo "=== $(date -u +%FT%TZ) $t: run $runs, ${left}s" >>"logs/$t.log"
        cargo +nightly fuzz run -O -a "$t" "corpus/$t" -- \
            -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 \
            -dict=toml.dict -print_final_stats=1 >"logs/$t.last" 2>&1
        cat "logs/$t.last" >>"logs/$t.log"
        n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.last" | grep -o '[0-9]*$' | tail -1)
        execs=$((execs + ${n:-0}))
        # Stop on anything but a crash, timeout or OOM (which leave an artifact).
        grep -q 'Test unit written to' "logs/$t.last" || break
    done
    elapsed=$(($(date +%s) - start))
    new=$(comm -13 <(echo "$before") <(ls "artifacts/$t" | sort) | sed "s|^|fuzz/artifacts/$t/|" | tr '\n' ' ')
    line="$(date -u +%FT%TZ) $t: ${elapsed}s, $execs executions, $((execs / (elapsed > 0 ? elapsed : 1))) exec/s, corpus $(ls "corpus/$t" | wc -l) files, runs $runs, new artifacts: ${new:-none}"
    echo "$line"
    echo "$line" >>logs/summary.log
done
