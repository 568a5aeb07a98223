"""How well `xxgk check` finds and localises known errors: a generated district (50 units × 3
years by default) with injected errors, written as text reports and read back through the real
readers, checked with the units file; prints recall, localisation and suggestion rates and the
false errors, per kind of error and overall; then the prose sentence patterns (bench/prose_patterns.py).

    python -m bench.accuracy [--units 50] [--errors 40] [--seed 1] [--seeds 1] [--memory] [--json]
                             [--draw real|fixed]

`--seeds N` runs N districts (seeds seed … seed+N−1) and adds their counts up: a district has
only three years of its aggregate report, so the kinds about the district need several.
`--draw` (bench/generate.py): 处理决定数量 drawn as real reports print them (`real`, the default since
session 12: `python -m bench.real_values` measured it) or from the ten fixed values every figure
before session 12 was measured with (`fixed`: reproduces those figures).
"""
from __future__ import annotations

import json
import math
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import CellRef, Finding

from . import prose_patterns
from .generate import DRAWS, district, write_texts, write_units
from .inject import TABLE_KINDS, Injected, inject

PROSE_RULES = {"prose": ("R10",), "prose_slip": ("R10",), "period": ("M1",)}
LIST_AT_MOST = 40          # misses listed one per line; more are counted


@dataclass
class Score:
    total: int = 0
    found: int = 0
    localisable: int = 0
    localised: int = 0
    suggested: int = 0
    false_errors: list[Finding] = field(default_factory=list)
    wrong_suspects: list[Finding] = field(default_factory=list)
    prose_blames: list[Finding] = field(default_factory=list)     # prose_slip: its right table cell blamed
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    missed: list[Injected] = field(default_factory=list)
    unlocalised: list[Injected] = field(default_factory=list)   # found, not blamed on exactly its cells
    # of those: no cell blamed that nobody changed, every changed cell not named listed as a candidate
    # (the finding says "one of these" instead of naming it; still counted as not localised)
    candidates_only: int = 0

    def add(self, other: "Score") -> None:
        for name in ("total", "found", "localisable", "localised", "suggested", "candidates_only"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("false_errors", "wrong_suspects", "prose_blames", "missed", "unlocalised"):
            getattr(self, name).extend(getattr(other, name))
        for kind, counts in other.by_kind.items():
            for key, n in counts.items():
                self.by_kind[kind][key] += n

    def rates(self) -> dict:
        def pct(a, b):
            return round(100.0 * a / b, 1) if b else None
        return {"injected": self.total, "found": self.found, "recall_pct": pct(self.found, self.total),
                "table_errors_found": self.localisable, "localised": self.localised,
                "localisation_pct": pct(self.localised, self.localisable),
                "suggestion_correct": self.suggested, "suggestion_pct": pct(self.suggested, self.localisable),
                "false_errors": len(self.false_errors), "wrong_suspects": len(self.wrong_suspects),
                "prose_slip_blames": len(self.prose_blames),
                "candidates_only": self.candidates_only}


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), abs_tol=1e-6)


def _blamed(f: Finding) -> list[tuple[CellRef, object]]:
    """The cells a finding blames with their suggested values (`suspects`, else `suspect`)."""
    many = getattr(f, "suspects", None)
    if many:
        return [(x.ref, x.suggestion) for x in many]
    return [(f.suspect, f.suggestion)] if f.suspect is not None else []


def score(truth: list[Injected], findings: list[Finding]) -> Score:
    """An injected table error is found when a finding names one of its cells; localised when the
    findings that blame (or list) its cells blame every cell it changed and no cell that nobody
    changed; its suggestion is right when every changed cell is blamed with its original value."""
    s = Score(total=len(truth))
    touched = {(c.unit, c.year) for t in truth for c in t.changes} | {(t.unit, t.year) for t in truth}
    changed = {CellRef(c.unit, c.year, c.cell) for t in truth for c in t.changes}
    for t in truth:
        k = s.by_kind[t.kind]
        k["injected"] += 1
        if t.kind in PROSE_RULES:
            hit = [f for f in findings if f.rule in PROSE_RULES[t.kind] and (f.unit, f.year) == (t.unit, t.year)
                   and (t.prose_cell is None or CellRef(t.unit, t.year, t.prose_cell) in f.cells)]
            if hit:
                s.found += 1
                k["found"] += 1
            else:
                s.missed.append(t)
            if t.prose_cell is not None:
                # the table prints this cell right: a finding that blames it (R10's own included)
                # was misled by the prose
                ref = CellRef(t.unit, t.year, t.prose_cell)
                blamed = [f for f in findings if f.severity == "error" and ref in dict(_blamed(f))]
                s.prose_blames.extend(blamed)
                k["table_blamed"] += len(blamed)
            continue
        refs = {CellRef(c.unit, c.year, c.cell): c.original for c in t.changes}
        # 处理决定数量: only the district's sum checks them, so a slip there has the least evidence
        only_r9 = all(c.cell.endswith(".decisions") for c in t.changes)
        k["in_decisions"] += only_r9
        about = [f for f in findings
                 if any(r in f.cells or r in f.candidates or r in dict(_blamed(f)) for r in refs)]
        # localisation is judged on the findings that blame its cells or list them as candidates:
        # a finding about another unit's error shows the district's sum as evidence, whose cells
        # include this unit's (when none blames or lists them, on every finding that mentions them)
        hit = [f for f in about if any(r in f.candidates or r in dict(_blamed(f)) for r in refs)] or about
        if not hit:
            s.missed.append(t)
            continue
        s.found += 1
        k["found"] += 1
        s.localisable += 1
        blamed = [(ref, sug) for f in hit for ref, sug in _blamed(f)]
        cells = {ref for ref, _ in blamed}
        if set(refs) <= cells and cells <= changed:
            s.localised += 1
            k["localised"] += 1
            k["localised_in_decisions"] += only_r9
            if all(any(ref == r and _same(sug, orig) for ref, sug in blamed) for r, orig in refs.items()):
                s.suggested += 1
                k["suggested"] += 1
        else:
            s.unlocalised.append(t)
            listed = {c for f in hit for c in f.candidates}
            if cells <= changed and all(r in cells or r in listed for r in refs):
                s.candidates_only += 1
                k["candidates_only"] += 1
    for f in findings:
        if f.severity != "error":
            continue
        mine = (f.unit, f.year) in touched or any(c in changed for c in f.cells)
        if not mine:
            s.false_errors.append(f)
        elif f.rule not in ("M1", "R10") and any(ref not in changed for ref, _ in _blamed(f)):
            s.wrong_suspects.append(f)       # about an injected error, but blaming another cell
    return s


def run(n_units: int = 50, n_errors: int = 40, seed: int = 1, memory: bool = False,
        years=(2019, 2020, 2021), workbook: bool = False, draw: str = "real") -> tuple[Score, list[Finding]]:
    from checker.check import check, check_paths
    d = district(n_units, years, seed, draw=draw)
    # a workbook has no prose; without the readers nobody reports a blank cell (F1)
    from .inject import MIX
    only = TABLE_KINDS if workbook else tuple(k for k, _ in MIX if k != "blank") if memory else None
    inject(d, n_errors, seed, only=only)
    if memory:
        from .inject import apply_to_reports
        apply_to_reports(d)
        result = check(d.reports, units=d.hierarchy())
    elif workbook:
        from .generate import write_workbook
        with tempfile.TemporaryDirectory() as tmp:
            # the collection workbook carries the hierarchy itself (上级单位 in each sheet)
            result = check_paths([write_workbook(d, Path(tmp) / "collection.xlsx")])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            write_texts(d, tmp / "reports")
            write_units(d, tmp / "units.csv")
            result = check_paths([tmp / "reports"], units_file=tmp / "units.csv")
    return score(d.truth, result.findings), result.findings


def main(argv: list[str] | None = None) -> None:
    import argparse
    ap = argparse.ArgumentParser(description="在注入已知错误的合成区县上测量查错和定位的准确率")
    ap.add_argument("--units", type=int, default=50)
    ap.add_argument("--errors", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", type=int, default=1, help="合成几个区县（种子依次加一），计数相加")
    ap.add_argument("--memory", action="store_true", help="不经读取器，直接检查内存中的报告")
    ap.add_argument("--workbook", action="store_true", help="写成汇总工作簿再检查（默认写成文本报告）")
    ap.add_argument("--draw", choices=DRAWS, default="real",
                    help="处理决定数量的取值：real 按真实报告的分布（默认），fixed 十个固定值（第 12 轮以前的测量）")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    s = Score()
    for seed in range(a.seed, a.seed + a.seeds):
        s.add(run(a.units, a.errors, seed, a.memory, workbook=a.workbook, draw=a.draw)[0])
    prose = prose_patterns.run(seed=a.seed)      # real sentence patterns, per kind (its own module)
    if a.json:
        print(json.dumps({"overall": s.rates(), "by_kind": {k: dict(v) for k, v in s.by_kind.items()},
                          "prose_patterns": prose}, ensure_ascii=False, indent=2))
        return
    r = s.rates()
    how = ("内存中的报告" if a.memory else "汇总工作簿" if a.workbook else "文本报告") + \
        ("，处理决定数量按真实分布" if a.draw == "real" else "，处理决定数量取十个固定值")
    seeds = f"种子 {a.seed}" if a.seeds == 1 else f"{a.seeds} 个区县，种子 {a.seed}–{a.seed + a.seeds - 1}"
    print(f"合成区县：{a.units} 个单位 × 3 年（{how}），注入 {r['injected']} 处错误（{seeds}）")
    print(f"  查出（recall）      {r['found']}/{r['injected']} = {r['recall_pct']}%")
    print(f"  定位到注入的单元格  {r['localised']}/{r['table_errors_found']} = {r['localisation_pct']}%（表格类错误）")
    print(f"  建议值等于原值      {r['suggestion_correct']}/{r['table_errors_found']} = {r['suggestion_pct']}%")
    print(f"  误报的错误          {r['false_errors']}")
    print(f"  指错单元格的发现    {r['wrong_suspects']}（与注入错误有关，但嫌疑单元格不是注入的那一格）")
    print(f"  正文笔误却指表格    {r['prose_slip_blames']}（prose_slip：表格该格正确、正文数字写错，却有发现指该格填错）")
    print(f"  其中未点名、只列为候选  {r['candidates_only']}（未定位的错误中，没有指错一格、注入的单元格都在候选里的；仍计为未定位）")
    print("  按错误类型（定位率 = 定位/查出）：")
    for kind, k in s.by_kind.items():
        rate = "" if kind in PROSE_RULES or not k["found"] else f" {100.0 * k['localised'] / k['found']:5.1f}%"
        print(f"    {kind:<18} 注入 {k['injected']:>4}  查出 {k['found']:>4}  定位 {k['localised']:>4}{rate}"
              f"  建议正确 {k['suggested']:>4}  只列为候选 {k['candidates_only']:>3}"
              + (f"  其中处理决定数量 定位 {k['localised_in_decisions']}/{k['in_decisions']}" if k["in_decisions"] else ""))
    for t in s.missed:
        print(f"  漏报：{t.kind} {t.unit} {t.year} {t.cell or ''} 原值 {t.original} 填为 {t.printed}")
    for t in s.unlocalised[:LIST_AT_MOST]:
        print(f"  未准确定位：{t.kind} " + "；".join(f"{c.unit} {c.year} {c.cell} 原值 {c.original} 填为 {c.printed}"
                                           for c in t.changes))
    if len(s.unlocalised) > LIST_AT_MOST:
        print(f"  ……另有 {len(s.unlocalised) - LIST_AT_MOST} 处未准确定位（--json 给出按类型的计数）")
    for f in s.wrong_suspects[:20]:
        print(f"  指错：{f.rule} {f.unit} {f.year} {f.suspect.cell} {f.message[:120]}")
    for f in s.prose_blames[:20]:
        print(f"  正文笔误却指表格：{f.rule} {f.unit} {f.year} {f.message[:120]}")
    for f in s.false_errors[:20]:
        print(f"  误报：{f.rule} {f.unit} {f.year} {f.message[:120]}")
    print(prose_patterns.report(prose))


if __name__ == "__main__":
    main()
