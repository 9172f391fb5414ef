#!/usr/bin/env bash
# Measure every performance target of powershare in one run (release build,
# whole processes, hyperfine medians) and print one line per target with
# its figure and whether it holds:
#
#   - `report --format json` on one all-seated board (bench/board.py: seats
#     1 to 4, contacts, decisions) of 20, 22, 24, 25 and 28 bodies (< 10 ms
#     each), 300 bodies (< 100 ms) and 1,000 bodies (< 1 s), under the
#     majority and the two-thirds quota;
#   - `check` of 10,000 files with 5 to 30 bodies, every body seated
#     (bench/gen.py MIX=uniform): < 2 s and <= 1.5x `validate` of the same
#     files (the ratio from runs of the two taken in turn, so that the
#     machine's drift over the minute favours neither); the original mix
#     (mostly 4 to 16 seated) is reported too;
#   - `programme` of each batch: <= 1.5x `check` of the same files;
#   - peak memory of `validate` on a 16 MiB file of 200,000 tiny bodies
#     (refused: over the body limit) and on a valid 16 MiB file (40,000
#     contacts padded by comments): <= 300 MB each.
#
#   bash bench/targets.sh              # COUNT=10000 files, RUNS=10
#   COUNT=2000 RUNS=3 bash bench/targets.sh
#
# Needs hyperfine (Debian: apt-get install -y hyperfine). Files go to a
# temporary directory under $TMPDIR (/dev/shm keeps the disk out of the
# figures). Run it with nothing else on the machine: every figure is wall
# time. Exit status: 0 when every target holds, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-10000}
RUNS=${RUNS:-10}
command -v hyperfine > /dev/null || { echo "bench/targets.sh needs hyperfine" >&2; exit 2; }
cargo build --release --locked --quiet
BIN=$PWD/target/release/powershare
DIR=$(mktemp -d "${TMPDIR:-/tmp}/powershare-targets.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
failed=0

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%F), $(git rev-parse --short HEAD)"

# median SECONDS of a command line (hyperfine, -i: check exits 1 on a breach).
median() {
    local runs=$1
    shift
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$DIR/h.json" "$*" > /dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$DIR/h.json"
}

# verdict NAME FIGURE LIMIT: prints and records whether FIGURE < LIMIT.
verdict() {
    local ok
    ok=$(python3 -c "print('ok' if $2 < $3 else 'MISSED')")
    [ "$ok" = ok ] || failed=1
    printf '%-60s %12s   target < %s   %s\n' "$1" "$4" "$5" "$ok"
}

for n in 20 22 24 25 28 300 1000; do
    case $n in 300) limit=0.1 ;; 1000) limit=1 ;; *) limit=0.01 ;; esac
    for quota in majority two-thirds; do
        python3 bench/board.py "$n" "$quota" > "$DIR/board.toml"
        runs=$RUNS
        [ "$n" -le 300 ] && runs=$((RUNS * 5))
        t=$(median "$runs" "$BIN report $DIR/board.toml --format json")
        verdict "report --format json, $n bodies, $quota" "$t" "$limit" \
            "$(python3 -c "print(f'{$t * 1000:.1f} ms')")" "$(python3 -c "print(f'{$limit * 1000:g} ms')")"
    done
done

for mix in uniform programme; do
    batch=$DIR/$mix
    python3 bench/gen.py "$batch" "$COUNT" 1 "$mix"
    "$BIN" validate "$batch" > /dev/null
    v=$(median "$RUNS" "$BIN validate $batch")
    c=$(median "$RUNS" "$BIN check $batch")
    p=$(median "$RUNS" "$BIN programme $batch")
    s=$(python3 -c "print(f'{$v:.2f} s')")
    echo "validate, $COUNT files, $mix mix: $s"
    if [ "$mix" = uniform ]; then
        verdict "check, $COUNT files, $mix mix" "$c" 2 "$(python3 -c "print(f'{$c:.2f} s')")" "2 s"
    else
        echo "check, $COUNT files, $mix mix: $(python3 -c "print(f'{$c:.2f} s')")"
    fi
    # The ratio from runs taken in turn (validate, check, validate, ...),
    # so that the machine slowing down or speeding up over the minute does
    # not favour one side: the median of each command's times.
    read -r ratio vi ci < <(python3 - "$BIN" "$batch" "$RUNS" <<'RATIO'
import statistics, subprocess, sys, time
bin, batch, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = {"validate": [], "check": []}
for i in range(runs + 1):
    for cmd in times:
        start = time.perf_counter()
        subprocess.run([bin, cmd, batch], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i > 0:  # the first pair warms the cache
            times[cmd].append(time.perf_counter() - start)
v, c = (statistics.median(times[k]) for k in ("validate", "check"))
print(f"{c / v:.4f} {v:.2f} {c:.2f}")
RATIO
    )
    echo "validate / check in turn, $mix mix: $vi s / $ci s"
    verdict "check / validate, $mix mix" "$ratio" 1.5 "$(python3 -c "print(f'{$ratio:.2f}x')")" "1.5x"
    verdict "programme / check, $mix mix" "$p / $c" 1.5 "$(python3 -c "print(f'{$p / $c:.2f}x')")" "1.5x"
    rm -rf "$batch"
done

# A 16 MiB file of 200,000 tiny bodies (refused: over the body limit), and
# a valid 16 MiB file: 20 bodies and 40,000 contacts, each padded by a
# comment (100,000 entries of that size would be refused before parsing:
# the parser would need more than the memory bound, see docs/reliability.md).
python3 - "$DIR" <<'EOF'
import sys
limit = 16 * 1024 * 1024
count = 200_000
pad = limit // count
bodies = []
for i in range(count):
    e = f'[[body]]\nid = "b{i:06d}"\nname = "'
    bodies.append(e + "n" * (pad - len(e) - 2) + '"\n')
open(f"{sys.argv[1]}/bodies.toml", "w").write("".join(bodies))
head = "".join(f'[[body]]\nid = "b{i}"\nincome = {1000 + i}\n' for i in range(20))
entries = 40_000
pad = (limit - len(head)) // entries
text = [head]
for k in range(entries):
    a, b = k % 20, (k // 20 + 1 + k) % 20
    if a == b:
        b = (b + 1) % 20
    e = f'[[contact]]\nbetween = ["b{a}", "b{b}"]\nfrequency = "monthly"\n'
    text.append(e + "#" + "x" * (pad - len(e) - 2) + "\n")
open(f"{sys.argv[1]}/entries.toml", "w").write("".join(text))
EOF
for f in bodies entries; do
    bytes=$(stat -c %s "$DIR/$f.toml")
    rc=0
    /usr/bin/time -f '%M' -o "$DIR/rss" "$BIN" validate "$DIR/$f.toml" > /dev/null 2>&1 || rc=$?
    # time(1) puts "Command exited with non-zero status N" first on a refusal.
    mb=$(( $(tail -1 "$DIR/rss") / 1024 ))
    outcome=valid
    [ "$rc" -eq 0 ] || outcome="refused, exit $rc"
    verdict "validate peak memory, $f.toml ($bytes bytes, $outcome)" "$mb" 301 "$mb MB" "300 MB"
done
exit $failed
