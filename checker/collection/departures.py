"""A report sheet's block of the cells its documents printed in the other template generation
(`departures`, readers/generations.py): the sheet's tables are the report's own generation and
have no place for them, so `xxgk import` lists them below the tables, one cell a row, and reading
the sheet back takes them from there. The reviewer sees them, can correct them, and the check
applies to them what it applies to the documents (R5, R7: checker/rules/departed.py).

    按 2019 版印出的格（…）
    行·栏目                     数值    单元格编号
    规章·本年新制作数量          1      2019:active.regulations.made

The third column names the cell (generation and canonical id), so a row is read by its id, never
by its label: the label `规章·…` must not be taken for the 2021 table's row 规章. The block's rows
are taken out of the sheet's rows before the tables are read.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Report, render_location
from ..numbers import parse_number
from ..templates import FORMATS, template

DEPARTURES = "departures"                 # report.facts key (readers/generations.DEPARTURES)
SHEET_CELLS = "_departure_cells"          # report.facts: cell id -> [part, row, col] in the sheet (not recorded)
TITLE = "按原表版式记下的格"                # the block's title starts with this
HEADER = ("行·栏目", "数值", "单元格编号")
_TAG = re.compile(r"^\s*(2019|2021):([a-z_]+(?:\.[a-z_]+)+)\s*$")


def block_rows(report: Report) -> list[tuple[str, object, str, str]]:
    """(label, value, tag, kind) for each departing cell of `report`, in template order."""
    out = []
    for tid, d in (report.facts.get(DEPARTURES) or {}).items():
        gen = d.get("format") if isinstance(d, dict) else None
        if gen not in ("2019", "2021") or not isinstance(d.get("cells"), dict):
            continue
        tpl = template(gen)
        for cid in sorted(d["cells"], key=lambda c: tpl.index.get(c, 1 << 30)):
            if cid in tpl.index:
                spec = tpl.cell(cid)
                out.append((spec.label, d["cells"][cid], f"{gen}:{cid}", spec.kind))
    return out


def title(report: Report) -> str:
    gens = sorted({d.get("format") for d in (report.facts.get(DEPARTURES) or {}).values() if isinstance(d, dict)})
    return (f"{TITLE}：原报告有表格按 {'、'.join(gens)} 版印出，本表（{report.format} 版）没有对应的格，"
            "这些格按原样记在这里，照样核对（非负、逐年项目数）；改正时只改“数值”一列。")


def split_rows(rows: list[list[Any]]) -> tuple[list[list[Any]], list[tuple[str, str, Any]]]:
    """The sheet's rows without the block, and the block's cells: (generation, cell id, GridCell
    of the value). A row belongs to the block by its id tag in the third column (or is its title
    or column header)."""
    keep, cells = [], []
    for row in rows:
        texts = [c.text.strip() for c in row]
        tagged = next(((i, m) for i, t in enumerate(texts) if (m := _TAG.match(t))), None)
        if tagged is not None and tagged[0] >= 2:
            i, m = tagged
            cells.append((m.group(1), m.group(2), row[i - 1]))
            continue
        if any(t.startswith(TITLE) for t in texts) or tuple(t for t in texts if t) == HEADER:
            continue
        keep.append(row)
    return keep, cells


def restore(report: Report, cells: list[tuple[str, str, Any]], parts: list[str] | None) -> list[tuple[str, str, str, str]]:
    """Put the block's cells into `report.facts` (the sheet's values win over the facts record's).
    Returns the cells that are not numbers: (label, text, where) for an F2."""
    if not cells or report.format not in FORMATS:
        return []
    own = template(report.format).index
    deps: dict[str, dict] = {}
    at: dict[str, list[int]] = {}
    bad = []
    for gen, cid, cell in cells:
        tpl = template(gen)
        if gen == report.format or cid not in tpl.index or cid in own:
            continue          # not a departure of this report: a tampered tag is ignored
        p = parse_number(cell.text)
        value = p.value if p.status in ("ok", "normalised") else None
        where = render_location("sheet", parts[cell.part] if parts and cell.part < len(parts) else None,
                                cell.row, cell.col)
        if value is None and cell.text.strip():
            bad.append((tpl.cell(cid).label, cell.text.strip(), where, gen))
        d = deps.setdefault(cid.split(".")[0], {"format": gen, "cells": {}, "locations": {}})
        d["cells"][cid] = value
        d["locations"][cid] = where
        at[cid] = [cell.part, cell.row, cell.col]
    if deps:
        report.facts[DEPARTURES] = deps
        report.facts[SHEET_CELLS] = at
    return bad


def unprinted(report: Report) -> set[str]:
    """The report's own cells of each departing table that the other generation has no place for:
    the documents never printed them (blank here, not 'left empty': no F1)."""
    if report.format not in FORMATS:
        return set()
    own = template(report.format)
    out: set[str] = set()
    for tid, d in (report.facts.get(DEPARTURES) or {}).items():
        gen = d.get("format") if isinstance(d, dict) else None
        if gen not in FORMATS or gen == report.format:
            continue
        other = template(gen).index
        out |= {c.id for c in own.cells if c.table == tid and c.id not in other}
    return out
