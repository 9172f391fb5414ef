#!/usr/bin/env python3
"""Write the hostile cases of tests/hostile/ as small fuzz seeds.

    python3 fuzz/hostile_seeds.py DIR

Each file of tests/hostile/{panics,sizes,text}.rs, scaled down to a few
KB (libFuzzer's inputs are small), so the fuzzers start from the shapes
that once crashed, hung or exhausted powershare: failing entries, syntax
errors on every line, arrays of empty tables, unknown references, unknown
codes, all-veto and half-veto boards, refused characters raw and escaped,
nesting at the parser's limit, duplicate keys, seat counts out of range,
amounts at the edge of f64. fuzz/run.sh calls this when it seeds a corpus.
"""
import os
import sys


def bodies(n, extra=""):
    return "".join(f'[[body]]\nid = "b{i}"\n{extra}' for i in range(n))


SEEDS = {
    "failing-entries": bodies(2) + '[[contact]]\nbetween = ["b0", "b1"]\nbogus = 1\n' * 60,
    "equals-lines": "=\n" * 600,
    "empty-tables": "x = [" + "{}," * 900 + "]\n",
    "inline-tables": "".join(f"t{i} = [{{a = 1}}, {{a = 1}}]\n" for i in range(200)),
    "unknown-supporters": bodies(40)
    + '[[decision]]\ntitle = "t"\noutcome = "adopted"\nhow = "vote"\nsupported = ['
    + ",".join(f'"u{i}"' for i in range(300))
    + "]\n",
    "unknown-codes": bodies(1) + "[policy]\ndeny = [" + ",".join(f'"c{i}"' for i in range(400)) + "]\n",
    "same-pair": bodies(2) + '[[relationship]]\nbetween = ["b0", "b1"]\ntrust = 1\n' * 80,
    "all-veto": bodies(40, "seats = 1\n") + "[board]\nveto = [" + ",".join(f'"b{i}"' for i in range(40)) + "]\n",
    "half-veto": bodies(40, "seats = 1\n")
    + "[board]\nquota = \"two-thirds\"\nalso_majority_of_bodies = true\nveto = ["
    + ",".join(f'"b{i}"' for i in range(0, 40, 2))
    + "]\n",
    "seats-out-of-range": '[[body]]\nid = "a"\nseats = 1000001\n[[body]]\nid = "b"\nseats = -3\n[board]\nveto = ["a", "b"]\nquota = 2\n',
    "huge-amounts": bodies(3, "income = 1e308\nstaff = 1.7976931348623157e308\n")
    + '[[funding]]\nfrom = "b0"\nto = "b1"\namount = 1e308\n[weights]\nresources = 1e308\n',
    "tiny-amounts": bodies(3, "income = 5e-324\ncontribution = 4.9e-324\n"),
    "nested-arrays": "x = " + "[" * 81 + "]" * 81 + "\n",
    "nested-tables": "x = " + "{a = " * 81 + "1" + "}" * 81 + "\n",
    "duplicate-keys": bodies(1) + "a = 1\n" * 100 + "[t]\n[t]\n" * 20,
    "dotted-keys": bodies(1) + "".join(f"x.y{i}.z = {i}\n" for i in range(200)),
    "long-texts": bodies(1) + f'[partnership]\nname = "{"n" * 1001}"\n',
    "bad-dates": bodies(1) + "x = [" + ",".join(["1979-13-45T99:99:99Z"] * 50) + "]\n",
    "bad-escapes": bodies(1) + 'x = [' + ",".join(['"\\q\\uZZZZ\\U0011FFFF"'] * 50) + "]\n",
}

# Every refused character class, escaped and raw where TOML allows it, in
# a name, an id and a key; and the joiners that stay allowed.
for i, c in enumerate(["\x00", "\x07", "\x1b", "\r", "\n", "\x7f"]):
    e = f"\\u{ord(c):04X}"
    SEEDS[f"control-{i}"] = f'[[body]]\nid = "a{e}"\nname = "x{e}y"\n"k{e}" = 1\n'
for i, c in enumerate(["\u0085", "\u009f", "\u202a", "\u202e", "\u2066", "\u2069"]):
    SEEDS[f"raw-{i}"] = f'[[body]]\nid = "a{c}"\nname = "x{c}y"\n[[body]]\nid = "b"\nname = "\\u{ord(c):04X}"\n'
SEEDS["joiners"] = '[[body]]\nid = "a"\nname = "x\u200dy\u200cz\ttab\u2028sep"\n'


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, text in SEEDS.items():
        with open(os.path.join(out, f"seed-hostile-{name}.toml"), "w", encoding="utf-8", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
