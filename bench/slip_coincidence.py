"""How often the district-sum slip rule (`localise.slip_set`) names the right cells, and how often
a wrong one by coincidence, on values like real reports' rather than the generator's short list:
a cell that only the district's sum checks (行政许可·处理决定数量), 50 units, 45 % of them 0, the
rest spread log-uniformly over 1–5,000; one error per trial.

    python -m bench.slip_coincidence [--trials 3000] [--seed 7]

Kinds: `typo` (one digit of one unit wrong), `nines` (one unit off by a multiple of 9, the worst
case: only such a difference can look like swapped digits), `swap1` (one unit's two digits
swapped), `swap2` (two units' digits swapped). A trial whose injected change is itself a swap of
the printed value is skipped for typo/nines (naming it would be right).
"""
from __future__ import annotations

import argparse
import math
import random

from checker.rules.localise import _swaps, slip_set

KINDS = ("typo", "nines", "swap1", "swap2")
UNITS = 50


def _values(rng: random.Random) -> list[int]:
    return [0 if rng.random() < 0.45 else int(math.exp(rng.uniform(0, math.log(5000)))) for _ in range(UNITS)]


def _swap(rng: random.Random, v: int) -> int | None:
    s = str(v)
    spots = [k for k in range(len(s) - 1) if s[k] != s[k + 1] and not (k == 0 and s[k + 1] == "0")]
    if not spots:
        return None
    k = rng.choice(spots)
    return int(s[:k] + s[k + 1] + s[k] + s[k + 2:])


def _typo(rng: random.Random, v: int) -> int:
    s = str(v)
    k = rng.randrange(len(s))
    d = rng.choice([x for x in "0123456789" if x != s[k] and not (k == 0 and x == "0" and len(s) > 1)])
    return int(s[:k] + d + s[k + 1:])


def trial(rng: random.Random, kind: str) -> tuple[int, int, int] | None:
    """(cells named right, cells named wrong, cells changed), or None to draw again."""
    right = _values(rng)
    printed = list(right)
    changed: dict[int, int] = {}
    if kind in ("typo", "nines"):
        u = rng.choice([u for u in range(UNITS) if right[u]] or range(UNITS))
        printed[u] = _typo(rng, right[u]) if kind == "typo" else right[u] + 9 * rng.choice((1, 2, 3, 4, 5, 10, 11, 20))
        changed[u] = right[u]
        if right[u] in _swaps(printed[u]):
            return None
    else:
        for u in rng.sample([u for u in range(UNITS) if right[u] >= 10], 1 if kind == "swap1" else 2):
            p = _swap(rng, right[u])
            if p is None:
                return None
            printed[u], changed[u] = p, right[u]
    district = sum(right)
    r = district - sum(printed)                 # the district's printed figure minus the units' sum
    options = [(u, printed[u] - f, -(printed[u] - f)) for u in range(UNITS) if printed[u]
               for f in _swaps(printed[u])]
    options += [(-1, district - f, district - f) for f in _swaps(district)]
    named = {u: e for u, e, _ in slip_set(r, 1e-6, options, money=False)}
    good = sum(1 for u, e in named.items() if u in changed and printed[u] - e == changed[u])
    return good, len(named) - good, len(changed)


def run(trials: int = 3000, seed: int = 7) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    out = {}
    for kind in KINDS:
        t = {"trials": 0, "changed": 0, "named_right": 0, "named_wrong": 0, "trials_with_wrong": 0}
        while t["trials"] < trials:
            got = trial(rng, kind)
            if got is None:
                continue
            good, bad, n = got
            t["trials"] += 1
            t["changed"] += n
            t["named_right"] += good
            t["named_wrong"] += bad
            t["trials_with_wrong"] += bad > 0
        out[kind] = t
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="区县合计核对的数字颠倒推断：在接近真实的数值上点名对错各多少")
    ap.add_argument("--trials", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    print(f"{UNITS} 个单位、只由区县合计核对的一格（45% 为 0，其余 1–5000 对数均匀），每类 {a.trials} 次：")
    for kind, t in run(a.trials, a.seed).items():
        print(f"  {kind:<6} 改动 {t['changed']:>5} 格  点名正确 {t['named_right']:>5}  点名错误 {t['named_wrong']:>5}"
              f"（{t['trials_with_wrong']} 次有错点）")


if __name__ == "__main__":
    main()
