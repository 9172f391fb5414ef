#!/usr/bin/env python3
"""Write the heavy boards of docs/reliability.md into OUT_DIR, one file each.

    python3 bench/heavy_boards.py OUT_DIR

Then time each as the document does, for example

    for f in OUT_DIR/*.toml; do
        /usr/bin/time -f "$f %e s %M KB" target/release/powershare report "$f" --format json > /dev/null
    done

Every board is seeded (random.Random(SEED)), so the files are the same on
every run. Bodies have only seats (what the voting engine reads); the
names say what each board is.
"""

import os
import random
import sys


def board(path, seats, quota="majority", vetoes=(), double=False):
    lines = []
    for i, s in enumerate(seats):
        lines.append(f'[[body]]\nid = "b{i}"\nseats = {s}\n')
    lines.append(f'[board]\nquota = "{quota}"\n')
    if vetoes:
        lines.append("veto = [%s]\n" % ", ".join(f'"b{i}"' for i in vetoes))
    if double:
        lines.append("also_majority_of_bodies = true\n")
    with open(path, "w") as f:
        f.write("".join(lines))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(17)
    ones = [1] * 1000
    board(f"{out}/one-seat-1000.toml", ones)
    board(f"{out}/one-seat-1000-all-veto.toml", ones, vetoes=range(1000))
    board(f"{out}/one-seat-1000-500-veto.toml", ones, vetoes=range(500))
    board(f"{out}/one-seat-1000-999-veto.toml", ones, vetoes=range(999))
    board(f"{out}/one-seat-1000-10-veto.toml", ones, vetoes=range(10))
    board(f"{out}/one-seat-1000-two-thirds-double-2-veto.toml", ones, "two-thirds", range(2), True)
    small = [rng.randint(1, 3) for _ in range(400)]
    board(f"{out}/400-two-thirds-double-third-veto.toml", small, "two-thirds", range(0, 400, 3), True)
    big = [rng.randint(1, 10**6) for _ in range(1000)]
    board(f"{out}/1000-million-two-thirds.toml", big, "two-thirds")
    board(f"{out}/1000-million-two-thirds-500-veto-double.toml", big, "two-thirds", range(500), True)
    b26 = [10**6 - rng.randint(0, 1000) for _ in range(26)]
    board(f"{out}/26-million-two-thirds.toml", b26, "two-thirds")
    b36 = [rng.randint(5 * 10**5, 10**6) for _ in range(36)]
    board(f"{out}/36-half-to-one-million-two-thirds.toml", b36, "two-thirds")


if __name__ == "__main__":
    main()
