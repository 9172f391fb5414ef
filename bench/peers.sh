#!/usr/bin/env bash
# Times powershare and the peer Python calculators side by side.
#
#   bench/peers.sh            # powershare only (and peers if installed)
#   bench/peers.sh --install  # first install the peers into bench/.venv
#
# Games (bench/games/): the 2020 US Electoral College (51 members, quota
# 270), and seeded random games of 200 and 1,000 members with weights
# 1..100 and a majority quota (bench/make_games.py). Every run is one whole
# process under /usr/bin/time -v (peak resident memory) and a per-run
# timeout, with the wall time measured around it (bench/timeit.py):
# powershare 10 runs (minimum and median), each peer PEER_RUNS runs (1). Each result is compared with the exact reference
# (bench/reference.py, cached in bench/results/): "ok" when every value is
# within 1e-9, "WRONG" otherwise. Results go to bench/results/peers.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/powershare
VENV=bench/.venv
OUT=bench/results
TIMEOUT=${TIMEOUT:-120}   # seconds per peer run (the peers are slow at n = 1,000)
PEER_RUNS=${PEER_RUNS:-1}
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

# run NAME GAME INDEX RUNS CMD...: timed runs, appended to the table.
run() {
  local name=$1 game=$2 index=$3 runs=$4; shift 4
  local json="$OUT/$name-$game-$index.json"
  rm -f "$json"
  local min median rss status verdict
  read -r min median rss status < <(python3 bench/timeit.py "$runs" "$TIMEOUT" "$json" -- "$@")
  if [[ $status != ok ]]; then
    verdict=$status
  elif python3 bench/compare.py "$OUT/ref-$game.json" "$json" > "$json.cmp" 2>&1; then
    verdict=ok
  else
    verdict=WRONG
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$game" "$index" "$min" "$median" "$rss" "$verdict" | tee -a "$OUT/peers.tsv"
}

printf 'tool\tgame\tindex\tmin s\tmedian s\tpeak RSS KB\tagrees with exact (1e-9)\n' | tee "$OUT/peers.tsv"
for g in electoral-college-2020 random-200 random-1000; do
  file="bench/games/$g.txt"
  q=$(quota "$file")
  # shellcheck disable=SC2046
  run powershare "$g" all 10 $BIN power --quota "$q" --format json $(weights "$file")
  for index in banzhaf shapley-shubik; do
    # shellcheck disable=SC2046
    run powershare "$g" "$index" 10 $BIN power --quota "$q" --index "$index,banzhaf-absolute" --format json $(weights "$file")
    if [[ -x "$VENV/bin/python" ]]; then
      for peer in powerindices power-bdd; do
        run "$peer" "$g" "$index" "$PEER_RUNS" "$VENV/bin/python" bench/peer.py "$peer" "${index%%-*}" "$file"
      done
    fi
  done
done
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/.*: *//')"
