#!/usr/bin/env python3
"""Generate realistic partnership files for benchmarking `powershare`.

    python3 bench/gen.py OUT_DIR [COUNT] [SEED] [MIX]

Each file has 5 to 30 bodies and uses every table of the format: a few big
public bodies funding many small voluntary and community ones, a board,
funding, stated dependence, informal contacts, a decision record,
perceptions, relationships, weights and a policy. Files are spread over
subdirectories (one per region) as a programme's repository would be.

MIX chooses who sits on the board:
- "programme" (the default, the original mix): 85% of boards seat 4 to 12
  bodies, 14% seat 13 to 16, and 1% seat 26 to 30;
- "uniform": every body is seated, so board sizes are uniform from 5 to 30
  like the partnerships themselves: the mix where exponential voting work
  would show.

Deterministic: the same COUNT and SEED give the same bytes.
"""

import os
import random
import sys

SECTORS_BIG = ["public", "public", "funder", "private"]
SECTORS_SMALL = ["voluntary", "community", "citizens", "voluntary", "other"]
DOMAINS = ["statutory", "local-knowledge", "youth-work", "data", "evaluation", "safeguarding", "health"]
FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "rarely"]
HOWS = ["consensus", "consensus", "vote", "chair", "outside-meeting"]
OUTCOMES = ["adopted", "adopted", "adopted", "rejected", "deferred"]
KINDS = ["grant", "contract", "commission", "in-kind", "fee"]
CODES = ["dummy-seat", "dictator", "outside-meeting-decisions", "mistrust", "informal-exclusion"]


def board_size(rng, n):
    r = rng.random()
    if r < 0.01 and n >= 26:
        return rng.randint(26, n)
    if r < 0.15:
        return min(n, rng.randint(13, 16))
    return min(n, rng.randint(4, 12))


def partnership(rng, k, mix):
    n = rng.randint(5, 30)
    big = max(1, n // 5)
    ids = [f"body-{i:02d}" for i in range(n)]
    out = [f"# generated partnership {k}", "format = 1", "",
           "[partnership]", f'name = "Generated partnership {k}"',
           f'period = "{rng.choice(["2024-25", "2025-26"])}"', 'currency = "GBP"', ""]
    incomes = []
    seated = set(range(n)) if mix == "uniform" else set(rng.sample(range(n), board_size(rng, n)))
    for i, id_ in enumerate(ids):
        is_big = i < big
        income = rng.randint(20_000_000, 600_000_000) if is_big else rng.randint(5_000, 3_000_000)
        incomes.append(income)
        staff = round(income / rng.randint(40_000, 90_000), 1)
        domains = rng.sample(DOMAINS, rng.randint(1, 4))
        expertise = ", ".join(f"{d} = {rng.randint(0, 5)}" for d in domains)
        out += ["[[body]]", f'id = "{id_}"', f'name = "Body {i} of partnership {k}"',
                f'sector = "{rng.choice(SECTORS_BIG if is_big else SECTORS_SMALL)}"',
                f"income = {income}", f"staff = {staff}",
                f"contribution = {rng.randint(0, max(1, income // 200))}",
                f"expertise = {{ {expertise} }}",
                f"position = {rng.randint(3, 5) if is_big else rng.randint(0, 3)}"]
        if i in seated:
            out.append(f"seats = {rng.randint(2, 4) if is_big else 1}")
        out.append("")
    seated_ids = [ids[i] for i in sorted(seated)]
    veto = [ids[i] for i in sorted(seated) if i < big][:1] if rng.random() < 0.3 else []
    quota = rng.choice(['"majority"', '"two-thirds"', '"majority"', "0.6"])
    out += ["[board]", f"quota = {quota}",
            "veto = [" + ", ".join(f'"{v}"' for v in veto) + "]",
            f"also_majority_of_bodies = {'true' if rng.random() < 0.2 else 'false'}",
            f'chair = "{rng.choice(seated_ids)}"', ""]
    received = [0] * n
    for _ in range(rng.randint(1, max(1, n // 2))):
        payer = rng.randrange(big)
        to = rng.randrange(big, n) if n > big else payer
        if to == payer:
            continue
        amount = rng.randint(1, max(1, (incomes[to] - received[to]) // 3))
        if received[to] + amount > incomes[to]:
            continue
        received[to] += amount
        out += ["[[funding]]", f'from = "{ids[payer]}"', f'to = "{ids[to]}"',
                f"amount = {amount}", f'kind = "{rng.choice(KINDS)}"', ""]
    for _ in range(rng.randint(1, 3)):
        of, on = rng.randrange(big, n), rng.randrange(big)
        out += ["[[dependence]]", f'of = "{ids[of]}"', f'on = "{ids[on]}"',
                f"share = {rng.randint(1, 40) / 100}", 'what = "premises"', ""]
    for _ in range(rng.randint(n // 2, n)):
        a, b = rng.sample(range(n), 2)
        out += ["[[contact]]", f'between = ["{ids[a]}", "{ids[b]}"]',
                f'frequency = "{rng.choice(FREQUENCIES)}"', ""]
    for d in range(rng.randint(3, 12)):
        people = rng.sample(range(n), min(n, rng.randint(2, 6)))
        split = rng.randint(1, len(people))
        supported = ", ".join(f'"{ids[i]}"' for i in people[:split])
        opposed = ", ".join(f'"{ids[i]}"' for i in people[split:])
        out += ["[[decision]]", f'title = "Decision {d}"', f'proposed_by = "{ids[people[0]]}"',
                f'outcome = "{rng.choice(OUTCOMES)}"', f'how = "{rng.choice(HOWS)}"',
                f"supported = [{supported}]", f"opposed = [{opposed}]", f'date = "2025-{d % 12 + 1:02d}"', ""]
    for rater in rng.sample(range(n), min(n, rng.randint(3, 8))):
        ratings = ", ".join(f"{id_} = {rng.randint(0, 5)}" for id_ in ids)
        out += ["[[perception]]", f'rater = "{ids[rater]}"', f"influence = {{ {ratings} }}", ""]
    pairs = set()
    for _ in range(rng.randint(1, max(1, n // 2))):
        a, b = sorted(rng.sample(range(n), 2))
        if (a, b) in pairs:
            continue
        pairs.add((a, b))
        out += ["[[relationship]]", f'between = ["{ids[a]}", "{ids[b]}"]',
                f"trust = {rng.randint(-2, 2)}", ""]
    out += ["[weights]", f"network = {rng.choice([1, 1.5, 2])}", f"agenda = {rng.choice([1, 1.5])}", "",
            "[policy]", f"max_composite_gini = {rng.choice([0.3, 0.4, 0.5])}",
            f"max_top_share = {rng.choice([0.3, 0.4, 0.5])}",
            f"max_dependence = {rng.choice([0.5, 0.6, 0.8])}",
            "deny = [" + ", ".join(f'"{c}"' for c in rng.sample(CODES, 2)) + "]", ""]
    return "\n".join(out)


def main():
    out_dir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    mix = sys.argv[4] if len(sys.argv) > 4 else "programme"
    if mix not in ("programme", "uniform"):
        sys.exit(f"gen.py: MIX must be programme or uniform, not {mix!r}")
    for k in range(count):
        region = os.path.join(out_dir, f"region-{k % 20:02d}")
        os.makedirs(region, exist_ok=True)
        with open(os.path.join(region, f"partnership-{k:05d}.toml"), "w") as f:
            f.write(partnership(rng, k, mix))


if __name__ == "__main__":
    main()
