#!/usr/bin/env python3
"""Writes the seeded random benchmark games to bench/games/.

random-N.txt: N weights drawn uniformly from 1..100 with Python's
random.Random(SEED), one per line; the quota is a majority of the total,
floor(T/2) + 1, written on the first line as `quota Q`.
"""
import pathlib
import random

SEED = 20240601
HERE = pathlib.Path(__file__).parent / "games"

for n in (200, 1000):
    rng = random.Random(SEED + n)
    weights = [rng.randint(1, 100) for _ in range(n)]
    quota = sum(weights) // 2 + 1
    lines = [f"quota {quota}"] + [str(w) for w in weights]
    (HERE / f"random-{n}.txt").write_text("\n".join(lines) + "\n")
    print(f"random-{n}: total {sum(weights)}, quota {quota}")
