"""Masking for rows short of values (`checker/readers/shortrow.py`): can a report's own error make the
table's equalities place a short row's numbers in the wrong columns, so that a cell is read WRONG?

`pdftotext -layout` prints a row with empty cells as its numbers alone, at places that do not say
which columns they stand in (on the page a table continues onto). shortrow weighs every placement of
the numbers against 表三's R1/R2/row sums (表四's group sums) and reads a cell only when every
placement that is consistent, or one slip away from consistent, agrees on it. This bench builds such
rows from generated reports as offices fill them (`renditions.sparse`: cells left empty, one report
in three with every 0 of 表三 empty), takes one to three rows of 表三 (or 表四's row) that print a
blank as short, puts ONE error in the printed table (a typo, transposition, stray digit, wrong
total, or a printed cell emptied; anywhere in the table, or in a short row itself), and calls the
reader's decision (`shortrow.decide`, what `shortrow.place` reads) on the printed values. Every
printed cell of the short rows is scored against the printed table: read right, read WRONG, unread.

    python -m bench.layout_masking [--units 20] [--seeds 1 2 3] [--trials 4] [--blank-as-zero] [--json]
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import random
import sys
from collections import defaultdict

from checker.readers.shortrow import agreed, decide
from checker.templates import template

from .inject import _mutate
from .renditions import reports, sparse

KINDS = ("none", "typo", "transposition", "stray_digit", "wrong_total", "emptied")
EXAMPLES = 8


def _slip(kind: str, v: float, rng: random.Random) -> float | None:
    if kind == "emptied":
        return None
    out = _mutate(kind, v, rng)
    return None if out is None or out < 0 or out == v else out


def trial(r, fmt: str, tid: str, kind: str, rng: random.Random, into_short: bool, own_blank=None) -> dict | None:
    """One printed table with short rows and one error; the reader's decision scored."""
    tpl = template(fmt)
    rows = tpl.table(tid).rows
    printed = r.values.copy()

    def row_idx(row):
        return [tpl.index[f"{tid}.{row.id}.{c.id}"] for c in row.columns]

    # the short rows: rows printing a blank and a number (an office's empty cells), else one made so
    shortable = [row for row in rows if any(math.isnan(printed[i]) for i in row_idx(row))
                 and not all(math.isnan(printed[i]) for i in row_idx(row))]
    if not shortable:
        row = rng.choice(rows)
        idx = row_idx(row)
        for i in rng.sample(idx, rng.randint(1, min(3, len(idx) - 1))):
            printed[i] = math.nan
        shortable = [row]
    short = rng.sample(shortable, min(len(shortable), rng.randint(1, 3)))
    # one error in the printed table
    if kind != "none":
        pool = [i for row in (short if into_short else rows) for i in row_idx(row) if not math.isnan(printed[i])]
        if not pool:
            return None
        i = rng.choice(pool)
        v = _slip(kind, float(printed[i]), rng)
        if v is None and kind != "emptied":
            return None
        printed[i] = math.nan if v is None else v
    spec, cells = [], []
    values = printed.tolist()
    for row in short:
        idx = row_idx(row)
        numbers = [int(printed[i]) for i in idx if not math.isnan(printed[i])]
        if not numbers or len(numbers) == len(idx):
            continue
        spec.append((row.id, numbers))
        cells.append(idx)
        for i in idx:
            values[i] = math.nan
    if not spec:
        return None
    seen = decide(values, fmt, tid, spec, own_blank)
    out = {"rows": len(spec), "cells": 0, "right": 0, "wrong": 0, "unread": 0, "examples": []}
    for (rid, numbers), idx, left in zip(spec, cells, seen or [set()] * len(spec)):
        known = agreed(numbers, len(idx), left) if left else {}
        for j, i in enumerate(idx):
            truth = None if math.isnan(printed[i]) else float(printed[i])
            if truth is None:
                continue          # a printed blank: counted right either way by the rendition bench
            out["cells"] += 1
            if j not in known:
                out["unread"] += 1
            elif known[j] is not None and float(known[j]) == truth:
                out["right"] += 1
            else:
                out["wrong"] += 1
                out["examples"].append(f"{r.unit} {r.year} {kind} {rid}: {tpl.cells[i].id} 读作 {known[j]}，印的是 {truth:g}")
    return out


def run(units: int, seeds: list[int], trials: int, own_blank=None) -> dict:
    total = defaultdict(lambda: defaultdict(int))
    examples: list[str] = []
    for seed in seeds:
        rng = random.Random(seed)
        for n, r in enumerate(reports(units, seed)):
            page = sparse(r, seed * 1000 + n)
            if rng.random() < 0.5:       # 表四 as offices leave it: a few cells empty
                page = copy.deepcopy(page)
                for c in rng.sample(template(r.format).table("appeals").rows[0].columns, rng.randint(1, 4)):
                    page.set(f"appeals.count.{c.id}", None)
            for tid in ("requests", "appeals"):
                for kind in KINDS:
                    for t in range(trials):
                        got = trial(page, r.format, tid, kind, rng, into_short=t % 2 == 1, own_blank=own_blank)
                        if got is None:
                            continue
                        acc = total[(tid, kind)]
                        acc["tables"] += 1
                        for k in ("rows", "cells", "right", "wrong", "unread"):
                            acc[k] += got[k]
                        examples.extend(got["examples"])
    return {"by": {f"{tid}/{kind}": dict(v) for (tid, kind), v in sorted(total.items())}, "wrong_examples": examples[:EXAMPLES]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="缺格行按表内等式放列：报告自身有一处错时是否读错")
    ap.add_argument("--units", type=int, default=20)
    ap.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3])
    ap.add_argument("--trials", type=int, default=4, help="每份报告、每张表、每种错误的次数")
    ap.add_argument("--blank-as-zero", action="store_true",
                    help="缺格行自己的空格按“无”计（读取器不这样做：空格可能藏着数，见 bench/NOTES.md）")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    out = run(a.units, a.seeds, a.trials, 0 if a.blank_as_zero else None)
    if a.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print("| 表/错误 | 表数 | 缺格行 | 印出的格 | 读对 | 读错 | 未读 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    sums = defaultdict(int)
    for key, v in out["by"].items():
        print(f"| {key} | {v['tables']} | {v['rows']} | {v['cells']} | {v['right']} | {v['wrong']} | {v['unread']} |")
        for k in ("tables", "rows", "cells", "right", "wrong", "unread"):
            sums[k] += v[k]
    print(f"| 合计 | {sums['tables']} | {sums['rows']} | {sums['cells']} | {sums['right']} | {sums['wrong']} | {sums['unread']} |")
    for e in out["wrong_examples"]:
        print("读错:", e)
    return 1 if sums["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
