#!/usr/bin/env python3
"""Compares powershare's JSON with bench/reference.py's JSON.

    python3 bench/compare.py ref.json powershare.json

Prints, per index, the largest absolute difference and whether the exact
swing counts are identical; exits 1 if any difference exceeds 1e-9.
"""
import json
import sys

ref = json.load(open(sys.argv[1]))
got = json.load(open(sys.argv[2]))
worst = 0.0
for key in ("banzhaf", "banzhaf_absolute", "shapley_shubik", "holler",
            "coleman_prevent", "coleman_initiate"):
    diffs = [abs(a[key] - b[key]) for a, b in zip(ref["players"], got["players"])
             if key in a and b.get(key) is not None]
    if diffs:
        print(f"{key}: max |difference| {max(diffs):.3e} over {len(diffs)} players")
        worst = max(worst, max(diffs))
same = all(a["swings"] == b["swings"] for a, b in zip(ref["players"], got["players"])
           if "swings" in b)
if len(ref["players"]) != len(got["players"]):
    print("different numbers of players")
    sys.exit(1)
print(f"swing counts identical (where given): {same}")
print(f"reference: Shapley-Shubik sums to exactly 1: {ref['shapley_shubik_sum_is_one']}")
sys.exit(0 if worst <= 1e-9 and same else 1)
