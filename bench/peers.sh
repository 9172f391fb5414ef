#!/usr/bin/env bash
# Times powershare and the peer Python calculators side by side.
#
#   bench/peers.sh            # powershare, and the peers if installed
#   bench/peers.sh --install  # first install the peers into bench/.venv
#   SKIP_PEERS=1 RUNS=30 bench/peers.sh   # powershare alone, more runs
#
# Games (bench/games/): the 2020 US Electoral College (51 members, quota
# 270), and seeded random games of 200 and 1,000 members with weights
# 1..100 and a majority quota (bench/make_games.py). Every run is one whole
# process under /usr/bin/time -v (peak resident memory) and a per-run
# timeout, with the wall time measured around it (bench/timeit.py):
# powershare RUNS runs (10; minimum and median), each peer PEER_RUNS runs
# (1). Each result is compared with the exact reference
# (bench/reference.py, cached in bench/results/): "ok" when every value is
# within 1e-9 and every exact swing count is equal, "WRONG" otherwise.
# Results go to bench/results/peers.tsv (or $TABLE).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/powershare
VENV=bench/.venv
OUT=bench/results
TABLE=${TABLE:-$OUT/peers.tsv}
TIMEOUT=${TIMEOUT:-120}   # seconds per peer run (the peers are slow at n = 1,000)
PEER_RUNS=${PEER_RUNS:-1}
RUNS=${RUNS:-10}           # powershare runs per measurement (minimum and median reported)
mkdir -p "$OUT"

if [[ "${1:-}" == "--install" ]]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet numpy powerindices==1.0.2 power-bdd==1.0.0
fi
cargo build --release --quiet

weights() { grep -v '^#' "$1" | tail -n +2 | awk '{print $NF}' | tr '\n' ' '; }
quota() { grep -v '^#' "$1" | head -1 | awk '{print $2}'; }

# Exact references (cached; at n = 1,000 the first run takes half an hour
# and 3 GB).
for g in electoral-college-2020 random-200 random-1000; do
  [[ -s "$OUT/ref-$g.json" ]] || python3 bench/reference.py "bench/games/$g.txt" > "$OUT/ref-$g.json"
done

# run NAME GAME INDEX RUNS CMD...: timed runs, appended to the table.
run() {
  local name=$1 game=$2 index=$3 runs=$4; shift 4
  local json="$OUT/$name-$game-$index.json"
  rm -f "$json"
  local min median rss status cpu verdict
  read -r min median rss status cpu < <(python3 bench/timeit.py "$runs" "$TIMEOUT" "$json" -- "$@")
  if [[ $status != ok ]]; then
    verdict=$status
  elif python3 bench/compare.py "$OUT/ref-$game.json" "$json" > "$json.cmp" 2>&1; then
    verdict=ok
  else
    verdict=WRONG
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$game" "$index" "$min" "$median" "$cpu" "$rss" "$verdict" | tee -a "$TABLE"
}

printf 'tool\tgame\tindex\tmin wall s\tmedian wall s\tmin CPU s\tpeak RSS KB\tagrees with exact (1e-9)\n' | tee "$TABLE"
for g in electoral-college-2020 random-200 random-1000; do
  file="bench/games/$g.txt"
  q=$(quota "$file")
  # shellcheck disable=SC2046
  run powershare "$g" all "$RUNS" $BIN power --quota "$q" --format json $(weights "$file")
  for index in banzhaf shapley-shubik; do
    # shellcheck disable=SC2046
    run powershare "$g" "$index" "$RUNS" $BIN power --quota "$q" --index "$index,banzhaf-absolute" --format json $(weights "$file")
    if [[ -x "$VENV/bin/python" && -z "${SKIP_PEERS:-}" ]]; then
      for peer in powerindices power-bdd; do
        run "$peer" "$g" "$index" "$PEER_RUNS" "$VENV/bin/python" bench/peer.py "$peer" "${index%%-*}" "$file"
      done
    fi
  done
done
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/.*: *//')"
