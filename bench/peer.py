#!/usr/bin/env python3
"""Runs one peer calculator on one game and prints its indices as JSON.

    bench/.venv/bin/python bench/peer.py powerindices banzhaf bench/games/random-200.txt

Peers: `powerindices` (compute_pbi, compute_ssi: numpy generating
functions) and `power-bdd` (BDD of Bolus 2011: calc_banzhaf,
calc_shapley). Both return absolute Banzhaf (Penrose) and Shapley-Shubik.
"""
import contextlib
import json
import sys
import threading

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from reference import read_game  # noqa: E402

peer, index, path = sys.argv[1:4]
quota, names, weights = read_game(path)
def compute():
    if peer == "powerindices":
        import powerindices
        if index == "banzhaf":
            return powerindices.compute_pbi(quota, list(weights))
        return powerindices.compute_ssi(quota, list(weights))
    if peer == "power-bdd":
        from power_bdd.bdd import BDD, WeightedGame
        bdd = BDD(WeightedGame(quota, list(weights)))
        return bdd.calc_banzhaf() if index == "banzhaf" else bdd.calc_shapley()
    sys.exit(f"unknown peer {peer}")


# power-bdd recurses once per player: give it the recursion depth and the
# stack a user would have to give it at 1,000 players. It prints progress on
# stdout; keep stdout for the result.
sys.setrecursionlimit(1_000_000)
threading.stack_size(1 << 30)
result = []
with contextlib.redirect_stdout(sys.stderr):
    worker = threading.Thread(target=lambda: result.append(compute()))
    worker.start()
    worker.join()
if not result:
    sys.exit("the peer failed")
values = result[0]
key = "banzhaf_absolute" if index == "banzhaf" else "shapley_shubik"
json.dump({"players": [{key: float(v)} for v in values]}, sys.stdout)
print()
