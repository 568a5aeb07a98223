"""Masking: does a report's own error, once the page is crawler-flattened, make the run-together
decoder (checker/readers/runtogether.py) pick a split that fits the wrong sums, so that a number is
read WRONG and the error is missed or blamed on the wrong cell?

Generated districts carry the errors bench.accuracy injects (its table kinds, bench/inject.py); each
report is written twice, as tab text (bench.renditions.tab_text: every cell separated) and as the
crawler's one-line text of its web page (bench.renditions.crawler_text), and each rendition's folder
is checked as a reviewer runs `xxgk check FOLDER --units units.csv`. Per error kind and rendition:

    wrong cells   cells read as a number that is not the printed one (in the reports of that kind)
    unread        printed cells left blank (F3/F4), same reports
    found         injected errors some finding names (bench.accuracy.score)
    localised     found and blamed on exactly the changed cells
    wrong blame   error findings about an injected error that blame a cell nobody changed

    python -m bench.crawler_masking [--units 20] [--errors 40] [--seed 1] [--seeds 3] [--json]
    python -m bench.crawler_masking --appeals [--units 50] [--seeds 8]
    python -m bench.crawler_masking --prose [--units 20] [--seeds 3]

`--appeals`: 表四 has no equation across rows (its groups' sums are all the reader has), so the guard
above cannot serve it; this counts, over generated 表四 rows with one slip in one cell, how the run
splits: not at all (F3), one way that is the printed one, one way that is not (a wrong read), and
what the reader reads of those pages.

`--prose`: 表二's splits may be narrowed by a figure the prose states about a cell; this slips that
cell in the table only (the prose keeps the figure as written) and counts what is read wrong.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from checker.model import Report
from checker.templates import template

from .accuracy import score
from .generate import district
from .inject import TABLE_KINDS, inject
from .renditions import crawler_text, tab_text, truth, write_units

RENDITIONS = {"tab": tab_text, "crawler": crawler_text}
NAMES = {"tab": "制表符文本", "crawler": "爬虫扁平文本"}
CLEAN = "(无错报告)"
LIST_AT_MOST = 12


def _cells(got, printed: dict) -> tuple[int, int, int, list[str]]:
    """(cells, wrong, unread, wrong examples) of one report read back against what it prints."""
    if got is None or got.values is None:
        return len(printed), 0, len(printed), []
    tpl = template(got.format)
    read = {c.id: (None if math.isnan(got.values[i]) else float(got.values[i])) for i, c in enumerate(tpl.cells)}
    wrong, unread, examples = 0, 0, []
    for cid, v in printed.items():
        g = read.get(cid)
        if g is None:
            unread += v is not None
        elif v is None or not math.isclose(g, v, abs_tol=1e-6):
            wrong += 1
            examples.append(f"{cid} 读作 {g:g}，印的是 {'空' if v is None else f'{v:g}'}")
    return len(printed), wrong, unread, examples


def run(units: int, errors: int, seeds: list[int]) -> dict:
    """Per rendition: per kind counts, and the wrong cells listed."""
    out: dict = {k: {"kinds": defaultdict(lambda: defaultdict(int)), "wrong_examples": [],
                     "false_errors": 0, "unread_findings": 0, "blame_examples": [], "false_examples": []} for k in RENDITIONS}
    for seed in seeds:
        d = district(units, (2019, 2020, 2021), seed)
        inject(d, errors, seed, only=TABLE_KINDS)
        kind_of: dict[tuple[str, int], str] = {}
        for t in d.truth:
            for c in t.changes:
                kind_of.setdefault((c.unit, c.year), t.kind)
            kind_of.setdefault((t.unit, t.year), t.kind)
        with tempfile.TemporaryDirectory(prefix="xxgk-masking-") as name:
            tmp = Path(name)
            unit_file = write_units(d.reports, tmp / "units.csv")
            for name, render in RENDITIONS.items():
                folder = tmp / name
                folder.mkdir()
                paths = []
                for n, r in enumerate(d.reports):
                    paths.append(folder / f"r{n:04d}.txt")
                    paths[-1].write_text(render(r), encoding="utf-8")
                from checker.check import check_paths
                result = check_paths([folder], units_file=unit_file, stand_ins=False)
                got = {Path(r.source).name: r for r in result.reports}
                s = score(d.truth, result.findings)
                acc = out[name]
                for kind, counts in s.by_kind.items():
                    for key, n in counts.items():
                        acc["kinds"][kind][key] += n
                for f in s.wrong_suspects:
                    acc["kinds"][kind_of.get((f.unit, f.year), CLEAN)]["wrong_blame"] += 1
                # F3/F4 name cells left unread (a reading finding, not a rule's): counted apart
                acc["false_errors"] += sum(f.rule not in ("F3", "F4") for f in s.false_errors)
                acc["unread_findings"] += sum(f.rule in ("F3", "F4") for f in s.false_errors)
                acc["blame_examples"].extend(f"seed {seed} {f.rule} {f.unit} {f.year} {f.suspect.cell if f.suspect else ''}: "
                                             f"{f.message[:100]}" for f in s.wrong_suspects)
                acc["false_examples"].extend(f"seed {seed} {f.rule} {f.unit} {f.year}: {f.message[:100]}"
                                             for f in s.false_errors if f.rule not in ("F3", "F4"))
                for p, r in zip(paths, d.reports):
                    kind = kind_of.get((r.unit, r.year), CLEAN)
                    cells, wrong, unread, examples = _cells(got.get(p.name), truth(r))
                    k = acc["kinds"][kind]
                    k["reports"] += 1
                    k["cells"] += cells
                    k["wrong_cells"] += wrong
                    k["unread_cells"] += unread
                    acc["wrong_examples"].extend(f"seed {seed} {r.unit} {r.year} ({kind}): {e}" for e in examples)
    return out


def appeals_slips(units: int, seeds: list[int], per_report: int = 3) -> dict[str, int]:
    """One slip (typo, transposition, stray digit) in one cell of each generated 表四 row, a few
    times per report: how the printed run splits under the groups' sums (`rows` … `wrong`: the row's
    own splits), and what the reader makes of it, each slipped report's crawler page read back
    (`cells` of the slipped rows: read right, read WRONG, unread)."""
    import random

    from checker.readers.runsplit import row_candidates

    from .inject import _mutate
    from .renditions import _text
    rng = random.Random(5)
    out = {"rows": 0, "none": 0, "several": 0, "printed": 0, "wrong": 0,
           "cells": 0, "cells_right": 0, "cells_wrong": 0, "cells_unread": 0}
    pages: list[tuple[Report, list]] = []
    for seed in seeds:
        for r in district(units, (2021,), seed).reports:
            cols = [c.id for c in template(r.format).table("appeals").rows[0].columns]
            vals = [r.get(f"appeals.count.{c}") for c in cols]
            for _ in range(per_report):
                v, i = list(vals), rng.randrange(len(vals))
                slipped = _mutate(rng.choice(("typo", "transposition", "stray_digit")), v[i], rng)
                if slipped is None or slipped == v[i]:
                    continue
                v[i] = slipped
                cands, truncated = row_candidates("".join(_text(x) for x in v), "appeals", len(cols))
                out["rows"] += 1
                key = ("several" if truncated or len(cands) > 1 else "none" if not cands else
                       "printed" if [float(x) for x in cands[0]] == [float(x) for x in v] else "wrong")
                out[key] += 1
                page = copy.deepcopy(r)
                for c, x in zip(cols, v):
                    page.set(f"appeals.count.{c}", x)
                pages.append((page, [f"appeals.count.{c}" for c in cols]))
    _read_back(pages, out)
    return out


def prose_slips(units: int, seeds: list[int], per_kind: int = 3) -> dict[str, int]:
    """表二 has no sums; a figure its prose states about a cell ("本年度制发规范性文件2件") keeps the
    splits that give it (runtogether._by_prose). The page's prose and its table are written apart,
    and a report may print them differently (R10): here the table's stated cell carries one slip
    (typo, transposition, stray digit) while the prose keeps the figure as it was. Each such page's
    crawler text is read back; `cells` are the cells of the stated row, right, WRONG or unread
    against what the table prints. (bench.renditions' own pages state the figure the table prints.)"""
    import random

    from checker.readers.stated import figures

    from . import renditions
    from .inject import _mutate
    rng = random.Random(7)
    out = {"rows": 0, "cells": 0, "cells_right": 0, "cells_wrong": 0, "cells_unread": 0}
    pages: list[tuple[Report, list]] = []
    said_of: dict[int, str] = {}
    for seed in seeds:
        for r in renditions.reports(units, seed, archive=True):
            said = renditions.prose_figures(r)
            index = template(r.format).index
            for cid, v in figures(said).items() if said else ():
                if cid not in index or not v or cid.endswith(".amount"):
                    continue
                for kind in ("typo", "transposition", "stray_digit"):
                    for _ in range(per_kind):
                        slipped = _mutate(kind, v, rng)
                        if slipped is None or slipped == v:
                            continue
                        page = copy.deepcopy(r)
                        page.set(cid, slipped)
                        row = cid.rsplit(".", 1)[0] + "."
                        said_of[id(page)] = said
                        pages.append((page, [c.id for c in template(r.format).cells if c.id.startswith(row)]))
                        out["rows"] += 1
    original = renditions.prose_figures
    renditions.prose_figures = lambda r: said_of.get(id(r), original(r))   # the prose as it was written
    try:
        _read_back(pages, out)
    finally:
        renditions.prose_figures = original
    return out


def _read_back(pages: list[tuple[Report, list]], out: dict[str, int]) -> None:
    """Each page's crawler text read by the reader (`xxgk extract`'s path): its listed cells right,
    wrong or unread against what it prints."""
    from checker.readers import read_path

    from .renditions import crawler_text
    with tempfile.TemporaryDirectory(prefix="xxgk-appeals-") as name:
        for n, (page, cells) in enumerate(pages):
            path = Path(name) / f"r{n:05d}.txt"
            path.write_text(crawler_text(page), encoding="utf-8")
            got = read_path(path).reports
            for cid in cells:
                printed, read = page.get(cid), got[0].get(cid) if got and got[0].format else None
                out["cells"] += 1
                key = (("cells_unread" if printed is not None else "cells_right") if read is None else
                       "cells_right" if printed is not None and math.isclose(read, printed) else "cells_wrong")
                out[key] += 1
                if key == "cells_wrong":
                    out.setdefault("examples", []).append(f"{page.unit} {cid} 读作 {read:g}，印的是 {printed}")


def table(out: dict) -> str:
    kinds = list(TABLE_KINDS) + [CLEAN]
    lines = ["| 错误类型 | 形式 | 报告 | 单元格 | 读错 | 未读 | 注入 | 查出 | 定位 | 指错 |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind in kinds:
        for name in RENDITIONS:
            k = out[name]["kinds"].get(kind)
            if not k:
                continue
            lines.append(f"| {kind} | {NAMES[name]} | {k['reports']} | {k['cells']:,} | {k['wrong_cells']} "
                         f"| {k['unread_cells']} | {k['injected']} | {k['found']} | {k['localised']} | {k['wrong_blame']} |")
    for name in RENDITIONS:
        tot: defaultdict[str, int] = defaultdict(int)
        for k in out[name]["kinds"].values():
            for key, n in k.items():
                tot[key] += n
        lines.append(f"| **合计** | {NAMES[name]} | {tot['reports']} | {tot['cells']:,} | {tot['wrong_cells']} "
                     f"| {tot['unread_cells']} | {tot['injected']} | {tot['found']} | {tot['localised']} "
                     f"| {tot['wrong_blame']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="带错报告的爬虫扁平文本：连写数字会不会按错的合计拆开（读错、漏报、指错）")
    ap.add_argument("--units", type=int, default=20)
    ap.add_argument("--errors", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--appeals", action="store_true", help="只测表四：一格笔误后连写数字的拆法")
    ap.add_argument("--prose", action="store_true", help="只测表二：正文说到的那一格在表里有笔误（正文仍是原数）")
    a = ap.parse_args(argv)
    if a.prose:
        got = prose_slips(a.units, list(range(a.seed, a.seed + a.seeds)))
        print(json.dumps(got, ensure_ascii=False) if a.json else
              f"表二正文说到的格在表里笔误 {got['rows']} 行，读回其 {got['cells']} 格：读对 {got['cells_right']}，"
              f"读错 {got['cells_wrong']}，未读（F3）{got['cells_unread']}")
        for ex in got.get("examples", [])[:LIST_AT_MOST]:
            print(f"  读错：{ex}")
        return 1 if got["cells_wrong"] else 0
    if a.appeals:
        got = appeals_slips(a.units, list(range(a.seed, a.seed + a.seeds)))
        print(json.dumps(got, ensure_ascii=False) if a.json else
              f"表四一格笔误 {got['rows']} 行：按各组合计拆不开 {got['none']}，几种拆法 {got['several']}，"
              f"唯一且是原表所印 {got['printed']}，唯一却不是原表所印 {got['wrong']}\n"
              f"读回这些行的 {got['cells']} 格：读对 {got['cells_right']}，读错 {got['cells_wrong']}，"
              f"未读（F3）{got['cells_unread']}")
        for ex in got.get("examples", [])[:LIST_AT_MOST]:
            print(f"  读错：{ex}")
        return 1 if got["cells_wrong"] else 0
    out = run(a.units, a.errors, list(range(a.seed, a.seed + a.seeds)))
    if a.json:
        print(json.dumps({name: {"kinds": {k: dict(v) for k, v in acc["kinds"].items()},
                                 "false_errors": acc["false_errors"], "unread_findings": acc["unread_findings"],
                                 "wrong_examples": acc["wrong_examples"], "blame_examples": acc["blame_examples"],
                                 "false_examples": acc["false_examples"]}
                          for name, acc in out.items()}, ensure_ascii=False, indent=2))
    else:
        print(table(out))
        for name, acc in out.items():
            print(f"无错报告上的错误（{NAMES[name]}）：规则 {acc['false_errors']}，未读单元格的 F3/F4 {acc['unread_findings']}")
            for ex in acc["false_examples"][:LIST_AT_MOST]:
                print(f"  误报（{NAMES[name]}）：{ex}")
            for ex in acc["blame_examples"][:LIST_AT_MOST]:
                print(f"  指错（{NAMES[name]}）：{ex}")
            for ex in acc["wrong_examples"][:LIST_AT_MOST]:
                print(f"  读错（{NAMES[name]}）：{ex}")
            if len(acc["wrong_examples"]) > LIST_AT_MOST:
                print(f"  ……另有 {len(acc['wrong_examples']) - LIST_AT_MOST} 格读错")
    return 1 if any(acc["wrong_examples"] for acc in out.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
