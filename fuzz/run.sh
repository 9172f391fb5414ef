#!/usr/bin/env bash
# Run each fuzz target for SECONDS seconds in turn, one libFuzzer process at
# a time, and print per target the executions and any crash/timeout/OOM file.
#
#   fuzz/run.sh SECONDS [TARGET...]      (targets: load score render; default all)
#
# The corpus (fuzz/corpus/TARGET, not committed) is seeded at run time from
# the .toml files of sample-partnerships/, tests/bad/ and tests/hostile/, and
# from the hostile cases of tests/hostile/*.rs scaled down
# (fuzz/hostile_seeds.py); the script stops (exit 2) if one of them holds
# none, so a moved fixture cannot silently shrink the corpus. No fuzz regression input is kept (none has been
# found), and slow-inputs/ is not a seed: its files run past the 10 s
# timeout in the score and render targets.
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

seed_dirs=(../sample-partnerships ../tests/bad ../tests/hostile)
for d in "${seed_dirs[@]}"; do
    if ! compgen -G "$d/*.toml" >/dev/null; then
        echo "fuzz/run.sh: no seed files ${d#../}/*.toml" >&2
        exit 2
    fi
done

cargo +nightly fuzz build -O -a >/dev/null 2>&1 || exit 2
mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    for d in "${seed_dirs[@]}"; do
        for f in "$d"/*.toml; do
            cp -n "$f" "corpus/$t/seed-$(basename "$f")"
        done
    done
    # The hostile cases of tests/hostile/, scaled down (seed-hostile-*).
    python3 hostile_seeds.py "corpus/$t" || exit 2
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
