#!/usr/bin/env python3
"""Independent exact reference for Banzhaf and Shapley-Shubik of one
weighted vote, with Python's big integers and exact fractions.

    python3 bench/reference.py bench/games/random-200.txt > ref-200.json

It shares no code or method with powershare's: it counts the coalitions of
the other players by total weight k < q *and* size s (the textbook
pseudo-polynomial dynamic programme of Mann and Shapley / Brams and
Affuso), with all sizes of one weight packed into one Python integer of
fixed-width slots (slot s holds the count of coalitions of size s), so one
big-integer addition updates a whole row. Removing one player of weight w
from the counts is an exact subtraction. Then, for a player of weight w,

    swings    = sum over k in [q - w, q) and all s of N(k, s)
    SS        = sum over the same of N(k, s) * s! (n-1-s)! / n!

as exact fractions, printed as floats, with Coleman's indices from |W|.
Holler counts the minimal winning coalitions containing each player by a
different route from powershare's: grouped by their *smallest* weight mu,
they are the coalitions of players of weight >= mu, with at least one of
weight mu, whose weight lies in [q, q + mu); with G_mu (players >= mu) and
H_mu (players > mu) as generating functions, those containing a player of
weight w are x^w (G_mu - H_mu) / (1 + x^w) (or x^w G_mu / (1 + x^w) when
w = mu). About 1 minute for the 200-player game and 16 minutes (3 GB)
plus the Holler part for the 1,000-player one; `--no-holler` skips Holler.

Game file: a first line `quota Q`, then one weight per line, optionally
preceded by a name; lines starting with # are ignored.
"""
import json
import math
import sys
from fractions import Fraction


def read_game(path):
    quota, names, weights = None, [], []
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if parts[0] == "quota":
            quota = int(parts[1])
            continue
        names.append(parts[0] if len(parts) == 2 else str(len(names) + 1))
        weights.append(int(parts[-1]))
    return quota, names, weights


def sum_slots(x, slot, mask):
    """Sum of the slot values packed in x."""
    total = 0
    while x:
        total += x & mask
        x >>= slot
    return total


def minimal_counts(q, weights):
    """Minimal winning coalitions containing a player of each weight."""
    distinct = sorted(set(weights), reverse=True)
    top = q + max(weights)
    g = [0] * top  # coalitions of the players >= mu, by weight
    g[0] = 1
    counts = {w: 0 for w in distinct}

    def times(poly, w):
        for k in range(top - 1, w - 1, -1):
            poly[k] += poly[k - w]

    def divided(poly, w):
        out = list(poly)
        for k in range(w, top):
            out[k] -= out[k - w]
        return out

    for mu in distinct:
        h = list(g)  # players > mu
        for w in weights:
            if w == mu:
                times(g, w)
        for w in distinct:
            if w < mu:
                break
            if w == mu:
                part = divided(g, w)
            else:
                gd, hd = divided(g, w), divided(h, w)
                part = [a - b for a, b in zip(gd, hd)]
            # x^w * part, weights in [q, q + mu): part at [q - w, q + mu - w)
            counts[w] += sum(part[max(0, q - w):max(0, q + mu - w)])
    return counts


def main(path):
    q, names, weights = read_game(path)
    n = len(weights)
    slot = n + 2  # bits per size slot: counts are below 2^n
    mask = (1 << slot) - 1
    # table[k]: packed counts of coalitions of weight k (< q) by size.
    table = [0] * q
    table[0] = 1
    for w in weights:
        for k in range(q - 1, w - 1, -1):
            if table[k - w]:
                table[k] += table[k - w] << slot
    fact = [math.factorial(i) for i in range(n + 1)]
    total_orders = fact[n]
    by_weight = {}
    for w in sorted(set(weights)):
        others = list(table)
        for k in range(w, q):
            others[k] -= others[k - w] << slot
        window = sum(others[max(0, q - w):q])
        swings = 0
        ss_num = 0
        s = 0
        while window:
            a = window & mask
            if a:
                swings += a
                ss_num += a * fact[s] * fact[n - 1 - s]
            window >>= slot
            s += 1
        by_weight[w] = (swings, Fraction(ss_num, total_orders))
    total_swings = sum(by_weight[w][0] for w in weights)
    losing = sum(sum_slots(x, slot, mask) for x in table)
    winning = 2 ** n - losing
    holler = minimal_counts(q, weights) if "--no-holler" not in sys.argv else None
    memberships = sum(holler[w] for w in weights) if holler else None
    players = []
    for name, w in zip(names, weights):
        swings, ss = by_weight[w]
        players.append({
            "name": name,
            "weight": w,
            "swings": str(swings),
            "banzhaf": float(Fraction(swings, total_swings)),
            "banzhaf_absolute": float(Fraction(swings, 2 ** (n - 1))),
            "shapley_shubik": float(ss),
            "coleman_prevent": float(Fraction(swings, winning)),
            "coleman_initiate": float(Fraction(swings, 2 ** n - winning)),
        })
        if holler:
            players[-1]["holler"] = float(Fraction(holler[w], memberships))
    ss_sum = sum(by_weight[w][1] for w in weights)
    json.dump({"quota": q, "total_weight": sum(weights), "players": players,
               "shapley_shubik_sum_is_one": ss_sum == 1}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
