"""Independent reference model of powershare's dimensions and composite.

Written from ../shared/DESIGN.md alone (not from the Rust code) with the
Python standard library: brute-force Banzhaf over all coalitions, the
resources / expertise / position / dependence / network / agenda /
perceived shares (the last three also from the survey's [[response]]
tables, as DESIGN.md's "The partners' own view" defines), the weighted composite and its O(n^2) Gini. The Rust test
`composite_matches_reference_model` in tests/reference.rs holds its output
for every sample. Run: python3 tests/reference/model.py sample-partnerships/*.toml
"""
import sys, tomllib, itertools, math
FW = dict(daily=5, weekly=4, monthly=3, quarterly=2, rarely=1)

def norm(d):
    s = sum(d.values())
    return None if s <= 0 else {k: v / s for k, v in d.items()}

def gini(xs):
    n = len(xs); mu = sum(xs) / n
    return sum(abs(a - b) for a in xs for b in xs) / (2 * n * n * mu)

def quota_of(q, T):
    if q == "majority": return T // 2 + 1
    if q == "two-thirds": return math.ceil(2 * T / 3)
    if q == "unanimity": return T
    if isinstance(q, int): return q
    return math.ceil(q * T)

def run(path):
    p = tomllib.load(open(path, "rb"))
    B = p["body"]; ids = [b["id"] for b in B]; by = {b["id"]: b for b in B}
    out = {}
    # resources
    fields = [f for f in ("income", "staff", "contribution") if f in B[0]]
    if fields:
        per = [norm({b["id"]: b[f] for b in B}) for f in fields]
        out["resources"] = {i: sum(x[i] for x in per) / len(per) for i in ids}
    # The survey's respondents: every perception (body = rater, influence
    # only) and every response; others' ratings of i are those of
    # respondents whose body is not i.
    people = [{"body": x["rater"], "influence": x["influence"]} for x in p.get("perception", [])]
    people += p.get("response", [])
    def others_mean(q):
        rated = {i: [r[q][i] for r in people if r.get("body") != i and i in r.get(q, {})] for i in ids}
        return {i: sum(v) / len(v) for i, v in rated.items()} if all(rated.values()) else None
    ex = {i: sum(by[i].get("expertise", {}).values()) for i in ids}
    if sum(ex.values()): out["expertise"] = norm(ex)
    elif p.get("response") and others_mean("expertise") and norm(others_mean("expertise")):
        out["expertise"] = norm(others_mean("expertise"))
    if "position" in B[0]: out["position"] = norm({i: by[i]["position"] for i in ids})
    elif p.get("response") and others_mean("position") and norm(others_mean("position")):
        out["position"] = norm(others_mean("position"))
    # voting
    bz = None; info = {}
    if "board" in p:
        bd = p["board"]; seats = {i: by[i].get("seats", 0) for i in ids}
        T = sum(seats.values()); Q = quota_of(bd.get("quota", "majority"), T)
        veto = bd.get("veto", []); dm = bd.get("also_majority_of_bodies", False)
        seated = [i for i in ids if seats[i] > 0]; m = len(seated)
        chair = bd.get("chair"); casting = bd.get("casting_vote", False)
        def wins(S):
            held = sum(seats[i] for i in S)
            # A casting vote (majority quota only): exactly half the seats
            # wins when the chair is in the coalition.
            tie = casting and 2 * held == T and chair in S
            if held < Q and not tie: return False
            if any(v not in S for v in veto): return False
            if dm and sum(1 for i in S if seats[i] > 0) < m // 2 + 1: return False
            return True
        eta = {i: 0 for i in ids}; W = 0
        for r in range(len(ids) + 1):
            for S in itertools.combinations(ids, r):
                S = set(S)
                if wins(S):
                    W += 1
                    for i in S:
                        if not wins(S - {i}): eta[i] += 1
        bz = norm(eta); out["voting"] = bz
        info = dict(T=T, Q=Q, W=W, eta=eta, seatshare={i: seats[i] / T for i in ids},
                    dummies=[i for i in ids if seats[i] > 0 and eta[i] == 0],
                    vetoplayers=[i for i in ids if eta[i] and all(i in S for r in range(len(ids)+1) for S in map(set, itertools.combinations(ids, r)) if wins(S))])
    # dependence
    D = {(i, j): 0.0 for i in ids for j in ids if i != j}
    fshare = {}
    for f in p.get("funding", []):
        D[(f["to"], f["from"])] += f["amount"] / by[f["to"]]["income"]
        fshare[(f["to"], f["from"])] = fshare.get((f["to"], f["from"]), 0) + f["amount"] / by[f["to"]]["income"]
    for d in p.get("dependence", []):
        D[(d["of"], d["on"])] += d["share"]
    D = {k: min(1.0, v) for k, v in D.items()}
    dep = {i: sum(D[(j, i)] for j in ids if j != i) for i in ids}
    if sum(dep.values()): out["dependence"] = norm(dep)
    net = {i: 0 for i in ids}
    for c in p.get("contact", []):
        w = FW[c.get("frequency", "monthly")]
        for x in c["between"]: net[x] += w
    if sum(net.values()): out["network"] = norm(net)
    adopted = [d for d in p.get("decision", []) if d["outcome"] == "adopted"]
    ag = {i: sum(1 for d in adopted if d.get("proposed_by") == i) for i in ids}
    if sum(ag.values()): out["agenda"] = norm(ag)
    if people and others_mean("influence") and norm(others_mean("influence")):
        out["perceived"] = norm(others_mean("influence"))
    w = p.get("weights", {})
    dims = list(out)
    tw = sum(w.get(d, 1.0) for d in dims)
    comp = {i: sum(w.get(d, 1.0) * out[d][i] for d in dims) / tw for i in ids}
    top = max(ids, key=lambda i: comp[i])
    return dict(dims=dims, shares=out, composite=comp, gini=gini(list(comp.values())), top=top)

if __name__ == "__main__":
    for a in sys.argv[1:]:
        r = run(a)
        print(f"== {a}")
        print("composite", " ".join(f"{i}={v:.12f}" for i, v in r["composite"].items()))
        print("gini", f"{r['gini']:.12f}", "top", r["top"])
