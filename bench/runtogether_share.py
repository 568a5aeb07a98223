"""Share of run-together rows decoded uniquely, measured on generated consistent tables.

Random `requests` tables (R1, R2, R3 hold) are generated at three sizes of office, flattened
(each row's cells printed as one run of digits), and decoded by `checker.readers.runtogether`.
Two settings: every row of the table run together (the worst case: only the digits are left), and
one row run together while the others were read normally (the usual copy-paste accident); and
the appeals table's one row (R4 within each of its three groups, no other row to help).
A decode is counted only if it equals the original cells; a wrong decode would be a bug.
"单行可解" counts the rows whose split is unique from the row's own total alone (R3), before R1/R2.

    .venv/bin/python -m bench.runtogether_share [--tables 300] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import time

from checker.model import Report
from checker.readers.runtogether import RunTogetherRow, resolve, row_candidates
from checker.templates import template

# How result rows share the handled requests (granted and "not held" dominate in real reports).
_RESULT_WEIGHTS = {
    "granted": 40, "partly_granted": 8, "unavailable.not_held": 20, "unavailable.needs_creation": 3,
    "unavailable.unclear": 3, "not_processed.petition": 3, "not_processed.duplicate": 3,
    "denied.third_party": 2, "denied.process": 2, "denied.internal": 2, "other": 6, "other.other": 5,
    "other.no_correction": 2,
}
SCALES = {"small": 15, "medium": 120, "large": 1500, "dense": 60}   # typical received per column


def _result_rows(fmt: str) -> list[str]:
    rows = [r.id for r in template(fmt).table("requests").rows]
    return [r for r in rows if r not in ("received", "carried_over", "handled_total", "carried_forward")]


def random_requests(rng: random.Random, fmt: str = "2021", scale: str | None = None) -> dict[str, list[int]]:
    """A consistent `requests` table: row id -> the 7 cells (six applicant columns, then total)."""
    scale = scale or rng.choice(list(SCALES))
    size = SCALES[scale]
    dense = scale == "dense"   # every applicant column busy: many short numbers, the hard case
    received = [int(rng.expovariate(1 / size))] + [
        rng.randint(1, size) if dense else 0 if rng.random() < 0.6 else int(rng.expovariate(1 / max(1, size / 8)))
        for _ in range(5)]
    carried_over = [rng.randint(0, v // 3 + 1) if dense or rng.random() >= 0.7 else 0 for v in received]
    available = [a + b for a, b in zip(received, carried_over)]
    carried_forward = [rng.randint(0, v // 4) if dense or rng.random() >= 0.6 else 0 for v in available]
    handled = [a - b for a, b in zip(available, carried_forward)]
    results = _result_rows(fmt)
    weights = [_RESULT_WEIGHTS.get(r, 1) for r in results]
    table = {rid: [0] * 6 for rid in results}
    for col, n in enumerate(handled):
        for rid in rng.choices(results, weights, k=n):
            table[rid][col] += 1
    rows = {"received": received, "carried_over": carried_over, **table,
            "handled_total": handled, "carried_forward": carried_forward}
    order = [r.id for r in template(fmt).table("requests").rows]
    return {rid: rows[rid] + [sum(rows[rid])] for rid in order}


def flatten(rows: dict[str, list[int]]) -> dict[str, str]:
    """Each row's cells printed without separators."""
    return {rid: "".join(str(v) for v in values) for rid, values in rows.items()}


def _compare(report: Report, rows: dict[str, list[int]], only: list[str]) -> dict[str, int]:
    cols = [c.id for c in template(report.format).table("requests").rows[0].columns]
    ambiguous = {f.cells[0].cell.rsplit(".", 1)[0].split(".", 1)[1] for f in report.findings if f.rule == "F3"}
    flat = flatten(rows)
    out = {"rows": len(only), "alone": 0, "decoded": 0, "ambiguous": 0, "wrong": 0}
    for rid in only:
        out["alone"] += len(row_candidates(flat[rid], "requests", len(cols))[0]) == 1
        got = [report.get(f"requests.{rid}.{c}") for c in cols]
        if rid in ambiguous:
            out["ambiguous"] += 1
        elif got == rows[rid]:
            out["decoded"] += 1
        else:
            out["wrong"] += 1
    return out


def trial(rng: random.Random, fmt: str = "2021", scale: str | None = None, one_row: bool = False) -> dict[str, int]:
    """Generate, flatten, decode, compare. `one_row`: only one random row is run together."""
    rows = random_requests(rng, fmt, scale)
    flat = flatten(rows)
    report = Report(source="bench", unit="测试单位", year=2021)
    report.set_format(fmt)
    targets = [rng.choice(list(rows))] if one_row else list(rows)
    for i, (rid, values) in enumerate(rows.items()):
        if rid in targets:
            continue
        row = template(fmt).table("requests").rows[i]
        for c, v in zip(row.columns, values):
            report.set(f"requests.{rid}.{c.id}", v, row=i + 1, col=2)
    pending = [RunTogetherRow("requests", rid, flat[rid], row=i + 1, col=2)
               for i, rid in enumerate(rows) if rid in targets]
    resolve(report, pending, "bench")
    return _compare(report, rows, targets)


def appeals_trial(rng: random.Random) -> dict[str, int]:
    """Table appeals' one row (three groups of four results and their total, R4) run together."""
    cells = []
    for _ in range(3):
        parts = [0 if rng.random() < 0.5 else int(rng.expovariate(1 / 6)) for _ in range(4)]
        cells += parts + [sum(parts)]
    digits = "".join(str(v) for v in cells)
    report = Report(source="bench", unit="测试单位", year=2021)
    report.set_format("2021")
    resolve(report, [RunTogetherRow("appeals", "count", digits, row=1, col=2)], "bench")
    ids = [c.id for c in template("2021").table("appeals").rows[0].columns]
    got = [report.get(f"appeals.count.{c}") for c in ids]
    ambiguous = any(f.rule == "F3" for f in report.findings)
    return {"rows": 1, "alone": int(len(row_candidates(digits, "appeals", 15)[0]) == 1),
            "decoded": int(not ambiguous and got == cells), "ambiguous": int(ambiguous),
            "wrong": int(not ambiguous and got != cells)}


def measure(tables: int, seed: int, fmt: str = "2021") -> list[dict]:
    lines = []
    for one_row in (False, True):
        for scale in SCALES:
            rng = random.Random(f"{seed}-{scale}-{one_row}")
            total = {"rows": 0, "alone": 0, "decoded": 0, "ambiguous": 0, "wrong": 0}
            t0 = time.perf_counter()
            for _ in range(tables):
                for k, v in trial(rng, fmt, scale, one_row).items():
                    total[k] += v
            lines.append({"setting": "一行连写" if one_row else "整表连写", "scale": scale, **total,
                          "share": total["decoded"] / total["rows"], "seconds": time.perf_counter() - t0})
    rng = random.Random(f"{seed}-appeals")
    total = {"rows": 0, "alone": 0, "decoded": 0, "ambiguous": 0, "wrong": 0}
    t0 = time.perf_counter()
    for _ in range(tables):
        for k, v in appeals_trial(rng).items():
            total[k] += v
    lines.append({"setting": "表四一行", "scale": "small", **total, "share": total["decoded"] / total["rows"],
                  "seconds": time.perf_counter() - t0})
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tables", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", default="2021", choices=["2019", "2021"])
    args = ap.parse_args()
    print(f"{'情形':<8}{'规模':<8}{'行数':>7}{'单行可解':>9}{'唯一解出':>9}{'有歧义':>8}{'解错':>6}{'解出比例':>10}{'用时(s)':>9}")
    for r in measure(args.tables, args.seed, args.format):
        print(f"{r['setting']:<8}{r['scale']:<8}{r['rows']:>7}{r['alone']:>9}{r['decoded']:>9}{r['ambiguous']:>8}"
              f"{r['wrong']:>6}{r['share']:>10.2%}{r['seconds']:>9.1f}")


if __name__ == "__main__":
    main()
