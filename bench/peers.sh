#!/usr/bin/env bash
# Times powershare and the peer Python calculators side by side.
#
#   bench/peers.sh            # powershare only (and peers if installed)
#   bench/peers.sh --install  # first install the peers into bench/.venv
#
# Games (bench/games/): the 2020 US Electoral College (51 members, quota
# 270), and seeded random games of 200 and 1,000 members with weights
# 1..100 and a majority quota (bench/make_games.py). Every run is one whole
# process, timed by /usr/bin/time -v (wall time and peak resident memory),
# under a per-run timeout. Each result is compared with the exact reference
# (bench/reference.py, cached in bench/results/): "ok" when every value is
# within 1e-9, "WRONG" otherwise. Results go to bench/results/peers.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/powershare
VENV=bench/.venv
OUT=bench/results
TIMEOUT=${TIMEOUT:-120}
mkdir -p "$OUT"

if [[ "${1:-}" == "--install" ]]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet numpy powerindices==1.0.2 power-bdd==1.0.0
fi
cargo build --release --quiet

weights() { grep -v '^#' "$1" | tail -n +2 | awk '{print $NF}' | tr '\n' ' '; }
quota() { grep -v '^#' "$1" | head -1 | awk '{print $2}'; }

# Exact references (slow for n = 1,000: minutes; cached).
for g in electoral-college-2020 random-200 random-1000; do
  [[ -s "$OUT/ref-$g.json" ]] || python3 bench/reference.py "bench/games/$g.txt" > "$OUT/ref-$g.json"
done

# run NAME GAME INDEX CMD...: one timed run, appended to the table.
run() {
  local name=$1 game=$2 index=$3; shift 3
  local json="$OUT/$name-$game-$index.json" time="$OUT/$name-$game-$index.time"
  local status=0
  timeout "$TIMEOUT" /usr/bin/time -v "$@" > "$json" 2> "$time" || status=$?
  local wall rss verdict
  wall=$(grep 'Elapsed (wall clock)' "$time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$time" | awk '{print $NF}')
  if [[ $status -eq 124 ]]; then
    verdict="timeout (${TIMEOUT}s)"; wall=">${TIMEOUT}s"
  elif [[ $status -ne 0 ]]; then
    verdict="failed ($status)"
  elif python3 bench/compare.py "$OUT/ref-$game.json" "$json" > "$json.cmp" 2>&1; then
    verdict=ok
  else
    verdict=WRONG
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$game" "$index" "$wall" "${rss:-?}" "$verdict" | tee -a "$OUT/peers.tsv"
}

printf 'tool\tgame\tindex\twall (m:ss)\tpeak RSS (KB)\tagrees with exact\n' | tee "$OUT/peers.tsv"
for g in electoral-college-2020 random-200 random-1000; do
  file="bench/games/$g.txt"
  q=$(quota "$file")
  # shellcheck disable=SC2046
  run powershare "$g" all $BIN power --quota "$q" --format json $(weights "$file")
  for index in banzhaf shapley-shubik; do
    # shellcheck disable=SC2046
    run powershare "$g" "$index" $BIN power --quota "$q" --index "$index,banzhaf-absolute" --format json $(weights "$file")
    if [[ -x "$VENV/bin/python" ]]; then
      for peer in powerindices power-bdd; do
        run "$peer" "$g" "$index" "$VENV/bin/python" bench/peer.py "$peer" "${index%%-*}" "$file"
      done
    fi
  done
done
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/.*: *//')"
