#!/usr/bin/env python3
"""Independent reference values for src/inequality.rs.

Pure Python 3 standard library. Every index is computed straight from its
definition in DESIGN.md ("Indices"), without sharing any code or any
algebraic shortcut with the Rust implementation:

- rational indices (Gini, HHI, normalised HHI, effective number, top share,
  CR_k, Hoover, max/min ratio) are exact, with fractions.Fraction;
  Gini is the O(n^2) double sum over all ordered pairs;
- indices that need ln, exp or square roots (Theil, mean log deviation,
  Atkinson, coefficient of variation) start from the exact Fractions and
  use decimal.Decimal at 50 significant digits, so the printed values are
  correctly rounded to the 15 significant digits shown.

Run:  python3 tests/ineq_reference.py
The output is pasted into the unit test `matches_python_reference` in
src/inequality.rs.
"""

from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 50

VECTORS = [
    ["120000", "45000", "8000", "2000", "500"],
    ["0.5", "0.25", "0.125", "0.125"],
    ["3", "0", "1", "7", "2"],
    ["2", "7", "1", "8", "2", "8"],
    ["0.001", "1000"],
]


def dec(q):
    """Fraction -> Decimal at the context precision."""
    return Decimal(q.numerator) / Decimal(q.denominator)


def indices(raw):
    x = [Fraction(v) for v in raw]
    n = len(x)
    total = sum(x)
    mu = total / n
    s = [xi / total for xi in x]
    r = [xi / mu for xi in x]
    out = {}

    out["gini"] = sum(abs(a - b) for a in x for b in x) / (2 * n * n * mu)
    hhi = sum(si * si for si in s)
    out["hhi"] = hhi
    out["hhi_normalised"] = (hhi - Fraction(1, n)) / (1 - Fraction(1, n))
    out["effective_number"] = 1 / hhi

    # Theil T with 0 ln 0 = 0.
    out["theil"] = sum((dec(ri) * dec(ri).ln() for ri in r if ri != 0), Decimal(0)) / n

    if any(xi == 0 for xi in x):
        out["mean_log_deviation"] = None
    else:
        out["mean_log_deviation"] = sum(dec(mu / xi).ln() for xi in x) / n

    mean_sqrt = sum(dec(ri).sqrt() for ri in r) / n
    out["atkinson_0_5"] = 1 - mean_sqrt * mean_sqrt

    if any(xi == 0 for xi in x):
        out["atkinson_1"] = Decimal(1)  # geometric mean is 0
    else:
        geo = (sum(dec(xi).ln() for xi in x) / n).exp()
        out["atkinson_1"] = 1 - geo / dec(mu)

    var = sum((xi - mu) ** 2 for xi in x) / n
    out["coefficient_of_variation"] = dec(var).sqrt() / dec(mu)

    desc = sorted(s, reverse=True)
    out["top_share"] = desc[0]
    out["cr"] = [sum(desc[:k]) for k in range(1, n + 1)]
    out["hoover"] = sum(abs(si - Fraction(1, n)) for si in s) / 2
    out["max_min_ratio"] = None if min(x) == 0 else max(x) / min(x)
    return out


def fmt(v):
    """15 significant digits, always readable as a Rust f64 literal."""
    if v is None:
        return "None"
    if isinstance(v, Fraction):
        v = dec(v)
    text = format(v, ".15g")
    if "." not in text and "e" not in text and "E" not in text:
        text += ".0"
    return text


def main():
    for raw in VECTORS:
        print("values = [" + ", ".join(raw) + "]")
        for name, value in indices(raw).items():
            if name == "cr":
                print(f"  {name:<26} [" + ", ".join(fmt(c) for c in value) + "]")
            else:
                print(f"  {name:<26} {fmt(value)}")
        print()


if __name__ == "__main__":
    main()
