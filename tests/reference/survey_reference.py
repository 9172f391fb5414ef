"""Independent reference for powershare's survey aggregation (dev only).

Written from DESIGN.md ("The partners' own view: survey responses"), not
from the Rust code: Python's standard library for the views and questions,
and Krippendorff's alpha from the `krippendorff` package on PyPI
(https://github.com/pln-fing-udelar/fast-krippendorff), which `cargo test`
does not need. The Rust tests hold its output:

    pip install krippendorff
    python3 tests/reference/survey_reference.py FILE.toml > tests/reference/NAME.survey.json

prints the `survey` object that `powershare report FILE --format json`
must give (numbers compared with a tolerance of 1e-12 by tests/survey.rs),
and with `--examples` the alphas of the hand-worked cases of
crates/powershare-core/src/measures/krippendorff.rs.
"""
import json
import sys
import tomllib

import krippendorff
import numpy as np

QUESTIONS = ("influence", "expertise", "position")


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    if n == 0:
        return None
    if n % 2:
        return float(xs[n // 2])
    return (xs[n // 2 - 1] + xs[n // 2]) / 2


def alpha(rows, ids):
    """Ordinal alpha of coders (rows of {id: value}) x units (ids), or None."""
    data = [[r.get(i, np.nan) for i in ids] for r in rows if r]
    values = [v for row in data for v in row if not np.isnan(v)]
    # Pairable values: those in a unit with at least two.
    pairable = [
        data[c][u]
        for u in range(len(ids))
        for c in range(len(data))
        if not np.isnan(data[c][u]) and sum(not np.isnan(row[u]) for row in data) >= 2
    ]
    if len(pairable) < 2 or len(set(pairable)) < 2 or not values:
        return None
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal"))


def survey(path):
    p = tomllib.load(open(path, "rb"))
    ids = [b["id"] for b in p["body"]]
    responses = p.get("response", [])
    min_group = p.get("survey", {}).get("min_group", 3)
    # Every respondent: perceptions (body = rater, influence only), then responses.
    people = [{"body": x["rater"], "influence": x["influence"]} for x in p.get("perception", [])]
    people += responses
    out = {"respondents": len(people), "min_group": min_group, "agreement": {}}
    for q in QUESTIONS:
        out["agreement"][q] = alpha([r.get(q, {}) for r in people], ids)
    out["min_agreement"] = p.get("policy", {}).get("min_agreement", 0.4)
    out["responses"] = len(responses)
    out["perceptions"] = len(p.get("perception", []))
    out["without_body"] = sum(1 for r in people if "body" not in r)
    bodies = []
    for i in ids:
        b = {"id": i, "respondents": sum(1 for r in people if r.get("body") == i)}
        for q in QUESTIONS:
            others = [r[q][i] for r in people if r.get("body") != i and i in r.get(q, {})]
            own = [r[q][i] for r in people if r.get("body") == i and i in r.get(q, {})]
            v = {
                "others": {
                    "n": len(others),
                    "mean": sum(others) / len(others) if others else None,
                    "median": median(others),
                    "min": float(min(others)) if others else None,
                    "max": float(max(others)) if others else None,
                },
                "self": {"n": len(own), "mean": sum(own) / len(own)} if len(own) >= min_group else None,
            }
            if own and len(own) < min_group:
                v["self_suppressed"] = True
            b[q] = v
        bodies.append(b)
    out["bodies"] = bodies

    def answers(key, lo, hi):
        xs = [r[key] for r in responses if key in r]
        return {
            "n": len(xs),
            "median": median(xs),
            "answers": {str(k): xs.count(k) for k in range(lo, hi + 1)},
        }

    om = answers("outside_meetings", 0, 4)
    om["often_share"] = (
        sum(1 for r in responses if r.get("outside_meetings", -1) >= 3) / om["n"] if om["n"] else None
    )
    incl = {"n": sum(1 for r in responses if "included_outside" in r), "bodies": []}
    for i in ids:
        group = [r["included_outside"] for r in responses if r.get("body") == i and "included_outside" in r]
        if len(group) >= min_group:
            incl["bodies"].append(
                {"id": i, "n": len(group), "not_included_share": group.count(False) / len(group)}
            )
    funded = {f["to"] for f in p.get("funding", []) if f["from"] != f["to"] and f["amount"] > 0}
    ftd = answers("free_to_disagree", 1, 5)
    fx = [r["free_to_disagree"] for r in responses if r.get("body") in funded and "free_to_disagree" in r]
    ftd["funded"] = {"n": len(fx), "median": median(fx)}
    named = [r["priorities_set_by"] for r in responses if "priorities_set_by" in r]
    out["questions"] = {
        "outside_meetings": om,
        "included_outside": incl,
        "consensus_reflects": answers("consensus_reflects", 1, 5),
        "free_to_disagree": ftd,
        "priorities_set_by": {i: named.count(i) for i in ids if named.count(i)},
    }
    trust = []
    for a in ids:
        for b in ids:
            ts = [r["trust"][b] for r in responses if r.get("body") == a and b in r.get("trust", {})]
            if len(ts) >= min_group:
                trust.append({"from": a, "to": b, "n": len(ts), "mean": sum(ts) / len(ts)})
    if trust:
        out["trust"] = trust
    return out


def examples():
    nan = np.nan
    cases = {
        # Krippendorff (2011), section C: 4 observers x 12 units, missing values.
        "krippendorff_2011_c": [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
            [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
        ],
        "hand_7_9": [[1, 2, 3], [1, 3, 3]],
        "systematic_disagreement": [[0, 5], [5, 0]],
    }
    return {
        k: float(krippendorff.alpha(reliability_data=v, level_of_measurement="ordinal"))
        for k, v in cases.items()
    }


if __name__ == "__main__":
    if sys.argv[1:] == ["--examples"]:
        print(json.dumps(examples(), indent=2))
    else:
        print(json.dumps(survey(sys.argv[1]), indent=2))
