#!/usr/bin/env python3
"""Generate one partnership whose board seats every body, for timing `report`.

    python3 bench/board.py BODIES [QUOTA] [SEED] > board.toml

BODIES bodies, each with 1 to 4 seats, a board quota of QUOTA ("majority",
the default, or "two-thirds"), incomes, contributions, expertise, informal
contacts (about two per body) and a few decisions. No veto and no double
majority: the plain weighted board that a youth partnership or a community
assembly has. Deterministic: the same arguments give the same bytes.
"""

import random
import sys


def main():
    n = int(sys.argv[1])
    quota = sys.argv[2] if len(sys.argv) > 2 else "majority"
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    ids = [f"b{i:04d}" for i in range(n)]
    out = ["format = 1", "", "[partnership]", f'name = "Board of {n}"', 'period = "2025-26"', ""]
    for i, id_ in enumerate(ids):
        income = rng.randint(5_000, 50_000_000)
        out += ["[[body]]", f'id = "{id_}"', f'name = "Body {i}"',
                f'sector = "{rng.choice(["public", "voluntary", "community", "citizens"])}"',
                f"income = {income}", f"staff = {rng.randint(0, 400)}",
                f"contribution = {rng.randint(0, income // 100)}",
                f"expertise = {{ local-knowledge = {rng.randint(0, 5)} }}",
                f"position = {rng.randint(0, 5)}", f"seats = {rng.randint(1, 4)}", ""]
    out += ["[board]", f'quota = "{quota}"', f'chair = "{ids[0]}"', ""]
    for _ in range(2 * n):
        a, b = rng.sample(range(n), 2)
        out += ["[[contact]]", f'between = ["{ids[a]}", "{ids[b]}"]',
                f'frequency = "{rng.choice(["weekly", "monthly", "quarterly"])}"', ""]
    for d in range(5):
        people = rng.sample(range(n), min(n, 4))
        out += ["[[decision]]", f'title = "Decision {d}"', f'proposed_by = "{ids[people[0]]}"',
                'outcome = "adopted"', f'how = "{rng.choice(["vote", "consensus"])}"',
                f'supported = ["{ids[people[1]]}", "{ids[people[2]]}"]', f'opposed = ["{ids[people[3]]}"]', ""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
