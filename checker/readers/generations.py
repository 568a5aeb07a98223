"""A report whose tables are of two template generations, decided table by table.

Some reports print one table in the 2019 generation's layout and another in 2021's: a 2021 report
whose 表二 still has the 2019 columns (上一年项目数量 / 本年增减 / 处理决定数量) while its 表三 has the
2021 sub-rows of （六）其他处理, or the reverse in a 2020 report. Read with one format for the whole
report, one table's rows find no place (dropped with an F4) or, worse, take the other
generation's columns. Each table's own rows show its generation (column headers for 表二, the
（六） sub-rows or a lone （六）其他处理 row of values for 表三), so the decision is made per table:

- the report takes the data year's generation (the table that departs from it is the odd one;
  without a year, 2021: offices lag behind a new template, not ahead of it);
- the departing table is read with its own generation's rows and columns. A cell whose canonical
  id is the same in both generations (行政许可/行政处罚/行政强制 `decisions`; every 表三 row but
  （六）) is the same cell and is kept in the report; the others have no place in the report's
  template: they are kept as printed in `facts["departures"]` (and the report's JSON), named in an
  F4 info, and checked by the rules that apply to them alone (R5, R7: rules/departed.py). Nothing
  the table printed is dropped.

A 2021 表三 printing （六）其他处理 as one row is the one departure the 2021 reading already keeps
(`grid._Reader._group_departure`): it needs no second reading.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..crossread import UNDECIDED
from ..findings import make
from ..model import Finding, Report
from ..templates import format_for_year, template
from . import labels as L

DEPARTURES = "departures"    # report.facts key: {table id: {"format", "cells", "locations"}}
_GENERATIONS = ("2019", "2021")
_ROWS_2019 = ("其他对外管理服务事项", "政府集中采购")    # 表二 rows 2021 dropped


@dataclass(frozen=True)
class Mixed:
    main: str        # the report's format
    table: str       # the table printed in the other generation
    generation: str  # that table's generation


@cache
def _markers() -> dict[str, dict[str, frozenset[str]]]:
    """Per table, the label fragments only one generation prints: 表二's column keys, 表三's rows
    (minus keys the other generation prints as a group label: 2021 prints 其他处理 over its sub-rows)."""
    out: dict[str, dict[str, frozenset[str]]] = {"active": {}, "requests": {}}
    cols = {f: {L.norm(k) for r in template(f).table("active").rows for c in r.columns for k in c.keys}
            for f in _GENERATIONS}
    rows = {f: {L.norm(k) for r in template(f).table("requests").rows for k in r.keys if not r.exact}
            for f in _GENERATIONS}
    groups = {f: " ".join(L.norm(r.group or "") for r in template(f).table("requests").rows) for f in _GENERATIONS}
    for f, o in (("2019", "2021"), ("2021", "2019")):
        out["active"][f] = frozenset(k for k in cols[f] - cols[o] if len(k) >= 2)
        out["requests"][f] = frozenset(k for k in rows[f] - rows[o] if len(k) >= 2 and k not in groups[o])
    return out


# 表二's rows that show their generation by how many figures they print: 行政许可/行政处罚/行政强制
# print 3 in 2019 (上一年项目数量, 本年增/减, 处理决定数量) and 1 in 2021; 行政事业性收费 2 and 1.
_ROW_WIDTHS = {"行政许可": (3, 1), "行政处罚": (3, 1), "行政强制": (3, 1), "行政事业性收费": (2, 1)}


@lru_cache(maxsize=1 << 12)
def _label_hits(n: str) -> tuple[int, int, int, int]:
    """How many 2019-only and 2021-only fragments of 表二 and of 表三 one normalised label holds
    (active 2019, active 2021, requests 2019, requests 2021). 表二's 2019-only rows (其他对外管理服务事项,
    政府集中采购) count with its column headers."""
    m = _markers()
    bare = L.strip_enum(n)
    sub = n[:1].isdigit() and bare.startswith("申请")      # a wrapped 2021 （六） sub-row (`L.marker_score`)
    return (sum(k in n for k in m["active"]["2019"]) + (bare in _ROWS_2019),
            sum(k in n for k in m["active"]["2021"]),
            sum(k in n for k in m["requests"]["2019"]), sum(k in n for k in m["requests"]["2021"]) + sub)


def table_generations(lines: list) -> dict[str, str]:
    """The generation each of 表二 and 表三 shows by its own rows, where it shows one: 表二 by its
    column headers, its 2019-only rows and how many figures its one-line rows print; 表三 by the 2021
    sub-rows of （六）, or by a （六）其他处理 row of values printed without them (the 2019 row)."""
    a19 = a21 = q19 = q21 = 0
    group_row = False
    for ln in lines:
        for n in ln.normed:
            x = _label_hits(n)
            a19 += x[0]
            a21 += x[1]
            q19 += x[2]
            q21 += x[3]
        if ln.has_values and ln.last:
            last = L.strip_enum(ln.last)
            if last == "其他处理":
                group_row = True
            elif last in _ROW_WIDTHS and len(ln.normed) == 1:
                w19, w21 = _ROW_WIDTHS[last]
                a19 += ln.nvalues == w19
                a21 += ln.nvalues == w21
    out = {}
    if a19 != a21:
        out["active"] = "2019" if a19 > a21 else "2021"
    if q21 and not q19 and not group_row:
        out["requests"] = "2021"
    elif group_row and not q21:
        out["requests"] = "2019"
    return out


def mixed(lines: list, year: int | None) -> Mixed | None:
    """Whether 表二 and 表三 show different generations (None: they agree, or one does not tell).
    Asked only of a report whose reading with one format left findings (`document.to_report`): a
    table of the other generation never reads cleanly, so a clean report costs nothing here."""
    gens = table_generations(lines)
    if len(gens) < 2 or gens["active"] == gens["requests"]:
        return None
    main = format_for_year(year)
    if main not in _GENERATIONS:
        main = "2021"
    tid = next(t for t, g in gens.items() if g != main)
    if tid == "requests" and main == "2021":
        return None      # （六） as one row: the 2021 reading keeps it (module doc)
    return Mixed(main, tid, gens[tid])


def read_mixed(lines: list, report: Report, side: Report, where: str, mix: Mixed,
               read: Callable[[list, Report, str], set[str]]) -> None:
    """Read `report` (format `mix.main`) with table `mix.table` read in its own generation into
    `side` (an empty report of format `mix.generation`): the table's lines (from its title to the
    next table's) go to that reading, the rest to the report's (`read`: `grid.read_lines`, given by
    the pipeline, `document.to_report`). The cells the two generations share are kept in the
    report, the others in `facts["departures"]`, and one F4 info names the departure. Without the
    table's title to tell its lines, the whole report is read with `mix.main` (rows of the other
    generation then find no place and are said so, as before)."""
    tid, gen = mix.table, mix.generation
    own, rest = _split(lines, tid)
    if not own:
        read(lines, report, where)
        return
    found = read(rest, report, where)
    if tid not in read(own, side, where):
        return
    report.facts["tables_found"] = sorted(found | {tid}, key=L.TABLE_ORDER.index)
    main_tpl, side_tpl = template(report.format), template(gen)
    kept: dict[str, float | int | None] = {}
    where_kept: dict[str, str | None] = {}
    shared: list[str] = []
    for cid, value in side.cells.items():
        i = side_tpl.index[cid]
        if cid in main_tpl.index:
            part, row, col = (int(x) for x in side.loc[i])
            report.set(cid, value, row=row, col=col, part=part, **side.cell_meta.get(cid, {}))
            shared.append(cid)
        else:
            kept[cid] = value
            where_kept[cid] = side.locate(cid)
    unread = {c.cell for f in side.findings if f.rule in ("F3", "F4") for c in f.cells}
    for f in side.findings:
        if any(c.cell not in main_tpl.index for c in f.cells):
            # a blank or misprint in a cell the report's template has no place for: said, by its place
            f = replace(f, cells=tuple(c for c in f.cells if c.cell in main_tpl.index))
        report.findings.append(f)
    for u in side.facts.get(UNDECIDED, []):
        if all(c in main_tpl.index for c in u.cells):
            report.facts.setdefault(UNDECIDED, []).append(u)
    report.facts.setdefault(DEPARTURES, {})[tid] = {"format": gen, "cells": kept, "locations": where_kept}
    report.findings.append(_note(report, where, tid, gen, shared, kept, unread))


def _split(lines: list, tid: str) -> tuple[list, list]:
    """The lines of table `tid` (its title line to the next table's title) and all the others."""
    own: list = []
    rest: list = []
    region = None
    for ln in lines:
        if not ln.has_values and ln.label:
            title = L.title_of(ln.label)
            if title and not (title == "appeals" and region == "appeals"):
                region = title
        (own if region == tid else rest).append(ln)
    return own, rest


def _note(report: Report, where: str, tid: str, gen: str, shared: list[str], kept: dict,
          unread: set[str]) -> Finding:
    side_tpl = template(gen)
    label = side_tpl.table(tid).label
    rows: dict[str, list[str]] = {}
    for cid, v in kept.items():
        rows.setdefault(cid.split(".")[1], []).append("未读" if cid in unread else "空" if v is None else str(v))
    names = {r.id: r.label if len(r.label) <= 16 else r.label[:16] + "…" for r in side_tpl.table(tid).rows}
    shown = "；".join(f"{names.get(rid, rid)} {'|'.join(vs)}" for rid, vs in rows.items())
    same = "、".join(side_tpl.cell(c).label for c in shared[:3]) + ("等" if len(shared) > 3 else "")
    detail = (f"表格“{label}”按 {gen} 版印出，本报告按 {report.format} 版读取（其余表格与数据年度均为 "
              f"{report.format} 版）。该表按它自己的 {gen} 版读取："
              + (f"两版相同的 {len(shared)} 格（{same}）已读入；" if shared else "")
              + (f"其余 {len(kept)} 格 {report.format} 版没有对应的格，按原样记下（适用的非负、逐年项目数核对照样进行，不参与表内勾稽）：{shown}。"
                 if kept else f"没有 {report.format} 版之外的格。"))
    return make("F4", unit=report.unit, year=report.year, source=report.source, where=where,
                severity="info", cells=[report.ref(c) for c in shared], detail=detail)
