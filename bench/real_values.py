"""What real reports print in the cells only a district's sum checks (处理决定数量 of 表二), against what
the generator draws: the hand-typed real corpus (tests/fixtures/corpus/*/expected.json, each page once)
and generated districts side by side. A swapped number in such a cell is localised only when no other
unit's number of that district-year could be swapped to the same difference, so what matters is how
often they are 0, how large the others are and how often two units print the same value.

    python -m bench.real_values [--seeds 8] [--json]

Per cell: typed values, share of zeros, non-zero values by magnitude (1–9, 10–99, …), and per
district-year (real: the Pingtan zone's departments of one year, the only district whose units the
corpus holds side by side; generated: each seed's 50 units) the share of units' values ≥ 10 (the
ones a swap can hit) that another unit of the same district-year prints too.
"""
from __future__ import annotations

import argparse
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

from checker.templates import template

from .generate import DRAWS, district
from .real_corpus import typed_rows

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"
ROWS = ("licensing", "penalty", "enforcement", "other_services")
ZONE = "平潭综合实验区"          # the zone's own report sums its departments': left out of the units' figures


def real_reports() -> list[dict]:
    """Every hand-typed 2019/2021-format page once ((body, year) first seen), with its typed cells."""
    seen: dict[tuple, dict] = {}
    for path in sorted(CORPUS.glob("*/expected.json")):
        for name, e in json.loads(path.read_text(encoding="utf-8")).get("files", {}).items():
            if not isinstance(e, dict) or e.get("refused") or e.get("format") not in ("2019", "2021"):
                continue
            cells = dict(e.get("checked", {}))
            cells.update(typed_rows([c.id for c in template(e["format"]).cells], e.get("rows", {})))
            key = (e.get("unit") or e.get("named_in_text") or name, e.get("year"))
            if key in seen:
                for c, v in cells.items():
                    seen[key]["cells"].setdefault(c, v)
            else:
                seen[key] = {"unit": key[0], "year": key[1], "format": e["format"], "cells": cells}
    return list(seen.values())


def generated_reports(seeds: int, draw: str) -> list[dict]:
    out = []
    for seed in range(1, seeds + 1):
        d = district(50, (2019, 2020, 2021), seed, draw=draw)
        for r in d.reports:
            cells = {f"active.{row}.decisions": r.get(f"active.{row}.decisions") for row in ROWS}
            out.append({"unit": r.unit, "year": r.year, "format": r.format, "cells": cells,
                        "district": f"{seed}", "aggregate": r.unit == d.parent_unit})
    return out


def stats(reports: list[dict], district_of) -> dict:
    """Per format and cell: n, zeros, non-zero by decade, share of values ≥ 10 another unit of the same
    district-year prints too (`district_of(report)`: the district's name, None when not known)."""
    out: dict = {}
    for fmt in ("2019", "2021"):
        for row in ROWS:
            cell = f"active.{row}.decisions"
            units = [r for r in reports if r["format"] == fmt and not r.get("aggregate")
                     and r["unit"] != ZONE and r["cells"].get(cell) is not None]
            if not units:
                continue
            vals = [r["cells"][cell] for r in units]
            nonzero = [v for v in vals if v]
            groups: dict[tuple, list[float]] = defaultdict(list)
            for r in units:
                if district_of(r) is not None and r["cells"][cell] >= 10:
                    groups[(district_of(r), r["year"])].append(r["cells"][cell])
            swappable = sum(len(g) for g in groups.values())
            shared = sum(n for g in groups.values() for n in Counter(g).values() if n > 1)
            out[f"{fmt} {cell}"] = {
                "n": len(vals), "zero_pct": round(100 * (len(vals) - len(nonzero)) / len(vals)),
                "decades": dict(sorted(Counter(f"{10 ** int(math.log10(v)):g}+" for v in nonzero).items(),
                                       key=lambda kv: float(kv[0][:-1]))),
                "distinct_nonzero": len(set(nonzero)),
                "ge10_in_a_district": swappable, "ge10_shared": shared}
    return out


def _pingtan(r: dict) -> str | None:
    return ZONE if str(r["unit"]).startswith(ZONE) else None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="真实报告与合成报告中处理决定数量的分布")
    ap.add_argument("--seeds", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    res = {"real": stats(real_reports(), _pingtan)}
    for draw in DRAWS:
        res[f"generated ({draw})"] = stats(generated_reports(a.seeds, draw), lambda r: r["district"])
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    for name, cells in res.items():
        print(name)
        for cell, s in cells.items():
            print(f"  {cell:<36} n={s['n']:>5}  0: {s['zero_pct']:>3} %  非零不同值 {s['distinct_nonzero']:>4}  "
                  f"≥10 且同区同年另一单位同值 {s['ge10_shared']}/{s['ge10_in_a_district']}  {s['decades']}")


if __name__ == "__main__":
    main()
